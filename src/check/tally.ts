/**
 * Counting what the plan does: per sender (R1, R2, subject keep), per
 * receiver and subject (R4 gaps and extras), per receiver (R5 backbone).
 */
import { backboneAtLeast } from '../domain/codes.js';
import { isReceiver, isSender } from '../domain/scenario.js';
import type { School, Teacher } from '../domain/tables.js';
import { ceilOfShare } from './arithmetic.js';
import type { Lookups, Placement } from './facts.js';

export interface SenderTally {
  readonly school: School;
  readonly eligible: readonly Teacher[];
  readonly required: number;
  readonly cap: number;
  readonly sent: readonly Placement[];
  readonly backboneSent: number;
  /** ceil(backbone_min_share × sent). */
  readonly backboneRequired: number;
  /** Teachers not away on a running rotation, per main subject. */
  readonly present: ReadonlyMap<string, number>;
  /** Teachers sent, per main subject. */
  readonly sentBySubject: ReadonlyMap<string, number>;
  /** Teachers of this school with a pin lock. */
  readonly pins: number;
  /** Teachers of this school with a pin lock, per main subject. */
  readonly pinsBySubject: ReadonlyMap<string, number>;
}

export interface GapTally {
  readonly school_id: string;
  readonly subject: string;
  /** needs.csv teachers less running rotations of that subject there, not below 0. */
  readonly needed: number;
  /** Placements at this school teaching this subject. */
  readonly placements: readonly Placement[];
  readonly filled: number;
  readonly unfilled: number;
}

export interface ReceiverTally {
  readonly school: School;
  readonly before: number;
  readonly after: number;
  /** Placements beyond the needs, over all subjects. */
  readonly extras: number;
}

export interface Tally {
  readonly senders: ReadonlyMap<string, SenderTally>;
  /** Every needs row, in needs.csv order. */
  readonly gaps: readonly GapTally[];
  /** Every receiver-and-subject pair with a need or a placement, keyed "school|subject". */
  readonly posts: ReadonlyMap<string, GapTally>;
  readonly receivers: ReadonlyMap<string, ReceiverTally>;
}

/** The key of a receiver-and-subject pair. */
export function postKey(schoolId: string, subject: string): string {
  return `${schoolId}|${subject}`;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function senderTally(f: Lookups, school: School): SenderTally {
  const { rotation } = f.policy;
  const staff = f.scenario.teachers.filter((t) => t.school_id === school.school_id);
  const eligible = staff.filter((t) => f.standing.get(t.teacher_id)?.eligible === true);
  const sent = f.placements.filter((p) => p.teacher.school_id === school.school_id);
  const present = new Map<string, number>();
  for (const t of staff) if (f.standing.get(t.teacher_id)?.running === null) count(present, t.subject);
  const sentBySubject = new Map<string, number>();
  for (const p of sent) count(sentBySubject, p.teacher.subject);
  const pinned = staff.filter((t) => (f.locks.get(t.teacher_id) ?? []).some((l) => l.action === 'pin'));
  const pinsBySubject = new Map<string, number>();
  for (const t of pinned) count(pinsBySubject, t.subject);
  return {
    school, eligible, sent, present, sentBySubject, pinsBySubject, pins: pinned.length,
    required: ceilOfShare(rotation.min_share, eligible.length),
    cap: ceilOfShare(rotation.max_share, eligible.length),
    backboneSent: sent.filter((p) => backboneAtLeast(p.teacher.backbone, rotation.backbone_level)).length,
    backboneRequired: ceilOfShare(rotation.backbone_min_share, sent.length),
  };
}

function postTally(f: Lookups, schoolId: string, subject: string, gross: number): GapTally {
  const away = f.running.filter((r) => r.to_school === schoolId && f.teachers.get(r.teacher_id)?.subject === subject).length;
  const needed = Math.max(0, gross - away);
  const placements = f.placements.filter((p) => p.row.to_school === schoolId && p.row.subject === subject);
  const filled = Math.min(needed, placements.length);
  return { school_id: schoolId, subject, needed, placements, filled, unfilled: needed - filled };
}

function receiverTally(f: Lookups, school: School, posts: ReadonlyMap<string, GapTally>): ReceiverTally {
  const level = f.policy.rotation.r5_backbone_level;
  const id = school.school_id;
  const strong = (teacherId: string): boolean => {
    const t = f.teachers.get(teacherId);
    return t !== undefined && backboneAtLeast(t.backbone, level);
  };
  const residents = f.scenario.teachers.filter((t) => t.school_id === id && strong(t.teacher_id)).length;
  const visiting = f.running.filter((r) => r.to_school === id && strong(r.teacher_id)).length;
  const before = residents + visiting;
  const after = before + f.placements.filter((p) => p.row.to_school === id && strong(p.teacher.teacher_id)).length;
  let extras = 0;
  for (const post of posts.values()) if (post.school_id === id) extras += post.placements.length - post.filled;
  return { school, before, after, extras };
}

/** Counts the plan against the scenario. */
export function tallyOf(f: Lookups): Tally {
  const senders = new Map(f.scenario.schools.filter(isSender).map((s) => [s.school_id, senderTally(f, s)]));
  const gaps = f.scenario.needs.map((n) => postTally(f, n.school_id, n.subject, n.teachers));
  const posts = new Map(gaps.map((g) => [postKey(g.school_id, g.subject), g]));
  for (const p of f.placements) {
    const key = postKey(p.row.to_school, p.row.subject);
    if (!posts.has(key)) posts.set(key, postTally(f, p.row.to_school, p.row.subject, 0));
  }
  const receivers = new Map(f.scenario.schools.filter(isReceiver).map((s) => [s.school_id, receiverTally(f, s, posts)]));
  return { senders, gaps, posts, receivers };
}

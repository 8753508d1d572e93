/**
 * Who could go where: the counting that decides whether a listed shortfall is
 * real (docs/format.md "Precise meanings"). A move is possible when it breaks no
 * hard rule — same county, not forbidden, within the distance cap, the pin
 * honoured — and keeps the sender's cap, subject keep and R2.
 */
import { backboneAtLeast } from '../domain/codes.js';
import { isReceiver } from '../domain/scenario.js';
import type { School, Teacher } from '../domain/tables.js';
import { ceilOfShare, greatCircleKm } from './arithmetic.js';
import { coupleAllows } from './couples.js';
import type { Facts } from './facts.js';
import type { SenderTally } from './tally.js';

/** Great-circle km between two schools; null when either is unknown or lacks coordinates. */
export function schoolDistance(f: Facts, fromId: string, toId: string): number | null {
  const a = f.schools.get(fromId);
  const b = f.schools.get(toId);
  return a === undefined || b === undefined ? null : greatCircleKm(a, b);
}

/**
 * True when `t` may be placed at `r` at all: a receiver of the home county, not forbidden, within the cap, the
 * pin's school when pinned, and where the couple rule allows it given the spouse's place in the plan (couples.ts).
 */
export function canReach(f: Facts, t: Teacher, r: School): boolean {
  const home = f.schools.get(t.school_id);
  if (home === undefined || !isReceiver(r) || r.county !== home.county) return false;
  const locks = f.locks.get(t.teacher_id) ?? [];
  if (locks.some((l) => l.action === 'forbid' && l.school_id === r.school_id)) return false;
  const pin = locks.find((l) => l.action === 'pin');
  if (pin !== undefined && pin.school_id !== r.school_id) return false;
  const cap = f.policy.assignment.max_distance_km;
  const km = schoolDistance(f, t.school_id, r.school_id);
  return (cap === null || km === null || km <= cap) && coupleAllows(f, t, r);
}

/** True when `t` may be placed at some receiver. */
function reachesAny(f: Facts, t: Teacher): boolean {
  for (const r of f.tally.receivers.values()) if (canReach(f, t, r.school)) return true;
  return false;
}

/** Posts and allowed extras of a county's receivers; Infinity when extras are not capped. */
function countyCapacity(f: Facts, county: string): number {
  const maxExtra = f.policy.assignment.max_extra_per_receiver;
  if (maxExtra === null) return Number.POSITIVE_INFINITY;
  let posts = 0;
  for (const r of f.tally.receivers.values()) {
    if (r.school.county !== county) continue;
    posts += maxExtra + f.tally.gaps.filter((g) => g.school_id === r.school.school_id).reduce((n, g) => n + g.needed, 0);
  }
  return posts;
}

/**
 * Most teachers `s` could send among those `counts` selects: per main subject,
 * the eligible ones with a reachable receiver, but never the last present
 * teacher of the subject (less `taken` places already used per subject);
 * bounded by the county's receiving capacity.
 */
export function maxSendable(f: Facts, s: SenderTally, counts: (t: Teacher) => boolean = () => true, taken: ReadonlyMap<string, number> = new Map()): number {
  const bySubject = new Map<string, number>();
  for (const t of s.eligible) {
    if (counts(t) && reachesAny(f, t)) bySubject.set(t.subject, (bySubject.get(t.subject) ?? 0) + 1);
  }
  let total = 0;
  for (const [subject, n] of bySubject) total += Math.min(n, Math.max(0, (s.present.get(subject) ?? 0) - 1 - (taken.get(subject) ?? 0)));
  return Math.max(0, Math.min(total - notBothPairs(f, s, counts), countyCapacity(f, s.school.county)));
}

/** Couples of `s` under couples.rule = "not_both", both counted and neither placed: only one of each can go. */
function notBothPairs(f: Facts, s: SenderTally, counts: (t: Teacher) => boolean): number {
  if (f.policy.couples.rule !== 'not_both') return 0;
  const here = new Set(s.eligible.filter((t) => counts(t) && !f.placed.has(t.teacher_id) && reachesAny(f, t)).map((t) => t.teacher_id));
  return s.eligible.filter((t) => here.has(t.teacher_id) && t.spouse_id !== undefined && t.teacher_id < t.spouse_id && here.has(t.spouse_id)).length;
}

/** True when a pin lock sends `t` somewhere. */
export function isPinned(f: Facts, t: Teacher): boolean {
  return (f.locks.get(t.teacher_id) ?? []).some((l) => l.action === 'pin');
}

/** True when `t` counts as backbone for R2. */
export function isBackbone(f: Facts, t: Teacher): boolean {
  return backboneAtLeast(t.backbone, f.policy.rotation.backbone_level);
}

/** True when `t` counts for R5. */
export function isCountyBackbone(f: Facts, t: Teacher): boolean {
  return backboneAtLeast(t.backbone, f.policy.rotation.r5_backbone_level);
}

/** How far a sender's backbone count falls short of R2 for `sent` teachers. */
export function backboneDeficit(f: Facts, sent: number, backbone: number): number {
  return Math.max(0, ceilOfShare(f.policy.rotation.backbone_min_share, sent) - backbone);
}

/**
 * True when sending one more teacher, `t`, keeps the sender under its cap and its subject keep, and
 * keeps R2: met if it was met, and no further short if it was short already.
 */
function senderCanAdd(f: Facts, s: SenderTally, t: Teacher): boolean {
  const sent = s.sent.length;
  const keepsSubject = (s.sentBySubject.get(t.subject) ?? 0) + 1 <= (s.present.get(t.subject) ?? 0) - 1;
  const backbone = s.backboneSent + (isBackbone(f, t) ? 1 : 0);
  const keepsR2 = r2Excused(f, s) || backboneDeficit(f, sent + 1, backbone) <= backboneDeficit(f, sent, s.backboneSent);
  return sent < s.cap && keepsSubject && keepsR2;
}

/**
 * The most backbone teachers a sender can include when sending the fewest R1 allows: the pinned
 * ones it must send, plus free backbone teachers in the places the pins leave; and R2's count there.
 */
export function backboneReach(f: Facts, s: SenderTally): { fewest: number; backbone: number; need: number } {
  const pinned = s.sent.filter((p) => isPinned(f, p.teacher));
  const taken = new Map<string, number>();
  for (const p of pinned) taken.set(p.teacher.subject, (taken.get(p.teacher.subject) ?? 0) + 1);
  const free = maxSendable(f, s, (t) => isBackbone(f, t) && !isPinned(f, t), taken);
  const fewest = Math.max(s.required, pinned.length);
  const pinnedBackbone = pinned.filter((p) => isBackbone(f, p.teacher)).length;
  const backbone = pinnedBackbone + Math.min(free, fewest - pinned.length);
  return { fewest, backbone, need: ceilOfShare(f.policy.rotation.backbone_min_share, fewest) };
}

/**
 * True when the plan reads R2 as "excuse" (stats.r2_when_short) and `s` cannot meet R2 by counting:
 * fewer backbone teachers can go than R2 asks even of the fewest it may send. Such a sender is excused
 * from the ratio; it must still send every backbone teacher it can, and may send up to its cap.
 */
export function r2Excused(f: Facts, s: SenderTally): boolean {
  if (f.policy.rotation.r2_when_short !== 'excuse') return false;
  const { backbone, need } = backboneReach(f, s);
  return backbone < need;
}

/** Eligible teachers of the county of `r` who are not placed and whose sender could still send them to `r`. */
export function freeTeachersFor(f: Facts, r: School): Teacher[] {
  const out: Teacher[] = [];
  for (const s of f.tally.senders.values()) {
    if (s.school.county !== r.county) continue;
    for (const t of s.eligible) if (!f.placed.has(t.teacher_id) && canReach(f, t, r) && senderCanAdd(f, s, t)) out.push(t);
  }
  return out;
}

/** True when `t` may teach `subject`. */
export function qualifiedIn(t: Teacher, subject: string): boolean {
  return t.subject === subject || t.qualified_subjects.includes(subject);
}

/**
 * R2 when receivers have limited room: a sender's backbone shortfall is real
 * when no single change gives it a better backbone share without breaking a
 * hard rule or another sender's R1 — add a free backbone teacher where there is
 * room, swap one in for a non-backbone teacher, or take the slot of another
 * sender's non-backbone extra that sender does not need for R1.
 */
import type { Teacher } from '../domain/tables.js';
import { movableExtras, sendText } from './changes.js';
import type { Facts, Placement } from './facts.js';
import { backboneDeficit, canReach, isBackbone, isPinned, qualifiedIn } from './reach.js';
import { postKey, type ReceiverTally, type SenderTally } from './tally.js';

/** True when `t` finds a post at `r` once `freed` (if any) has left it. */
function roomAt(f: Facts, r: ReceiverTally, t: Teacher, freed: Placement | null): boolean {
  const id = r.school.school_id;
  let extras = r.extras;
  let freedPost: string | null = null;
  if (freed !== null && freed.row.to_school === id) {
    const post = f.tally.posts.get(postKey(id, freed.row.subject))!;
    if (post.placements.length > post.needed) extras -= 1;
    else freedPost = post.subject;
  }
  const gap = f.tally.gaps.some((g) => g.school_id === id && (g.unfilled > 0 || g.subject === freedPost) && qualifiedIn(t, g.subject));
  const maxExtra = f.policy.assignment.max_extra_per_receiver;
  return gap || maxExtra === null || extras < maxExtra;
}

function keepsSubject(s: SenderTally, t: Teacher, leaving: Teacher | null): boolean {
  const sent = (s.sentBySubject.get(t.subject) ?? 0) + 1 - (leaving?.subject === t.subject ? 1 : 0);
  return sent <= (s.present.get(t.subject) ?? 0) - 1;
}

/** Where `t` could go once `freed` has left its post; the receiver's id, or null. */
function placeFor(f: Facts, t: Teacher, freed: Placement | null): string | null {
  for (const r of f.tally.receivers.values()) if (canReach(f, t, r.school) && roomAt(f, r, t, freed)) return r.school.school_id;
  return null;
}

/** A single change that improves `s`'s backbone share, in plain words; null when none exists. */
export function changeRaisingBackbone(f: Facts, s: SenderTally): string | null {
  const free = s.eligible.filter((t) => isBackbone(f, t) && !f.placed.has(t.teacher_id) && !isPinned(f, t));
  const sent = s.sent.length;
  const now = backboneDeficit(f, sent, s.backboneSent);
  const addHelps = sent < s.cap && backboneDeficit(f, sent + 1, s.backboneSent + 1) < now;
  for (const t of free) {
    if (addHelps && keepsSubject(s, t, null)) {
      const to = placeFor(f, t, null);
      if (to !== null) return sendText(f, t, f.schools.get(to)!, t.subject);
    }
    for (const p of s.sent) {
      if (isBackbone(f, p.teacher) || isPinned(f, p.teacher) || !keepsSubject(s, t, p.teacher)) continue;
      const to = placeFor(f, t, p);
      if (to !== null) return `${sendText(f, t, f.schools.get(to)!, t.subject)}，替换 ${f.teacher(p.teacher.teacher_id)} / instead of ${p.teacher.teacher_id}`;
    }
    if (!addHelps || !keepsSubject(s, t, null)) continue;
    for (const q of movableExtras(f)) {
      const other = f.tally.senders.get(q.teacher.school_id);
      if (other === undefined || other === s || other.sent.length <= other.required || isBackbone(f, q.teacher)) continue;
      const r = f.tally.receivers.get(q.row.to_school);
      if (r !== undefined && canReach(f, t, r.school) && roomAt(f, r, t, q)) {
        return `${sendText(f, t, r.school, t.subject)}，占用 ${f.teacher(q.teacher.teacher_id)} 的名额 / in the place of ${q.teacher.teacher_id}, whom ${q.teacher.school_id} does not need for R1`;
      }
    }
  }
  return null;
}

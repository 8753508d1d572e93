/**
 * The single changes that would fix an unfilled gap (R4) or a receiver
 * without a county-level backbone teacher (R5). A shortfall is real only when
 * none exists; when one does, the message names it.
 */
import { subjectList } from '../domain/tables.js';
import type { School, Teacher } from '../domain/tables.js';
import type { Facts, Placement } from './facts.js';
import { canReach, freeTeachersFor, isCountyBackbone, qualifiedIn } from './reach.js';
import { postKey, type GapTally, type ReceiverTally } from './tally.js';

/** "数学 math" for messages. */
export function subjectName(f: Facts, code: string): string {
  const zh = subjectList(f.policy.subjects).zh[code];
  return zh === undefined ? code : `${zh} ${code}`;
}

/** Placements beyond their post's need, teaching the teacher's own subject, not pinned: the ones a planner may move. */
export function movableExtras(f: Facts): Placement[] {
  return f.placements.filter((p) => {
    const post = f.tally.posts.get(postKey(p.row.to_school, p.row.subject));
    const pinned = (f.locks.get(p.teacher.teacher_id) ?? []).some((l) => l.action === 'pin');
    return post !== undefined && post.placements.length > post.needed && p.row.subject === p.teacher.subject && !pinned;
  });
}

export function sendText(f: Facts, t: Teacher, r: School, subject: string): string {
  return `可派 ${f.teacher(t.teacher_id)} 从 ${f.school(t.school_id)} 去任教${subjectName(f, subject)} / ${f.teacher(t.teacher_id)} could be sent from ${f.school(t.school_id)} to teach ${subject} at ${r.school_id}`;
}

function movedText(f: Facts, p: Placement, r: School, subject: string): string {
  return `可将 ${f.teacher(p.teacher.teacher_id)} 从 ${f.school(p.row.to_school)} 改派去任教${subjectName(f, subject)} / ${f.teacher(p.teacher.teacher_id)} could be re-pointed from ${f.school(p.row.to_school)} to teach ${subject} at ${r.school_id}`;
}

/** A single change that fills `gap`, in plain words; null when none exists. */
export function changeFillingGap(f: Facts, gap: GapTally): string | null {
  const r = f.schools.get(gap.school_id);
  if (r === undefined) return null;
  const free = freeTeachersFor(f, r).find((t) => qualifiedIn(t, gap.subject));
  if (free !== undefined) return sendText(f, free, r, gap.subject);
  const moved = movableExtras(f).find((p) => {
    if (!qualifiedIn(p.teacher, gap.subject) || !canReach(f, p.teacher, r)) return false;
    const from = f.tally.receivers.get(p.row.to_school);
    const stripsBackbone = p.row.to_school !== r.school_id && isCountyBackbone(f, p.teacher) && from !== undefined && from.after === 1;
    return !stripsBackbone;
  });
  return moved === undefined ? null : movedText(f, moved, r, gap.subject);
}

/** A subject `t` could teach at `r` without breaking the needs rules: an unfilled gap, else the own subject as an allowed extra. */
function roomAt(f: Facts, r: ReceiverTally, t: Teacher): string | null {
  const gap = f.tally.gaps.find((g) => g.school_id === r.school.school_id && g.unfilled > 0 && qualifiedIn(t, g.subject));
  if (gap !== undefined) return gap.subject;
  const maxExtra = f.policy.assignment.max_extra_per_receiver;
  return maxExtra === null || r.extras < maxExtra ? t.subject : null;
}

/** A single change that gives `r` a county-level backbone teacher, in plain words; null when none exists. */
export function changeGivingBackbone(f: Facts, r: ReceiverTally): string | null {
  for (const t of freeTeachersFor(f, r.school)) {
    const subject = isCountyBackbone(f, t) ? roomAt(f, r, t) : null;
    if (subject !== null) return sendText(f, t, r.school, subject);
  }
  for (const p of movableExtras(f)) {
    if (!isCountyBackbone(f, p.teacher) || p.row.to_school === r.school.school_id) continue;
    if ((f.tally.receivers.get(p.row.to_school)?.after ?? 0) < 2 || !canReach(f, p.teacher, r.school)) continue;
    const subject = roomAt(f, r, p.teacher);
    if (subject !== null) return movedText(f, p, r.school, subject);
  }
  return null;
}

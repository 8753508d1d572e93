/**
 * Earlier rotations (history.csv): some long over, some started within the
 * cooldown (these teachers are not eligible again yet), and a few two-year
 * rotations still running in the plan year (the teacher is away and already
 * fills a post at the receiver). Every rotation starts on a term's first day
 * after the teacher joined the home school, towards a nearby receiver.
 */
import { addDays } from 'date-fns/addDays';
import { addYears } from 'date-fns/addYears';
import { lightFormat } from 'date-fns/lightFormat';
import type { Rotation, School, Teacher } from '../domain/tables.js';
import type { Rng } from './random.js';

export interface HistoryContext {
  readonly rng: Rng;
  readonly termStart: Date;
  /** Nearby receivers of each sending school (same county), nearest first. */
  readonly receiversNear: ReadonlyMap<string, readonly School[]>;
}

/** [years before the plan year the rotation began, its length in years]. */
function kindOf(rng: Rng): readonly [number, number] | null {
  const r = rng.next();
  if (r < 0.015) return [1, 2];
  if (r < 0.05) return [rng.int(1, 2), 1];
  if (r < 0.08) return [rng.int(4, 9), 1];
  return null;
}

/** History rows for the teachers of sending schools. */
export function rotationHistory(ctx: HistoryContext, teachers: readonly Teacher[]): Rotation[] {
  const { rng, termStart } = ctx;
  const out: Rotation[] = [];
  for (const t of teachers) {
    const near = ctx.receiversNear.get(t.school_id);
    if (near === undefined || near.length === 0) continue;
    const kind = kindOf(rng);
    if (kind === null) continue;
    const [ago, length] = kind;
    const start = addYears(termStart, -ago);
    const startText = lightFormat(start, 'yyyy-MM-dd');
    if (startText < t.school_start_date) continue;
    const to = rng.pick(near.slice(0, 5));
    out.push({
      teacher_id: t.teacher_id, from_school: t.school_id, to_school: to.school_id,
      start_date: startText, end_date: lightFormat(addDays(addYears(start, length), -1), 'yyyy-MM-dd'),
    });
  }
  return out;
}

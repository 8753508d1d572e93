/**
 * Couples in the checker's counting: whether the couple rule lets a teacher be
 * placed at a receiver given where the plan places the spouse, and the
 * spouses the rule holds home. Spouses in two counties cannot be placed
 * together and the planner solves counties apart: under "together" or
 * "not_both" the spouse in the later county (schools-table order) stays home
 * when the other, in the earlier county, is eligible too (the documented rule).
 */
import { isSender } from '../domain/scenario.js';
import type { School, Teacher } from '../domain/tables.js';
import { greatCircleKm } from './arithmetic.js';
import type { Facts } from './facts.js';

/** Km between two receivers, null when unknown. */
export function coupleKmApart(f: Facts, a: string, b: string): number | null {
  const x = f.schools.get(a);
  const y = f.schools.get(b);
  return x === undefined || y === undefined ? null : greatCircleKm(x, y);
}

function couldRotate(f: Facts, t: Teacher | undefined): t is Teacher {
  if (t === undefined || f.standing.get(t.teacher_id)?.eligible !== true) return false;
  const home = f.schools.get(t.school_id);
  return home !== undefined && isSender(home);
}

/** True when the couple rule lets `t` go to `r` with the spouse where the plan places them (or not at all). */
export function coupleAllows(f: Facts, t: Teacher, r: School): boolean {
  const { rule, max_km: maxKm } = f.policy.couples;
  if (rule === 'ignore' || t.spouse_id === undefined) return true;
  const spouse = f.teachers.get(t.spouse_id);
  if (!couldRotate(f, spouse) || !couldRotate(f, t)) return true;
  const order = [...new Set(f.scenario.schools.map((s) => s.county))];
  const county = (x: Teacher) => order.indexOf(f.schools.get(x.school_id)!.county);
  if (county(t) > county(spouse)) return false; // held home for a spouse in an earlier county
  const q = f.placed.get(spouse.teacher_id);
  if (q === undefined) return true;
  if (rule === 'not_both') return false;
  if (q.row.to_school === r.school_id) return true;
  const km = coupleKmApart(f, q.row.to_school, r.school_id);
  return maxKm > 0 && km !== null && km <= maxKm;
}

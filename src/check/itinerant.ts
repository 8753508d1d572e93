/**
 * The checker's own count of 走教 periods (docs/more-hands.md), written apart
 * from the planner's (src/policy/itinerant-periods.ts) so that a mistake in
 * one is caught by the other. For each school and subject this term: the
 * periods its classes need by `norms.curriculum`, and its staff of that main
 * subject — residents not away and not sent, teachers on a running rotation
 * there, the plan's teachers placed there — each giving a full load
 * (`norms.load` of the school's stage; nine/twelve-year: the smaller).
 * spare = ⌊staff × load − periods⌋⁺ (any school), uncovered = ⌈periods − staff × load⌉⁺ (receivers).
 */
import { STAGE_GRADES } from '../domain/grades.js';
import { isReceiver } from '../domain/scenario.js';
import type { School } from '../domain/tables.js';
import type { Facts } from './facts.js';

const EPS = 1e-9;

export interface CheckedPeriods {
  readonly periods: number;
  readonly load: number;
  /** Ids of the staff of this main subject here this term. */
  readonly staff: ReadonlySet<string>;
  readonly spare: number;
  readonly uncovered: number;
}

const key = (school: string, subject: string) => `${school}|${subject}`;

function loadAt(school: School, f: Facts): number {
  const { primary, junior } = f.policy.norms.load;
  if (school.stage === 'primary') return primary;
  if (school.stage === 'junior') return junior;
  return Math.min(primary, junior);
}

function periodsOf(school: School, subject: string, f: Facts): number {
  const grades = STAGE_GRADES[school.stage];
  const table = f.policy.norms.curriculum[subject];
  if (table === undefined) return 0;
  const perGrade = school.classes_by_grade ?? grades.map(() => school.classes / grades.length);
  let total = 0;
  grades.forEach((g, i) => { total += (perGrade[i] ?? 0) * (table[g - 1] ?? 0); });
  return total;
}

/** The period count of one school and subject (memoised per Facts by the caller). */
export function periodTable(f: Facts): (school: string, subject: string) => CheckedPeriods | undefined {
  const staff = new Map<string, Set<string>>();
  const put = (school: string, subject: string, id: string) => {
    const k = key(school, subject);
    if (!staff.has(k)) staff.set(k, new Set());
    staff.get(k)!.add(id);
  };
  const away = new Set(f.running.map((r) => r.teacher_id));
  const sent = new Set(f.plan.assignments.map((a) => a.teacher_id));
  for (const t of f.teachers.values()) if (!away.has(t.teacher_id) && !sent.has(t.teacher_id)) put(t.school_id, t.subject, t.teacher_id);
  for (const r of f.running) {
    const t = f.teachers.get(r.teacher_id);
    if (t !== undefined && !sent.has(t.teacher_id)) put(r.to_school, t.subject, t.teacher_id);
  }
  for (const a of f.plan.assignments) if (f.teachers.has(a.teacher_id)) put(a.to_school, a.subject, a.teacher_id);
  const memo = new Map<string, CheckedPeriods>();
  return (schoolId, subject) => {
    const school = f.schools.get(schoolId);
    if (school === undefined) return undefined;
    const k = key(schoolId, subject);
    if (!memo.has(k)) {
      const members = staff.get(k) ?? new Set<string>();
      const load = loadAt(school, f);
      const periods = periodsOf(school, subject, f);
      const capacity = members.size * load;
      memo.set(k, {
        periods, load, staff: members,
        spare: Math.max(0, Math.floor(capacity - periods + EPS)),
        uncovered: isReceiver(school) ? Math.max(0, Math.ceil(periods - capacity - EPS)) : 0,
      });
    }
    return memo.get(k)!;
  };
}

/**
 * Months of the term, whole months counted 1 and part months by their days (the checker's own pro rata), or
 * not at all when `wholeOnly` (policy allowances.part_month = whole_months).
 */
export function termMonths(start: string, end: string, wholeOnly = false): number {
  let months = 0;
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = end.split('-').map(Number) as [number, number, number];
  for (let y = sy, m = sm; y < ey || (y === ey && m <= em); m === 12 ? (y++, m = 1) : m++) {
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const from = y === sy && m === sm ? sd : 1;
    const to = y === ey && m === em ? ed : days;
    const part = (to - from + 1) / days;
    months += wholeOnly && part < 1 ? 0 : part;
  }
  return months;
}

/**
 * The posts of a receiver's gap the plan's 走教 covers make whole, by the checker's count: the gap lacked
 * ⌈need ÷ load⌉ posts' worth of periods after the rotation (need = its uncovered periods, at most unfilled ×
 * load) and lacks ⌈(need − covered) ÷ load⌉ after the covers; never more than the unfilled posts. 0 when the
 * plan has no covers there. The volunteers rule counts only the posts left after these.
 */
export function coveredPosts(f: Facts, table: ReturnType<typeof periodTable>, school: string, subject: string, unfilled: number): number {
  const covered = (f.plan.itinerant?.covers ?? []).filter((c) => c.school_id === school && c.subject === subject).reduce((n, c) => n + c.periods, 0);
  const count = table(school, subject);
  if (covered <= 0 || unfilled <= 0 || count === undefined) return 0;
  const need = Math.max(0, Math.min(count.uncovered, unfilled * count.load));
  const before = Math.ceil(need / count.load - EPS);
  const after = Math.ceil(Math.max(0, need - covered) / count.load - EPS);
  return Math.max(0, Math.min(unfilled, before - after));
}

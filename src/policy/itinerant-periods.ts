/**
 * The period count behind 走教 (四(二)2 二): for each school and subject of a
 * district, the weekly periods its classes need by the curriculum (policy
 * `norms.curriculum`), the periods its teachers of that main subject can give
 * at a full load (`norms.load`), and so its spare periods (a home school may
 * lend them) or its uncovered periods (a receiver lacks them after the
 * rotation). Pure. The checker (src/check/itinerant.ts) counts the same
 * figures by its own code.
 *
 * Counting rules, stated once: a teacher counts in their main subject only;
 * the staff of a school this term are its teachers not away on a running
 * rotation and not sent by the plan, the teachers on a running rotation
 * there, and the plan's teachers placed there (in the subject they are placed
 * for); a teacher's full load is the school's stage load (`norms.load`; a
 * nine- or twelve-year school: the smaller of the two, so spare periods are
 * never overstated).
 */
import type { Plan } from '../domain/plan.js';
import type { Policy } from '../domain/policy.js';
import { isReceiver, type Scenario } from '../domain/scenario.js';
import type { School, Teacher } from '../domain/tables.js';
import { STAGE_GRADES } from '../domain/grades.js';
import { isRunning } from './eligibility.js';
import { classesByGrade } from './norms.js';
import type { Term } from './term.js';

const EPS = 1e-9;

/** A teacher's full weekly load at `school`: the stage's `norms.load` (nine/twelve-year: the smaller). */
export function fullLoad(school: Pick<School, 'stage'>, policy: Policy): number {
  const { primary, junior } = policy.norms.load;
  return school.stage === 'primary' ? primary : school.stage === 'junior' ? junior : Math.min(primary, junior);
}

/** Weekly periods of each curriculum subject the school's classes need (subjects with none left out). */
export function periodsBySubject(school: School, policy: Policy): Map<string, number> {
  const perGrade = classesByGrade(school);
  const out = new Map<string, number>();
  for (const [subject, table] of Object.entries(policy.norms.curriculum)) {
    const periods = STAGE_GRADES[school.stage].reduce((n, grade, i) => n + (perGrade[i] ?? 0) * (table[grade - 1] ?? 0), 0);
    if (periods > EPS) out.set(subject, periods);
  }
  return out;
}

/** One school and subject this term. */
export interface PeriodBalance {
  readonly school_id: string;
  readonly subject: string;
  /** Weekly periods the classes need (may be fractional when classes are spread over grades). */
  readonly periods: number;
  /** A teacher's full load here. */
  readonly load: number;
  /** The staff of this main subject this term, in id order. */
  readonly staff: readonly Teacher[];
  /** Ids of the staff placed here by this plan (rotated in). */
  readonly placed: ReadonlySet<string>;
  /** floor(staff × load − periods) when positive, else 0. */
  readonly spare: number;
  /** ceil(periods − staff × load) when positive, else 0. */
  readonly uncovered: number;
}

export const balanceKey = (school: string, subject: string) => `${school}\u0000${subject}`;

/** Every school's period balance per subject (curriculum subjects and subjects someone teaches there), keyed by balanceKey. */
export function periodBalances(scenario: Scenario, plan: Pick<Plan, 'assignments'>, term: Term): Map<string, PeriodBalance> {
  const teachers = new Map(scenario.teachers.map((t) => [t.teacher_id, t]));
  const running = scenario.history.filter((r) => isRunning(r, term));
  const away = new Set(running.map((r) => r.teacher_id));
  const sent = new Set(plan.assignments.map((a) => a.teacher_id));
  const staff = new Map<string, { t: Teacher; placed: boolean }[]>();
  const add = (school: string, subject: string, t: Teacher, placed: boolean) => {
    const k = balanceKey(school, subject);
    staff.set(k, [...(staff.get(k) ?? []), { t, placed }]);
  };
  for (const t of scenario.teachers) if (!away.has(t.teacher_id) && !sent.has(t.teacher_id)) add(t.school_id, t.subject, t, false);
  for (const r of running) {
    const t = teachers.get(r.teacher_id);
    if (t !== undefined && !sent.has(t.teacher_id)) add(r.to_school, t.subject, t, false);
  }
  for (const a of plan.assignments) {
    const t = teachers.get(a.teacher_id);
    if (t !== undefined) add(a.to_school, a.subject, t, true);
  }
  const out = new Map<string, PeriodBalance>();
  for (const school of scenario.schools) {
    const load = fullLoad(school, scenario.policy);
    const periods = periodsBySubject(school, scenario.policy);
    const subjects = new Set([...periods.keys(), ...[...staff.keys()].filter((k) => k.startsWith(`${school.school_id}\u0000`)).map((k) => k.slice(school.school_id.length + 1))]);
    for (const subject of subjects) {
      const k = balanceKey(school.school_id, subject);
      const list = (staff.get(k) ?? []).sort((a, b) => (a.t.teacher_id < b.t.teacher_id ? -1 : a.t.teacher_id > b.t.teacher_id ? 1 : 0));
      const p = periods.get(subject) ?? 0;
      const capacity = list.length * load;
      out.set(k, {
        school_id: school.school_id, subject, periods: p, load, staff: list.map((s) => s.t),
        placed: new Set(list.filter((s) => s.placed).map((s) => s.t.teacher_id)),
        spare: Math.max(0, Math.floor(capacity - p + EPS)),
        uncovered: isReceiver(school) ? Math.max(0, Math.ceil(p - capacity - EPS)) : 0,
      });
    }
  }
  return out;
}

/**
 * The periods a week 走教 may cover at a receiver and subject: those the
 * count finds lacking after the rotation, never more than the open posts of
 * the plan's gap row for it (its unfilled posts × a full load). 走教 fills
 * what the rotation leaves open of the needs the plan works to (needs.csv, or
 * the norms), not periods HR did not list as a gap.
 */
export function coverNeed(b: Pick<PeriodBalance, 'uncovered' | 'load'> | undefined, unfilled: number): number {
  return b === undefined ? 0 : Math.max(0, Math.min(b.uncovered, unfilled * b.load));
}

/**
 * THE rule for how many posts of a (receiver, subject) gap 走教 makes whole.
 * The plan records its result on each gap row as `gaps[].itinerant_posts`
 * (engine/itinerant.ts gapsWithCovers calls this, and nothing else decides
 * it); the 银龄讲学 volunteers stage, which comes after 走教, places volunteers
 * only on the posts left: `gap.unfilled − gap.itinerant_posts` (0 when absent).
 * The receiver still lacks `uncovered` periods a week after the rotation,
 * i.e. ceil(uncovered / load) posts' worth; after covers of `covered`
 * periods it lacks ceil((uncovered − covered) / load). The difference is what
 * the covers make whole, never more than the gap's unfilled posts (posts a
 * small school's 班师比 floor adds carry no periods, so covers never fill them).
 *
 * @example itinerantPosts({ unfilled: 1, uncovered: 6, covered: 6, load: 16 }) // 1: six periods of music walked in fill the post
 * @example itinerantPosts({ unfilled: 2, uncovered: 20, covered: 3, load: 16 }) // 0: 17 periods still need two teachers
 * @example itinerantPosts({ unfilled: 2, uncovered: 20, covered: 6, load: 16 }) // 1: 14 periods need one teacher
 */
export function itinerantPosts(g: { readonly unfilled: number; readonly uncovered: number; readonly covered: number; readonly load: number }): number {
  if (g.unfilled <= 0 || g.covered <= 0) return 0;
  const before = Math.ceil(g.uncovered / g.load - EPS);
  const after = Math.ceil(Math.max(0, g.uncovered - g.covered) / g.load - EPS);
  return Math.max(0, Math.min(g.unfilled, before - after));
}

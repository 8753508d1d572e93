/**
 * Everything the rules look up, derived once from the scenario and the plan:
 * who is who, who is eligible, which assignments count. Pure data; the
 * tallies built on it live in tally.ts.
 */
import type { Assignment, Plan } from '../domain/plan.js';
import type { Policy } from '../domain/policy.js';
import type { Scenario } from '../domain/scenario.js';
import type { Lock, Rotation, School, Teacher } from '../domain/tables.js';
import { runsInto, standingOf, type Standing } from './eligibility.js';
import { tallyOf, type Tally } from './tally.js';
import { termDates, type TermDates } from './term.js';
import { schoolLabel, teacherLabel } from './violation.js';

/** An assignment row the tallies count: the first one of a teacher the roster knows. */
export interface Placement {
  readonly row: Assignment;
  /** 0-based index in plan.assignments. */
  readonly index: number;
  readonly teacher: Teacher;
}

/** The lookups; `Facts` adds the tallies. */
export interface Lookups {
  readonly scenario: Scenario;
  readonly plan: Plan;
  readonly policy: Policy;
  readonly term: TermDates;
  readonly schools: ReadonlyMap<string, School>;
  readonly teachers: ReadonlyMap<string, Teacher>;
  readonly standing: ReadonlyMap<string, Standing>;
  readonly locks: ReadonlyMap<string, readonly Lock[]>;
  /** Rotations still running on the term's first day. */
  readonly running: readonly Rotation[];
  readonly placements: readonly Placement[];
  /** Placement of each placed teacher. */
  readonly placed: ReadonlyMap<string, Placement>;
  /** "R1|OH-P001" keys of the shortfalls the plan lists. */
  readonly listed: ReadonlySet<string>;
  school(id: string): string;
  teacher(id: string): string;
}

export interface Facts extends Lookups {
  readonly tally: Tally;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

/** The key of a listed shortfall. */
export function shortfallKey(rule: string, schoolId: string): string {
  return `${rule}|${schoolId}`;
}

/**
 * The scenario's policy with the readings the plan states: `stats.r2_when_short` (how R2 reads for a sender
 * that cannot meet it). A plan without it was made under "least_shortfall", the only reading before it existed.
 */
function withPlanReadings(policy: Policy, plan: Plan): Policy {
  const stated = plan.stats['r2_when_short'];
  const r2 = stated === 'excuse' ? 'excuse' : 'least_shortfall';
  return { ...policy, rotation: { ...policy.rotation, r2_when_short: r2 } };
}

/** Derives the facts the rules read. */
export function factsOf(scenario: Scenario, plan: Plan): Facts {
  const policy = withPlanReadings(scenario.policy, plan);
  const term = termDates(plan.plan_year, policy);
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const teachers = new Map(scenario.teachers.map((t) => [t.teacher_id, t]));
  const history = groupBy(scenario.history, (r) => r.teacher_id);
  const locks = groupBy(scenario.locks, (l) => l.teacher_id);
  const standing = new Map(scenario.teachers.map((t) => [
    t.teacher_id, standingOf(t, schools.get(t.school_id), history.get(t.teacher_id) ?? [], locks.get(t.teacher_id) ?? [], term, policy),
  ]));
  const running = scenario.history.filter((r) => runsInto(r, term));
  const placed = new Map<string, Placement>();
  plan.assignments.forEach((row, index) => {
    const teacher = teachers.get(row.teacher_id);
    if (teacher !== undefined && !placed.has(row.teacher_id)) placed.set(row.teacher_id, { row, index, teacher });
  });
  const lookups: Lookups = {
    scenario, plan, policy, term, schools, teachers, standing, locks, running,
    placements: [...placed.values()], placed,
    listed: new Set(plan.shortfalls.map((s) => shortfallKey(s.rule, s.school_id))),
    school: (id) => schoolLabel(id, schools.get(id)),
    teacher: (id) => teacherLabel(id, teachers.get(id)),
  };
  return { ...lookups, tally: tallyOf(lookups) };
}

/**
 * The scenario of the year after a plan (`rotation plan --years`): this
 * year's rotations become history — the teachers return at term end, and
 * eligibility's cooldown (R3, `eligibility.cooldown_years`) counts them as
 * rotated from their start date — and every teacher's `rural_months` grows
 * by the whole months served at rural schools during the term, as the
 * plan's report counts them (titles.ts: only `area` rural counts as 乡村任教).
 * HR's pins and keeps are decisions for the first year; forbids stand.
 */
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { subsetScenario } from '../domain/scenario-subset.js';
import type { Rotation } from '../domain/tables.js';
import { ruralMonths } from './titles.js';

/**
 * The scenario for `plan.plan_year + 1`, given the scenario the plan was made from.
 * @example planScenario(nextYearScenario(s, planScenario(s, 2018).plan), 2019)
 */
export function nextYearScenario(scenario: Scenario, plan: Plan): Scenario {
  const months = ruralMonths(scenario, plan);
  const rotations = plan.assignments.map((a): Rotation => ({
    teacher_id: a.teacher_id, from_school: a.from_school, to_school: a.to_school, start_date: a.start_date, end_date: a.end_date,
  }));
  const kept = subsetScenario(scenario, { locks: (l) => l.action === 'forbid' });
  return {
    ...kept,
    teachers: kept.teachers.map((t) => ({ ...t, rural_months: months.get(t.teacher_id)?.after ?? t.rural_months })),
    history: [...kept.history, ...rotations],
  };
}

/**
 * `rotation replan`: the final list after the objection window. The accepted
 * objections are hard rules (objection-locks.ts); the objective is the plan's
 * own with one level inserted right after the rules R1–R5 (R1, R2 shortfall,
 * posts filled by priority, R5) — as few changes from the provisional plan as
 * possible — and before the wishes (fewer extras, title need, preferences,
 * group, distance). R1/R2 are the law and must not be given up to spare a
 * change; R4/R5 come first too because a final list that leaves open a post
 * a free teacher could fill is not "as many as possible" (POLICY R4) and
 * `rotation check` rejects it. A change is a teacher added, removed, or sent
 * to another school or subject.
 */
import { InputError } from '../domain/errors.js';
import { objectionProblem } from '../domain/objections.js';
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { type PlanOptions, type PlanResult, planScenario } from '../engine/plan.js';
import { extendPlan } from '../report/plan-report.js';
import { termOf } from '../policy/term.js';
import { changeReason, explainChanges, type PlanChange } from './changes.js';
import { type ObjectionLock, resolveObjections } from './objection-locks.js';

export interface ReplanResult {
  /** The final plan, extended (allowances), with `changes` and `objection_locks`. */
  readonly plan: Plan;
  readonly changes: readonly PlanChange[];
  readonly locks: readonly ObjectionLock[];
  /** The scenario with the objection locks: the one the final plan is checked against. */
  readonly scenario: Scenario;
  readonly solved: PlanResult;
}

/**
 * Re-plans `year` from `provisional` with the scenario's objections as hard
 * rules, changing as few assignments as the rules R1–R5 allow.
 * @example replanScenario(scenario, provisional, 2019).changes.length // 3
 */
export function replanScenario(scenario: Scenario, provisional: Plan, year: number, options: PlanOptions = {}): ReplanResult {
  const term = termOf(year, scenario.policy);
  const resolved = resolveObjections(scenario, provisional, term);
  let solved: PlanResult;
  try {
    solved = planScenario(resolved.scenario, year, { ...options, targets: resolved.targets });
  } catch (err) {
    // Only pins make a county infeasible; with objections they are the likely cause.
    if (!(err instanceof InputError) || resolved.locks.every((l) => l.action !== 'pin')) throw err;
    const rows = scenario.objections!.flatMap((o, i) => (o.kind === 'to' || o.kind === 'swap' ? [i] : []));
    throw new InputError([...err.problems, ...rows.map((i) => objectionProblem(scenario, i, 'kind',
      '此异议的指定去向与其他指定无法同时满足 / this objection\'s placement cannot be honoured together with the other pins (the receivers have no room)'))]);
  }
  const extended = extendPlan(resolved.scenario, solved.plan);
  const changes = explainChanges(scenario, provisional, extended);
  const byTeacher = new Map(changes.map((c) => [c.teacher_id, c]));
  const plan: Plan = {
    ...extended,
    assignments: extended.assignments.map((a) => {
      const c = byTeacher.get(a.teacher_id);
      return c ? { ...a, reasons: [...a.reasons, changeReason(c)] } : a;
    }),
    stats: { ...extended.stats, changed: changes.length, provisional_sent: provisional.assignments.length },
    changes,
    objection_locks: resolved.locks,
  };
  return { plan, changes, locks: resolved.locks, scenario: resolved.scenario, solved };
}

/**
 * Every plan the engine writes passes the independent checker, on random
 * small counties. They are solved with HiGHS, the solver of every county
 * above 40 variables: these properties test the model, the plan built from
 * it and the checker, and javascript-lp-solver, which `--solver auto` gives
 * the smallest models, took minutes on some of these cases (750 invariant
 * cases: HiGHS 5.9 s of CPU; javascript-lp-solver had not finished after 5
 * minutes). That both solvers reach the same optimum is tested in
 * test/engine/solvers.test.ts. Run counts scale with ROTATION_PROPERTY_SCALE
 * (runs.ts).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { unknownPlanFields } from '../../src/domain/plan-fields.js';
import { checkPlan } from '../../src/check/check.js';
import { InputError } from '../../src/domain/errors.js';
import { planScenario } from '../../src/engine/plan.js';
import { loadSolver } from '../../src/engine/solvers.js';
import { scenarioArb } from '../engine/random-scenario.js';
import { runs, timeAllowed } from './runs.js';

let solver: Awaited<ReturnType<typeof loadSolver>>;
beforeAll(async () => { solver = await loadSolver('highs'); });

function planOrSkip(s: Parameters<typeof planScenario>[0]) {
  try {
    return planScenario(s, 2019, { solver });
  } catch (err) {
    if (err instanceof InputError) return null; // a pin the input itself contradicts
    throw err;
  }
}

describe('every plan the engine writes passes the independent checker', () => {
  it('no violations, every listed shortfall confirmed by counting, on random small counties', () => {
    let planned = 0;
    fc.assert(fc.property(scenarioArb({ senders: 3, receivers: 4, teachersPerSender: 8 }), (s) => {
      const result = planOrSkip(s);
      if (result === null) return;
      planned++;
      expect(checkPlan(s, result.plan)).toEqual([]);
      expect(unknownPlanFields(result.plan)).toEqual([]);
    }), { numRuns: runs(200), seed: 4242 });
    expect(planned).toBeGreaterThan(runs(120));
  }, timeAllowed(60_000));

  it('invariants: nobody placed twice, no ineligible teacher moves, pins/forbids/keeps/running rotations obeyed', () => {
    fc.assert(fc.property(scenarioArb({ senders: 3, receivers: 4, teachersPerSender: 8 }), (s) => {
      const result = planOrSkip(s);
      if (result === null) return;
      const { plan, eligibility } = result;
      const ids = plan.assignments.map((a) => a.teacher_id);
      expect(new Set(ids).size).toBe(ids.length);
      const eligible = new Set(eligibility.filter((e) => e.eligible).map((e) => e.teacher_id));
      for (const a of plan.assignments) expect(eligible.has(a.teacher_id)).toBe(true);
      for (const l of s.locks) {
        const a = plan.assignments.find((x) => x.teacher_id === l.teacher_id);
        if (l.action === 'pin') expect(a?.to_school).toBe(l.school_id);
        if (l.action === 'forbid') expect(a?.to_school).not.toBe(l.school_id);
        if (l.action === 'keep') expect(a).toBeUndefined();
      }
      for (const h of s.history) if (h.end_date > plan.period.start) expect(ids).not.toContain(h.teacher_id);
      for (const x of plan.senders) expect(x.sent >= x.required || plan.shortfalls.some((f) => f.rule === 'R1' && f.school_id === x.school_id)).toBe(true);
    }), { numRuns: runs(150), seed: 777 });
  }, timeAllowed(60_000));
});

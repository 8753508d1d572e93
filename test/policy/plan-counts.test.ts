/**
 * One rule derives a plan's senders / gaps / receivers counts and totals
 * (policy/plan-counts.ts), one the needs net of running rotations
 * (policy/net-needs.ts). Their three callers must agree: the planner
 * (engine/plan.ts), the recount of a plan edited by hand
 * (review/apply-move.ts) and what `rotation validate` shows
 * (report/scenario-summary.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { planScenario } from '../../src/engine/plan.js';
import { loadSolver } from '../../src/engine/solvers.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { termOf } from '../../src/policy/term.js';
import { summarize } from '../../src/report/scenario-summary.js';
import { recount } from '../../src/review/apply-move.js';

const YEARS = [2018, 2019, 2020];
const plans = new Map<number, Plan>();
let scenario: Scenario;

beforeAll(async () => {
  ({ scenario } = await readScenario('scenarios/lucheng-demo'));
  const solver = await loadSolver('auto');
  for (const year of YEARS) plans.set(year, planScenario(scenario, year, { solver }).plan);
});

describe.each(YEARS)('the demo in %i', (year) => {
  it('recounting the planner\'s plan from its assignments changes no count (planner = recount)', () => {
    const plan = plans.get(year)!;
    const again = recount(scenario, plan);
    expect(again.senders).toEqual(plan.senders);
    expect(again.gaps).toEqual(plan.gaps);
    expect(again.receivers).toEqual(plan.receivers);
    expect(again.stats).toEqual(plan.stats);
    expect(again.shortfalls).toEqual(plan.shortfalls);
  });

  it('validate\'s summary gives per county the planner\'s required teachers and net needed posts (planner = summary)', () => {
    const plan = plans.get(year)!;
    const summary = summarize(scenario, termOf(year, scenario.policy));
    const countyOf = new Map(scenario.schools.map((s) => [s.school_id, s.county]));
    for (const c of summary.counties) {
      const senders = plan.senders.filter((s) => countyOf.get(s.school_id) === c.county);
      const gaps = plan.gaps.filter((g) => countyOf.get(g.school_id) === c.county);
      expect(c.eligible).toBe(senders.reduce((n, s) => n + s.eligible, 0));
      expect(c.required).toBe(senders.reduce((n, s) => n + s.required, 0));
      expect(c.needs_net).toBe(gaps.reduce((n, g) => n + g.needed, 0));
      expect(c.needs).toBe(gaps.reduce((n, g) => n + (g.gross ?? g.needed), 0));
    }
  });
});

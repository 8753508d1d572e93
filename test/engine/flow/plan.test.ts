import { beforeAll, expect, it } from 'vitest';
import { checkPlan } from '../../../src/check/check.js';
import { solveByFlow } from '../../../src/engine/flow/lexicographic-flow.js';
import { flowSolver } from '../../../src/engine/flow/solver.js';
import { buildCountyModel } from '../../../src/engine/model.js';
import { loadHighsSolver } from '../../../src/engine/highs.js';
import { planScenario } from '../../../src/engine/plan.js';
import type { Solver } from '../../../src/engine/solver.js';
import { loadSolver } from '../../../src/engine/solvers.js';
import { generateScenario } from '../../../src/generate/index.js';
import { inputsOf } from '../builders.js';

let highs: Solver;
beforeAll(async () => {
  highs = await loadHighsSolver();
});

const withoutTimes = (json: string) => json.replace(/"solve_ms(_summed)?":\d+/g, '"solve_ms":0');

it('--solver flow plans generated counties with the MILP path\'s level values, passes the checker, and gives the same plan on every run', () => {
  const paths = new Map<string, number>();
  for (const [teachers, seed] of [[150, 1], [150, 3], [300, 2], [300, 5], [700, 1], [700, 8]] as const) {
    const s = generateScenario({ counties: 1, teachers, seed, year: 2019 });
    const flow = planScenario(s, 2019, { solver: flowSolver(highs) });
    const milp = planScenario(s, 2019, { solver: highs });
    expect(flow.counties.map((c) => ({ status: c.status, levels: c.levels }))).toEqual(milp.counties.map((c) => ({ status: c.status, levels: c.levels })));
    expect(flow.plan.stats.optimal).toBe(true);
    expect(checkPlan(s, flow.plan)).toEqual([]);
    const again = planScenario(s, 2019, { solver: flowSolver(highs) });
    expect(withoutTimes(JSON.stringify(again.plan))).toBe(withoutTimes(JSON.stringify(flow.plan)));
    for (const c of flow.counties) paths.set(c.solver, (paths.get(c.solver) ?? 0) + 1);
  }
  // Most of these are certified by the network; the stats name the path each county took.
  expect(paths.get('flow') ?? 0).toBeGreaterThanOrEqual(4);
}, 120_000);

it('loadSolver("flow") falls back to the MILP path and says why in the county stats', async () => {
  const solver = await loadSolver('flow');
  const s = generateScenario({ counties: 1, teachers: 150, seed: 4, year: 2019 });
  const weighted = { ...s, policy: { ...s.policy, balance: { ...s.policy.balance, backbone_weight: 0.5 } } };
  const result = planScenario(weighted, 2019, { solver });
  expect(result.counties[0]!.solver).toBe('flow→highs');
  expect(result.counties[0]!.flow_fallback).toBe('balance.backbone_weight > 0');
  expect(result.plan.stats.optimal).toBe(true);
  expect(checkPlan(weighted, result.plan)).toEqual([]);
}, 60_000);

it('a row of the model the network does not know sends the county to the MILP instead of a plan that breaks it', () => {
  const s = generateScenario({ counties: 1, teachers: 150, seed: 1, year: 2019 });
  const model = buildCountyModel(inputsOf(s)[0]!, s.policy);
  const everyone = new Map([...model.classVars.values()].flat().map((v) => [v.name, 1]));
  const ruled = { ...model, constraints: [...model.constraints, { name: 'nobody_goes', terms: everyone, max: 0 }] };
  expect(solveByFlow(model, s.policy).certified).toBe(true);
  const answer = solveByFlow(ruled, s.policy);
  expect(answer.certified).toBe(false);
  if (!answer.certified) expect(answer.reason).toMatch(/nobody_goes/);
});

/**
 * The pooled solve (pooled.ts: the pooled model for every level but distance, then the full model for distance)
 * against the full model's own lexicographic solve: the same status and the same value at every level, on random
 * counties (R2 share 0.2 or 0.4, education groups, pins, forbids, keeps, preferences, running rotations, extras
 * caps) and on generated village-shape counties; and a plan made pooled passes the independent checker.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import { InputError } from '../../src/domain/errors.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { countyInputs } from '../../src/engine/county.js';
import { loadHighsSolver } from '../../src/engine/highs.js';
import { solveLexicographic } from '../../src/engine/lexicographic.js';
import { buildCountyModel } from '../../src/engine/model.js';
import { planScenario } from '../../src/engine/plan.js';
import { poolable, solvePooled } from '../../src/engine/pooled.js';
import type { Solver } from '../../src/engine/solver.js';
import { generateScenario } from '../../src/generate/index.js';
import { eligibilityAll } from '../../src/policy/eligibility.js';
import { termOf } from '../../src/policy/term.js';
import { scenarioArb } from './random-scenario.js';

let highs: Solver;
beforeAll(async () => {
  highs = await loadHighsSolver();
});

/** Both solves of every poolable county of `s`; returns how many were compared. */
function compare(s: Scenario, label: unknown): number {
  const term = termOf(2019, s.policy);
  let inputs;
  try {
    inputs = countyInputs(s, term, eligibilityAll(s, term));
  } catch (err) {
    if (err instanceof InputError) return 0;
    throw err;
  }
  let compared = 0;
  for (const input of inputs) {
    const model = buildCountyModel(input, s.policy);
    if (!poolable(model, 0)) continue;
    const pooled = solvePooled(model, s.policy, highs, 60_000);
    const full = solveLexicographic(model, model.levels, highs, 60_000);
    expect(pooled, JSON.stringify(label)).not.toBeNull();
    expect({ label, status: pooled!.status, levels: pooled!.levelValues }).toEqual({ label, status: full.status, levels: full.levelValues });
    compared++;
  }
  return compared;
}

it('pooled reaches the full model\'s status and value at every level on 200 random counties', () => {
  let compared = 0;
  const arb = fc.tuple(
    scenarioArb({ senders: 5, receivers: 8, teachersPerSender: 14 }),
    fc.constantFrom(0.2, 0.4),
    fc.array(fc.constantFrom('', 'G1', 'G2', 'G3'), { minLength: 13, maxLength: 13 }),
  );
  fc.assert(fc.property(arb, ([base, share, groups]) => {
    // More education groups than the arbitrary draws, so that pools of several senders meet receivers of each.
    const schools = base.schools.map((x, i) => ({ ...x, group: groups[i % groups.length]! }));
    const s = { ...base, schools, policy: { ...base.policy, rotation: { ...base.policy.rotation, backbone_min_share: share } } };
    compared += compare(s, { share, groups });
  }), { numRuns: 330, seed: 20261206 });
  console.log('pooled vs full:', compared, 'counties');
  expect(compared).toBeGreaterThanOrEqual(200);
}, 900_000);

it('pooled reaches the full model\'s value at every level on 20 village-shape counties', () => {
  for (let seed = 1; seed <= 10; seed++) {
    for (const teachers of [300, 500]) {
      const s = generateScenario({ counties: 1, teachers, seed, year: 2019, shape: 'village' });
      expect(compare(s, { seed, teachers })).toBe(1);
    }
  }
}, 900_000);

it('a plan made pooled passes the independent checker and has the full model\'s levels', () => {
  const s = generateScenario({ counties: 1, teachers: 500, seed: 3, year: 2019, shape: 'village' });
  const pooled = planScenario(s, 2019, { solver: { ...highs, pools: 0 } });
  const full = planScenario(s, 2019, { solver: highs });
  expect(pooled.counties[0]!.solver).toBe('highs+pooled');
  expect(full.counties[0]!.solver).toBe('highs');
  expect(checkPlan(s, pooled.plan)).toEqual([]);
  expect(pooled.counties[0]!.levels).toEqual(full.counties[0]!.levels);
  expect(pooled.plan.assignments.length).toBe(full.plan.assignments.length);
}, 300_000);

it('a county whose distance cap cuts a sender from a receiver is not pooled', () => {
  const s = generateScenario({ counties: 1, teachers: 300, seed: 2, year: 2019, shape: 'village' });
  const capped = { ...s, locks: [], policy: { ...s.policy, assignment: { ...s.policy.assignment, max_distance_km: 3 } } };
  const term = termOf(2019, capped.policy);
  const [input] = countyInputs(capped, term, eligibilityAll(capped, term));
  expect(poolable(buildCountyModel(input!, capped.policy), 0)).toBe(false);
  const [open] = countyInputs(s, term, eligibilityAll(s, term));
  expect(poolable(buildCountyModel(open!, s.policy), 0)).toBe(true);
});

it('a replan pooled (one teacher objected to, the rest kept where they can be) has the full model\'s levels', () => {
  const s = generateScenario({ counties: 1, teachers: 500, seed: 5, year: 2019, shape: 'village' });
  const first = planScenario(s, 2019, { solver: highs });
  const objected = first.plan.assignments[0]!;
  const targets = new Map(first.plan.assignments.map((a) => [a.teacher_id, { receiver: a.to_school, subject: a.subject }]));
  const locked = { ...s, locks: [...s.locks, { teacher_id: objected.teacher_id, action: 'forbid' as const, school_id: objected.to_school, reason: '' }] };
  const pooled = planScenario(locked, 2019, { solver: { ...highs, pools: 0 }, targets });
  const full = planScenario(locked, 2019, { solver: highs, targets });
  expect(pooled.counties[0]!.solver).toBe('highs+pooled');
  expect(pooled.counties[0]!.levels).toEqual(full.counties[0]!.levels);
  expect(checkPlan(locked, pooled.plan)).toEqual([]);
}, 300_000);

/**
 * The MILP path's shortcuts (lexicographic.ts: integral LP, the MILPs on the LP optimum's support and on its
 * neighbourhood, dualBound, reduced-cost fixing, the start plan) against plain MILP solves of every step, on
 * random counties larger than the differential test's (up to 5 senders, 8 receivers, 14 teachers a sender, R2
 * share 0.2 or 0.4): the same status and value at every lexicographic level.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { countyInputs } from '../../src/engine/county.js';
import { loadHighsSolver } from '../../src/engine/highs.js';
import { solveLexicographic } from '../../src/engine/lexicographic.js';
import { buildCountyModel } from '../../src/engine/model.js';
import type { Solver } from '../../src/engine/solver.js';
import { eligibilityAll } from '../../src/policy/eligibility.js';
import { termOf } from '../../src/policy/term.js';
import { generateScenario } from '../../src/generate/index.js';
import { inputsOf } from './builders.js';
import { scenarioArb } from './random-scenario.js';

let highs: Solver;
beforeAll(async () => {
  highs = await loadHighsSolver();
});

it('the LP-first path reaches plain MILP\'s status and value at every level on 200 random larger counties', () => {
  const answers = new Map<string, number>();
  let compared = 0;
  const arb = fc.tuple(scenarioArb({ senders: 5, receivers: 8, teachersPerSender: 14 }), fc.constantFrom(0.2, 0.4));
  fc.assert(fc.property(arb, ([base, share]) => {
    const s = { ...base, policy: { ...base.policy, rotation: { ...base.policy.rotation, backbone_min_share: share } } };
    const term = termOf(2019, s.policy);
    let inputs;
    try {
      inputs = countyInputs(s, term, eligibilityAll(s, term));
    } catch (err) {
      if (err instanceof InputError) return;
      throw err;
    }
    for (const input of inputs) {
      const model = buildCountyModel(input, s.policy);
      const withLp = solveLexicographic(model, model.levels, highs, 60_000);
      const plain = solveLexicographic(model, model.levels, { ...highs, relax: undefined }, 60_000);
      expect({ status: withLp.status, levels: withLp.levelValues }).toEqual({ status: plain.status, levels: plain.levelValues });
      for (const step of withLp.steps) answers.set(step.answer, (answers.get(step.answer) ?? 0) + 1);
      compared++;
    }
  }), { numRuns: 240, seed: 20261205 });
  console.log('lp shortcuts:', compared, JSON.stringify(Object.fromEntries(answers)));
  expect(compared).toBeGreaterThanOrEqual(200);
  expect(answers.get('MILP') ?? 0).toBeGreaterThan(0);
}, 900_000);

// Generated counties of the hard shape (`generate --shape village`), where R2 and R5 bind and LP optima are
// fractional: here the neighbourhood MILP and the started MILP answer steps.
it('the LP-first path reaches plain MILP\'s value at every level on 40 small village-shape counties', () => {
  const answers = new Map<string, number>();
  for (let seed = 1; seed <= 20; seed++) {
    for (const teachers of [300, 500]) {
      const s = generateScenario({ counties: 1, teachers, seed, year: 2019, shape: 'village' });
      const model = buildCountyModel(inputsOf(s)[0]!, s.policy);
      const withLp = solveLexicographic(model, model.levels, highs, 60_000);
      const plain = solveLexicographic(model, model.levels, { ...highs, relax: undefined }, 60_000);
      expect({ seed, teachers, status: withLp.status, levels: withLp.levelValues }).toEqual({ seed, teachers, status: plain.status, levels: plain.levelValues });
      for (const step of withLp.steps) answers.set(step.answer, (answers.get(step.answer) ?? 0) + 1);
    }
  }
  console.log('village shortcuts:', JSON.stringify(Object.fromEntries(answers)));
  expect(answers.get('MILP') ?? 0).toBeGreaterThan(0);
}, 900_000);

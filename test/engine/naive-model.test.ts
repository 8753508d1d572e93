import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { loadHighsSolver } from '../../src/engine/highs.js';
import { solveLexicographic } from '../../src/engine/lexicographic.js';
import { buildCountyModel } from '../../src/engine/model.js';
import type { Solver } from '../../src/engine/solver.js';
import { acceptedInputs } from './builders.js';
import { scenarioArb } from './random-scenario.js';

let highs: Solver;
beforeAll(async () => {
  highs = await loadHighsSolver();
});

// The benchmark compares our aggregated model with the naive per-teacher one "with the same objective":
// this is the proof that they are the same optimisation problem. (On such tiny counties the naive model is
// often the smaller one: the class and flow layers pay off from a few dozen teachers per sender on; the
// benchmark measures that.)
it('the naive per-teacher model reaches the same lexicographic optimum as the aggregated one', () => {
  let compared = 0;
  fc.assert(fc.property(scenarioArb({ senders: 2, receivers: 3, teachersPerSender: 6 }), (s) => {
    const inputs = acceptedInputs(s);
    if (inputs === null) return; // a pin the scenario itself rejects
    for (const input of inputs) {
      const ours = buildCountyModel(input, s.policy);
      const naive = buildCountyModel(input, s.policy, { perTeacher: true });
      const a = solveLexicographic(ours, ours.levels, highs, 60_000);
      const b = solveLexicographic(naive, naive.levels, highs, 60_000);
      expect(b.status).toBe(a.status);
      if (a.status !== 'optimal') continue;
      // A level with no terms in one model is constant 0 there (e.g. no extra-teacher variable at all).
      const names = new Set([...a.levelValues, ...b.levelValues].map((l) => l.name));
      const value = (r: typeof a, n: string) => r.levelValues.find((l) => l.name === n)?.value ?? 0;
      for (const n of names) expect([n, value(b, n)]).toEqual([n, value(a, n)]);
      compared++;
    }
  }), { numRuns: 50, seed: 99 });
  expect(compared).toBeGreaterThan(30);
}, 60_000);

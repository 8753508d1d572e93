import { beforeAll, expect, it } from 'vitest';
import { loadHighsSolver } from '../../src/engine/highs.js';
import { groupLevels, solveLexicographic, WEIGHT_LIMIT } from '../../src/engine/lexicographic.js';
import { buildCountyModel } from '../../src/engine/model.js';
import type { Solver } from '../../src/engine/solver.js';
import { generateScenario } from '../../src/generate/index.js';
import { inputsOf } from './builders.js';

let highs: Solver;
beforeAll(async () => {
  highs = await loadHighsSolver();
});

// HiGHS takes larger weighted groups of levels (weightLimit 1e9) than the default (1e7): fewer solves,
// and the same lexicographic optimum at every level.
it('HiGHS with its larger weight limit reaches the same value at every level as one level per solve', () => {
  expect(highs.weightLimit).toBeGreaterThan(WEIGHT_LIMIT);
  let fewerSolves = 0;
  for (const seed of [1, 2, 3]) {
    const s = generateScenario({ counties: 1, teachers: 300, seed, year: 2019 });
    const model = buildCountyModel(inputsOf(s)[0]!, s.policy);
    const grouped = solveLexicographic(model, model.levels, highs, 60_000);
    const oneByOne = solveLexicographic(model, model.levels, { ...highs, weightLimit: 1 }, 60_000);
    expect(grouped.status).toBe('optimal');
    expect(oneByOne.status).toBe('optimal');
    expect(grouped.levelValues).toEqual(oneByOne.levelValues);
    if (groupLevels(model.levels, highs.weightLimit).length < groupLevels(model.levels, WEIGHT_LIMIT).length) fewerSolves++;
  }
  expect(fewerSolves).toBeGreaterThan(0);
}, 60_000);

/** A --set that creates a policy section (income.base_pay.level1=5000 where policy.json has no base pay) is blamed for that section's missing keys, not policy.json. */
import { describe, expect, it } from 'vitest';
import { createdBySet } from '../../src/io/read/policy-file.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { problemLines } from './input-problems.js';

const problems = (set: string[]) => problemLines(() => readScenario('scenarios/lucheng-demo', { set }));

describe('--set blamed for the sections it creates', () => {
  it('income.base_pay.level1=5000: the other titles\' base pay is asked of --set', async () => {
    const lines = await problems(['income.base_pay.level1=5000']);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^--set, column income\.base_pay\./);
  });

  it('a --set inside a section the policy has blames only its own key', async () => {
    expect(await problems(['rotation.min_share=5'])).toContainEqual(expect.stringMatching(/^--set, column rotation\.min_share: /));
  });

  it('createdBySet names the first level that was not an object', () => {
    expect(createdBySet({ income: { base_pay: null } }, ['income.base_pay.level1=5000'])).toEqual(['income.base_pay']);
    expect(createdBySet({}, ['income.base_pay.level1=5000'])).toEqual(['income']);
    expect(createdBySet({ rotation: { min_share: 0.1 } }, ['rotation.min_share=0.2', 'bad'])).toEqual([]);
  });
});

/**
 * issue 4's done criterion: the demo plan's allowance totals equal a hand
 * computation. The default (placeholder) monthly amounts per tier 0–3 are
 *   乡村教师生活补助 rural_staff  0 / 300 / 500 / 800   (tier ≥ 1)
 *   交流轮岗补贴     rotated      0 / 400 / 500 / 600
 *   乡镇工作补贴     township     0 / 200 / 250 / 300   (tier ≥ 1)
 *   特岗津贴         special_post 0 /   0 / 200 / 400   (tier ≥ 2)
 * so a resident teacher gets 500 a month at tier 1 (300 + 200), 950 at tier 2
 * (500 + 250 + 200), 1500 at tier 3 (800 + 300 + 400); a rotated teacher that
 * plus 400 / 500 / 600: 900, 1450, 2100; at a tier-0 (weak urban) school 0.
 * Every teacher serves the whole term 2019-09-01 … 2020-08-31: 12 months.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { planScenario } from '../../src/engine/plan.js';
import { loadSolver } from '../../src/engine/solvers.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { extendPlan } from '../../src/report/plan-report.js';

let scenario: Scenario;
let plan: Plan;
beforeAll(async () => {
  ({ scenario } = await readScenario('scenarios/lucheng-demo'));
  plan = extendPlan(scenario, planScenario(scenario, 2019, { solver: await loadSolver('auto') }).plan);
});

// school → [tier, residents, teachers rotated there (this plan's moves plus running rotations), total by hand]
const HAND: Record<string, [number, number, number, number]> = {
  'LC-J003': [2, 9, 2, 9 * 950 * 12 + 2 * 1450 * 12], // 102,600 + 34,800 = 137,400
  'LC-N001': [1, 10, 0, 10 * 500 * 12], //                60,000
  'LC-P004': [0, 10, 1, 0], //                            tier 0 (weak urban): nothing, residents not listed
  'LC-P006': [1, 8, 2, 8 * 500 * 12 + 2 * 900 * 12], //   48,000 + 21,600 = 69,600
  'LC-P007': [2, 6, 3, 6 * 950 * 12 + 3 * 1450 * 12], //  68,400 + 52,200 = 120,600
  'LC-P008': [3, 5, 2, 5 * 1500 * 12 + 2 * 2100 * 12], // 90,000 + 50,400 = 140,400
  'LC-P009': [3, 6, 2, 6 * 1500 * 12 + 2 * 2100 * 12], // 108,000 + 50,400 = 158,400
};

describe('lucheng-demo 2019: allowances by hand', () => {
  it('the receivers, their tiers and resident staff are as in the hand computation', () => {
    for (const [id, [tier, residents]] of Object.entries(HAND)) {
      expect([id, scenario.schools.find((s) => s.school_id === id)?.tier]).toEqual([id, tier]);
      expect([id, scenario.teachers.filter((t) => t.school_id === id).length]).toEqual([id, residents]);
    }
  });

  it('the teachers serving at each receiver are its residents plus the rotated ones', () => {
    for (const [id, [, residents, rotated]] of Object.entries(HAND)) {
      const rows = plan.allowances.filter((a) => a.school_id === id);
      const paidResidents = HAND[id]![0] === 0 ? 0 : residents; // tier-0 residents are not listed
      expect([id, rows.length]).toEqual([id, paidResidents + rotated]);
      expect(rows.every((a) => a.months === 12)).toBe(true);
    }
  });

  it('each school total and the county total equal the hand computation: 686,400 yuan', () => {
    for (const [id, [, , , total]] of Object.entries(HAND)) {
      const sum = plan.allowances.filter((a) => a.school_id === id).reduce((n, a) => n + a.total, 0);
      expect([id, sum]).toEqual([id, total]);
    }
    expect(plan.allowances.reduce((n, a) => n + a.total, 0)).toBe(686_400);
    expect(Object.values(HAND).reduce((n, h) => n + h[3], 0)).toBe(686_400);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import { InputError } from '../../src/domain/errors.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { planScenario } from '../../src/engine/plan.js';
import { loadSolver } from '../../src/engine/solvers.js';
import { scenarioArb } from '../engine/random-scenario.js';
import { runs, timeAllowed } from './runs.js';

const reading = (s: Scenario, r2: 'least_shortfall' | 'excuse'): Scenario => ({ ...s, policy: { ...s.policy, rotation: { ...s.policy.rotation, r2_when_short: r2 } } });

function planOrSkip(s: Scenario, solver: Awaited<ReturnType<typeof loadSolver>>) {
  try {
    return planScenario(s, 2019, { solver }).plan;
  } catch (err) {
    if (err instanceof InputError) return null;
    throw err;
  }
}

describe('rotation.r2_when_short = excuse on random counties', () => {
  it('every plan passes the checker; R1 is the same; without a cap on extras it never fills fewer priority-1 posts', async () => {
    const solver = await loadSolver('auto');
    let excused = 0;
    fc.assert(fc.property(scenarioArb({ senders: 3, receivers: 4, teachersPerSender: 8 }), (s) => {
      const least = planOrSkip(reading(s, 'least_shortfall'), solver);
      const excuse = planOrSkip(reading(s, 'excuse'), solver);
      if (least === null || excuse === null) return;
      expect(checkPlan(reading(s, 'excuse'), excuse)).toEqual([]);
      excused += excuse.senders.filter((x) => x['r2_excused'] === true).length;
      const r1 = (p: typeof least) => p.senders.reduce((n, x) => n + Math.max(0, x.required - x.sent), 0);
      expect(r1(excuse)).toBe(r1(least));
      if (s.policy.assignment.max_extra_per_receiver === null) {
        // A least-shortfall optimum sends an excused school's every reachable backbone teacher, so it is feasible
        // at the same R2 level under excuse: the posts levels can only rise.
        const p1 = (p: typeof least) => p.stats.objective === undefined ? 0 : Number((p.stats['objective'] as Record<string, number>)['R4 priority-1 posts filled'] ?? 0);
        expect(p1(excuse)).toBeGreaterThanOrEqual(p1(least));
      }
    }), { numRuns: runs(100), seed: 1313 });
    expect(excused).toBeGreaterThan(5);
  }, timeAllowed(300_000));
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { planScenario } from '../../src/engine/plan.js';
import { bruteContext } from './brute-force.js';
import { scenarioArb } from './random-scenario.js';

describe('optimality: the engine equals exhaustive enumeration on tiny scenarios', () => {
  it('lexicographic objective (R1, R2, R4 by priority, R5, extras, title, preferences, group, distance) is the enumerated optimum', () => {
    let compared = 0;
    fc.assert(fc.property(scenarioArb({ senders: 2, receivers: 3, teachersPerSender: 6 }), (s) => {
      let plan;
      try {
        plan = planScenario(s, 2019).plan;
      } catch (err) {
        if (err instanceof InputError) return; // a pin on an ineligible teacher: rejected as input, not planned
        throw err;
      }
      const ctx = bruteContext(s, 2019);
      const placements = plan.assignments.map((a) => ({ teacher: s.teachers.find((t) => t.teacher_id === a.teacher_id)!, to: a.to_school, subject: a.subject }));
      const mine = ctx.score(placements);
      expect(mine, 'the engine\'s plan breaks a hard rule of the brute force').not.toBeNull();
      expect(mine).toEqual(ctx.best());
      expect(plan.stats.optimal).toBe(true);
      compared++;
    }), { numRuns: 200, seed: 20191 });
    expect(compared).toBeGreaterThan(120);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import { InputError } from '../../src/domain/errors.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { distanceKm } from '../../src/domain/distance.js';
import { planScenario } from '../../src/engine/plan.js';
import { loadSolver } from '../../src/engine/solvers.js';
import { scenarioArb } from '../engine/random-scenario.js';
import { runs, timeAllowed } from './runs.js';

/** A random county with some of its teachers married to each other (pairs of a shuffled roster) and a couple rule. */
const withCouples = fc.tuple(
  scenarioArb({ senders: 3, receivers: 4, teachersPerSender: 8 }),
  fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  fc.constantFrom('together', 'together', 'not_both', 'ignore') as fc.Arbitrary<'together' | 'not_both' | 'ignore'>,
  fc.constantFrom(0, 0, 8, 15),
).map(([s, seed, rule, maxKm]): Scenario => {
  const ids = s.teachers.map((t) => t.teacher_id);
  let x = seed;
  for (let i = ids.length - 1; i > 0; i--) { // a seeded shuffle
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const spouse = new Map<string, string>();
  for (let i = 0; i + 1 < ids.length; i += 2) { spouse.set(ids[i]!, ids[i + 1]!); spouse.set(ids[i + 1]!, ids[i]!); }
  const teachers = s.teachers.map((t) => (spouse.has(t.teacher_id) ? { ...t, spouse_id: spouse.get(t.teacher_id)! } : t));
  return { ...s, teachers, policy: { ...s.policy, couples: { rule, max_km: maxKm } } };
});

describe('couples on random counties', () => {
  it('the couple rule is never broken, and every plan passes the independent checker', async () => {
    const solver = await loadSolver('auto'); // the spouses' personal variables make javascript-lp-solver slow
    let pairsSent = 0;
    fc.assert(fc.property(withCouples, (s) => {
      let plan;
      try {
        plan = planScenario(s, 2019, { solver }).plan;
      } catch (err) {
        if (err instanceof InputError) return; // a random pin the input contradicts (or pins breaking the couple rule)
        throw err;
      }
      expect(checkPlan(s, plan)).toEqual([]);
      const at = new Map(plan.assignments.map((a) => [a.teacher_id, a.to_school]));
      const school = new Map(s.schools.map((x) => [x.school_id, x]));
      const { rule, max_km: maxKm } = s.policy.couples;
      for (const t of s.teachers) {
        if (t.spouse_id === undefined || t.teacher_id > t.spouse_id || !at.has(t.teacher_id) || !at.has(t.spouse_id)) continue;
        pairsSent++;
        if (rule === 'not_both') expect.unreachable(`${t.teacher_id} and ${t.spouse_id} both sent under not_both`);
        if (rule === 'together' && at.get(t.teacher_id) !== at.get(t.spouse_id)) {
          const d = distanceKm(school.get(at.get(t.teacher_id)!)!, school.get(at.get(t.spouse_id)!)!);
          expect(maxKm > 0 && d !== null && d <= maxKm, `${t.teacher_id}/${t.spouse_id} ${d} km apart, max_km ${maxKm}`).toBe(true);
        }
      }
    }), { numRuns: runs(80), seed: 2626 });
    expect(pairsSent).toBeGreaterThan(3); // couples both sent (under together or ignore): the rule was exercised
  }, timeAllowed(300_000));
});

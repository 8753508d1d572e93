import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, parseISO, subYears } from 'date-fns';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/generate/index.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { writeScenario } from '../../src/io/export/write-scenario.js';
import { eligibilityAll } from '../../src/policy/eligibility.js';
import { termOf } from '../../src/policy/term.js';

/** Small generated scenarios: 1–3 counties, 10–150 teachers each, any seed, plan years 2018–2021. */
const options = fc.integer({ min: 1, max: 3 }).chain((counties) => fc.record({
  counties: fc.constant(counties),
  teachers: fc.integer({ min: 10 * counties, max: 150 * counties }),
  seed: fc.integer(),
  year: fc.integer({ min: 2018, max: 2021 }),
}));

let root: string;
let n = 0;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'rotation-generate-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

describe('R3 on generated rosters', () => {
  it('eligibility never admits an exempt teacher, one under 6 years at the school, or one at or over the age limit', () => {
    fc.assert(fc.property(options, (o) => {
      const s = generateScenario(o);
      const term = termOf(o.year, s.policy);
      const { min_years_at_school: years, max_age: maxAge } = s.policy.eligibility;
      const day = parseISO(term.start);
      const joinedBy = format(subYears(day, years), 'yyyy-MM-dd');
      const eligibility = eligibilityAll(s, term);
      s.teachers.forEach((t, i) => {
        if (!eligibility[i]!.eligible) return;
        expect(t.exempt).toBe('');
        expect(t.school_start_date <= joinedBy).toBe(true);
        // Younger than max_age on the first day: born after the day max_age years before it.
        expect(t.birth_date > format(subYears(day, maxAge[t.gender]), 'yyyy-MM-dd')).toBe(true);
      });
    }), { numRuns: 40 });
  });
});

describe('generated scenarios are valid input', () => {
  it('writeScenario then readScenario: no problems, no warnings, the same rows', async () => {
    await fc.assert(fc.asyncProperty(options, fc.constantFrom('zh' as const, 'en' as const), async (o, lang) => {
      const s = generateScenario(o);
      const dir = join(root, `g-${++n}`);
      await writeScenario(dir, s, { lang });
      const { scenario, warnings } = await readScenario(dir);
      expect(warnings).toEqual([]);
      expect(scenario.teachers).toEqual(s.teachers);
      expect(scenario.schools).toEqual(s.schools);
      expect({ needs: scenario.needs, history: scenario.history, locks: scenario.locks, policy: scenario.policy })
        .toEqual({ needs: s.needs, history: s.history, locks: s.locks, policy: s.policy });
    }), { numRuns: 15 });
  });
});

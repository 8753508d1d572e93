/**
 * `rotation compare`: each column is the plan `rotation plan` would make
 * under that policy; a bad key or value exits 1 naming it; and, as a
 * property of the planner, a higher R1 share never sends fewer teachers.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/compare.js';
import { parseVariant } from '../../src/io/read/policy-overrides.js';
import { scenarioWithNeeds } from '../../src/pipeline.js';
import { planScenario } from '../../src/engine/plan.js';
import { loadSolver } from '../../src/engine/solvers.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { extendPlan } from '../../src/report/plan-report.js';
import { compareFigures } from '../../src/report/compare.js';
import { scenarioArb } from '../engine/random-scenario.js';
import { commandRunner } from './run-commands.js';

const LUCHENG = fileURLToPath(new URL('../fixtures/good/lucheng', import.meta.url));
const DEMO = fileURLToPath(new URL('../../scenarios/lucheng-demo', import.meta.url));

const rotation = commandRunner(compareCommand);

describe('parseVariant', () => {
  it('a name, several keys, section names filled in', () => {
    expect(parseVariant('strict: min_share=0.2, backbone_min_share=0.3')).toMatchObject({
      name: 'strict', sets: ['rotation.min_share=0.2', 'rotation.backbone_min_share=0.3'],
    });
    expect(parseVariant('rotation.min_share=0.15')).toMatchObject({ name: 'rotation.min_share=0.15', sets: ['rotation.min_share=0.15'] });
    expect(parseVariant('far: assignment.max_distance_km=null,age_years=1').sets).toEqual(['assignment.max_distance_km=null', 'points.age_years=1']);
  });
});

describe('rotation compare', () => {
  it('the base and two variants: each column equals a separate plan run', async () => {
    // --jobs 1: worker threads need the built dist/ (the demo is one county anyway).
    const { stdout, code } = await rotation('compare', DEMO, '--year', '2019', '--quiet', '--jobs', '1', '--json',
      '--set', 'rotation.min_share=0.15', '--variant', 'strict: min_share=0.2,backbone_min_share=0.3');
    expect(code).toBe(0);
    const { columns } = JSON.parse(stdout) as { columns: { name: string; sets: string[]; figures: { sent: number }; check: string }[] };
    expect(columns.map((c) => c.name)).toEqual(['基准', 'rotation.min_share=0.15', 'strict']);
    const solver = await loadSolver('auto');
    for (const c of columns) {
      // As `rotation plan` reads it: needs.csv, and staffing norms for receivers without rows (--needs auto).
      const scenario = scenarioWithNeeds((await readScenario(DEMO, { set: c.sets, optionalNeeds: true })).scenario, 2019, 'auto');
      const plan = extendPlan(scenario, planScenario(scenario, 2019, { solver }).plan);
      expect(c.figures, c.name).toEqual(compareFigures(plan));
      expect(c.check).toBe('passed');
    }
    // A stricter R1 share never sends fewer (11 → 13 → 14 in the demo county).
    expect(columns.map((c) => c.figures.sent)).toEqual([11, 13, 14]);
  });

  it('prints a side-by-side table', async () => {
    const { stdout, code } = await rotation('compare', LUCHENG, '--year', '2019', '--quiet', '--jobs', '1', '--lang', 'en', '--variant', 'half: min_share=0.5,max_share=0.5');
    expect(code).toBe(0);
    expect(stdout).toMatch(/figure\s+base\s+half/);
    expect(stdout).toMatch(/sent \(R1\)\s+\d+\s+\d+/);
    expect(stdout).toContain('half: rotation.min_share=0.5, rotation.max_share=0.5');
  });

  it('a bad key or value exits 1 naming it; nothing is planned', async () => {
    const cases = [
      [['--variant', 'x: min_shar=0.2'], ['--variant "x"', 'min_shar']],
      [['--set', 'rotation.min_shar=0.2'], ['rotation.min_shar']],
      [['--set', 'rotation.min_share=2'], ['rotation.min_share', 'at most 1']],
      [['--variant', 'y: points.age_years=old'], ['--variant "y"', 'points.age_years']],
      [[], ['at least one']],
    ] as const;
    for (const [flags, words] of cases) {
      const { stdout, stderr, code } = await rotation('compare', LUCHENG, '--year', '2019', '--quiet', '--jobs', '1', ...flags);
      expect(code, flags.join(' ')).toBe(1);
      expect(stdout).toBe('');
      for (const w of words) expect(stderr, flags.join(' ')).toContain(w);
    }
  });

  it('property: a higher min_share never sends fewer teachers', () => {
    fc.assert(fc.property(scenarioArb(), fc.constantFrom(0.1, 0.2), fc.constantFrom(0.3, 0.5), (s, low, high) => {
      const withShare = (share: number) => ({ ...s, policy: { ...s.policy, rotation: { ...s.policy.rotation, min_share: share, max_share: Math.max(share, s.policy.rotation.max_share) } } });
      const sent = (share: number) => {
        try {
          return planScenario(withShare(share), 2019).plan.stats.sent;
        } catch {
          return null; // a pin on an ineligible teacher: an input error under every share
        }
      };
      const a = sent(low);
      const b = sent(high);
      if (a !== null) expect(b).toBeGreaterThanOrEqual(a);
    }), { numRuns: 30 });
  });
});

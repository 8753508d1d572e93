import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import highsModule from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, rotation } from './built-cli.js';

let dir = '';
let scenario = '';

/** The legacy one-call API of npm `highs`: LP text in, status and objective out — an outside reader of our files. */
type HighsText = { solve(problem: string, options?: Record<string, number | boolean>): { Status: string; ObjectiveValue: number } };
const loadHighs = highsModule as unknown as () => Promise<HighsText>;

beforeAll(() => {
  buildCli('engine/plan-worker.js');
  dir = mkdtempSync(join(tmpdir(), 'rotation-parallel-'));
  scenario = join(dir, 'three-counties');
  expect(rotation('generate', '--counties', '3', '--teachers', '150', '--seed', '5', '--out', scenario).code).toBe(0);
}, 60_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

const planText = (out: string) => readFileSync(join(out, 'plan.json'), 'utf8').replace(/"(solve_ms\w*)": \d+/g, '"$1": 0');
const lpFiles = (d: string) => readdirSync(d).filter((f) => f.endsWith('.lp')).sort();

describe('rotation plan on several counties: worker threads, progress, --export-lp', () => {
  let seq: ReturnType<typeof rotation>;
  let par: ReturnType<typeof rotation>;
  beforeAll(() => {
    seq = rotation('plan', scenario, '--year', '2019', '--out', join(dir, 'seq'), '--jobs', '1', '--export-lp', join(dir, 'lp-seq'));
    par = rotation('plan', scenario, '--year', '2019', '--out', join(dir, 'par'), '--jobs', '2', '--export-lp', join(dir, 'lp-par'), '--quiet');
  }, 60_000);

  it('counties solved on 2 workers give the plan the sequential run gives (apart from solve times), and the same LP files', () => {
    expect(seq.code).not.toBe(1);
    expect(par.code).toBe(seq.code);
    const plan = JSON.parse(readFileSync(join(dir, 'seq', 'plan.json'), 'utf8'));
    expect(plan.stats.counties).toHaveLength(3);
    expect(plan.assignments.length).toBeGreaterThan(0);
    expect(planText(join(dir, 'par'))).toBe(planText(join(dir, 'seq')));
    expect(lpFiles(join(dir, 'lp-par'))).toEqual(lpFiles(join(dir, 'lp-seq')));
    for (const f of lpFiles(join(dir, 'lp-seq'))) expect(readFileSync(join(dir, 'lp-par', f), 'utf8')).toBe(readFileSync(join(dir, 'lp-seq', f), 'utf8'));
  });

  it('progress: one line per county on a non-terminal stderr; nothing with --quiet', () => {
    const lines = seq.stderr.split('\n').filter((l) => l.startsWith('['));
    expect(lines).toHaveLength(3);
    lines.forEach((l, i) => expect(l).toMatch(new RegExp(`^\\[${i + 1}/3\\] \\S+: [\\d,]+ teachers, [\\d,]+ variables, optimal, [\\d,]+ ms$`)));
    expect(par.stderr).toBe('');
    expect(par.stdout).toMatch(/^2019 学年：/);
  });

  it('--export-lp: one file per county and lexicographic step; HiGHS reading each file finds the objective GLPK found in the plan', async () => {
    const out = join(dir, 'glpk');
    const lp = join(dir, 'lp-glpk');
    const r = rotation('plan', scenario, '--year', '2019', '--out', out, '--solver', 'glpk', '--jobs', '1', '--export-lp', lp, '--quiet');
    expect(r.code).not.toBe(1);
    const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8'));
    const index = JSON.parse(readFileSync(join(lp, 'index.json'), 'utf8')) as { file: string; county: string; step: number; solver: string; status: string; objective: number }[];
    const solves = (plan.stats.counties as { solves: number }[]).reduce((n, c) => n + c.solves, 0);
    expect(index).toHaveLength(solves);
    expect(lpFiles(lp)).toHaveLength(solves);
    const highs = await loadHighs();
    for (const entry of index) {
      expect(entry.file).toBe(`${entry.county}.step${entry.step}.lp`);
      expect(entry.solver).toBe('glpk');
      expect(entry.status).toBe('optimal');
      const solved = highs.solve(readFileSync(join(lp, entry.file), 'utf8'), { mip_rel_gap: 0, mip_abs_gap: 0, output_flag: false });
      expect(solved.Status).toBe('Optimal');
      expect(solved.ObjectiveValue).toBeCloseTo(entry.objective, 6);
    }
  }, 60_000);
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { countyScenarios, subsetScenario } from '../../src/domain/scenario-subset.js';
import { planScenarioParallel } from '../../src/engine/parallel.js';
import { mergeCountyPlans, planCounties, planScenario } from '../../src/engine/plan.js';
import { rural, scenario, staff, teacher, urban } from './builders.js';

const dir = mkdtempSync(join(tmpdir(), 'rotation-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in worker script (the real one runs from dist/: see test/cli/plan-parallel.test.ts). */
function fakeWorker(name: string, body: string): URL {
  const path = join(dir, name);
  writeFileSync(path, `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (task) => { ${body} });\n`);
  return pathToFileURL(path);
}

const twoCounties = scenario({
  schools: [urban('U1'), rural('R1'), urban('V1', { county: '瓯海区' }), rural('Q1', { county: '瓯海区' })],
  teachers: [...staff('A', 'U1', 12), ...staff('B', 'V1', 15), teacher('Z1', 'R1'), teacher('Z2', 'Q1')],
  needs: [{ school_id: 'R1', subject: 'math', teachers: 1, priority: 1 }, { school_id: 'Q1', subject: 'chinese', teachers: 2, priority: 1 }],
  locks: [{ teacher_id: 'B003', action: 'forbid', school_id: 'Q1', reason: '' }, { teacher_id: 'A002', action: 'keep', school_id: null, reason: '家中有事' }],
});
const settings = { solver: 'jslp' as const, timeoutMs: 20_000, jobs: 2 };
const strip = (p: unknown) => JSON.stringify(p, (k, v) => (k.startsWith('solve_ms') ? 0 : v));

describe('counties apart: the pieces parallel.ts puts together', () => {
  it('each county planned from its own rows alone and merged in county order gives planScenario\'s plan', () => {
    const parts = countyScenarios(twoCounties).flatMap((s) => planCounties(s, 2019));
    expect(parts.map((p) => p.stats.county)).toEqual(['鹿城区', '瓯海区']);
    expect(strip(mergeCountyPlans(twoCounties, 2019, parts).plan)).toBe(strip(planScenario(twoCounties, 2019).plan));
  });

  it('a subset keeps each kept row\'s spreadsheet line (so a message about a lock still names its row)', () => {
    const sub = subsetScenario(twoCounties, { locks: (l) => l.action === 'keep' });
    expect(sub.locks.map((l) => l.teacher_id)).toEqual(['A002']);
    expect(sub.source?.lines.locks).toEqual([3]);
  });
});

describe('planScenarioParallel: a failing worker is an error with the county, never a hang', () => {
  it('a worker that throws: rejected, naming the county it was planning', async () => {
    const workerUrl = fakeWorker('throws.mjs', 'throw new Error("boom " + task.index);');
    await expect(planScenarioParallel(twoCounties, 2019, { ...settings, workerUrl })).rejects.toThrow(/worker failed while planning (鹿城区|瓯海区): boom/);
  });

  it('a worker that exits: rejected with its exit code', async () => {
    const workerUrl = fakeWorker('exits.mjs', 'process.exit(3);');
    await expect(planScenarioParallel(twoCounties, 2019, { ...settings, workerUrl })).rejects.toThrow(/exit code 3/);
  });

  it('a worker script that cannot be loaded: rejected', async () => {
    await expect(planScenarioParallel(twoCounties, 2019, { ...settings, workerUrl: pathToFileURL(join(dir, 'missing.mjs')) })).rejects.toThrow(/worker failed/);
  });

  it('a county whose input is wrong: the InputError, with its problems, as the sequential run raises it', async () => {
    const workerUrl = fakeWorker('input.mjs', 'parentPort.postMessage({ index: task.index, ok: false, message: "m", problems: [{ file: "locks.csv", row: task.index + 2, message: "pin " + task.index }] });');
    const err = await planScenarioParallel(twoCounties, 2019, { ...settings, workerUrl }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems).toEqual([{ file: 'locks.csv', row: 2, message: 'pin 0' }]); // the first county in county order
  });
});

describe('planScenarioParallel: the solve time is what the user waited', () => {
  it('stats.solve_ms is the wall time of the pool, not the counties\' times added up (kept as solve_ms_summed)', async () => {
    // Two stand-in workers that each claim a county took 600 s and answer at once.
    const parts = countyScenarios(twoCounties).map((s) => planCounties(s, 2019));
    const workerUrl = fakeWorker('slow-claim.mjs', `const parts = ${JSON.stringify(parts)}[task.index].map((p) => ({ ...p, stats: { ...p.stats, solve_ms: 600000 } }));
      parentPort.postMessage({ index: task.index, ok: true, parts, models: [] });`);
    const { result } = await planScenarioParallel(twoCounties, 2019, { ...settings, workerUrl });
    expect(result.plan.stats['solve_ms_summed']).toBe(1_200_000);
    expect(result.plan.stats.solve_ms).toBeLessThan(1_200_000);
    expect(result.plan.stats.counties).toEqual([expect.objectContaining({ solve_ms: 600_000 }), expect.objectContaining({ solve_ms: 600_000 })]);
  });
});

describe('progress within a county: each lexicographic level as it starts', () => {
  it('planScenario tells onLevel step 1 … n of every county, with the levels each step optimises', () => {
    const seen: { county: string; step: number; steps: number; levels: readonly string[] }[] = [];
    planScenario(twoCounties, 2019, { onLevel: (county, step, steps, levels) => seen.push({ county, step, steps, levels }) });
    for (const county of ['鹿城区', '瓯海区']) {
      const mine = seen.filter((s) => s.county === county);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.map((s) => s.step)).toEqual(mine.map((_, i) => i + 1));
      expect(mine.every((s) => s.steps === mine.length && s.levels.length > 0)).toBe(true);
    }
  });

  it('a worker\'s level messages reach onLevel on the main thread, and are asked for only with onLevel', async () => {
    const parts = countyScenarios(twoCounties).map((s) => planCounties(s, 2019));
    const workerUrl = fakeWorker('levels.mjs', `if (task.levels) parentPort.postMessage({ index: task.index, level: { county: 'C' + task.index, step: 1, steps: 2, levels: ['R1'] } });
      parentPort.postMessage({ index: task.index, ok: true, parts: ${JSON.stringify(parts)}[task.index], models: [] });`);
    const heard: string[] = [];
    await planScenarioParallel(twoCounties, 2019, { ...settings, workerUrl, onLevel: (county, step, steps) => heard.push(`${county} ${step}/${steps}`) });
    expect(heard.sort()).toEqual(['C0 1/2', 'C1 1/2']);
    // Without onLevel the task does not ask for them (the fake worker records what it was asked in its answer's county name).
    const asked = fakeWorker('asked.mjs', `parentPort.postMessage({ index: task.index, ok: true, parts: ${JSON.stringify(parts)}[task.index].map((p) => ({ ...p, stats: { ...p.stats, county: String(task.levels) } })), models: [] });`);
    const { result } = await planScenarioParallel(twoCounties, 2019, { ...settings, workerUrl: asked });
    expect(result.counties.map((c) => c.county)).toEqual(['false', 'false']);
  });
});

import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSchema, type Plan } from '../../src/domain/plan.js';
import { writePlanOutputs } from '../../src/io/export/write-plan.js';
import { readWorkbookTables } from '../../src/io/read/xlsx-read.js';
import { sampleScenario, samplePlan } from '../report/sample.js';

const scenario = sampleScenario();
const plan = samplePlan(scenario);
const fresh = () => mkdtemp(join(tmpdir(), 'rotation-out-'));

describe('writePlanOutputs: all or nothing', () => {
  it('creates the folder and writes plan.json (2-space JSON + newline), plan.xlsx and, with csv, one CSV per sheet', async () => {
    const out = join(await fresh(), 'a', 'b');
    const names = await writePlanOutputs(out, { scenario, plan, csv: true });
    expect(names.slice(0, 2)).toEqual(['plan.json', 'plan.xlsx']);
    expect((await readdir(out)).sort()).toEqual([...names].sort());
    expect(names).toHaveLength(2 + 12);
    const json = await readFile(join(out, 'plan.json'), 'utf8');
    expect(json).toBe(`${JSON.stringify(plan, null, 2)}\n`);
    expect(planSchema.parse(JSON.parse(json))).toEqual(plan);
    const sheets = await readWorkbookTables(await readFile(join(out, 'plan.xlsx')), 'plan.xlsx');
    expect(sheets.get('轮岗名单')!.rows.map((r) => r[0])).toEqual(['007', '0012']);
  });

  it('replaces an existing plan with a complete new one, leaving no temporary files', async () => {
    const out = await fresh();
    await writePlanOutputs(out, { scenario, plan, lang: 'en' });
    const next: Plan = { ...plan, plan_year: 2020 };
    await writePlanOutputs(out, { scenario, plan: next, lang: 'en' });
    expect((await readdir(out)).sort()).toEqual(['plan.json', 'plan.xlsx']);
    expect(JSON.parse(await readFile(join(out, 'plan.json'), 'utf8')).plan_year).toBe(2020);
  });

  it('a failure leaves the previous plan untouched and no temporary files (a folder in the way of plan.xlsx)', async () => {
    const out = await fresh();
    await writeFile(join(out, 'plan.json'), 'old plan\n');
    await mkdir(join(out, 'plan.xlsx'));
    await expect(writePlanOutputs(out, { scenario, plan })).rejects.toThrow(/plan\.xlsx: .*is a folder/);
    expect(await readFile(join(out, 'plan.json'), 'utf8')).toBe('old plan\n');
    expect((await readdir(out)).sort()).toEqual(['plan.json', 'plan.xlsx']);
  });

  it('a plan that cannot be written fails before any file is touched', async () => {
    const out = await fresh();
    await writeFile(join(out, 'plan.json'), 'old plan\n');
    const broken = { ...plan, stats: { ...plan.stats, huge: 1n } } as unknown as Plan;
    await expect(writePlanOutputs(out, { scenario, plan: broken })).rejects.toThrow(/BigInt/);
    expect(await readdir(out)).toEqual(['plan.json']);
    expect(await readFile(join(out, 'plan.json'), 'utf8')).toBe('old plan\n');
  });
});

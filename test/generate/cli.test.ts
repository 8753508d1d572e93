import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import yargs from 'yargs';
import { generateCommand } from '../../src/cli/generate.js';
import { readScenario } from '../../src/io/read/read-scenario.js';

let root: string;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'rotation-cli-generate-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });
afterEach(() => { vi.restoreAllMocks(); process.exitCode = undefined; });

/** Runs `rotation generate …` through yargs as main.ts does; returns what went to stderr. */
async function generate(...argv: string[]): Promise<string> {
  const err: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { err.push(String(chunk)); return true; });
  await yargs(['generate', ...argv]).command(generateCommand).strict().exitProcess(false)
    .fail((msg, e) => { throw e ?? new Error(msg); }).parseAsync();
  return err.join('');
}

describe('rotation generate', () => {
  it('writes a scenario folder (Chinese by default) that readScenario accepts, and a one-line summary', async () => {
    const out = join(root, 'county');
    const said = await generate('--counties', '1', '--teachers', '200', '--seed', '7', '--out', out);
    expect(process.exitCode).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['history.csv', 'locks.csv', 'needs.csv', 'policy.json', 'schools.csv', 'teachers.csv']);
    expect(await readFile(join(out, 'teachers.csv'), 'utf8')).toMatch(/^\uFEFF教师编号,姓名,性别/);
    const { scenario } = await readScenario(out);
    const needs = scenario.needs.reduce((n, x) => n + x.teachers, 0);
    expect(said).toBe(`generated 1 county, ${scenario.schools.length} schools, 200 teachers, ${needs} needed posts → ${out}\n`);
  });

  it('the same seed writes byte-identical files', async () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    await generate('--counties', '2', '--teachers', '300', '--seed', '3', '--lang', 'en', '--out', a);
    await generate('--counties', '2', '--teachers', '300', '--seed', '3', '--lang', 'en', '--out', b);
    for (const f of ['schools.csv', 'teachers.csv', 'needs.csv', 'history.csv', 'locks.csv', 'policy.json']) {
      expect(await readFile(join(b, f), 'utf8')).toBe(await readFile(join(a, f), 'utf8'));
    }
  });

  it('--format xlsx writes one scenario.xlsx that reads back as the CSV folder does', async () => {
    const csv = join(root, 'csv');
    const xlsx = join(root, 'xlsx');
    await generate('--counties', '1', '--teachers', '120', '--seed', '5', '--year', '2020', '--out', csv);
    const said = await generate('--counties', '1', '--teachers', '120', '--seed', '5', '--year', '2020', '--format', 'xlsx', '--out', xlsx);
    expect(await readdir(xlsx)).toEqual(['scenario.xlsx']);
    expect(said).toContain(join(xlsx, 'scenario.xlsx'));
    const fromCsv = (await readScenario(csv)).scenario;
    const fromXlsx = (await readScenario(join(xlsx, 'scenario.xlsx'))).scenario;
    for (const k of ['schools', 'teachers', 'needs', 'history', 'locks', 'policy'] as const) expect(fromXlsx[k]).toEqual(fromCsv[k]);
  });

  it('--shape village writes the hard shape (teaching points, needs in most receivers); --shape default is the plain generator', async () => {
    const village = join(root, 'village');
    const plain = join(root, 'plain');
    const dflt = join(root, 'dflt');
    await generate('--counties', '1', '--teachers', '400', '--seed', '7', '--shape', 'village', '--out', village);
    await generate('--counties', '1', '--teachers', '400', '--seed', '7', '--out', plain);
    await generate('--counties', '1', '--teachers', '400', '--seed', '7', '--shape', 'default', '--out', dflt);
    const v = (await readScenario(village)).scenario;
    const p = (await readScenario(plain)).scenario;
    expect(v.schools.length).toBeGreaterThan(p.schools.length);
    expect(v.schools.some((x) => x.name.endsWith('教学点'))).toBe(true);
    for (const f of ['schools.csv', 'teachers.csv', 'needs.csv']) expect(await readFile(join(dflt, f), 'utf8')).toBe(await readFile(join(plain, f), 'utf8'));
    await expect(generate('--counties', '1', '--teachers', '400', '--seed', '7', '--shape', 'town', '--out', join(root, 'z'))).rejects.toThrow(/shape/);
  });

  it('refuses too few teachers, or no size and no preset', async () => {
    await expect(generate('--counties', '3', '--teachers', '20', '--seed', '1', '--out', join(root, 'x'))).rejects.toThrow(/--teachers must be/);
    await expect(generate('--seed', '1', '--out', join(root, 'y'))).rejects.toThrow(/--counties/);
    expect((await readdir(root)).filter((f) => f === 'x' || f === 'y')).toEqual([]);
  });
});

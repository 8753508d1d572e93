/**
 * `rotation --help` and the light commands must start fast: the command line
 * loads only the module of the command being run, and exceljs, the solvers
 * (HiGHS, GLPK, javascript-lp-solver), the engine and the generator only in
 * the commands that use them. Checked by what the process loads (a module-load
 * hook logs every URL), never by timing. dist/cli/main.js is a bundle
 * (vite.cli.config.ts): a file of it stands for the sources its source map
 * names, so the checks below read source paths (src/…, node_modules/…).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandFor, COMMANDS, requestedCommand } from '../../src/cli/commands.js';
import { buildCli, MAIN, ROOT } from './built-cli.js';

const root = ROOT;
const main = MAIN;
const hook = fileURLToPath(new URL('./load-log-hook.mjs', import.meta.url));
let dir: string;
let runs = 0;

/** A path below the repository, with forward slashes. */
const inRepo = (path: string) => relative(root, path).split(sep).join('/');

/**
 * The files a run loaded (repository paths; node:… as they are) and the modules they hold: a file of the bundle
 * (dist/cli/, with a source map beside it) holds the sources its map names, any other file itself.
 */
function contents(urls: readonly string[]): { files: string[]; modules: string[] } {
  const files = urls.map((u) => (u.startsWith('file:') ? inRepo(fileURLToPath(u)) : u));
  const modules = files.flatMap((f) => {
    const map = join(root, `${f}.map`);
    if (!f.startsWith('dist/cli/') || !existsSync(map)) return [f];
    const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
    return sources.map((s) => inRepo(resolve(dirname(join(root, f)), s)));
  });
  return { files, modules };
}

/** Runs the built CLI with the load hook; returns its exit code, stdout, the files it loaded and the modules they hold. */
function loaded(...args: string[]): { code: number | null; stdout: string; files: string[]; modules: string[] } {
  const log = join(dir, `load-${++runs}.log`);
  const r = spawnSync(process.execPath, ['--import', hook, main, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ROTATION_LOAD_LOG: log } });
  const urls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  return { code: r.status, stdout: r.stdout, ...contents(urls) };
}

const HEAVY = [/^node_modules\/(exceljs|highs|glpk\.js|javascript-lp-solver|@resvg\/resvg-js|echarts|fastify)\//,
  // The solver names and the generator's shape table (with its random helpers) are small modules the options need; the rest must wait.
  /^src\/engine\/(?!solver-names\.ts)/, /^src\/generate\/(?!shapes\.ts|random\.ts)/, /^src\/io\/(export\/(workbook|write-plan|write-scenario-xlsx)|read\/xlsx-read)\.ts$/,
  // The tsc output of the same: the bundle never loads it.
  /^dist\/(engine|generate|io|check|review|server)\//];
const heavy = (modules: string[]) => modules.filter((m) => HEAVY.some((h) => h.test(m)));
const COMMAND_MODULE = /^src\/cli\/(validate|plan|check|replan|suggest|generate|diff|compare|template|serve)\.ts$/;

beforeAll(() => {
  // The command line only: the review page's bundle (vite) is not what this test looks at.
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'rotation-start-fast-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('start fast: what each command loads', () => {
  it('`rotation --help` lists every command and loads no command module, no exceljs, no solver', () => {
    const r = loaded('--help');
    expect(r.code).toBe(0);
    for (const c of ['validate', 'plan', 'check', 'replan', 'suggest', 'generate', 'diff', 'compare']) expect(r.stdout).toContain(`rotation ${c}`);
    expect(r.files).toContain('dist/cli/main.js');
    expect(heavy(r.modules)).toEqual([]);
    expect(r.modules.filter((m) => COMMAND_MODULE.test(m))).toEqual([]);
  });

  it('`rotation validate` on the demo loads neither exceljs nor a solver nor the engine', () => {
    const r = loaded('validate', 'scenarios/lucheng-demo', '--year', '2019');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lucheng');
    expect(r.modules).toContain('src/cli/validate.ts');
    expect(heavy(r.modules)).toEqual([]);
  });

  it('`--help` of plan, replan, compare, generate and check loads no solver and no exceljs', () => {
    for (const c of ['plan', 'replan', 'compare', 'generate', 'check']) {
      const r = loaded(c, '--help');
      expect(r.code, c).toBe(0);
      expect(heavy(r.modules), c).toEqual([]);
    }
  });

  it('the hook sees what a command does load: generate --format xlsx loads the generator and exceljs', () => {
    const r = loaded('generate', '--counties', '1', '--teachers', '40', '--seed', '1', '--format', 'xlsx', '--out', join(dir, 'g'));
    expect(r.code).toBe(0);
    expect(r.modules).toContain('src/generate/index.ts');
    expect(r.modules.some((m) => m.startsWith('node_modules/exceljs/'))).toBe(true);
  });
});

describe('dist/cli/main.js is the bundle', () => {
  // Node loading some 220 files of dist/ and node_modules was most of the start-up (docs/benchmarks-shapes.md).
  const ours = (files: string[]) => files.filter((f) => !f.startsWith('node:'));

  it('`--help` loads main.js and the cli chunk, yargs inside it: nothing from node_modules, no tsc output', () => {
    const r = loaded('--help');
    expect(r.code).toBe(0);
    expect(ours(r.files).every((f) => /^dist\/cli\/(main|chunk-[\w-]+)\.js$/.test(f)), ours(r.files).join(' ')).toBe(true);
    expect(ours(r.files).length).toBeLessThanOrEqual(4);
    expect(r.modules).toContain('src/cli/cli.ts');
    expect(r.modules).toContain('src/cli/fast-string-width.ts');
    expect(r.modules.some((m) => m.startsWith('node_modules/yargs/'))).toBe(true);
  });

  it('`validate` on the demo loads at most 6 files, zod, date-fns and csv-parse inside them', () => {
    const r = loaded('validate', 'scenarios/lucheng-demo', '--year', '2019');
    expect(r.code).toBe(0);
    expect(ours(r.files).every((f) => f.startsWith('dist/cli/')), ours(r.files).join(' ')).toBe(true);
    expect(ours(r.files).length).toBeLessThanOrEqual(6);
    for (const p of ['zod', 'date-fns', 'csv-parse']) expect(r.modules.some((m) => m.startsWith(`node_modules/${p}/`)), p).toBe(true);
  });

  it('the worker entries sit beside the chunks that start them (new URL(…, import.meta.url)) and hold the workers', () => {
    /** The sources of a file of the bundle and of the chunks it imports. */
    const sourcesOf = (file: string): string[] => {
      const path = join(root, 'dist', 'cli', file);
      const imported = [...readFileSync(path, 'utf8').matchAll(/from "\.\/(chunk-[\w-]+\.js)"/g)].map((m) => m[1]!);
      const map = `${path}.map`;
      const own = existsSync(map) ? (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources.map((s) => inRepo(resolve(dirname(path), s))) : [];
      return [...own, ...imported.flatMap(sourcesOf)];
    };
    expect(sourcesOf('plan-worker.js')).toContain('src/engine/plan-worker.ts');
    expect(sourcesOf('plan-job.js')).toContain('src/server/plan-job.ts');
  });
});

describe('commands.ts: which command module main.ts loads', () => {
  it('the command is the first argument that names one, options may come first', () => {
    expect(requestedCommand(['validate', 'scenarios/plan', '--year', '2019'])).toBe('validate');
    expect(requestedCommand(['--quiet', 'plan', 'x'])).toBe('plan');
    expect(requestedCommand(['--help'])).toBeUndefined();
    expect(requestedCommand(['bogus'])).toBeUndefined();
  });

  it('loads the requested command\'s module with its usage and description; the others are stubs that refuse to run', async () => {
    const real = await commandFor(COMMANDS.diff, 'diff');
    expect(real.command).toBe(COMMANDS.diff.command);
    expect(real.describe).toBe(COMMANDS.diff.describe);
    expect(real.builder).toBeDefined();
    const stub = await commandFor(COMMANDS.plan, 'diff');
    expect(stub.command).toBe(COMMANDS.plan.command);
    expect(stub.builder).toBeUndefined();
    expect(() => (stub.handler as () => void)()).toThrow(/not loaded/);
  });

  it('every command module takes its usage and description from commands.ts', async () => {
    for (const entry of Object.values(COMMANDS)) {
      const m = await entry.load();
      expect([m.command, m.describe], entry.name).toEqual([entry.command, entry.describe]);
    }
  });
});

/**
 * `rotation --help` and the light commands must start fast: the command line
 * loads only the module of the command being run, and exceljs, the solvers
 * (HiGHS, GLPK, javascript-lp-solver), the engine and the generator only in
 * the commands that use them. Checked by what the process loads (a module-load
 * hook logs every URL), never by timing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandFor, COMMANDS, requestedCommand } from '../../src/cli/commands.js';
import { buildCli, MAIN, ROOT } from './built-cli.js';

const root = ROOT;
const main = MAIN;
const hook = fileURLToPath(new URL('./load-log-hook.mjs', import.meta.url));
let dir: string;
let runs = 0;

/** Runs the built CLI with the load hook; returns its exit code, stdout and the URLs it loaded. */
function loaded(...args: string[]): { code: number | null; stdout: string; urls: string[] } {
  const log = join(dir, `load-${++runs}.log`);
  const r = spawnSync(process.execPath, ['--import', hook, main, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ROTATION_LOAD_LOG: log } });
  const urls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  return { code: r.status, stdout: r.stdout, urls };
}

const HEAVY = [/node_modules\/exceljs\//, /node_modules\/highs\//, /node_modules\/glpk\.js\//, /node_modules\/javascript-lp-solver\//,
  // The solver names and the generator's shape table (with its random helpers) are small modules the options need; the rest must wait.
  /\/dist\/engine\/(?!solver-names\.js)/, /\/dist\/generate\/(?!shapes\.js|random\.js)/, /\/dist\/io\/(export\/(workbook|write-plan|write-scenario-xlsx)|read\/xlsx-read)\.js$/];
const heavy = (urls: string[]) => urls.filter((u) => HEAVY.some((h) => h.test(u)));

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
    expect(r.urls.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(heavy(r.urls)).toEqual([]);
    expect(r.urls.filter((u) => /\/dist\/cli\/(validate|plan|check|replan|suggest|generate|diff|compare)\.js$/.test(u))).toEqual([]);
  });

  it('`rotation validate` on the demo loads neither exceljs nor a solver nor the engine', () => {
    const r = loaded('validate', 'scenarios/lucheng-demo', '--year', '2019');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lucheng');
    expect(heavy(r.urls)).toEqual([]);
  });

  it('`--help` of plan, replan, compare, generate and check loads no solver and no exceljs', () => {
    for (const c of ['plan', 'replan', 'compare', 'generate', 'check']) {
      const r = loaded(c, '--help');
      expect(r.code, c).toBe(0);
      expect(heavy(r.urls), c).toEqual([]);
    }
  });

  it('the hook sees what a command does load: generate --format xlsx loads the generator and exceljs', () => {
    const r = loaded('generate', '--counties', '1', '--teachers', '40', '--seed', '1', '--format', 'xlsx', '--out', join(dir, 'g'));
    expect(r.code).toBe(0);
    expect(r.urls.some((u) => u.includes('/dist/generate/index.js'))).toBe(true);
    expect(r.urls.some((u) => u.includes('node_modules/exceljs/'))).toBe(true);
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

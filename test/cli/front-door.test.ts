/** The front door: exit codes, messages without the help screen, --version, one language, summaries bounded on a city, the package by its name. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWenzhou } from '../../src/generate/index.js';
import { writeScenario } from '../../src/io/export/write-scenario.js';
import { inLanguage, terminalLang } from '../../src/report/language.js';
import { EXIT_INTERNAL, run } from '../../src/cli/run.js';
import { buildCli, DEMO, ROOT, runBuilt } from './built-cli.js';

const root = ROOT;
const demo = DEMO;
let dir = '';

beforeAll(() => {
  buildCli('index.js');
  dir = mkdtempSync(join(tmpdir(), 'rotation-door-'));
});
afterAll(() => { if (dir !== '') rmSync(dir, { recursive: true, force: true }); });

function rotation(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []) {
  return runBuilt(args, { env: { LANG: 'C.UTF-8', LC_ALL: '', ...env }, nodeArgs });
}

describe('exit codes', () => {
  it('an internal failure (injected) exits 3 with one line saying it is the program\'s fault; the stack only with --debug', () => {
    const inject = ['--import', join(root, 'test', 'fixtures', 'inject', 'stdout-fault.mjs')];
    const args = ['plan', demo, '--year', '2019', '--out', join(dir, 'fault'), '--quiet'];
    const r = rotation(args, { ROTATION_INJECT_FAULT: '1' }, inject);
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('injected fault');
    expect(lines[0]).toContain('internal error');
    expect(lines[0]).toContain('--debug');
    const debug = rotation([...args, '--debug'], { ROTATION_INJECT_FAULT: '1' }, inject);
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('run() maps a thrown non-input error to 3 in-process', async () => {
    const before = process.exitCode;
    const write = process.stderr.write;
    let err = '';
    process.stderr.write = ((c: string) => { err += c; return true; }) as typeof process.stderr.write;
    try {
      await run(async () => { throw new TypeError('boom'); });
      expect(process.exitCode).toBe(EXIT_INTERNAL);
    } finally {
      process.stderr.write = write;
      process.exitCode = before;
    }
    expect(err).toContain('boom');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('bad input stays 1, a shortfall 2', () => {
    expect(rotation(['plan', join(dir, 'nowhere'), '--year', '2019', '--out', join(dir, 'x')]).code).toBe(1);
    expect(rotation(['plan', demo, '--year', '2019', '--out', join(dir, 'norms'), '--needs', 'norms', '--quiet']).code).toBe(2);
  });
});

describe('messages, not the help screen', () => {
  it('a missing --year prints the message alone with a hint to --help', () => {
    const r = rotation(['plan', demo, '--out', join(dir, 'y')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--year 2019');
    expect(r.stderr).toContain('--help');
    expect(r.stderr).not.toContain('选项');
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  it('an unknown command likewise', () => {
    const r = rotation(['plna']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown command: plna');
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('--version prints the package version; --help describes in Chinese', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(rotation(['--version']).stdout.trim()).toBe(version);
    const help = rotation(['plan', '--help']).stdout;
    expect(help).toContain('--time-limit');
    expect(help).toContain('求解器在每个县上最多用时');
  });
});

describe('one language per line', () => {
  it('the locale chooses, Chinese when unknown', () => {
    expect(terminalLang(undefined, { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(terminalLang(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(terminalLang(undefined, { LANG: 'C.UTF-8' })).toBe('zh');
    expect(terminalLang(undefined, {})).toBe('zh');
    expect(terminalLang('en', { LANG: 'zh_CN' })).toBe('en');
  });

  it('splits the planner\'s "中文 / English" explanations', () => {
    const text = '临江小学 (LC-P006) 美术 缺 1 人未补 / 1 art post(s) unfilled: 县内能教美术的教师 7 人 / 7 eligible qualified teacher(s) could go';
    expect(inLanguage(text, 'zh')).toBe('临江小学 (LC-P006) 美术 缺 1 人未补: 县内能教美术的教师 7 人');
    expect(inLanguage(text, 'en')).toBe('1 art post(s) unfilled: 7 eligible qualified teacher(s) could go');
    expect(inLanguage('no slash here', 'en')).toBe('no slash here');
    expect(inLanguage('已补/缺编 3/4', 'en')).toBe('已补/缺编 3/4');
  });
});

describe('a terminal that speaks in summaries', () => {
  it('on a generated city: one line per county and ten shortfalls, the full list in the workbook; --json --verbose all of them as data', { timeout: 300_000 }, async () => {
    const city = join(dir, 'city');
    await writeScenario(city, generateWenzhou({ seed: 1, year: 2019, scale: 0.05 }), { lang: 'zh' });
    const out = join(dir, 'city-plan');
    // R2 at 90 % cannot be met by most senders: dozens of shortfalls across 11 counties.
    const args = ['plan', city, '--year', '2019', '--out', out, '--quiet', '--jobs', '1', '--set', 'rotation.backbone_min_share=0.9'];
    const r = rotation([...args, '--lang', 'en']);
    expect(r.code).toBe(2);
    const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as { shortfalls: unknown[] };
    expect(plan.shortfalls.length).toBeGreaterThan(20);
    const all = r.stdout.trim().split('\n');
    // Balance warnings (no rule broken) are capped too: six and a line counting the rest.
    const isWarning = (l: string) => l.startsWith('  warning') || l.includes('in plan.json warnings');
    const warnings = all.filter(isWarning);
    expect(warnings.length).toBeLessThanOrEqual(7);
    const lines = all.filter((l) => !isWarning(l));
    // head + 11 counties + 10 shortfalls + "… more; the full list is in …"
    expect(lines).toHaveLength(1 + 11 + 10 + 1);
    expect(all.filter((l) => /[\u4e00-\u9fff]{2}.* \/ [A-Za-z]{2}/.test(l.replace(/\([^)]*\)/g, '')))).toEqual([]);
    expect(lines.slice(0, 12).every((l) => l.includes('net of running rotations'))).toBe(true);
    expect(lines.at(-1)).toContain(`${plan.shortfalls.length - 10} more`);
    expect(lines.at(-1)).toContain('未满足事项');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'plan.xlsx'));
    const sheet = book.getWorksheet('Shortfalls'); // --lang en: English sheet names too
    expect(sheet).toBeDefined();
    expect(sheet!.actualRowCount - 1).toBe(plan.shortfalls.length);

    const json = JSON.parse(rotation([...args, '--json', '--verbose']).stdout) as { counties: unknown[]; shortfalls: number; top_shortfalls: unknown[] };
    expect(json.counties).toHaveLength(11);
    expect(json.shortfalls).toBe(plan.shortfalls.length);
    expect(json.top_shortfalls).toHaveLength(plan.shortfalls.length);
  });
});

describe('the package by its name', () => {
  it('imports from \'rotation\' as a user would (package self-reference through package.json exports)', () => {
    const code = `import { readScenario, scenarioWithNeeds, planYear, checkPlan, planSchema, writePlanOutputs } from 'rotation';
      const { scenario } = await readScenario('scenarios/lucheng-demo');
      const s = scenarioWithNeeds(scenario, 2019);
      const { plan, violations } = await planYear(s, 2019, { jobs: 1 });
      await writePlanOutputs(process.argv[1], { scenario: s, plan });
      console.log(JSON.stringify({ filled: plan.stats.gaps_filled, needed: plan.stats.gaps_needed, violations: violations.length, again: checkPlan(s, plan).length, valid: planSchema.safeParse(plan).success }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code, join(dir, 'lib')], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ filled: 11, needed: 11, violations: 0, again: 0, valid: true });
    expect(existsSync(join(dir, 'lib', 'plan.xlsx'))).toBe(true);
    const types = readFileSync(join(root, 'dist', 'index.d.ts'), 'utf8');
    for (const name of ['planYear', 'readScenario', 'checkPlan', 'planSchema', 'writePlanOutputs']) expect(types).toContain(name);
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, DEMO, rotation } from './built-cli.js';

const demo = DEMO;
let dir = '';

beforeAll(() => {
  buildCli('cli/plan-years.js');
  dir = mkdtempSync(join(tmpdir(), 'rotation-years-'));
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

const timing = (text: string) => text.replace(/"(solve_ms\w*)": \d+/g, '"$1": 0');

describe('rotation plan --years 2018-2020', () => {
  it('writes DIR/<year>/plan.json, plan.xlsx (and CSV) per year, summary.json and summary.xlsx; every year checked; exit 0 or 2 by the shortfalls', () => {
    const out = join(dir, 'three');
    const r = rotation('plan', demo, '--years', '2018-2020', '--out', out, '--csv');
    expect(readdirSync(out).sort()).toEqual(['2018', '2019', '2020', 'summary.json', 'summary.xlsx']);
    for (const y of ['2018', '2019', '2020']) {
      const files = readdirSync(join(out, y));
      expect(files).toContain('plan.json');
      expect(files).toContain('plan.xlsx');
      expect(files.filter((f) => f.endsWith('.csv')).length).toBeGreaterThan(3);
      const plan = JSON.parse(readFileSync(join(out, y, 'plan.json'), 'utf8'));
      expect(plan.plan_year).toBe(Number(y));
      expect(plan.stats.check).toBe('passed');
      expect(r.stdout).toContain(`${y} 学年：`);
    }
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.years).toEqual([2018, 2019, 2020]);
    expect(summary.totals.map((t: { check: string }) => t.check)).toEqual(['passed', 'passed', 'passed']);
    const shortfalls = summary.totals.reduce((n: number, t: { shortfalls: number }) => n + t.shortfalls, 0);
    expect(r.code).toBe(shortfalls > 0 ? 2 : 0);
    // Nobody goes twice within the three-year cooldown.
    const sent = ['2018', '2019', '2020'].flatMap((y) => JSON.parse(readFileSync(join(out, y, 'plan.json'), 'utf8')).assignments.map((a: { teacher_id: string }) => a.teacher_id));
    expect(new Set(sent).size).toBe(sent.length);
    // Each year's own scenario (history grown by the years before) re-checks its plan from the files alone.
    expect(readdirSync(join(out, '2019', 'scenario')).sort()).toEqual(['history.csv', 'locks.csv', 'needs.csv', 'policy.json', 'schools.csv', 'teachers.csv']);
    expect(rotation('check', join(out, '2020', 'scenario'), join(out, '2020', 'plan.json')).code).toBe(0);
    const s = summary.senders[0];
    expect(s.sent).toHaveLength(3);
    expect(s.served_share[2]).toBeGreaterThanOrEqual(s.served_share[0]);
  }, 180_000); // three plans and their workbooks with charts: past 60 s on a loaded 2-core machine

  it('is deterministic: the same input gives the same files, byte for byte apart from solve times', () => {
    const again = join(dir, 'again');
    rotation('plan', demo, '--years', '2018-2020', '--out', again, '--csv', '--quiet');
    const three = join(dir, 'three');
    expect(readFileSync(join(again, 'summary.json'), 'utf8')).toBe(readFileSync(join(three, 'summary.json'), 'utf8'));
    expect(readFileSync(join(again, 'summary.xlsx')).equals(readFileSync(join(three, 'summary.xlsx')))).toBe(true);
    for (const y of ['2018', '2019', '2020']) expect(timing(readFileSync(join(again, y, 'plan.json'), 'utf8'))).toBe(timing(readFileSync(join(three, y, 'plan.json'), 'utf8')));
  }, 180_000);

  it('--year and --years together, neither, or a bad range: exit 1, nothing written', () => {
    for (const args of [['--year', '2019', '--years', '2018-2020'], [], ['--years', '2020-2018']]) {
      const out = join(dir, `bad-${args.join('')}`);
      const r = rotation('plan', demo, ...args, '--out', out);
      expect(r.code).toBe(1);
      expect(existsSync(out)).toBe(false);
      if (args.length === 0) expect(r.stderr).toContain('--years 2018-2020');
    }
  });

  it('an output path that is a file: exit 1, and no year folder or temporary folder is left behind', () => {
    const out = join(dir, 'taken');
    writeFileSync(out, 'not a folder');
    const r = rotation('plan', demo, '--years', '2019', '--out', out, '--quiet');
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('not a folder');
    expect(readdirSync(dir).filter((f) => f.startsWith('.taken'))).toEqual([]);
  }, 60_000);

  it('--years into an existing folder replaces the year folders and keeps other files', () => {
    const out = join(dir, 'again');
    writeFileSync(join(out, 'README.txt'), 'mine');
    rotation('plan', demo, '--years', '2018', '--out', out, '--quiet');
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(join(out, '2018')).sort()).toEqual(['plan.json', 'plan.xlsx', 'scenario']); // the old CSV files went with the old folder
    expect(existsSync(join(out, '2019', 'plan.json'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.again'))).toEqual([]);
  }, 60_000);
});

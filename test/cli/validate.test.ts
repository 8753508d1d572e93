/**
 * `rotation validate`: per county, the senders with their eligible teachers
 * and R1/R2 numbers. The command runs in-process through yargs, its output
 * captured; the numbers below are worked out by hand from
 * test/fixtures/good/lucheng (term 2019-09-01):
 *
 * - LC01: 0101, 0102, 0103 eligible (0104 4 years, 0105 exempt); backbone 0101 县级, 0103 市级.
 * - LC02: 0202 eligible (0201 is 55 on the first day, 0203 away until 2020-08-31); 0202 省级.
 * - OH01: 0501 eligible (0502 kept home, 0503 rotated 2017-09-01, within 3 years); 0501 县级.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateCommand } from '../../src/cli/validate.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { summarize } from '../../src/report/scenario-summary.js';
import { termOf } from '../../src/policy/term.js';
import { commandRunner } from './run-commands.js';

const LUCHENG = fileURLToPath(new URL('../fixtures/good/lucheng', import.meta.url));

/** Runs `rotation <args>` in-process; returns what it wrote and the exit code it set. */
const rotation = commandRunner(validateCommand);

interface SenderRow { school_id: string; eligible: number; backbone: number; r1: number; cap: number; r2: number }

/** The sender tables of the text output, per county heading. */
function senderTables(text: string): Record<string, SenderRow[]> {
  const out: Record<string, SenderRow[]> = {};
  let county = '';
  for (const line of text.split('\n')) {
    const heading = /^(\S+): \d+ 派出学校 senders/.exec(line);
    if (heading) out[county = heading[1]!] = [];
    const row = /^ {2}(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(line);
    if (row && county) {
      const [, school_id, eligible, backbone, r1, cap, r2] = row;
      out[county]!.push({ school_id: school_id!, eligible: +eligible!, backbone: +backbone!, r1: +r1!, cap: +cap!, r2: +r2! });
    }
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('rotation validate: text output', () => {
  it('lists per county the senders with eligible, backbone, R1 (≥10 %), cap and R2 (≥20 %)', async () => {
    const run = await rotation('validate', LUCHENG, '--year', '2019');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('2019 学年 term 2019-09-01 … 2020-08-31');
    expect(run.stdout).toContain('教师 teachers 14, 符合交流条件 eligible 5');
    expect(run.stdout).toContain('鹿城: 2 派出学校 senders, 2 接收学校 receivers, 10 teachers, 4 eligible, ≥ 2 to send, 4 缺编 needed posts');
    expect(run.stdout).toContain('瓯海: 1 派出学校 senders, 1 接收学校 receivers, 4 teachers, 1 eligible, ≥ 1 to send, 1 缺编 needed posts');
    expect(senderTables(run.stdout)).toEqual({
      鹿城: [
        { school_id: 'LC01', eligible: 3, backbone: 2, r1: 1, cap: 1, r2: 1 },
        { school_id: 'LC02', eligible: 1, backbone: 1, r1: 1, cap: 1, r2: 1 },
      ],
      瓯海: [{ school_id: 'OH01', eligible: 1, backbone: 1, r1: 1, cap: 1, r2: 1 }],
    });
  });

  it('--set changes the shares: min 0.5 / max 0.8 of 3 eligible → R1 2, cap 3, R2 1', async () => {
    const run = await rotation('validate', LUCHENG, '--year', '2019', '--set', 'rotation.min_share=0.5', '--set', 'rotation.max_share=0.8');
    expect(senderTables(run.stdout)['鹿城']![0]).toEqual({ school_id: 'LC01', eligible: 3, backbone: 2, r1: 2, cap: 3, r2: 1 });
  });

  it('another year, another term: 0203 is back in 2020 but within the cooldown, and eligible again in 2021', async () => {
    const in2020 = await rotation('validate', LUCHENG, '--year', '2020', '--eligibility');
    expect(in2020.stdout).toContain('2020 学年 term 2020-09-01 … 2021-08-31');
    expect(in2020.stdout).toMatch(/^0203 {2}no {3}rotated from 2018-09-01, within the 3-year cooldown$/m);
    const in2021 = await rotation('validate', LUCHENG, '--year', '2021', '--eligibility');
    expect(in2021.stdout).toMatch(/^0203 {2}yes {2}10 years 0 months at school ≥ 6; age 37 < 55$/m);
  });

  it('--eligibility lists every teacher with the reasons', async () => {
    const run = await rotation('validate', LUCHENG, '--year', '2019', '--eligibility');
    expect(run.stdout).toMatch(/^0102 {2}yes {2}7 years 0 months at school ≥ 6; age 33 < 50$/m);
    expect(run.stdout).toMatch(/^0201 {2}no {3}age 55 ≥ 55$/m);
    expect(run.stdout).toMatch(/^0502 {2}no {3}kept home by HR: 家中有事$/m);
  });
});

describe('rotation validate --json', () => {
  it('parses, and its numbers are summarize()\'s', async () => {
    const run = await rotation('validate', LUCHENG, '--year', '2019', '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    const { scenario } = await readScenario(LUCHENG);
    expect(json).toEqual(JSON.parse(JSON.stringify(summarize(scenario, termOf(2019, scenario.policy)))));
    expect(json.eligible).toBe(5);
    expect(json.counties.map((c: { county: string; required: number }) => [c.county, c.required])).toEqual([['鹿城', 2], ['瓯海', 1]]);
  });

  it('with --eligibility it also carries every teacher\'s eligibility', async () => {
    const json = JSON.parse((await rotation('validate', LUCHENG, '--year', '2019', '--json', '--eligibility')).stdout);
    expect(json.eligibility).toHaveLength(14);
    expect(json.eligibility.filter((e: { eligible: boolean }) => e.eligible).map((e: { teacher_id: string }) => e.teacher_id))
      .toEqual(['0101', '0102', '0103', '0202', '0501']);
  });

  it('bad input: exit code 1, the problem on stderr, nothing on stdout', async () => {
    const bad = fileURLToPath(new URL('../fixtures/bad/duplicate-teacher-id', import.meta.url));
    const run = await rotation('validate', bad, '--year', '2019', '--json');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('teachers.csv, row 5, column teacher_id (A): 教师编号 T01 重复 (first on row 2) / duplicate teacher id');
  });
});

describe('rotation validate: the plan year', () => {
  it('without --year is an error (exit 1), as for plan: the current calendar year would judge the wrong term', async () => {
    const run = await rotation('validate', LUCHENG).catch((err: Error) => ({ stdout: '', stderr: err.message, code: 1 }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--year 2019');
    expect(run.stdout).not.toContain('学年 term');
  });
});

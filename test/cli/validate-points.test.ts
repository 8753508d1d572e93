/**
 * `rotation validate --points`: every teacher of a sending school with the
 * parts of their priority points, the total and the rank within the school,
 * so a teacher can check their own number. Worked out by hand from
 * test/fixtures/good/lucheng (term 2019-09-01), school LC01:
 * 0103 joined 2000-09-01 (228 months), 0101 2010-09-01 (108), 0102 2012-09-01 (84, 12 rural months);
 * 0104 (4 years) and 0105 (exempt) are not eligible.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../src/cli/validate.js';
import { commandRunner } from './run-commands.js';

const LUCHENG = fileURLToPath(new URL('../fixtures/good/lucheng', import.meta.url));

const rotation = commandRunner(validateCommand);

interface Row { school_id: string; teacher_id: string; rank: number | null; total: number; parts: Record<string, number> }

async function lc01(...set: string[]): Promise<Row[]> {
  const { stdout, code } = await rotation('validate', LUCHENG, '--year', '2019', '--points', '--json', ...set.flatMap((s) => ['--set', s]));
  expect(code).toBe(0);
  return (JSON.parse(stdout).points as Row[]).filter((r) => r.school_id === 'LC01');
}

describe('rotation validate --points', () => {
  it('default points = months at school; ranked within the school; the ineligible unranked', async () => {
    const rows = await lc01();
    expect(rows.map((r) => [r.teacher_id, r.rank, r.total])).toEqual([
      ['0103', 1, 228], ['0101', 2, 108], ['0102', 3, 84], ['0104', null, 48], ['0105', null, 132],
    ]);
    expect(rows[0]!.parts).toMatchObject({ months_at_school: 228, age_years: 49, backbone: 3, rural_months: 0 });
  });

  it('other weights by --set change the order; ties go to the earlier birth date', async () => {
    // Only rural months count: 0102 (12) first; 0101 and 0103 tie at 0, 0103 (born 1970) before 0101 (1980).
    const rows = await lc01('points.months_at_school=0', 'points.rural_months=1');
    expect(rows.filter((r) => r.rank !== null).map((r) => [r.teacher_id, r.total])).toEqual([['0102', 12], ['0103', 0], ['0101', 0]]);
  });

  it('the table prints the formula and each teacher\'s parts', async () => {
    const { stdout } = await rotation('validate', LUCHENG, '--year', '2019', '--points', '--lang', 'en', '--set', 'points.age_years=2');
    expect(stdout).toContain('points = 1 × months at school + 2 × age;');
    // 0103: 228 months + 2 × 49 years = 326.
    expect(stdout).toMatch(/LC01\s+1\s+0103\s+李娜\s+228\s+\d+\s+49\s+3\s+0\s+0\s+326/);
  });

  it('a bad weight is an input error naming the key (exit 1)', async () => {
    const { stderr, code } = await rotation('validate', LUCHENG, '--year', '2019', '--points', '--set', 'points.age_yaers=1');
    expect(code).toBe(1);
    expect(stderr).toContain('age_yaers');
  });
});

/**
 * The county's balance (差异系数, src/policy/balance.ts): CV = S / X̄ with
 * X̄ = county total ÷ county students and S² = Σ (nᵢ/N)(xᵢ − X̄)².
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.js';
import { coefficientOfVariation, countyBalance, stageParts, type BalanceUnit } from '../../src/policy/balance.js';
import { rural, scenario, staff, teacher, urban } from '../engine/builders.js';

describe('coefficientOfVariation by example', () => {
  it('our worked example: 100, 200 and 100 pupils with 2, 2 and 0 backbone teachers → 0.7071', () => {
    // N = 400, total 4 → X̄ = 1 per 100 pupils; xᵢ = 2, 1, 0 per 100.
    // S² = 100/400·(2−1)² + 200/400·(1−1)² + 100/400·(0−1)² = 0.25 + 0 + 0.25 = 0.5
    // S = √0.5 = 0.70711; CV = 0.70711 / 1 = 0.7071.
    const cv = coefficientOfVariation([{ students: 100, count: 2 }, { students: 200, count: 2 }, { students: 100, count: 0 }]);
    expect(cv).toBeCloseTo(Math.SQRT1_2, 10);
  });

  it('the public guidance example (5 primary schools, 302 pupils, books per pupil) → 0.52', () => {
    // 县域义务教育校际均衡指标计算方法: 45/279, 37/137, 89/935, 76/160, 55/402 pupils/books;
    // county 1913 / 302 = 6.33 per pupil; Σ differences 10.65; √ = 3.26; 3.26 / 6.33 = 0.52.
    const schools: BalanceUnit[] = [
      { students: 45, count: 279 }, { students: 37, count: 137 }, { students: 89, count: 935 }, { students: 76, count: 160 }, { students: 55, count: 402 },
    ];
    expect(Math.round(coefficientOfVariation(schools)! * 100) / 100).toBe(0.52);
  });

  it('edge cases: one school → 0; no students or no teachers meeting the indicator → null; schools without pupils are left out', () => {
    expect(coefficientOfVariation([{ students: 120, count: 3 }])).toBe(0);
    expect(coefficientOfVariation([])).toBeNull();
    expect(coefficientOfVariation([{ students: 100, count: 0 }, { students: 50, count: 0 }])).toBeNull();
    expect(coefficientOfVariation([{ students: 100, count: 1 }, { students: 0, count: 5 }])).toBe(0);
  });
});

describe('coefficientOfVariation by property', () => {
  const unit = fc.record({ students: fc.integer({ min: 1, max: 3000 }), count: fc.integer({ min: 0, max: 200 }) });

  it('identical schools have CV 0', () => {
    fc.assert(fc.property(unit.filter((u) => u.count > 0), fc.integer({ min: 1, max: 30 }), (u, k) => {
      expect(coefficientOfVariation(Array.from({ length: k }, () => u))).toBeCloseTo(0, 9);
    }));
  });

  it('scaling every school\'s students and teachers by the same factor leaves CV unchanged', () => {
    fc.assert(fc.property(fc.array(unit, { minLength: 1, maxLength: 20 }), fc.integer({ min: 2, max: 50 }), (units, k) => {
      const cv = coefficientOfVariation(units);
      const scaled = coefficientOfVariation(units.map((u) => ({ students: u.students * k, count: u.count * k })));
      if (cv === null) expect(scaled).toBeNull();
      else expect(scaled).toBeCloseTo(cv, 9);
    }));
  });
});

describe('stage parts of a nine-year school', () => {
  it('300 pupils, classes spread 6 : 3 → 200 primary and 100 junior; teachers 200 : 110 (a junior pupil weighs 1.1)', () => {
    const parts = stageParts({ stage: 'nine_year', students: 300, classes: 9 }, 1.1);
    expect(parts.map((p) => p.students)).toEqual([200, 100]);
    expect(parts[0]!.teacherShare).toBeCloseTo(200 / 310, 12);
    expect(parts[1]!.teacherShare).toBeCloseTo(110 / 310, 12);
  });

  it('classes_by_grade decides the split: 6 primary classes and 6 junior → half each', () => {
    const parts = stageParts({ stage: 'nine_year', students: 400, classes: 12, classes_by_grade: [1, 1, 1, 1, 1, 1, 2, 2, 2] }, 1.1);
    expect(parts.map((p) => p.students)).toEqual([200, 200]);
  });
});

describe('countyBalance before and after a plan', () => {
  // Primary schools of one county: U1 400 pupils with 2 county backbone teachers, R1 and R2 100 pupils with none.
  const s = scenario({
    schools: [urban('U1', { students: 400 }), rural('R1', { students: 100 }), rural('R2', { students: 100 })],
    teachers: [
      teacher('B1', 'U1', { backbone: 'county' }), teacher('B2', 'U1', { backbone: 'municipal', subject: 'music' }), ...staff('U', 'U1', 6),
      ...staff('A', 'R1', 2, ['pe']), ...staff('C', 'R2', 2, ['chinese'], () => ({ education: 'secondary' })),
    ],
  });
  const plan = {
    plan_year: 2019, period: { start: '2019-09-01', end: '2020-08-31' },
    assignments: [{ teacher_id: 'B1', from_school: 'U1', to_school: 'R1', subject: 'chinese', backbone: 'county', start_date: '2019-09-01', end_date: '2020-08-31', distance_km: 1, pinned: false, reasons: [] }],
    senders: [], gaps: [], receivers: [], allowances: [], shortfalls: [], stats: { teachers: 12, eligible: 8, sent: 1, gaps_needed: 0, gaps_filled: 0, solve_ms: 0, optimal: true },
  } satisfies Plan;
  const rows = countyBalance(s, plan);
  const get = (indicator: string) => rows.find((r) => r.indicator === indicator)!;

  it('backbone: 0.33 per 100 pupils either way; CV 0.7071 before (both at U1), 0.9354 after (one at little R1)', () => {
    // Before: xᵢ = 2/400, 0, 0 → 0.5, 0, 0 per 100; X̄ = 2/600 = 1/3 per 100.
    //   S² = 4/6·(0.5 − 1/3)² + 1/6·(1/3)² + 1/6·(1/3)² = 0.018519 + 0.018519 + 0.018519 = 0.055556; S = 0.2357; CV = 0.2357 / (1/3) = 0.7071.
    // After:  xᵢ = 0.25, 1, 0 per 100; X̄ = 1/3.
    //   S² = 4/6·(1/12)² + 1/6·(2/3)² + 1/6·(1/3)² = 0.00463 + 0.07407 + 0.01852 = 0.09722; S = 0.3118; CV = 0.9354.
    // The one backbone teacher R5 sends to a small school raises the dispersion: the measure weighs by pupils.
    expect(get('backbone')).toMatchObject({ county: '鹿城区', stage: 'primary', schools: 3, students: 600, per_100_before: 0.33, per_100_after: 0.33, before: 0.7071, after: 0.9354, limit: 0.5, target: 0.3, within: false, meets_target: false });
  });

  it('education (primary: 大专 and above): R2\'s two 中专 teachers do not count', () => {
    // 8 at U1 + 2 at R1 + 0 at R2 = 10 of 600 pupils. Before: U1 8/400, R1 2/100, R2 0 → xᵢ = 2, 2, 0 per 100, X̄ = 1.667.
    // S² = 4/6·(1/3)² + 1/6·(1/3)² + 1/6·(5/3)² = 4/54 + 1/54 + 25/54 = 30/54; S = 0.7454; CV = 0.7454 / 1.6667 = 0.4472.
    expect(get('education').before).toBe(0.4472);
    // After: U1 7/400 = 1.75, R1 3/100 = 3, R2 0: S² = 4/6·(1/12)² + 1/6·(4/3)² + 1/6·(5/3)² = 0.00463 + 0.2963 + 0.46296 = 0.76389; CV = 0.87401 / 1.6667 = 0.5244.
    expect(get('education').after).toBe(0.5244);
  });

  it('a junior stage appears only where the county has junior pupils', () => {
    expect(rows.every((r) => r.stage === 'primary')).toBe(true);
    expect(rows.map((r) => r.indicator)).toEqual(['education', 'backbone', 'pe_music_art']);
  });
});

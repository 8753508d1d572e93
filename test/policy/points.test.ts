/**
 * Priority points (积分, policy.json `points`): the parts of a hand-made
 * teacher, the published order, and that the weights — and only the
 * weights, never the row order of teachers.csv — decide who goes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policySchema } from '../../src/domain/policy.js';
import { planScenario } from '../../src/engine/plan.js';
import { eligibilityOf } from '../../src/policy/eligibility.js';
import { comparePriority, pointsFormula, pointsOf } from '../../src/policy/points.js';
import { termOf } from '../../src/policy/term.js';
import { rural, scenario, staff, teacher, urban } from '../engine/builders.js';
import { scenarioArb } from '../engine/random-scenario.js';

const sender = urban('U1');

function points(t: ReturnType<typeof teacher>, weights: object = {}) {
  const policy = policySchema.parse({ points: weights });
  const term = termOf(2019, policy);
  const e = eligibilityOf(t, { policy, term, school: sender, history: [], locks: [] });
  return pointsOf(t, e, term, policy);
}

describe('priority points', () => {
  // Term starts 2019-09-01. Joined 2009-09-01 → 120 months; hired 2003-08-15 → 192 full months (the 16th year's
  // September month is not complete on the 1st); born 1980-05-10 → 39; 市级 = 3; applies in 2020 with 6 < 12 rural months.
  const hand = teacher('T1', 'U1', {
    birth_date: '1980-05-10', school_start_date: '2009-09-01', hire_date: '2003-08-15', backbone: 'municipal', rural_months: 6, title_target_year: 2020,
  });

  it('a hand-made teacher: every part, and the default total = months at school', () => {
    const p = points(hand);
    expect(p.parts).toEqual({ months_at_school: 120, service_months: 192, age_years: 39, backbone: 3, title_need: 1, rural_months: 6 });
    expect(p.total).toBe(120);
  });

  it('a published formula: Σ weight × part', () => {
    const w = { months_at_school: 1, service_months: 0.5, age_years: 2, backbone: 10, title_need: 24, rural_months: -1 };
    expect(points(hand, w).total).toBe(120 + 96 + 78 + 30 + 24 - 6);
    expect(points({ ...hand, hire_date: null }, w).parts.service_months).toBe(0);
  });

  it('the formula as printed (validate --points, the workbook\'s 说明 sheet): parts with a non-zero weight', () => {
    const policy = policySchema.parse({ points: { age_years: 2, rural_months: -0.5 } });
    expect(pointsFormula(policy, 'zh')).toBe('积分 = 1 × 本校月数 + 2 × 年龄 - 0.5 × 乡村任教月数; 同分时出生日期早者优先，再按教师编号（字符顺序）');
    expect(pointsFormula(policySchema.parse({}), 'en')).toMatch(/^points = 1 × months at school; ties: earlier birth date first/);
  });

  it('ties: the earlier birth date, then the smaller teacher id (character order), never the input order', () => {
    const a = teacher('T10', 'U1', { birth_date: '1980-01-01' });
    const b = teacher('T9', 'U1', { birth_date: '1980-01-01' });
    const c = teacher('T2', 'U1', { birth_date: '1979-01-01' });
    const rows = [a, b, c].map((t) => ({ teacher: t, points: points(t) }));
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 0, 2]]) {
      expect(order.map((i) => rows[i]!).sort(comparePriority).map((r) => r.teacher.teacher_id)).toEqual(['T2', 'T10', 'T9']);
    }
  });

  it('the weights decide who of like teachers goes: longest at school by default, the oldest with age_years', () => {
    // 10 like math teachers → R1 sends 1 to the one math post. T001 joined in 2005 (the longest); T002 is the oldest.
    const teachers = staff('T', 'U1', 10, ['math'], (i) => ({
      school_start_date: i === 0 ? '2005-09-01' : '2011-08-25', birth_date: i === 1 ? '1972-02-02' : '1985-05-01', gender: 'M',
    }));
    const s = scenario({ schools: [sender, rural('R1')], teachers, needs: [{ school_id: 'R1', subject: 'math', teachers: 1, priority: 1 }] });
    const chosen = (weights: object) => planScenario({ ...s, policy: policySchema.parse({ points: weights }) }, 2019).plan.assignments.map((a) => [a.teacher_id, a.score]);
    expect(chosen({})).toEqual([['T001', 168]]);
    expect(chosen({ months_at_school: 0, age_years: 1 })).toEqual([['T002', 47]]);
    // All tied at 0 points: the earliest birth date (T002) goes.
    expect(chosen({ months_at_school: 0 })).toEqual([['T002', 0]]);
    // The reasons show the working under published weights other than the default.
    const reasons = (weights: object) => planScenario({ ...s, policy: policySchema.parse({ points: weights }) }, 2019).plan.assignments[0]!.reasons.join(' ');
    expect(reasons({ months_at_school: 0, age_years: 1 })).toContain('优先分 47 (积分 points 1 × 47 = 47)');
    expect(reasons({})).not.toContain('积分 points');
  });

  it('property: shuffling the rows of teachers.csv gives the same plan', () => {
    // Half the draws make every sender's teachers alike but for their id (one class, equal points), so only the tie rule tells them apart.
    const alike = { birth_date: '1984-03-15', school_start_date: '2010-08-20', subject: 'chinese', qualified_subjects: ['math'], backbone: 'county', title_target_year: null, rural_months: 0 } as const;
    const tied = fc.tuple(scenarioArb(), fc.boolean()).map(([s, tie]) => (tie ? {
      ...s, teachers: s.teachers.map((t) => (t.school_id.startsWith('S') ? { ...t, ...alike, qualified_subjects: [...alike.qualified_subjects] } : t)),
    } : s));
    fc.assert(fc.property(tied, fc.infiniteStream(fc.nat()), (s, rand) => {
      const shuffled = s.teachers.map((t) => ({ t, k: rand.next().value as number })).sort((x, y) => x.k - y.k).map((x) => x.t);
      // The plan without its timings, or the input error (a pin on an ineligible teacher) — the same either way.
      const outcome = (sc: typeof s) => {
        try {
          return JSON.stringify(planScenario(sc, 2019).plan, (k, v) => (k.startsWith('solve_ms') ? 0 : v));
        } catch (err) {
          return String(err);
        }
      };
      expect(outcome({ ...s, teachers: shuffled })).toBe(outcome(s));
    }), { numRuns: 25 });
  });
});

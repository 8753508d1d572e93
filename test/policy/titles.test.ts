import { describe, expect, it } from 'vitest';
import { planSchema } from '../../src/domain/plan.js';
import { extendPlan } from '../../src/report/plan-report.js';
import { ruralMonths, titleWarnings } from '../../src/policy/titles.js';
import { assignment, plan, scenario, school, teacher } from '../report/fixture.js';

const LONG = '2010-09-01'; // 9 full years at school on 2019-09-01

function titleScenario() {
  return scenario({
    schools: [
      school({ school_id: 'U1' }), school({ school_id: 'U2' }),
      school({ school_id: 'R1', area: 'rural', tier: 1 }), school({ school_id: 'R2', area: 'rural', tier: 2 }),
      school({ school_id: 'W', weak: true }),
    ],
    teachers: [
      teacher({ teacher_id: 'A', school_id: 'U1', title_target_year: 2020, school_start_date: '2015-07-01' }),
      teacher({ teacher_id: 'B', school_id: 'U1', title_target_year: 2021, school_start_date: LONG }),
      teacher({ teacher_id: 'C', school_id: 'U1', title_target_year: 2021, school_start_date: LONG }),
      teacher({ teacher_id: 'D', school_id: 'U1', title_target_year: 2025, school_start_date: LONG }),
      teacher({ teacher_id: 'E', school_id: 'U1', title_target_year: 2018, school_start_date: LONG }),
      teacher({ teacher_id: 'F', school_id: 'U1', title_target_year: 2020, school_start_date: LONG, rural_months: 12 }),
      teacher({ teacher_id: 'G', school_id: 'U2', title_target_year: 2020, school_start_date: LONG }),
      teacher({ teacher_id: 'H', school_id: 'R1', title_target_year: 2020 }),
      teacher({ teacher_id: 'I', school_id: 'U2', title_target_year: 2021, school_start_date: LONG, subject: 'chinese' }),
      teacher({ teacher_id: 'J', school_id: 'U2', subject: 'chinese', exempt: '孕期' }),
      teacher({ teacher_id: 'K', school_id: 'U2', title_target_year: 2020, school_start_date: LONG, subject: 'chinese', qualified_subjects: ['music'] }),
      teacher({ teacher_id: 'L', school_id: 'U1', title_target_year: 2021, school_start_date: '1995-09-01', birth_date: '1964-06-01', gender: 'M' }),
    ],
  });
}

function titlePlan() {
  return plan({
    assignments: [
      assignment({ teacher_id: 'B', from_school: 'U1', to_school: 'R1' }),
      assignment({ teacher_id: 'G', from_school: 'U2', to_school: 'W' }),
    ],
    senders: [
      { school_id: 'U1', eligible: 5, required: 1, sent: 1, backbone_sent: 0, backbone_required: 1, met: false, why: null },
      { school_id: 'U2', eligible: 10, required: 1, sent: 1, backbone_sent: 0, backbone_required: 1, met: false, why: null },
    ],
    gaps: [
      { school_id: 'R1', subject: 'math', needed: 1, filled: 1, unfilled: 0 },
      { school_id: 'R2', subject: 'chinese', needed: 0, filled: 0, unfilled: 0 },
      { school_id: 'R2', subject: 'music', needed: 1, filled: 0, unfilled: 1 },
    ],
  });
}

describe('title prerequisites (四(二)1 二: rural service before intermediate/senior titles)', () => {
  it('rural months: the plan’s rotation to a rural school adds the term; a weak urban receiver adds nothing; rural residents gain the term', () => {
    const months = ruralMonths(titleScenario(), titlePlan());
    expect(months.get('B')).toEqual({ teacher_id: 'B', before: 0, gained: 12, after: 12 });
    expect(months.get('G')).toMatchObject({ gained: 0, after: 0 });
    expect(months.get('H')).toMatchObject({ gained: 12, after: 12 });
    expect(months.get('A')).toMatchObject({ gained: 0, after: 0 });
  });

  it('warns every teacher applying within the horizon who still lacks the months, with eligibility and why', () => {
    const warnings = titleWarnings(titleScenario(), titlePlan());
    expect(warnings.map((w) => w.teacher_id)).toEqual(['A', 'G', 'K', 'C', 'L', 'I']);
    const by = new Map(warnings.map((w) => [w.teacher_id, w]));
    expect(by.get('A')).toMatchObject({ eligible: false, why: 'not eligible: 4 years 2 months at school < 6', rural_months_after: 0, required: 12 });
    expect(by.get('G')!.why).toBe('in the plan (to W) but still short: 0 + 0 < 12; W is not a rural school, so its months are not rural service');
    expect(by.get('G')!.assigned_to).toBe('W');
    expect(by.get('C')).toMatchObject({ eligible: true, eligibility: ['9 years 0 months at school ≥ 6', 'age 34 < 50'] });
    expect(by.get('C')!.why).toBe('eligible but not chosen: sender\'s quota filled by teachers with higher priority (U1 sends 1, at most 1); no unfilled 数学 post left at a receiver in 鹿城区');
    expect(by.get('I')!.why).toBe('eligible but not chosen: no unfilled 语文 post left at a receiver in 鹿城区');
    expect(by.get('K')!.why).toBe('eligible but not chosen: unfilled posts remain (R2 音乐) but the plan preferred other teachers');
    expect(by.get('L')).toMatchObject({ eligible: false, why: 'not eligible: age 55 ≥ 55' });
  });

  it('the last teacher of a subject left at the sender is named as the reason', () => {
    const s = scenario({
      schools: [school({ school_id: 'U1' }), school({ school_id: 'R1', area: 'rural' })],
      teachers: [teacher({ teacher_id: 'X', school_id: 'U1', subject: 'art', title_target_year: 2019, school_start_date: LONG })],
    });
    const p = plan({ senders: [{ school_id: 'U1', eligible: 1, required: 1, sent: 0, backbone_sent: 0, backbone_required: 0, met: false, why: 'x' }] });
    expect(titleWarnings(s, p)[0]!.why).toBe('eligible but not chosen: the last 美术 teacher left at U1 stays home; no unfilled 美术 post left at a receiver in 鹿城区');
  });

  it('extendPlan fills allowances, totals, title warnings and each assignment’s rural months, and the plan still reads as plan.json', () => {
    const p = extendPlan(titleScenario(), titlePlan());
    expect(planSchema.safeParse(p).success).toBe(true);
    expect(p.assignments.map((a) => [a.teacher_id, a['rural_months_before'], a['rural_months_after']])).toEqual([['B', 0, 12], ['G', 0, 0]]);
    expect(p.allowances.map((a) => a.teacher_id)).toEqual(['B', 'H', 'G']);
    expect((p['allowance_totals'] as { all: { total: number } }).all.total).toBe(12 * (300 + 400 + 200) + 12 * (300 + 200) + 0);
    expect((p['title_warnings'] as unknown[]).length).toBe(6);
  });
});

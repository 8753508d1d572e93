/**
 * 银龄讲学 (四(二)2 三, issue 13): retired volunteers of volunteers.csv placed on the posts rotation leaves
 * open — own county, health_ok, at most volunteers.max_age (65) on the term's first day, available in the
 * term, subject or qualified subject — after the rotation's levels, which they never change.
 */
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import type { Plan } from '../../src/domain/plan.js';
import { planCsvFiles } from '../../src/io/export/plan-csv.js';
import { planSheets } from '../../src/io/export/plan-sheets.js';
import { planReport } from '../../src/report/plan-report.js';
import { staff, teacher } from '../engine/builders.js';
import { planned, volunteer, withVolunteers } from './volunteer-builders.js';

const placedAt = (plan: Plan) => Object.fromEntries((plan.volunteers ?? []).map((v) => [v.volunteer_id, v.to_school]));
const whyNot = (plan: Plan, id: string) => plan.volunteers?.find((v) => v.volunteer_id === id)?.not_placed;

describe('银龄讲学: volunteers on the posts rotation leaves open', () => {
  it('a volunteer aged 66 on the term\'s first day is not placed; one aged 65 is', () => {
    const s = withVolunteers([volunteer('V66', { birth_date: '1953-08-31' }), volunteer('V65', { birth_date: '1953-09-02' })]);
    const plan = planned(s);
    expect(placedAt(plan)).toEqual({ V66: null, V65: 'R2' });
    expect(whyNot(plan, 'V66')).toEqual(['age']);
    expect(plan.volunteers?.find((v) => v.volunteer_id === 'V66')?.reasons[0]).toContain('volunteers.max_age 65');
    expect(checkPlan(s, plan)).toEqual([]);
  });

  it('outside the term\'s dates, in another county or not healthy: not placed, each with its reason', () => {
    const s = withVolunteers([
      volunteer('VD', { available_from: '2020-09-01', available_to: '2021-06-30' }), volunteer('VC', { county: '龙湾区' }),
      volunteer('VH', { health_ok: false }), volunteer('VS', { subject: 'art' }), volunteer('VW', { county: '瓯海区' }),
    ]);
    const plan = planned(s);
    expect(placedAt(plan)).toEqual({ VD: null, VC: null, VH: null, VS: null, VW: null });
    expect(whyNot(plan, 'VD')).toEqual(['dates']);
    expect(whyNot(plan, 'VC')).toEqual(['county']);
    expect(whyNot(plan, 'VH')).toEqual(['health']);
    expect(whyNot(plan, 'VS')).toEqual(['no_open_gap']);
    expect(whyNot(plan, 'VW')).toEqual(['no_open_gap']);
    expect(checkPlan(s, plan)).toEqual([]);
  });

  it('rotation is unchanged: the same assignments, senders, gaps filled and shortfalls with or without volunteers', () => {
    const without = planned(withVolunteers([]));
    const s = withVolunteers([volunteer('V1'), volunteer('V2'), volunteer('V3'), volunteer('V4', { subject: 'chinese' })]);
    const plan = planned(s);
    expect(plan.assignments.map((a) => [a.teacher_id, a.to_school])).toEqual(without.assignments.map((a) => [a.teacher_id, a.to_school]));
    expect(plan.senders).toEqual(without.senders);
    expect(plan.shortfalls).toEqual(without.shortfalls);
    expect(plan.gaps.map(({ volunteers: _v, ...g }) => g)).toEqual(without.gaps.map(({ volunteers: _v, ...g }) => g));
    // Three music posts open, three music volunteers: all placed; the chinese post is filled by rotation, so V4 is not.
    expect(plan.stats['gaps_filled_by_volunteers']).toBe(3);
    expect(whyNot(plan, 'V4')).toEqual(['no_open_gap']);
    expect(plan.gaps.find((g) => g.school_id === 'R1' && g.subject === 'music')?.['volunteers']).toBe(2);
    expect(checkPlan(s, plan)).toEqual([]);
  });

  it('more volunteers than posts: priority-1 posts first, the one left out is told who took the posts', () => {
    const s = withVolunteers([volunteer('V1'), volunteer('V2'), volunteer('V3'), volunteer('V4')]);
    const plan = planned(s);
    expect(Object.values(placedAt(plan)).filter((x) => x !== null)).toHaveLength(3);
    const out = plan.volunteers!.find((v) => v.to_school === null)!;
    expect(out.not_placed).toEqual(['posts_taken']);
    expect(out.reasons[0]).toMatch(/more volunteers than posts/);
  });

  it('R5: with one R2 music post and two volunteers, the county backbone one goes to R2 (rotation leaves it without a backbone teacher)', () => {
    const s = withVolunteers([volunteer('VA'), volunteer('VB', { backbone_level: 'county' })], {
      // U1 has no backbone teacher to send, so R2 stays without one after rotation.
      teachers: [...staff('E', 'U1', 10, ['chinese', 'math']), teacher('RB1', 'R1', { backbone: 'county', school_start_date: '2018-08-25' })],
      needs: [{ school_id: 'R1', subject: 'chinese', teachers: 1, priority: 1 }, { school_id: 'R1', subject: 'music', teachers: 1, priority: 1 }, { school_id: 'R2', subject: 'music', teachers: 1, priority: 1 }],
    });
    const plan = planned(s);
    expect(plan.receivers.find((r) => r.school_id === 'R2')?.county_backbone_after).toBe(0);
    expect(placedAt(plan)).toEqual({ VA: 'R1', VB: 'R2' });
    expect(checkPlan(s, plan)).toEqual([]);
    expect(plan.receivers.find((r) => r.school_id === 'R2')?.['volunteer_backbone']).toBe(1);
    expect(plan.volunteers!.find((v) => v.volunteer_id === 'VB')!.reasons.join(' ')).toContain('(R5)');
  });

  it('preferred schools decide between equal placements', () => {
    const s = withVolunteers([volunteer('VA', { preferred_schools: ['R2'] }), volunteer('VB', { preferred_schools: ['R1'] })], {
      needs: [{ school_id: 'R1', subject: 'music', teachers: 1, priority: 1 }, { school_id: 'R2', subject: 'music', teachers: 1, priority: 1 }],
    });
    expect(placedAt(planned(s))).toEqual({ VA: 'R2', VB: 'R1' });
  });

  it('the subsidy: volunteers.subsidy_monthly at the receiver\'s tier, pro-rated by the dates, paid among the allowances', () => {
    const s = withVolunteers([volunteer('VP', { available_from: '2019-09-16', available_to: '2020-01-31' })]);
    const plan = planned(s);
    const row = plan.volunteers![0]!;
    // R2 is tier 3: 2000 a month; 16–30 September is 15 of 30 days, then October to January whole.
    expect(row).toMatchObject({ to_school: 'R2', tier: 3, monthly: 2000, start_date: '2019-09-16', end_date: '2020-01-31', months: 4.5, subsidy: 9000 });
    expect(plan.allowances.find((a) => a.teacher_id === 'VP')).toMatchObject({ school_id: 'R2', total: 9000, items: { 银龄讲学补助: 9000 }, volunteer: true });
    expect(checkPlan(s, plan)).toEqual([]);
  });

  it('volunteers.enabled = false: listed, nobody placed', () => {
    const base = withVolunteers([volunteer('V1')]);
    const s = { ...base, policy: { ...base.policy, volunteers: { ...base.policy.volunteers, enabled: false } } };
    const plan = planned(s);
    expect(whyNot(plan, 'V1')).toEqual(['disabled']);
    expect(checkPlan(s, plan)).toEqual([]);
  });

  it('a scenario without volunteers.csv plans as before: no volunteers field, gap rows unchanged', () => {
    const base = withVolunteers([]);
    const { volunteers: _v, ...s } = base;
    const plan = planned(s);
    expect(plan.volunteers).toBeUndefined();
    expect(plan.gaps.every((g) => !('volunteers' in g))).toBe(true);
  });

  it('plan.xlsx: the 银龄讲学 sheet lists every volunteer, 学科缺口 says what volunteers fill, 津贴 pays the subsidy; the CSVs too', () => {
    const s = withVolunteers([volunteer('V1', { name: '王老师' }), volunteer('V66', { birth_date: '1953-08-31' })]);
    const plan = planned(s);
    const sheets = planSheets({ scenario: s, plan, report: planReport(s, plan) }, 'zh');
    const sheet = sheets.find((x) => x.key === 'volunteers')!;
    expect(sheet.zh).toBe('银龄讲学');
    expect(sheet.sections[0]!.rows).toMatchObject([
      { volunteer_id: 'V1', name: '王老师', placed: true, to_school: 'R2', subject: '音乐', tier: 3, monthly: 2000, subsidy: 24000, not_placed: '' },
      { volunteer_id: 'V66', placed: false, to_school: null, not_placed: '年龄', reasons: expect.stringContaining('超过 volunteers.max_age 65 岁') },
    ]);
    const gaps = sheets.find((x) => x.key === 'gaps')!.sections[0]!;
    expect(gaps.columns.map((c) => c.zh)).toContain('其中银龄讲学补');
    expect(gaps.rows.find((r) => r['school_id'] === 'R2')).toMatchObject({ unfilled: 1, volunteers: 1 });
    const allowances = sheets.find((x) => x.key === 'allowances')!.sections[0]!;
    expect(allowances.rows.find((r) => r['teacher_id'] === 'V1')).toMatchObject({ name: '王老师', volunteer: true, 'item:银龄讲学补助': 24000, total: 24000 });
    const csv = planCsvFiles({ scenario: s, plan, report: planReport(s, plan) }, { lang: 'en' });
    expect(csv.map((f) => f.name)).toContain('Volunteers.csv');
    // Without volunteers.csv the workbook has no such sheet and no such column.
    const { volunteers: _v, ...plain } = s;
    const bare = planned(plain);
    const plainSheets = planSheets({ scenario: plain, plan: bare, report: planReport(plain, bare) }, 'zh');
    expect(plainSheets.some((x) => x.key === 'volunteers')).toBe(false);
    expect(plainSheets.find((x) => x.key === 'gaps')!.sections[0]!.columns.map((c) => c.key)).not.toContain('volunteers');
  });
});

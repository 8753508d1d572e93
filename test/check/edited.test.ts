/**
 * A plan edited by hand: rules broken are violations, figures the plan
 * states that counting does not give are notes (checkEditedPlan); and a plan
 * rebuilt from an edited assignments sheet (planFromSheet) takes HR's
 * decisions and recomputes the rest.
 */
import { describe, expect, it } from 'vitest';
import { checkEditedPlan, checkPlan } from '../../src/check/check.js';
import { planFromSheet, yearOfSheet } from '../../src/check/rebuild.js';
import { InputError } from '../../src/domain/errors.js';
import type { EditedSheet } from '../../src/io/read/read-plan-workbook.js';
import { assignment, ouhai, ouhaiPlan, receiverRow, ruralSchool, scenario, school, senderRow } from './fixtures.js';

const T02 = assignment('T02', 'OH-P001', 'OH-R001', 'math', { backbone: 'none', kind: 'gap' });
const withCoordinates = () => scenario(ouhai({
  schools: [school('OH-P001', '瓯海实验小学', { lat: 28.0, lon: 120.6 }), ruralSchool('OH-R001', '泽雅镇中心小学', { lat: 28.1, lon: 120.6 })],
}));

describe('checkEditedPlan: bookkeeping is a note, a broken rule a violation', () => {
  it('a stale distance, from_school, backbone, pinned and stale sender/receiver figures are notes only', () => {
    const p = ouhaiPlan({
      assignments: [assignment('T01', 'OH-P009', 'OH-R001', 'math', { backbone: 'none', kind: 'gap', distance_km: 3, pinned: true })],
      senders: [senderRow('OH-P001', 10, 1, 2, 1, 1)], receivers: [receiverRow('OH-R001', 0, 3)],
    });
    const { violations, notes } = checkEditedPlan(withCoordinates(), p);
    expect(violations).toEqual([]);
    expect(notes.map((n) => n.rule).sort()).toEqual(['R3', 'distance', 'lock', 'totals', 'totals', 'totals']);
    // checkPlan, which the planner's own self-check uses, still counts all of them.
    expect(checkPlan(withCoordinates(), p)).toHaveLength(notes.length);
  });

  it('swapping 张伟 (county backbone) for 王芳 sends no backbone teacher (R2) and leaves 泽雅镇中心小学 without one (R5): violations; the stale figures are notes', () => {
    const { violations, notes } = checkEditedPlan(scenario(ouhai()), ouhaiPlan({ assignments: [T02] }));
    expect(violations.map((v) => v.rule)).toEqual(['R2', 'R5']);
    expect(notes.some((n) => /county_backbone_after/.test(n.message))).toBe(true);
  });
});

const sheet = (rows: Record<string, string>[]): EditedSheet => ({
  file: 'plan.xlsx#轮岗名单',
  columns: { teacher_id: '教师编号 (A)', name: '姓名 (B)', to_school: '接收学校代码 (E)', subject: '任教学科 (G)', distance_km: '距离（公里） (K)', start_date: '开始日期 (I)' },
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

describe('planFromSheet: HR\'s decisions, everything else recomputed', () => {
  it('a row with id, receiver and a Chinese subject becomes an assignment with the roster\'s home school and backbone, the true distance and counted reports', () => {
    const plan = planFromSheet(withCoordinates(), sheet([{ teacher_id: 'T01', to_school: 'OH-R001', subject: '数学' }]), { plan_year: 2019 });
    expect(plan.assignments).toEqual([expect.objectContaining({ teacher_id: 'T01', from_school: 'OH-P001', subject: 'math', backbone: 'county', distance_km: 11.12, start_date: '2019-09-01', end_date: '2020-08-31', pinned: false })]);
    expect(plan.senders).toEqual([expect.objectContaining({ school_id: 'OH-P001', eligible: 10, required: 1, sent: 1 })]);
    expect(plan.receivers).toEqual([{ school_id: 'OH-R001', county_backbone_before: 0, county_backbone_after: 1 }]);
    expect(checkEditedPlan(withCoordinates(), plan)).toEqual({ violations: [], notes: [] });
  });

  it('a teacher given by name only is found when the name is unique; the unfilled gap of an empty sheet is a recomputed, listed R4 shortfall that counting refutes', () => {
    const byName = planFromSheet(scenario(ouhai()), sheet([{ name: '王芳', to_school: 'OH-R001', subject: 'math' }]), { plan_year: 2019 });
    expect(byName.assignments[0]!.teacher_id).toBe('T02');
    const empty = planFromSheet(scenario(ouhai()), sheet([]), { plan_year: 2019 });
    expect(empty.shortfalls.map((s) => s.rule).sort()).toEqual(['R1', 'R4', 'R5']);
    const { violations } = checkEditedPlan(scenario(ouhai()), empty);
    // Teachers could go: the listed shortfalls are not real.
    expect(violations.map((v) => v.rule)).toEqual(['shortfall', 'shortfall', 'shortfall']);
  });

  it('a stated distance that is stale is kept, so that the check names it as a note', () => {
    const plan = planFromSheet(withCoordinates(), sheet([{ teacher_id: 'T01', to_school: 'OH-R001', subject: '数学', distance_km: '3.2' }]), { plan_year: 2019 });
    const { violations, notes } = checkEditedPlan(withCoordinates(), plan);
    expect(violations).toEqual([]);
    expect(notes).toEqual([expect.objectContaining({ rule: 'distance', teacher_id: 'T01' })]);
  });

  it('an unknown subject or an unknown name is an InputError naming line and column', () => {
    const err = (() => { try { planFromSheet(scenario(ouhai()), sheet([{ teacher_id: 'T01', to_school: 'OH-R001', subject: '书法' }, { name: '无名', to_school: 'OH-R001', subject: 'math' }]), { plan_year: 2019 }); } catch (e) { return e; } return null; })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems).toEqual([
      expect.objectContaining({ row: 2, column: '任教学科 (G)' }), expect.objectContaining({ row: 3, column: '姓名 (B)' }),
    ]);
  });

  it('the year of a sheet is the most common year of its start dates', () => {
    expect(yearOfSheet(sheet([{ start_date: '2019-09-01' }, { start_date: '2019.9.1' }, { start_date: '2020-09-01' }]))).toBe(2019);
    expect(yearOfSheet(sheet([{ teacher_id: 'T01' }]))).toBeNull();
  });
});

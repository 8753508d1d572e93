import { describe, expect, it } from 'vitest';
import { ceilOfShare } from '../../src/check/arithmetic.js';
import { checkPlan } from '../../src/check/check.js';
import {
  assignment, broken, lock, ouhai, plan, receiverRow, rotation, ruralSchool, rulesOf, scenario, school, senderRow, shortfall, teacher,
  type PlanParts, type ScenarioParts,
} from './fixtures.js';

/** ouhai() without needs, its receiver already holding a county backbone teacher: only the sender's rules are in play. */
function quiet(over: Partial<ScenarioParts> = {}): ScenarioParts {
  const base = ouhai({ needs: [] });
  return { ...base, teachers: base.teachers.map((t) => (t.teacher_id === 'R01' ? { ...t, backbone: 'county' as const } : t)), ...over };
}

const extra = (id: string, subject: string, over: Parameters<typeof assignment>[4] = {}) => assignment(id, 'OH-P001', 'OH-R001', subject, { kind: 'extra', ...over });

/** A plan for quiet(): no gaps, the receiver starts with one county backbone teacher. */
function quietPlan(sent: number, backbone: number, eligible = 10, parts: PlanParts = {}): ReturnType<typeof plan> {
  const required = ceilOfShare(0.1, eligible);
  return plan({
    senders: [senderRow('OH-P001', eligible, required, sent, backbone, ceilOfShare(0.2, sent))],
    receivers: [receiverRow('OH-R001', 1, 1 + backbone)],
    stats: [eligible + 1, eligible, sent, 0, 0],
    ...parts,
  });
}

/** A sender with `n` chinese teachers C001…, the first `backbone` of them county backbone, and quiet()'s receiver. */
function chineseSchool(n: number, backbone: number, over: Partial<ScenarioParts> = {}): ScenarioParts {
  const ids = Array.from({ length: n }, (_, i) => `C${String(i + 1).padStart(3, '0')}`);
  return {
    schools: [school('OH-P001', '瓯海实验小学'), ruralSchool('OH-R001', '泽雅镇中心小学')],
    teachers: [...ids.map((id, i) => teacher(id, 'OH-P001', { backbone: i < backbone ? 'county' : 'none' })), teacher('R01', 'OH-R001', { backbone: 'county' })],
    ...over,
  };
}

/** C001…Ck as extras; the first `backbone` of them recorded as county backbone, as chineseSchool() makes them. */
const sendFirst = (k: number, backbone = 0) => Array.from({ length: k }, (_, i) => extra(`C${String(i + 1).padStart(3, '0')}`, 'chinese', { backbone: i < backbone ? 'county' : 'none' }));

describe('quotas are integers', () => {
  it('ceil(share × n) without floating-point error', () => {
    expect(ceilOfShare(0.1, 70)).toBe(7);
    expect(ceilOfShare(0.2, 70)).toBe(14);
    expect(ceilOfShare(0.3, 10)).toBe(3);
    expect(ceilOfShare(0.07, 100)).toBe(7);
    expect(ceilOfShare(0.1, 23)).toBe(3);
    expect(ceilOfShare(0.15, 20)).toBe(3);
    expect(ceilOfShare(0.1, 0)).toBe(0);
    expect(ceilOfShare(0.1, 1)).toBe(1);
  });
});

describe('R1: each sender sends at least 10 % of its eligible teachers, rounded up', () => {
  it('sending nobody of 10 eligible is reported: 0 sent, at least 1 required', () => {
    const v = checkPlan(scenario(quiet()), quietPlan(0, 0));
    expect(v).toEqual([expect.objectContaining({ rule: 'R1', school_id: 'OH-P001' })]);
    expect(v[0]!.message).toContain('R1 瓯海实验小学 (OH-P001): 派出 0 人，应至少 1 人 / sent 0, at least 1 required (10 eligible)');
    expect(v[0]!.message).toContain('not listed');
  });

  it('23 eligible teachers → at least 3 sent', () => {
    const v = broken(scenario(chineseSchool(23, 1)), plan({ assignments: sendFirst(1, 1) }));
    expect(v).toEqual([expect.objectContaining({ rule: 'R1', school_id: 'OH-P001' })]);
    expect(v[0]!.message).toContain('sent 1, at least 3 required (23 eligible)');
  });

  it('70 eligible teachers → 7 required, not 8: seven pass, six do not', () => {
    const seven = plan({
      assignments: sendFirst(7, 2), senders: [senderRow('OH-P001', 70, 7, 7, 2, 2)], receivers: [receiverRow('OH-R001', 1, 3)], stats: [71, 70, 7, 0, 0],
    });
    expect(checkPlan(scenario(chineseSchool(70, 2)), seven)).toEqual([]);
    const v = broken(scenario(chineseSchool(70, 2)), plan({ assignments: sendFirst(6, 2) }));
    expect(v).toEqual([expect.objectContaining({ rule: 'R1', school_id: 'OH-P001' })]);
    expect(v[0]!.message).toContain('sent 6, at least 7 required (70 eligible)');
  });

  it('sending more than the cap (20 %, rounded up) is reported, unless HR\'s pins alone exceed it', () => {
    const three = [extra('T01', 'math', { backbone: 'county' }), extra('T03', 'chinese'), extra('T04', 'chinese')];
    const v = broken(scenario(quiet()), plan({ assignments: three }));
    expect(v).toEqual([expect.objectContaining({ rule: 'R1', school_id: 'OH-P001' })]);
    expect(v[0]!.message).toContain('sent 3, more than the cap of 2');
    const pins = ['T01', 'T03', 'T04'].map((id) => lock(id, 'pin', 'OH-R001'));
    expect(broken(scenario(quiet({ locks: pins })), plan({ assignments: three.map((a) => ({ ...a, pinned: true })) }))).toEqual([]);
  });
});

describe('R1 shortfalls: listed and confirmed by counting, or reported', () => {
  /** The sender's only receiver is in another county: nobody can go. */
  const stranded = () => scenario({
    schools: [school('OH-P001', '瓯海实验小学'), ruralSchool('LC-R001', '藤桥乡中心小学', { county: '鹿城' })],
    teachers: [...ouhai().teachers.filter((t) => t.school_id === 'OH-P001'), teacher('R01', 'LC-R001', { backbone: 'county' })],
  });
  const strandedPlan = (parts: PlanParts) => plan({
    senders: [senderRow('OH-P001', 10, 1, 0, 0, 0)], receivers: [receiverRow('LC-R001', 1, 1)], stats: [11, 10, 0, 0, 0], ...parts,
  });

  it('a listed R1 shortfall that counting confirms (no receiver in the county) passes', () => {
    expect(checkPlan(stranded(), strandedPlan({ shortfalls: [shortfall('R1', 'OH-P001')] }))).toEqual([]);
  });

  it('the same shortfall unlisted is reported, with the count: at most 0 can go', () => {
    const v = checkPlan(stranded(), strandedPlan({}));
    expect(v).toEqual([expect.objectContaining({ rule: 'R1', school_id: 'OH-P001' })]);
    expect(v[0]!.message).toContain('at most 0 can go');
  });

  it('a listed R1 shortfall that is not real is reported as such', () => {
    const v = checkPlan(scenario(quiet()), quietPlan(0, 0, 10, { shortfalls: [shortfall('R1', 'OH-P001')] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'shortfall', school_id: 'OH-P001' })]);
    expect(v[0]!.message).toContain('瓯海实验小学 (OH-P001)');
    expect(v[0]!.message).toContain('listed shortfall is not real');
    // math: 2 present, 1 may go; chinese: 8 present, 7 may go.
    expect(v[0]!.message).toContain('8 can go');
  });

  it('when R1 cannot be met every teacher who can go goes', () => {
    const forbids = Array.from({ length: 19 }, (_, i) => lock(`C${String(i + 2).padStart(3, '0')}`, 'forbid', 'OH-R001'));
    const s = scenario(chineseSchool(20, 1, { locks: forbids }));
    const none = plan({
      shortfalls: [shortfall('R1', 'OH-P001')], senders: [senderRow('OH-P001', 20, 2, 0, 0, 0)], receivers: [receiverRow('OH-R001', 1, 1)], stats: [21, 20, 0, 0, 0],
    });
    const v = checkPlan(s, none);
    expect(v).toEqual([expect.objectContaining({ rule: 'R1', school_id: 'OH-P001' })]);
    expect(v[0]!.message).toContain('every teacher who can go goes: sent 0, 1 can go');
    const one = plan({
      assignments: sendFirst(1, 1), shortfalls: [shortfall('R1', 'OH-P001')],
      senders: [senderRow('OH-P001', 20, 2, 1, 1, 1)], receivers: [receiverRow('OH-R001', 1, 2)], stats: [21, 20, 1, 0, 0],
    });
    expect(checkPlan(s, one)).toEqual([]);
  });
});

describe('R2: backbone teachers are at least 20 % of those sent, rounded up', () => {
  it('sending 王芳 (no backbone) while 张伟 (county) could go is reported; listing it is not real', () => {
    const p = quietPlan(1, 0, 10, { assignments: [extra('T02', 'math')] });
    const v = checkPlan(scenario(quiet()), p);
    expect(v).toEqual([expect.objectContaining({ rule: 'R2', school_id: 'OH-P001' })]);
    expect(v[0]!.message).toContain('瓯海实验小学 (OH-P001)');
    expect(v[0]!.message).toContain('0 backbone (county or above) among 1 sent, at least 1 required');
    const listed = checkPlan(scenario(quiet()), { ...p, shortfalls: [shortfall('R2', 'OH-P001')] });
    expect(listed).toEqual([expect.objectContaining({ rule: 'shortfall', school_id: 'OH-P001' })]);
    expect(listed[0]!.message).toContain('R2');
    expect(listed[0]!.message).toContain('listed shortfall is not real');
  });

  it('with no county backbone teacher at the school, a listed R2 shortfall passes', () => {
    const base = quiet();
    const s = scenario({ ...base, teachers: base.teachers.map((t) => (t.teacher_id === 'T01' ? { ...t, backbone: 'school' as const } : t)) });
    expect(checkPlan(s, quietPlan(1, 0, 10, { assignments: [extra('T02', 'math')], shortfalls: [shortfall('R2', 'OH-P001')] }))).toEqual([]);
  });

  it('a real R2 shortfall may not grow by sending more than needed: 6 sent, 2 backbone short, only 1 unavoidable', () => {
    const s = scenario(chineseSchool(30, 0));
    const six = broken(s, plan({ assignments: sendFirst(6), shortfalls: [shortfall('R2', 'OH-P001')] }));
    expect(six).toEqual([expect.objectContaining({ rule: 'R2', school_id: 'OH-P001' })]);
    expect(six[0]!.message).toContain('backbone short by 2, more than the unavoidable 1');
    expect(broken(s, plan({ assignments: sendFirst(3), shortfalls: [shortfall('R2', 'OH-P001')] }))).toEqual([]);
  });
});

describe('subject_keep: a sender keeps at least one present teacher of each main subject', () => {
  const mathAlone = (over: Partial<ScenarioParts> = {}) => {
    const base = quiet(over);
    return { ...base, teachers: base.teachers.map((t) => (t.teacher_id === 'T02' ? { ...t, subject: 'pe' } : t)) };
  };

  it('sending the only math teacher is reported', () => {
    const v = checkPlan(scenario(mathAlone()), quietPlan(1, 1, 10, { assignments: [extra('T01', 'math', { backbone: 'county' })] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'subject_keep', school_id: 'OH-P001' })]);
    expect(v[0]!.message).toContain('瓯海实验小学 (OH-P001)');
    expect(v[0]!.message).toContain('sends 1 of its 1 present math teachers');
  });

  it('a teacher away on a running rotation is not present to stay', () => {
    const s = scenario(quiet({ history: [rotation('T02', 'OH-P001', 'OH-R001', '2018-09-01', '2020-08-31')] }));
    const v = broken(s, plan({ assignments: [extra('T01', 'math', { backbone: 'county' })] }));
    expect(rulesOf(v)).toEqual(['subject_keep']);
  });

  it('a pin on the only math teacher is HR\'s decision and passes', () => {
    const s = scenario(mathAlone({ locks: [lock('T01', 'pin', 'OH-R001')] }));
    expect(broken(s, plan({ assignments: [extra('T01', 'math', { backbone: 'county', pinned: true })] }))).toEqual([]);
  });
});

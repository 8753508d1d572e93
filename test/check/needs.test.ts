import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import {
  assignment, broken, gapRow, need, ouhai, plan, receiverRow, rotation, scenario, senderRow, shortfall, teacher, type ScenarioParts,
} from './fixtures.js';

/** ouhai() lacking one english teacher instead of math; its receiver already holds a county backbone teacher (R5 is met). */
function englishGap(qualified: Record<string, string[]> = {}, over: Partial<ScenarioParts> = {}): ScenarioParts {
  const base = ouhai({ needs: [need('OH-R001', 'english', 1)], ...over });
  return {
    ...base,
    teachers: base.teachers.map((t) => ({
      ...t, backbone: t.teacher_id === 'R01' ? 'county' as const : t.backbone, qualified_subjects: qualified[t.teacher_id] ?? t.qualified_subjects,
    })),
  };
}

/** 张伟 sent as an extra teaching math; the english gap stays open. */
const zhangExtra = assignment('T01', 'OH-P001', 'OH-R001', 'math', { backbone: 'county', kind: 'extra' });
const gapOpen = (over: Parameters<typeof plan>[0] = {}) => plan({
  assignments: [zhangExtra], senders: [senderRow('OH-P001', 10, 1, 1, 1, 1)], gaps: [gapRow('OH-R001', 'english', 1, 0)],
  receivers: [receiverRow('OH-R001', 1, 2)], stats: [11, 10, 1, 1, 0], ...over,
});

describe('R4: rural subject gaps are filled, or listed when no single change could fill them', () => {
  it('an unfilled gap that 赵六 (qualified in english) could fill, unlisted, is reported with that change', () => {
    const s = scenario(englishGap({ T05: ['english'] }));
    const v = checkPlan(s, gapOpen());
    expect(v).toEqual([expect.objectContaining({ rule: 'R4', school_id: 'OH-R001' })]);
    expect(v[0]!.message).toContain('泽雅镇中心小学 (OH-R001)');
    expect(v[0]!.message).toContain('english: 1 needed, 0 filled, 1 unfilled');
    expect(v[0]!.message).toContain('T05 could be sent from 瓯海实验小学 (OH-P001) to teach english');
  });

  it('listing that gap as a shortfall is not real', () => {
    const v = checkPlan(scenario(englishGap({ T05: ['english'] })), gapOpen({ shortfalls: [shortfall('R4', 'OH-R001')] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'shortfall', school_id: 'OH-R001' })]);
    expect(v[0]!.message).toContain('listed shortfall is not real');
    expect(v[0]!.message).toContain('T05');
  });

  it('with nobody qualified in english, the listed gap is confirmed and the plan passes', () => {
    expect(checkPlan(scenario(englishGap()), gapOpen({ shortfalls: [shortfall('R4', 'OH-R001')] }))).toEqual([]);
    const unlisted = checkPlan(scenario(englishGap()), gapOpen());
    expect(unlisted).toEqual([expect.objectContaining({ rule: 'R4', school_id: 'OH-R001' })]);
    expect(unlisted[0]!.message).toContain('no qualified teacher can be sent or re-pointed');
  });

  it('an extra teacher qualified in english could be re-pointed to the gap: the listed gap is not real', () => {
    const v = checkPlan(scenario(englishGap({ T01: ['english'] })), gapOpen({ shortfalls: [shortfall('R4', 'OH-R001')] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'shortfall', school_id: 'OH-R001' })]);
    expect(v[0]!.message).toContain('张伟 (T01) could be re-pointed');
  });

  it('a running rotation fills its subject\'s post: needs are net', () => {
    const base = ouhai();
    const s = scenario({
      ...base,
      teachers: [...base.teachers, teacher('T11', 'OH-P001', { subject: 'math' })],
      history: [rotation('T11', 'OH-P001', 'OH-R001', '2018-09-01', '2020-08-31')],
    });
    const p = plan({
      assignments: [zhangExtra], senders: [senderRow('OH-P001', 10, 1, 1, 1, 1)], gaps: [gapRow('OH-R001', 'math', 0, 0)],
      receivers: [receiverRow('OH-R001', 0, 1)], stats: [12, 10, 1, 0, 0],
    });
    expect(checkPlan(s, p)).toEqual([]);
  });
});

describe('R4: teachers outside their main subject fill gaps; extras stay within bounds', () => {
  const mathGap = (over: Partial<ScenarioParts> = {}) => {
    const base = ouhai(over);
    return scenario({ ...base, teachers: base.teachers.map((t) => (t.teacher_id === 'T05' ? { ...t, name: '赵六', qualified_subjects: ['english'] } : t)) });
  };
  const zhangFills = assignment('T01', 'OH-P001', 'OH-R001', 'math', { backbone: 'county', kind: 'gap' });

  it('a chinese teacher sent to teach english where no english teacher is needed is reported', () => {
    const v = broken(mathGap(), plan({ assignments: [zhangFills, assignment('T05', 'OH-P001', 'OH-R001', 'english')] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'R4', school_id: 'OH-R001', teacher_id: 'T05' })]);
    expect(v[0]!.message).toContain('赵六 (T05)');
    expect(v[0]!.message).toContain('not their main subject chinese, beyond the 0 needed');
  });

  it('more extras than max_extra_per_receiver are reported; within it they pass', () => {
    const two = plan({ assignments: [zhangFills, assignment('T03', 'OH-P001', 'OH-R001', 'chinese', { kind: 'extra' })] });
    const v = broken(mathGap({ policy: { assignment: { max_extra_per_receiver: 0 } } }), two);
    expect(v).toEqual([expect.objectContaining({ rule: 'R4', school_id: 'OH-R001' })]);
    expect(v[0]!.message).toContain('1 sent beyond its needs, at most 0 allowed');
    expect(broken(mathGap({ policy: { assignment: { max_extra_per_receiver: 1 } } }), two)).toEqual([]);
  });

  it('kind "gap" on a post nobody needs is reported', () => {
    const v = broken(mathGap(), plan({ assignments: [zhangFills, assignment('T03', 'OH-P001', 'OH-R001', 'chinese', { kind: 'gap' })] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'R4', teacher_id: 'T03' })]);
    expect(v[0]!.message).toContain('marked as filling a gap');
  });
});

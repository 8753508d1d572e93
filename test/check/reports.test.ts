import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import { assignment, gapRow, ouhai, ouhaiPlan, receiverRow, scenario, senderRow, shortfall } from './fixtures.js';

const check = (p: ReturnType<typeof ouhaiPlan>) => checkPlan(scenario(ouhai()), p);

describe('totals: what the plan reports equals what counting gives', () => {
  it('stats with a wrong eligible count are reported with both numbers', () => {
    const v = check(ouhaiPlan({ stats: [11, 9, 1, 1, 1] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'totals' })]);
    expect(v[0]!.message).toContain('eligible is 9 in the plan, 10 by count');
  });

  it('a sender row with a wrong sent count is reported, naming the school', () => {
    const v = check(ouhaiPlan({ senders: [{ ...senderRow('OH-P001', 10, 1, 1, 1, 1), sent: 2 }] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'totals', school_id: 'OH-P001' })]);
    expect(v[0]!.message).toContain('瓯海实验小学 (OH-P001)');
    expect(v[0]!.message).toContain('sent is 2 in the plan, 1 by count');
  });

  it('a missing sender, a missing unfilled gap and a missing receiver without backbone are reported', () => {
    const missingSender = check(ouhaiPlan({ senders: [] }));
    expect(missingSender).toEqual([expect.objectContaining({ rule: 'totals', school_id: 'OH-P001' })]);
    expect(missingSender[0]!.message).toContain('missing');
    const open = checkPlan(scenario(ouhai()), ouhaiPlan({
      assignments: [], senders: [senderRow('OH-P001', 10, 1, 0, 0, 0)], gaps: [], receivers: [],
      stats: [11, 10, 0, 1, 0], shortfalls: [shortfall('R1', 'OH-P001'), shortfall('R4', 'OH-R001'), shortfall('R5', 'OH-R001')],
    })).filter((x) => x.rule === 'totals');
    expect(open).toHaveLength(2);
    expect(open.map((x) => x.message).join('\n')).toContain('missing an unfilled gap');
    expect(open.map((x) => x.message).join('\n')).toContain('missing a receiver left without a backbone teacher');
  });

  it('gap and receiver rows with wrong numbers are reported', () => {
    const v = check(ouhaiPlan({ gaps: [gapRow('OH-R001', 'math', 1, 0)], receivers: [receiverRow('OH-R001', 1, 1)] }));
    expect(v.map((x) => x.rule)).toEqual(['totals', 'totals']);
    expect(v[0]!.message).toContain('filled is 0 in the plan, 1 by count');
    expect(v[1]!.message).toContain('county_backbone_before is 1 in the plan, 0 by count');
  });

  it('an allowance whose total is not the sum of its items is reported; within a cent it passes', () => {
    const allowance = (total: number) => ({ teacher_id: 'T01', school_id: 'OH-R001', tier: 1, months: 12, monthly: 500, total, items: { rural_living: 3600, rotation: 2400.004 } });
    const v = check(ouhaiPlan({ allowances: [allowance(6100)] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'totals', teacher_id: 'T01' })]);
    expect(v[0]!.message).toContain('张伟 (T01)');
    expect(v[0]!.message).toContain('6000.00');
    expect(check(ouhaiPlan({ allowances: [allowance(6000)] }))).toEqual([]);
  });

  it('an assignment recording the wrong backbone level is reported; the Chinese spelling is accepted', () => {
    const wrong = check(ouhaiPlan({ assignments: [assignment('T01', 'OH-P001', 'OH-R001', 'math', { backbone: 'none' })] }));
    expect(wrong).toEqual([expect.objectContaining({ rule: 'totals', teacher_id: 'T01' })]);
    expect(wrong[0]!.message).toContain('county on the roster');
    expect(check(ouhaiPlan({ assignments: [assignment('T01', 'OH-P001', 'OH-R001', 'math', { backbone: '县级' })] }))).toEqual([]);
  });
});

describe('shortfall: a listed shortfall names a rule the plan really misses', () => {
  it('R3 cannot be listed as a shortfall', () => {
    const v = check({ ...ouhaiPlan(), shortfalls: [{ rule: 'R3', school_id: 'OH-P001', detail: '' }] });
    expect(v).toEqual([expect.objectContaining({ rule: 'shortfall', school_id: 'OH-P001' })]);
    expect(v[0]!.message).toContain('R3 is a hard rule');
  });

  it('a rule the plan meets, or a school that does not exist, is not a real shortfall', () => {
    const v = check(ouhaiPlan({ shortfalls: [shortfall('R1', 'OH-P001'), shortfall('R5', 'OH-R001'), shortfall('R4', 'XX-999')] }));
    expect(v.map((x) => [x.rule, x.school_id])).toEqual([['shortfall', 'OH-P001'], ['shortfall', 'OH-R001'], ['shortfall', 'XX-999']]);
    expect(v[0]!.message).toContain('met: sent 1, 1 required');
    expect(v[1]!.message).toContain('met: 1 backbone teachers after the plan');
    expect(v[2]!.message).toContain('not in schools');
  });
});

import { describe, expect, it } from 'vitest';
import { assignment, broken, lock, plan, ruralSchool, scenario, school, shortfall, teacher } from './fixtures.js';
import type { Lock } from '../../src/domain/tables.js';

/**
 * Two senders of ten chinese teachers each (A01 and B01 county backbone), one
 * receiver that needs nobody and takes at most one extra teacher
 * (max_extra_per_receiver 1): only one sender can meet R1.
 */
function oneSlot(locks: Lock[] = []) {
  const staff = (prefix: string, schoolId: string) => Array.from({ length: 10 }, (_, i) => teacher(`${prefix}${String(i + 1).padStart(2, '0')}`, schoolId, { backbone: i === 0 ? 'county' : 'none' }));
  return scenario({
    schools: [school('OH-P001', '瓯海实验小学'), school('OH-P002', '瓯海二小'), ruralSchool('OH-R001', '泽雅镇中心小学')],
    teachers: [...staff('A', 'OH-P001'), ...staff('B', 'OH-P002'), teacher('R01', 'OH-R001', { backbone: 'county' })],
    locks, policy: { assignment: { max_extra_per_receiver: 1 } },
  });
}
const send = (id: string, over: Parameters<typeof assignment>[4] = {}) => assignment(id, 'OH-P001', 'OH-R001', 'chinese', { kind: 'extra', ...over });

describe('R1 when senders share the receivers\' room: the county\'s least total shortfall decides', () => {
  it('one sender fills the only place; the other\'s listed R1 shortfall is real', () => {
    expect(broken(oneSlot(), plan({ assignments: [send('A01', { backbone: 'county' })], shortfalls: [shortfall('R1', 'OH-P002')] }))).toEqual([]);
  });

  it('leaving the place empty makes both listed shortfalls unreal: the county could be 1 short, not 2', () => {
    const v = broken(oneSlot(), plan({ shortfalls: [shortfall('R1', 'OH-P001'), shortfall('R1', 'OH-P002')] }));
    expect(v.map((x) => [x.rule, x.school_id])).toEqual([['shortfall', 'OH-P001'], ['shortfall', 'OH-P002']]);
    expect(v[0]!.message).toContain('listed shortfall is not real');
    expect(v[0]!.message).toContain('at least 1 short county-wide, this plan 2');
  });
});

describe('R2 when senders share the receivers\' room: real when no single change raises the backbone share', () => {
  it('swapping backbone A01 in for A02 would meet R2, so the listed R2 shortfall is not real', () => {
    const v = broken(oneSlot(), plan({ assignments: [send('A02')], shortfalls: [shortfall('R1', 'OH-P002'), shortfall('R2', 'OH-P001')] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'shortfall', school_id: 'OH-P001' })]);
    expect(v[0]!.message).toContain('A01 could be sent');
    expect(v[0]!.message).toContain('instead of A02');
  });

  it('when HR pinned A02 to the only place, the listed R2 shortfall is real', () => {
    const p = plan({ assignments: [send('A02', { pinned: true })], shortfalls: [shortfall('R1', 'OH-P002'), shortfall('R2', 'OH-P001')] });
    expect(broken(oneSlot([lock('A02', 'pin', 'OH-R001')]), p)).toEqual([]);
  });
});

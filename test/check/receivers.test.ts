import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import {
  assignment, broken, ouhai, plan, receiverRow, ruralSchool, scenario, senderRow, shortfall, teacher, type ScenarioParts,
} from './fixtures.js';

/** ouhai() without needs and with R2 switched off (backbone_min_share 0), so that only R5 asks for 张伟. */
function r5Only(over: Partial<ScenarioParts> = {}): ScenarioParts {
  return ouhai({ needs: [], policy: { rotation: { backbone_min_share: 0 } }, ...over });
}

/** 李四 (T03, chinese, no backbone) is sent; 泽雅镇中心小学 is left without a county backbone teacher. */
const liSi = assignment('T03', 'OH-P001', 'OH-R001', 'chinese', { kind: 'extra' });
const noBackbone = (over: Parameters<typeof plan>[0] = {}) => plan({
  assignments: [liSi], senders: [senderRow('OH-P001', 10, 1, 1, 0, 0)], receivers: [receiverRow('OH-R001', 0, 0)], stats: [11, 10, 1, 0, 0], ...over,
});

describe('R5: every receiver ends with a county-level backbone teacher, when one can be found', () => {
  it('a receiver left without one while 张伟 could go, unlisted, is reported with that change', () => {
    const v = checkPlan(scenario(r5Only()), noBackbone());
    expect(v).toEqual([expect.objectContaining({ rule: 'R5', school_id: 'OH-R001' })]);
    expect(v[0]!.message).toContain('泽雅镇中心小学 (OH-R001)');
    expect(v[0]!.message).toContain('before 0, after 0');
    expect(v[0]!.message).toContain('张伟 (T01) could be sent');
  });

  it('listing it as a shortfall is not real', () => {
    const v = checkPlan(scenario(r5Only()), noBackbone({ shortfalls: [shortfall('R5', 'OH-R001')] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'shortfall', school_id: 'OH-R001' })]);
    expect(v[0]!.message).toContain('R5 泽雅镇中心小学 (OH-R001)');
    expect(v[0]!.message).toContain('listed shortfall is not real');
  });

  it('with no county backbone teacher in the county, the listed shortfall is confirmed and the plan passes', () => {
    const base = r5Only();
    const s = scenario({ ...base, teachers: base.teachers.map((t) => (t.teacher_id === 'T01' ? { ...t, backbone: 'school' as const } : t)) });
    expect(checkPlan(s, noBackbone({ shortfalls: [shortfall('R5', 'OH-R001')] }))).toEqual([]);
  });

  describe('re-pointing an extra backbone teacher from a receiver that has two', () => {
    const twoReceivers = (t11: Partial<Parameters<typeof teacher>[2]>) => {
      const base = r5Only();
      return scenario({
        ...base,
        schools: [...base.schools, ruralSchool('OH-R002', '大罗山小学')],
        teachers: [...base.teachers, teacher('T11', 'OH-P001', { name: '孙七', backbone: 'county', ...t11 })],
      });
    };
    const toR002 = (id: string, subject: string) => assignment(id, 'OH-P001', 'OH-R002', subject, { backbone: 'county', kind: 'extra' });

    it('is a single change that refutes a listed R5 shortfall', () => {
      const p = plan({ assignments: [toR002('T01', 'math'), toR002('T11', 'chinese')], shortfalls: [shortfall('R5', 'OH-R001')] });
      const v = broken(twoReceivers({}), p);
      expect(v).toEqual([expect.objectContaining({ rule: 'shortfall', school_id: 'OH-R001' })]);
      expect(v[0]!.message).toContain('could be re-pointed from 大罗山小学 (OH-R002)');
    });

    it('is not available when it would leave the other receiver without one', () => {
      const p = plan({ assignments: [toR002('T01', 'math')], shortfalls: [shortfall('R5', 'OH-R001')] });
      expect(broken(twoReceivers({ exempt: '病假' }), p)).toEqual([]);
    });
  });
});

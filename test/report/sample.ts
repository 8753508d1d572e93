/**
 * A small but complete plan for the workbook and output tests: ids with
 * leading zeros, a teacher named "=1+1", text that begins with + - @ =,
 * a running rotation, a part month, an unfilled gap and shortfalls.
 */
import type { Plan } from '../../src/domain/plan.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { extendPlan } from '../../src/report/plan-report.js';
import { assignment, plan, scenario, school, teacher } from './fixture.js';

export const BASE_PAY = { none: 4000, level3: 4200, level2: 4600, level1: 5200, senior: 6000, professor: 7000 };

export function sampleScenario(policy: unknown = { income: { base_pay: BASE_PAY, urban_items: [{ name: '城区补贴', monthly: 600 }] } }): Scenario {
  return scenario({
    name: 'lucheng-sample',
    policy,
    schools: [
      school({ school_id: '0101', name: '城关第一小学' }), school({ school_id: '0102', name: '实验小学', quality: true }),
      school({ school_id: '0201', name: '藤桥小学', area: 'rural', tier: 1 }), school({ school_id: '0202', name: '@山区小学', area: 'rural', tier: 3 }),
      school({ school_id: '0301', name: '城西小学', weak: true }),
    ],
    teachers: [
      teacher({ teacher_id: '007', name: '=1+1', school_id: '0101', backbone: 'county', school_start_date: '2008-09-01' }),
      teacher({ teacher_id: '0012', name: '王芳', school_id: '0101', subject: 'chinese', school_start_date: '2009-09-01' }),
      teacher({ teacher_id: '0100', name: '李明', school_id: '0102', subject: 'english', title: 'level2', title_target_year: 2020, school_start_date: '2016-09-01' }),
      teacher({ teacher_id: '0200', name: '张伟', school_id: '0201', subject: 'music' }),
      teacher({ teacher_id: '0300', name: '+陈静', school_id: '0202' }),
      teacher({ teacher_id: '0400', name: '刘洋', school_id: '0102', subject: 'science' }),
    ],
    history: [{ teacher_id: '0400', from_school: '0102', to_school: '0201', start_date: '2018-09-01', end_date: '2019-12-31' }],
  });
}

export function samplePlan(s: Scenario = sampleScenario()): Plan {
  return extendPlan(s, plan({
    assignments: [
      assignment({ teacher_id: '007', from_school: '0101', to_school: '0202', backbone: 'county', distance_km: 12.3, pinned: true, kind: 'gap', score: 132, reasons: ['+填补数学缺口', 'county backbone for R5'] }),
      assignment({ teacher_id: '0012', from_school: '0101', to_school: '0301', subject: 'chinese', start_date: '2019-09-16', kind: 'extra', score: 120, reasons: ['-补足R1'] }),
    ],
    senders: [
      { school_id: '0101', eligible: 12, required: 2, sent: 2, backbone_sent: 1, backbone_required: 1, met: true, why: null },
      { school_id: '0102', eligible: 1, required: 1, sent: 0, backbone_sent: 0, backbone_required: 0, met: false, why: '=无可派教师' },
    ],
    gaps: [
      { school_id: '0202', subject: 'math', needed: 1, filled: 1, unfilled: 0 },
      { school_id: '0201', subject: 'music', needed: 2, filled: 0, unfilled: 2 },
    ],
    receivers: [
      { school_id: '0201', county_backbone_before: 0, county_backbone_after: 0 },
      { school_id: '0202', county_backbone_before: 0, county_backbone_after: 1 },
      { school_id: '0301', county_backbone_before: 0, county_backbone_after: 0 },
    ],
    shortfalls: [
      { rule: 'R1', school_id: '0102', detail: 'sent 0 < required 1: 0100 is not eligible' },
      { rule: 'R4', school_id: '0201', detail: '音乐 2 posts unfilled: no qualified teacher' },
    ],
    stats: { teachers: 6, eligible: 3, sent: 2, gaps_needed: 3, gaps_filled: 1, solve_ms: 41, optimal: true, solver: 'highs', variables: 18, constraints: 11 },
  }));
}

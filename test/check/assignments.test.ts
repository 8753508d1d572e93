import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import {
  assignment, broken, lock, need, ouhai, ouhaiPlan, plan, receiverRow, rotation, ruralSchool, rulesOf, scenario, school, senderRow, teacher,
} from './fixtures.js';

const T01 = (over: Parameters<typeof assignment>[4] = {}) => assignment('T01', 'OH-P001', 'OH-R001', 'math', { backbone: 'county', kind: 'gap', ...over });

describe('a valid plan', () => {
  it('breaks no rule: 张伟 fills 泽雅镇中心小学\'s math gap and is its county backbone teacher', () => {
    expect(checkPlan(scenario(ouhai()), ouhaiPlan())).toEqual([]);
  });
});

describe('period: the plan and its assignments run over the plan year\'s term', () => {
  it('an assignment ending 2020-09-01 instead of 2020-08-31 is reported, naming the teacher', () => {
    const v = checkPlan(scenario(ouhai()), ouhaiPlan({ assignments: [T01({ end_date: '2020-09-01' })] }));
    expect(rulesOf(v)).toEqual(['period']);
    expect(v[0]).toMatchObject({ rule: 'period', teacher_id: 'T01', school_id: 'OH-R001' });
    expect(v[0]!.message).toContain('张伟 (T01)');
    expect(v[0]!.message).toContain('2020-08-31');
  });

  it('a plan period that is not the term is reported', () => {
    const p = { ...ouhaiPlan(), period: { start: '2019-09-01', end: '2020-09-30' } };
    const v = checkPlan(scenario(ouhai()), p);
    expect(rulesOf(v)).toEqual(['period']);
    expect(v[0]!.message).toContain('2019-09-01…2020-08-31');
  });

  it('a two-year term from 08-15 ends the day before 08-15 two years on', () => {
    const s = scenario(ouhai({ policy: { term: { start: '08-15', years: 2 } } }));
    const dates = { start_date: '2019-08-15', end_date: '2021-08-14' };
    const p = { ...ouhaiPlan({ assignments: [T01(dates)] }), period: { start: '2019-08-15', end: '2021-08-14' } };
    expect(checkPlan(s, p)).toEqual([]);
  });
});

describe('R3: only eligible teachers rotate, once, from their home school', () => {
  it('exactly 6 full years at school on the term\'s first day is eligible; one day short is not', () => {
    const at = (start: string) => ouhai({ teachers: ouhai().teachers.map((t) => (t.teacher_id === 'T01' ? { ...t, school_start_date: start } : t)) });
    expect(checkPlan(scenario(at('2013-09-01')), ouhaiPlan())).toEqual([]);
    const v = broken(scenario(at('2013-09-02')), ouhaiPlan());
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ rule: 'R3', teacher_id: 'T01', school_id: 'OH-P001' });
    expect(v[0]!.message).toContain('张伟 (T01)');
    expect(v[0]!.message).toContain('5 full years at school, fewer than 6');
  });

  it('a woman turning 50 on the term\'s first day is too old; one day younger is eligible', () => {
    const born = (date: string) => ouhai({ teachers: ouhai().teachers.map((t) => (t.teacher_id === 'T01' ? { ...t, gender: 'F' as const, birth_date: date } : t)) });
    expect(checkPlan(scenario(born('1969-09-02')), ouhaiPlan())).toEqual([]);
    const v = broken(scenario(born('1969-09-01')), ouhaiPlan());
    expect(rulesOf(v)).toEqual(['R3']);
    expect(v[0]!.message).toContain('aged 50, not under 50');
  });

  it('a rotation started within the cooldown makes the teacher ineligible', () => {
    const s = scenario(ouhai({ history: [rotation('T01', 'OH-P001', 'OH-R001', '2017-09-01', '2018-08-31')] }));
    const v = broken(s, ouhaiPlan());
    expect(rulesOf(v)).toEqual(['R3']);
    expect(v[0]!.message).toContain('3-year cooldown');
  });

  it('an unknown teacher, a teacher placed twice and a wrong from_school are each reported', () => {
    const s = scenario(ouhai());
    const unknown = broken(s, ouhaiPlan({ assignments: [T01(), assignment('T99', 'OH-P001', 'OH-R001', 'chinese')] }));
    expect(unknown).toEqual([expect.objectContaining({ rule: 'R3', teacher_id: 'T99' })]);
    expect(unknown[0]!.message).toContain('T99');
    const twice = broken(s, ouhaiPlan({ assignments: [T01(), T01()] }));
    expect(twice).toEqual([expect.objectContaining({ rule: 'R3', teacher_id: 'T01' })]);
    expect(twice[0]!.message).toContain('more than once');
    const from = broken(s, ouhaiPlan({ assignments: [T01({ from_school: 'OH-P002' })] }));
    expect(from).toEqual([expect.objectContaining({ rule: 'R3', teacher_id: 'T01', school_id: 'OH-P001' })]);
    expect(from[0]!.message).toContain('瓯海实验小学 (OH-P001)');
  });
});

describe('history: a teacher on a running rotation is not placed again', () => {
  it('reports the running rotation (and not R3 for the same reason)', () => {
    const base = ouhai();
    const s = scenario({
      ...base,
      teachers: [...base.teachers, teacher('T11', 'OH-P001', { name: '李娜', subject: 'pe' })],
      history: [rotation('T11', 'OH-P001', 'OH-R001', '2018-09-01', '2020-08-31')],
    });
    const p = ouhaiPlan({ assignments: [T01(), assignment('T11', 'OH-P001', 'OH-R001', 'pe')] });
    const v = broken(s, p);
    expect(rulesOf(v)).toEqual(['history']);
    expect(v[0]).toMatchObject({ rule: 'history', teacher_id: 'T11' });
    expect(v[0]!.message).toContain('李娜 (T11)');
    expect(v[0]!.message).toContain('2020-08-31');
  });
});

describe('lock: HR\'s pins, forbids and keeps are obeyed', () => {
  it('a pin obeyed and flagged passes', () => {
    const s = scenario(ouhai({ locks: [lock('T01', 'pin', 'OH-R001')] }));
    expect(checkPlan(s, ouhaiPlan({ assignments: [T01({ pinned: true })] }))).toEqual([]);
  });

  it('a pinned teacher left home is reported with the school of the pin', () => {
    const s = scenario(ouhai({ locks: [lock('T02', 'pin', 'OH-R001')] }));
    const v = broken(s, ouhaiPlan());
    expect(v).toEqual([expect.objectContaining({ rule: 'lock', teacher_id: 'T02', school_id: 'OH-R001' })]);
    expect(v[0]!.message).toContain('王芳 (T02)');
    expect(v[0]!.message).toContain('泽雅镇中心小学 (OH-R001)');
  });

  it('a forbidden school and a kept-home teacher are reported (the keep not as R3)', () => {
    const forbid = broken(scenario(ouhai({ locks: [lock('T01', 'forbid', 'OH-R001')] })), ouhaiPlan());
    expect(forbid).toEqual([expect.objectContaining({ rule: 'lock', teacher_id: 'T01' })]);
    expect(forbid[0]!.message).toContain('forbid');
    const keep = broken(scenario(ouhai({ locks: [lock('T01', 'keep')] })), ouhaiPlan());
    expect(keep).toEqual([expect.objectContaining({ rule: 'lock', teacher_id: 'T01', school_id: 'OH-P001' })]);
    expect(keep[0]!.message).toContain('keep lock');
  });

  it('pinned: true without a pin lock is reported', () => {
    const v = broken(scenario(ouhai()), ouhaiPlan({ assignments: [T01({ pinned: true })] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'lock', teacher_id: 'T01' })]);
  });
});

describe('county: a teacher goes to a receiving school of the home county', () => {
  it('a move into another county is reported, naming both counties', () => {
    const base = ouhai();
    const s = scenario({ ...base, schools: [...base.schools, ruralSchool('LC-R001', '藤桥乡中心小学', { county: '鹿城' })] });
    const v = broken(s, ouhaiPlan({ assignments: [T01({ to_school: 'LC-R001' })] }));
    const county = v.filter((x) => x.rule === 'county');
    expect(county).toEqual([expect.objectContaining({ teacher_id: 'T01', school_id: 'LC-R001' })]);
    expect(county[0]!.message).toContain('瓯海');
    expect(county[0]!.message).toContain('鹿城');
    expect(v.some((x) => x.rule === 'R3')).toBe(false);
  });

  it('a move to a sending school is reported', () => {
    const base = ouhai();
    const s = scenario({ ...base, schools: [...base.schools, school('OH-P002', '瓯海二小')] });
    const v = broken(s, ouhaiPlan({ assignments: [T01({ to_school: 'OH-P002' })] })).filter((x) => x.rule === 'county');
    expect(v).toHaveLength(1);
    expect(v[0]!.message).toContain('瓯海二小 (OH-P002)');
    expect(v[0]!.message).toContain('not a receiving');
  });
});

describe('qualification: a teacher teaches a subject they are qualified in', () => {
  const english = () => ouhai({ needs: [need('OH-R001', 'english', 1)] });
  const p = () => ouhaiPlan({ assignments: [T01({ subject: 'english' })], gaps: [{ school_id: 'OH-R001', subject: 'english', needed: 1, filled: 1, unfilled: 0 }] });

  it('teaching english without the qualification is reported', () => {
    const v = checkPlan(scenario(english()), p());
    expect(v).toEqual([expect.objectContaining({ rule: 'qualification', teacher_id: 'T01', school_id: 'OH-R001' })]);
    expect(v[0]!.message).toContain('张伟 (T01)');
  });

  it('with english among the qualified subjects it passes', () => {
    const base = english();
    const s = scenario({ ...base, teachers: base.teachers.map((t) => (t.teacher_id === 'T01' ? { ...t, qualified_subjects: ['english'] } : t)) });
    expect(checkPlan(s, p())).toEqual([]);
  });
});

describe('distance: within the cap, and stated truly', () => {
  // 0.1° of latitude: 6371.0088 × π/1800 ≈ 11.1195 km.
  const withCoordinates = (policy?: Record<string, unknown>) => scenario(ouhai({
    schools: [school('OH-P001', '瓯海实验小学', { lat: 28.0, lon: 120.6 }), ruralSchool('OH-R001', '泽雅镇中心小学', { lat: 28.1, lon: 120.6 })],
    ...(policy ? { policy } : {}),
  }));

  it('11.12 km stated for an 11.1195 km move passes', () => {
    expect(checkPlan(withCoordinates(), ouhaiPlan({ assignments: [T01({ distance_km: 11.12 })] }))).toEqual([]);
  });

  it('a move beyond max_distance_km is reported with both numbers', () => {
    const v = checkPlan(withCoordinates({ assignment: { max_distance_km: 10 } }), ouhaiPlan({ assignments: [T01({ distance_km: 11.1 })] }));
    expect(v).toEqual([expect.objectContaining({ rule: 'distance', teacher_id: 'T01', school_id: 'OH-R001' })]);
    expect(v[0]!.message).toContain('11.1 km');
    expect(v[0]!.message).toContain('10 km');
  });

  it('a wrong distance_km, or one stated without coordinates, is reported; an unknown distance is no violation of the cap', () => {
    const wrong = checkPlan(withCoordinates(), ouhaiPlan({ assignments: [T01({ distance_km: 12.5 })] }));
    expect(wrong).toEqual([expect.objectContaining({ rule: 'distance', teacher_id: 'T01' })]);
    expect(wrong[0]!.message).toContain('11.12 km');
    const invented = checkPlan(scenario(ouhai()), ouhaiPlan({ assignments: [T01({ distance_km: 5 })] }));
    expect(invented).toEqual([expect.objectContaining({ rule: 'distance', teacher_id: 'T01' })]);
    expect(checkPlan(scenario(ouhai({ policy: { assignment: { max_distance_km: 1 } } })), ouhaiPlan())).toEqual([]);
  });
});

describe('ids and names are data, never code', () => {
  const odd = () => {
    const base = ouhai();
    return scenario({
      ...base,
      teachers: base.teachers.map((t) => {
        if (t.teacher_id === 'T01') return { ...t, teacher_id: '007', name: '=1+1' };
        if (t.teacher_id === 'T03') return { ...t, teacher_id: '7', name: '王五' };
        return t;
      }),
    });
  };

  it('a teacher "=1+1" with id 007 is placed and checked like any other; "7" is a different teacher', () => {
    const p = ouhaiPlan({ assignments: [assignment('007', 'OH-P001', 'OH-R001', 'math', { backbone: 'county' })] });
    expect(checkPlan(odd(), p)).toEqual([]);
    const late = checkPlan(odd(), { ...p, assignments: [{ ...p.assignments[0]!, end_date: '2020-09-30' }] });
    expect(late).toEqual([expect.objectContaining({ rule: 'period', teacher_id: '007' })]);
    expect(late[0]!.message).toContain('=1+1 (007)');
    const seven = broken(odd(), { ...p, assignments: [assignment('7', 'OH-P001', 'OH-R001', 'math')] }).filter((v) => v.rule === 'qualification');
    expect(seven).toEqual([expect.objectContaining({ teacher_id: '7' })]);
    expect(seven[0]!.message).toContain('王五 (7)');
  });
});

describe('plan year comes from the plan', () => {
  it('a 2020 plan is checked against the 2020 term', () => {
    const p = plan({ plan_year: 2020, assignments: [T01({ start_date: '2020-09-01', end_date: '2021-08-31' })], senders: [senderRow('OH-P001', 10, 1, 1, 1, 1)], gaps: [{ school_id: 'OH-R001', subject: 'math', needed: 1, filled: 1, unfilled: 0 }], receivers: [receiverRow('OH-R001', 0, 1)], stats: [11, 10, 1, 1, 1] });
    expect(checkPlan(scenario(ouhai()), p)).toEqual([]);
  });
});

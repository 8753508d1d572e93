/** R3, the exchange conditions (四(二)1), one named example per condition and boundary. */
import { describe, expect, it } from 'vitest';
import { defaultPolicy, type Policy, policySchema } from '../../src/domain/policy.js';
import type { Scenario } from '../../src/domain/scenario.js';
import type { Lock, Rotation, School, Teacher } from '../../src/domain/tables.js';
import { eligibilityAll, eligibilityOf, isRunning } from '../../src/policy/eligibility.js';
import { termOf } from '../../src/policy/term.js';

const URBAN: School = {
  school_id: 'U1', name: '城区一小', county: '鹿城', stage: 'primary', area: 'urban', tier: 0, quality: false, weak: false,
  students: 900, classes: 24, lat: null, lon: null, group: '',
};
const RURAL: School = { ...URBAN, school_id: 'R1', name: '乡村小学', area: 'rural', tier: 2 };

/** Eligible for 2019 under the defaults (aged 40, 8 years at school) unless overridden. */
function teacher(extra: Partial<Teacher> = {}): Teacher {
  return {
    teacher_id: 'T1', name: '张三', gender: 'M', birth_date: '1979-05-01', school_id: 'U1', subject: 'chinese',
    qualified_subjects: [], title: 'level1', backbone: 'none', school_start_date: '2011-09-01', hire_date: '2001-08-25',
    rural_months: 0, title_target_year: null, education: 'bachelor', exempt: '', preferences: [], ...extra,
  };
}

function rotation(start: string, end: string): Rotation {
  return { teacher_id: 'T1', from_school: 'U1', to_school: 'R1', start_date: start, end_date: end };
}

function policyWith(raw: object): Policy {
  return policySchema.parse(raw);
}

function check(t: Teacher, opts: { year?: number; policy?: Policy; school?: School; history?: Rotation[]; locks?: Lock[] } = {}) {
  const policy = opts.policy ?? defaultPolicy();
  return eligibilityOf(t, {
    policy, term: termOf(opts.year ?? 2019, policy), school: opts.school ?? URBAN, history: opts.history ?? [], locks: opts.locks ?? [],
  });
}

describe('the term', () => {
  it('the term of 2019 is 2019-09-01 … 2020-08-31', () => {
    expect(termOf(2019, defaultPolicy())).toEqual({ year: 2019, start: '2019-09-01', end: '2020-08-31' });
  });
  it('term.start 08-15 shifts it to 2019-08-15 … 2020-08-14', () => {
    expect(termOf(2019, policyWith({ term: { start: '08-15' } }))).toEqual({ year: 2019, start: '2019-08-15', end: '2020-08-14' });
  });
  it('term.years 2 makes it two school years; a term ending in February of a leap year ends on the 29th', () => {
    expect(termOf(2019, policyWith({ term: { years: 2 } })).end).toBe('2021-08-31');
    expect(termOf(2019, policyWith({ term: { start: '03-01' } })).end).toBe('2020-02-29');
  });
  it('a term start that some years lack (02-29) or no year has (02-30) is refused by the policy', () => {
    expect(policySchema.safeParse({ term: { start: '02-29' } }).success).toBe(false);
    expect(policySchema.safeParse({ term: { start: '02-30' } }).success).toBe(false);
  });
});

describe('R3: years at the home school (min_years_at_school 6, counted on the term\'s first day)', () => {
  it('exactly 6 years on 1 September is eligible', () => {
    const e = check(teacher({ school_start_date: '2013-09-01' }));
    expect(e).toMatchObject({ eligible: true, months_at_school: 72 });
    expect(e.reasons).toContain('6 years 0 months at school ≥ 6');
  });
  it('one day short of 6 years is not: "5 years 11 months at school < 6"', () => {
    const e = check(teacher({ school_start_date: '2013-09-02' }));
    expect(e).toMatchObject({ eligible: false, months_at_school: 71, reasons: ['5 years 11 months at school < 6'] });
  });
  it('joining the school after the term\'s first day is said as such, even with min_years_at_school 0', () => {
    const e = check(teacher({ school_start_date: '2019-09-02' }), { policy: policyWith({ eligibility: { min_years_at_school: 0 } }) });
    expect(e.reasons).toEqual(["joins the school on 2019-09-02, after the term's first day"]);
  });
  it('a teacher who joined on 29 February completes a year on 1 March in common years, as a birthday does', () => {
    const joined = teacher({ school_start_date: '2012-02-29' });
    expect(check(joined, { year: 2018, policy: policyWith({ term: { start: '02-28' } }) }).reasons).toEqual(['5 years 11 months at school < 6']);
    expect(check(joined, { year: 2018, policy: policyWith({ term: { start: '03-01' } }) }).eligible).toBe(true);
  });
});

describe('R3: age (younger than max_age on the term\'s first day: men 55, women 50)', () => {
  it.each([
    ['M', '1964-09-01', 'the 55th birthday on the first day', false, 55],
    ['M', '1964-08-31', 'the 55th birthday the day before', false, 55],
    ['M', '1964-09-02', 'the 55th birthday the day after', true, 54],
    ['F', '1969-09-01', 'the 50th birthday on the first day', false, 50],
    ['F', '1969-08-31', 'the 50th birthday the day before', false, 50],
    ['F', '1969-09-02', 'the 50th birthday the day after', true, 49],
  ] as const)('%s born %s (%s): eligible %s, age %i', (gender, birth, _what, eligible, age) => {
    const e = check(teacher({ gender, birth_date: birth }));
    expect(e).toMatchObject({ eligible, age });
    if (!eligible) expect(e.reasons).toEqual([`age ${age} ≥ ${gender === 'M' ? 55 : 50}`]);
  });
  it('leap-day births: born 29 February, 50 on 1 March of a common year, still 49 on 28 February', () => {
    const woman = teacher({ gender: 'F', birth_date: '1968-02-29' });
    expect(check(woman, { year: 2018, policy: policyWith({ term: { start: '02-28' } }) })).toMatchObject({ eligible: true, age: 49 });
    expect(check(woman, { year: 2018, policy: policyWith({ term: { start: '03-01' } }) })).toMatchObject({ eligible: false, age: 50 });
  });
  it('leap-day births in a leap year: 50 on 29 February itself', () => {
    const woman = teacher({ gender: 'F', birth_date: '1970-02-28' });
    expect(check(woman, { year: 2020, policy: policyWith({ term: { start: '02-28' } }) })).toMatchObject({ eligible: false, age: 50 });
    expect(check(teacher({ gender: 'F', birth_date: '1970-03-01' }), { year: 2020, policy: policyWith({ term: { start: '02-28' } }) }))
      .toMatchObject({ eligible: true, age: 49 });
  });
});

describe('R3: exemptions and HR decisions', () => {
  it('an exempt teacher (孕期) is not eligible, and the reason is given', () => {
    expect(check(teacher({ exempt: '孕期' }))).toMatchObject({ eligible: false, reasons: ['exempt: 孕期'] });
  });
  it('a keep lock is an exemption: "kept home by HR", once however many keep locks', () => {
    const keep: Lock = { teacher_id: 'T1', action: 'keep', school_id: null, reason: '家中有事' };
    expect(check(teacher(), { locks: [keep, { ...keep, reason: '' }] })).toMatchObject({ eligible: false, reasons: ['kept home by HR: 家中有事'] });
  });
  it('pin and forbid locks do not change eligibility', () => {
    const locks: Lock[] = [
      { teacher_id: 'T1', action: 'pin', school_id: 'R1', reason: '' },
      { teacher_id: 'T1', action: 'forbid', school_id: 'R2', reason: '' },
    ];
    expect(check(teacher(), { locks }).eligible).toBe(true);
  });
});

describe('R3: placed at most once at a time, and not again within the cooldown', () => {
  it('a rotation ending after the term start is still running: the teacher is away', () => {
    const running = rotation('2018-09-01', '2020-08-31');
    const e = check(teacher(), { history: [running] });
    expect(e).toMatchObject({ eligible: false, away: running, reasons: ['on rotation at R1 until 2020-08-31'] });
  });
  it('a rotation ending the day before the term start is over (begun long enough ago to be out of the cooldown)', () => {
    const over = rotation('2015-09-01', '2019-08-31');
    expect(check(teacher(), { history: [over] })).toMatchObject({ eligible: true, away: null });
  });
  it('a rotation ending on the term\'s first day itself is not running (FORMAT.md: its end must be after the start)', () => {
    expect(isRunning(rotation('2015-09-01', '2019-09-01'), termOf(2019, defaultPolicy()))).toBe(false);
    expect(isRunning(rotation('2015-09-01', '2019-09-02'), termOf(2019, defaultPolicy()))).toBe(true);
  });
  it('cooldown: a rotation started exactly 3 years before the term start is outside the cooldown', () => {
    expect(check(teacher(), { history: [rotation('2016-09-01', '2017-08-31')] }).eligible).toBe(true);
  });
  it('cooldown: one started a day later is inside it', () => {
    expect(check(teacher(), { history: [rotation('2016-09-02', '2017-08-31')] }))
      .toMatchObject({ eligible: false, reasons: ['rotated from 2016-09-02, within the 3-year cooldown'] });
  });
  it('cooldown_years 0 turns the cooldown off', () => {
    const policy = policyWith({ eligibility: { cooldown_years: 0 } });
    expect(check(teacher(), { policy, history: [rotation('2018-09-01', '2019-08-31')] }).eligible).toBe(true);
  });
});

describe('R3: only teachers of sending schools', () => {
  it('a teacher of a receiving school (rural) is never eligible, however long in service', () => {
    expect(check(teacher({ school_id: 'R1', school_start_date: '1999-09-01' }), { school: RURAL }))
      .toMatchObject({ eligible: false, reasons: ['home school is not a sending school'] });
  });
  it('nor one of a weak urban school (weak schools receive)', () => {
    expect(check(teacher(), { school: { ...URBAN, weak: true } }).eligible).toBe(false);
  });
  it('nor one whose school is unknown', () => {
    expect(eligibilityOf(teacher(), { policy: defaultPolicy(), term: termOf(2019, defaultPolicy()), school: undefined, history: [], locks: [] }).eligible)
      .toBe(false);
  });
  it('a high-quality town school sends', () => {
    expect(check(teacher(), { school: { ...URBAN, area: 'town', quality: true } }).eligible).toBe(true);
  });
});

describe('eligibilityAll: every teacher, each with their own history and locks, in roster order', () => {
  it('routes history and locks to the teacher they name', () => {
    const t2 = teacher({ teacher_id: 'T2' });
    const t3 = teacher({ teacher_id: 'T3', school_id: 'R1' });
    const scenario: Scenario = {
      name: 'demo', policy: defaultPolicy(), schools: [URBAN, RURAL], teachers: [teacher(), t2, t3], needs: [],
      history: [{ ...rotation('2018-09-01', '2020-08-31'), teacher_id: 'T2' }],
      locks: [{ teacher_id: 'T1', action: 'keep', school_id: null, reason: '' }],
    };
    expect(eligibilityAll(scenario, termOf(2019, scenario.policy)).map((e) => [e.teacher_id, e.reasons[0]])).toEqual([
      ['T1', 'kept home by HR'],
      ['T2', 'on rotation at R1 until 2020-08-31'],
      ['T3', 'home school is not a sending school'],
    ]);
  });
});

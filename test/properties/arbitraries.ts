/**
 * fast-check arbitraries for the exchange conditions: one teacher with a home
 * school, history, locks, a policy and a plan year, drawn so that every
 * boundary (anniversaries, 29 February, rotations ending on the term's first
 * day) comes up often.
 */
import fc from 'fast-check';
import { isExists } from 'date-fns';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import type { Lock, Rotation, School, Teacher } from '../../src/domain/tables.js';
import { type Term, termOf } from '../../src/policy/term.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** A real day between `from` and `to` (years), as YYYY-MM-DD; 29 February and month ends are favoured. */
export function dayArb(from: number, to: number): fc.Arbitrary<string> {
  const any = fc.record({ y: fc.integer({ min: from, max: to }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .filter(({ y, m, d }) => isExists(y, m - 1, d));
  const leap = fc.integer({ min: Math.ceil(from / 4), max: Math.floor(to / 4) }).map((q) => ({ y: q * 4, m: 2, d: 29 }))
    .filter(({ y, m, d }) => isExists(y, m - 1, d));
  return fc.oneof({ arbitrary: any, weight: 4 }, { arbitrary: leap, weight: 1 }).map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);
}

/** A day near an anniversary of `term.start`: `years` before it, give or take a day or two. */
function nearAnniversary(termStart: string, yearsBack: fc.Arbitrary<number>): fc.Arbitrary<string> {
  const [y, m, d] = termStart.split('-').map(Number) as [number, number, number];
  return fc.tuple(yearsBack, fc.integer({ min: -2, max: 2 })).map(([back, shift]) => {
    const base = new Date(Date.UTC(y - back, m - 1, d + shift));
    return `${base.getUTCFullYear()}-${pad(base.getUTCMonth() + 1)}-${pad(base.getUTCDate())}`;
  });
}

export const policyArb: fc.Arbitrary<Policy> = fc.record({
  min_years_at_school: fc.integer({ min: 0, max: 8 }),
  M: fc.integer({ min: 45, max: 60 }),
  F: fc.integer({ min: 40, max: 55 }),
  cooldown_years: fc.integer({ min: 0, max: 5 }),
  start: fc.constantFrom('09-01', '08-15', '03-01', '02-28', '12-31'),
}).map((p) => {
  const base = defaultPolicy();
  return {
    ...base,
    eligibility: { min_years_at_school: p.min_years_at_school, max_age: { M: p.M, F: p.F }, cooldown_years: p.cooldown_years },
    term: { ...base.term, start: p.start },
  };
});

export const schoolArb: fc.Arbitrary<School> = fc.record({
  area: fc.constantFrom('urban', 'urban', 'town', 'rural') as fc.Arbitrary<School['area']>,
  weak: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
  quality: fc.boolean(),
}).map((s) => ({
  school_id: 'HOME', name: 'home', county: '鹿城', stage: 'primary', area: s.area, tier: s.area === 'rural' ? 1 : 0,
  quality: s.quality, weak: s.weak, students: 500, classes: 12, lat: null, lon: null, group: '',
}));

export interface EligibilityCase {
  readonly teacher: Teacher;
  readonly school: School;
  readonly history: Rotation[];
  readonly locks: Lock[];
  readonly policy: Policy;
  readonly term: Term;
}

function rotationArb(term: Term): fc.Arbitrary<Rotation> {
  const start = fc.oneof(nearAnniversary(term.start, fc.integer({ min: 0, max: 6 })), dayArb(term.year - 8, term.year));
  return fc.tuple(start, fc.oneof(nearAnniversary(term.start, fc.constant(0)), fc.integer({ min: 0, max: 3 })))
    .map(([from, end]) => ({
      teacher_id: 'T1', from_school: 'HOME', to_school: 'FAR', start_date: from,
      // Either a day around the term's first day, or whole years after the start (less a day).
      end_date: typeof end === 'string' ? end : endAfter(from, end),
    }))
    .filter((r) => r.end_date >= r.start_date);
}

function endAfter(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d - 1));
  return `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}`;
}

const lockArb: fc.Arbitrary<Lock> = fc.record({
  action: fc.constantFrom('pin', 'forbid', 'keep') as fc.Arbitrary<Lock['action']>,
  reason: fc.constantFrom('', '家中有事'),
}).map((l) => ({ teacher_id: 'T1', action: l.action, school_id: l.action === 'keep' ? null : 'FAR', reason: l.reason }));

/** One teacher with everything eligibility looks at; dates cluster around the boundaries of `policy`. */
export const eligibilityCaseArb: fc.Arbitrary<EligibilityCase> = fc.tuple(policyArb, fc.integer({ min: 2015, max: 2024 }))
  .chain(([policy, year]) => {
    const term = termOf(year, policy);
    const { M, F } = policy.eligibility.max_age;
    return fc.record({
      gender: fc.constantFrom('M', 'F') as fc.Arbitrary<Teacher['gender']>,
      birthM: fc.oneof(nearAnniversary(term.start, fc.constant(M)), dayArb(year - 62, year - 22)),
      birthF: fc.oneof(nearAnniversary(term.start, fc.constant(F)), dayArb(year - 62, year - 22)),
      start: fc.oneof(nearAnniversary(term.start, fc.constant(policy.eligibility.min_years_at_school)), dayArb(year - 20, year + 1)),
      exempt: fc.constantFrom('', '', '', '孕期'),
      school: schoolArb,
      history: fc.array(rotationArb(term), { maxLength: 2 }),
      locks: fc.array(lockArb, { maxLength: 2 }),
    }).map((r): EligibilityCase => ({
      teacher: {
        teacher_id: 'T1', name: '教师', gender: r.gender, birth_date: r.gender === 'M' ? r.birthM : r.birthF,
        school_id: 'HOME', subject: 'math', qualified_subjects: [], title: 'level1', backbone: 'none',
        school_start_date: r.start, hire_date: null, rural_months: 0, title_target_year: null, education: null,
        exempt: r.exempt, preferences: [],
      },
      school: r.school, history: r.history, locks: r.locks, policy, term,
    }));
  });

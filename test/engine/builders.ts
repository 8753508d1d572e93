/** Minimal scenario builders for named rule tests. */
import { InputError } from '../../src/domain/errors.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import type { Scenario } from '../../src/domain/scenario.js';
import type { Lock, Need, School, Teacher } from '../../src/domain/tables.js';
import { type CountyInput, countyInputs } from '../../src/engine/county.js';
import { eligibilityAll } from '../../src/policy/eligibility.js';
import { termOf } from '../../src/policy/term.js';

export function urban(id: string, extra: Partial<School> = {}): School {
  return { school_id: id, name: id, county: '鹿城区', stage: 'primary', area: 'urban', tier: 0, quality: false, weak: false, students: 800, classes: 20, lat: 28.0, lon: 120.65, group: '', ...extra };
}

export function rural(id: string, extra: Partial<School> = {}): School {
  return { ...urban(id), area: 'rural', tier: 2, students: 200, classes: 6, lat: 28.1, lon: 120.5, ...extra };
}

/** An eligible teacher (8 years at school, aged 40) unless overridden. */
export function teacher(id: string, school: string, extra: Partial<Teacher> = {}): Teacher {
  return {
    teacher_id: id, name: id, gender: 'M', birth_date: '1979-05-01', school_id: school, subject: 'chinese', qualified_subjects: [],
    title: 'level1', backbone: 'none', school_start_date: '2011-08-25', hire_date: '2001-08-25', rural_months: 0,
    title_target_year: null, education: 'bachelor', exempt: '', preferences: [], ...extra,
  };
}

export function scenario(parts: { schools: School[]; teachers: Teacher[]; needs?: Need[]; locks?: Lock[] }): Scenario {
  return { name: 'test', policy: defaultPolicy(), needs: [], history: [], locks: [], ...parts };
}

/** n teachers of a school with ids prefix1…prefixN, cycling through `subjects`. */
export function staff(prefix: string, school: string, n: number, subjects: string[] = ['chinese', 'math'], extra: (i: number) => Partial<Teacher> = () => ({})): Teacher[] {
  return Array.from({ length: n }, (_, i) => teacher(`${prefix}${String(i + 1).padStart(3, '0')}`, school, { subject: subjects[i % subjects.length]!, ...extra(i) }));
}

/** The model inputs of every county of a scenario, as `rotation plan --year` derives them (default 2019). */
export function inputsOf(s: Scenario, year = 2019): CountyInput[] {
  const term = termOf(year, s.policy);
  return countyInputs(s, term, eligibilityAll(s, term));
}

/** inputsOf, or null when the scenario is rejected as input (e.g. a random pin on an ineligible teacher). */
export function acceptedInputs(s: Scenario, year = 2019): CountyInput[] | null {
  try {
    return inputsOf(s, year);
  } catch (err) {
    if (err instanceof InputError) return null;
    throw err;
  }
}

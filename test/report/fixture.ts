/**
 * Hand-made scenarios and plans for the report tests: small builders with
 * the defaults of FORMAT.md, so a test states only what it is about.
 */
import type { Plan, Assignment } from '../../src/domain/plan.js';
import { policySchema } from '../../src/domain/policy.js';
import type { Scenario } from '../../src/domain/scenario.js';
import type { Lock, Need, Rotation, School, Teacher } from '../../src/domain/tables.js';

export function school(p: Partial<School> & Pick<School, 'school_id'>): School {
  const area = p.area ?? 'urban';
  return {
    name: `学校${p.school_id}`, county: '鹿城区', stage: 'primary', area, tier: area === 'rural' ? 1 : 0,
    quality: false, weak: false, students: 500, classes: 12, lat: null, lon: null, group: '', ...p,
  };
}

export function teacher(p: Partial<Teacher> & Pick<Teacher, 'teacher_id' | 'school_id'>): Teacher {
  return {
    name: `教师${p.teacher_id}`, gender: 'F', birth_date: '1985-03-01', subject: 'math', qualified_subjects: [],
    title: 'level2', backbone: 'none', school_start_date: '2010-09-01', hire_date: null, rural_months: 0,
    title_target_year: null, education: null, exempt: '', preferences: [], ...p,
  };
}

export function scenario(p: {
  schools: School[]; teachers: Teacher[]; needs?: Need[]; history?: Rotation[]; locks?: Lock[]; policy?: unknown; name?: string;
}): Scenario {
  return {
    name: p.name ?? 'fixture', policy: policySchema.parse(p.policy ?? {}), schools: p.schools, teachers: p.teachers,
    needs: p.needs ?? [], history: p.history ?? [], locks: p.locks ?? [],
  };
}

export function assignment(p: Partial<Assignment> & Pick<Assignment, 'teacher_id' | 'from_school' | 'to_school'>): Assignment {
  return {
    subject: 'math', backbone: 'none', start_date: '2019-09-01', end_date: '2020-08-31', distance_km: null,
    pinned: false, reasons: [], ...p,
  };
}

export function plan(p: Partial<Plan> = {}): Plan {
  return {
    plan_year: 2019, period: { start: '2019-09-01', end: '2020-08-31' }, assignments: [], senders: [], gaps: [],
    receivers: [], allowances: [], shortfalls: [],
    stats: { teachers: 0, eligible: 0, sent: 0, gaps_needed: 0, gaps_filled: 0, solve_ms: 0, optimal: true },
    ...p,
  };
}

/**
 * Hand-built scenarios and plans for the checker's tests: every value a test
 * does not name takes a plain default, so each test shows only what matters.
 */
import type { Assignment, GapReport, Plan, ReceiverReport, SenderReport, Shortfall } from '../../src/domain/plan.js';
import { policySchema } from '../../src/domain/policy.js';
import type { Scenario } from '../../src/domain/scenario.js';
import type { Lock, Need, Rotation, School, Teacher } from '../../src/domain/tables.js';
import { checkPlan, type Violation } from '../../src/check/check.js';

/** An urban school of 瓯海 unless `over` says otherwise. */
export function school(school_id: string, name: string, over: Partial<School> = {}): School {
  return {
    school_id, name, county: '瓯海', stage: 'primary', area: 'urban', tier: 0, quality: false, weak: false,
    students: 0, classes: 0, lat: null, lon: null, group: '', ...over,
  };
}

/** A rural receiving school of 瓯海. */
export function ruralSchool(school_id: string, name: string, over: Partial<School> = {}): School {
  return school(school_id, name, { area: 'rural', tier: 1, ...over });
}

/** A chinese teacher, born 1980, at the school since 2010 (eligible in 2019 at a sender). */
export function teacher(teacher_id: string, school_id: string, over: Partial<Teacher> = {}): Teacher {
  return {
    teacher_id, name: '', gender: 'F', birth_date: '1980-01-01', school_id, subject: 'chinese', qualified_subjects: [],
    title: 'none', backbone: 'none', school_start_date: '2010-09-01', hire_date: null, rural_months: 0,
    title_target_year: null, education: null, exempt: '', preferences: [], ...over,
  };
}

export function need(school_id: string, subject: string, teachers: number): Need {
  return { school_id, subject, teachers, priority: 3 };
}

export function rotation(teacher_id: string, from_school: string, to_school: string, start_date: string, end_date: string): Rotation {
  return { teacher_id, from_school, to_school, start_date, end_date };
}

export function lock(teacher_id: string, action: Lock['action'], school_id: string | null = null): Lock {
  return { teacher_id, action, school_id, reason: '' };
}

export interface ScenarioParts {
  schools: School[];
  teachers: Teacher[];
  needs?: Need[];
  history?: Rotation[];
  locks?: Lock[];
  /** Raw policy.json content; defaults fill the rest. */
  policy?: Record<string, unknown>;
}

export function scenario(parts: ScenarioParts): Scenario {
  return {
    name: 'test', policy: policySchema.parse(parts.policy ?? {}), schools: parts.schools, teachers: parts.teachers,
    needs: parts.needs ?? [], history: parts.history ?? [], locks: parts.locks ?? [],
  };
}

/** A 2019 assignment (term 2019-09-01 … 2020-08-31), no coordinates, not pinned. */
export function assignment(teacher_id: string, from_school: string, to_school: string, subject: string, over: Partial<Assignment> = {}): Assignment {
  return {
    teacher_id, from_school, to_school, subject, backbone: 'none', start_date: '2019-09-01', end_date: '2020-08-31',
    distance_km: null, pinned: false, reasons: [], ...over,
  };
}

export function senderRow(school_id: string, eligible: number, required: number, sent: number, backbone_sent: number, backbone_required: number): SenderReport {
  return { school_id, eligible, required, sent, backbone_sent, backbone_required, met: sent >= required && backbone_sent >= backbone_required, why: null };
}

export function gapRow(school_id: string, subject: string, needed: number, filled: number): GapReport {
  return { school_id, subject, needed, filled, unfilled: needed - filled };
}

export function receiverRow(school_id: string, county_backbone_before: number, county_backbone_after: number): ReceiverReport {
  return { school_id, county_backbone_before, county_backbone_after };
}

export function shortfall(rule: Shortfall['rule'], school_id: string): Shortfall {
  return { rule, school_id, detail: 'test' };
}

export interface PlanParts {
  plan_year?: number;
  assignments?: Assignment[];
  senders?: SenderReport[];
  gaps?: GapReport[];
  receivers?: ReceiverReport[];
  shortfalls?: Shortfall[];
  allowances?: Plan['allowances'];
  /** teachers, eligible, sent, gaps_needed, gaps_filled */
  stats?: [number, number, number, number, number];
}

/** A 2019 plan; lists default to empty, stats to zeros. */
export function plan(parts: PlanParts = {}): Plan {
  const [teachers, eligible, sent, gaps_needed, gaps_filled] = parts.stats ?? [0, 0, 0, 0, 0];
  const year = parts.plan_year ?? 2019;
  return {
    plan_year: year, period: { start: `${year}-09-01`, end: `${year + 1}-08-31` },
    assignments: parts.assignments ?? [], senders: parts.senders ?? [], gaps: parts.gaps ?? [], receivers: parts.receivers ?? [],
    allowances: parts.allowances ?? [], shortfalls: parts.shortfalls ?? [],
    stats: { teachers, eligible, sent, gaps_needed, gaps_filled, solve_ms: 0, optimal: true },
  };
}

/** The violations of every rule except `totals` (the reported numbers have tests of their own). */
export function broken(s: Scenario, p: Plan): Violation[] {
  return checkPlan(s, p).filter((v) => v.rule !== 'totals');
}

/** The distinct rule ids of `violations`, sorted. */
export function rulesOf(violations: readonly Violation[]): string[] {
  return [...new Set(violations.map((v) => v.rule))].sort();
}

/**
 * 瓯海实验小学 (OH-P001, urban) with ten eligible teachers — 张伟 (T01, math,
 * county backbone), 王芳 (T02, math), eight chinese teachers T03…T10 — and
 * 泽雅镇中心小学 (OH-R001, rural) lacking one math teacher, with one resident
 * chinese teacher. R1: 1 required, cap 2.
 */
export function ouhai(over: Partial<ScenarioParts> = {}): ScenarioParts {
  const chinese = ['T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10'].map((id) => teacher(id, 'OH-P001'));
  return {
    schools: [school('OH-P001', '瓯海实验小学'), ruralSchool('OH-R001', '泽雅镇中心小学')],
    teachers: [
      teacher('T01', 'OH-P001', { name: '张伟', subject: 'math', backbone: 'county' }),
      teacher('T02', 'OH-P001', { name: '王芳', subject: 'math' }),
      ...chinese,
      teacher('R01', 'OH-R001', { name: '朱红' }),
    ],
    needs: [need('OH-R001', 'math', 1)],
    ...over,
  };
}

/** The valid plan for `ouhai()`: 张伟 fills the math gap and brings a county backbone teacher. */
export function ouhaiPlan(over: PlanParts = {}): Plan {
  return plan({
    assignments: [assignment('T01', 'OH-P001', 'OH-R001', 'math', { backbone: 'county', kind: 'gap' })],
    senders: [senderRow('OH-P001', 10, 1, 1, 1, 1)],
    gaps: [gapRow('OH-R001', 'math', 1, 1)],
    receivers: [receiverRow('OH-R001', 0, 1)],
    stats: [11, 10, 1, 1, 1],
    ...over,
  });
}

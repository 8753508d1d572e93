/**
 * The county's balance (差异系数): the student-weighted coefficient of variation
 * across its schools of per-100-student teacher indicators, as the national
 * review of balanced compulsory education computes it (县域义务教育优质均衡发展督导评估,
 * limits primary ≤ 0.50, junior ≤ 0.45) and the Wenzhou plan targets (< 0.30, 三).
 * Before and after the plan; pure.
 */
import { backboneAtLeast, type Education } from '../domain/codes.js';
import { gradeStage, STAGE_GRADES } from '../domain/grades.js';
import type { BalanceRow, Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import type { School, Teacher } from '../domain/tables.js';
import { groupBy, isRunning } from './eligibility.js';
import { classesByGrade } from './norms.js';

export type BalanceStage = BalanceRow['stage'];
export type BalanceIndicator = BalanceRow['indicator'];
const BALANCE_INDICATORS: readonly BalanceIndicator[] = ['education', 'backbone', 'pe_music_art'];

/** One school (or one stage part of it): its students and how many teachers meet the indicator. */
export interface BalanceUnit {
  readonly students: number;
  readonly count: number;
}

/**
 * CV = S / X̄ with X̄ = Σ count ÷ Σ students and S² = Σ (nᵢ/N)(xᵢ − X̄)²,
 * xᵢ = countᵢ ÷ nᵢ. Per 100 students or per student gives the same CV.
 * Units without students are left out; null when there are no students or
 * the county total is 0 (the ratio is undefined).
 *
 * @example coefficientOfVariation([{ students: 100, count: 1 }, { students: 100, count: 3 }]) // 0.5
 */
export function coefficientOfVariation(units: readonly BalanceUnit[]): number | null {
  const present = units.filter((u) => u.students > 0);
  const n = present.reduce((a, u) => a + u.students, 0);
  const total = present.reduce((a, u) => a + u.count, 0);
  if (n <= 0 || total <= 0) return null;
  const mean = total / n;
  const variance = present.reduce((a, u) => a + (u.students / n) * (u.count / u.students - mean) ** 2, 0);
  return Math.sqrt(variance) / mean;
}

/** A school's part in one stage: its students there, and the share of its teachers counted there. */
export interface StagePart {
  readonly stage: BalanceStage;
  readonly students: number;
  readonly teacherShare: number;
}

/**
 * The stage parts of a school. Nine- and twelve-year schools count in both
 * stages: students split by their classes in grades 1–6 and 7–9 (classes
 * spread evenly when `classes_by_grade` is not given, so 6 : 3), teachers in
 * proportion to students with a junior pupil weighing `juniorWeight` (1.1) —
 * so the junior part's teachers per pupil are 1.1 times the primary part's.
 */
export function stageParts(school: Pick<School, 'stage' | 'students' | 'classes' | 'classes_by_grade'>, juniorWeight: number): StagePart[] {
  if (school.stage === 'primary') return [{ stage: 'primary', students: school.students, teacherShare: 1 }];
  if (school.stage === 'junior') return [{ stage: 'junior', students: school.students, teacherShare: 1 }];
  const grades = STAGE_GRADES[school.stage];
  const perGrade = classesByGrade(school);
  const classesIn = (stage: BalanceStage) => grades.reduce((n, g, i) => n + (gradeStage(g) === stage ? perGrade[i] ?? 0 : 0), 0);
  const all = classesIn('primary') + classesIn('junior');
  const primaryShare = all > 0 ? classesIn('primary') / all : grades.filter((g) => gradeStage(g) === 'primary').length / grades.length;
  const primary = school.students * primaryShare;
  const junior = school.students - primary;
  const weighted = primary + juniorWeight * junior;
  return [
    { stage: 'primary', students: primary, teacherShare: weighted > 0 ? primary / weighted : 0 },
    { stage: 'junior', students: junior, teacherShare: weighted > 0 ? (juniorWeight * junior) / weighted : 0 },
  ];
}

/** 高于规定学历: primary teachers from 大专 (college), junior teachers from 本科 (bachelor). */
const ABOVE_REQUIRED: Readonly<Record<BalanceStage, readonly Education[]>> = {
  primary: ['college', 'bachelor', 'master', 'doctor'],
  junior: ['bachelor', 'master', 'doctor'],
};
const ARTS_PE = new Set(['pe', 'music', 'art']);

/** Whether a teacher counts for an indicator in a stage. */
export function meetsIndicator(t: Teacher, indicator: BalanceIndicator, stage: BalanceStage): boolean {
  switch (indicator) {
    case 'education': return t.education !== null && ABOVE_REQUIRED[stage].includes(t.education);
    case 'backbone': return backboneAtLeast(t.backbone, 'county');
    case 'pe_music_art': return ARTS_PE.has(t.subject);
  }
}

/** plan.json `balance` row (an extension of docs/format.md). */
/** One row of plan.json `balance` (its schema: domain/plan.ts). */
export type { BalanceRow };

const round = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * Where each teacher teaches: home school, or the receiver of a rotation still
 * running at the term's start (both before and after), or the plan's receiver (after).
 */
function placements(scenario: Scenario, plan: Plan): { before: Map<string, string>; after: Map<string, string> } {
  const term = { year: plan.plan_year, start: plan.period.start, end: plan.period.end };
  const before = new Map(scenario.teachers.map((t) => [t.teacher_id, t.school_id]));
  for (const r of scenario.history) if (isRunning(r, term) && before.has(r.teacher_id)) before.set(r.teacher_id, r.to_school);
  const after = new Map(before);
  for (const a of plan.assignments) if (after.has(a.teacher_id)) after.set(a.teacher_id, a.to_school);
  return { before, after };
}

/**
 * Per county, stage and indicator: the CV before and after the plan against
 * the policy's limits and target (policy.balance). Counties in schools-table
 * order; a stage appears only where the county has students in it.
 */
export function countyBalance(scenario: Scenario, plan: Plan): BalanceRow[] {
  const { limits, target, junior_weight } = scenario.policy.balance;
  const teacherById = new Map(scenario.teachers.map((t) => [t.teacher_id, t]));
  const { before, after } = placements(scenario, plan);
  const atSchool = (where: Map<string, string>) => groupBy([...where].map(([id, school]) => ({ t: teacherById.get(id)!, school })), (x) => x.school);
  const staffBefore = atSchool(before);
  const staffAfter = atSchool(after);
  const rows: BalanceRow[] = [];
  for (const [county, schools] of groupBy(scenario.schools, (s) => s.county)) {
    const parts = schools.flatMap((s) => stageParts(s, junior_weight).map((p) => ({ school: s, ...p }))).filter((p) => p.students > 0);
    for (const stage of ['primary', 'junior'] as const) {
      const mine = parts.filter((p) => p.stage === stage);
      if (mine.length === 0) continue;
      const students = mine.reduce((n, p) => n + p.students, 0);
      for (const indicator of BALANCE_INDICATORS) {
        const units = (staff: Map<string, { t: Teacher }[]>) => mine.map((p): BalanceUnit => ({
          students: p.students,
          count: p.teacherShare * (staff.get(p.school.school_id) ?? []).filter((x) => meetsIndicator(x.t, indicator, stage)).length,
        }));
        const [ub, ua] = [units(staffBefore), units(staffAfter)];
        const per100 = (us: BalanceUnit[]) => round((100 * us.reduce((n, u) => n + u.count, 0)) / students, 2);
        const cvAfter = round(coefficientOfVariation(ua), 4);
        rows.push({
          county, stage, indicator, schools: mine.length, students: Math.round(students),
          per_100_before: per100(ub), per_100_after: per100(ua),
          before: round(coefficientOfVariation(ub), 4), after: cvAfter,
          limit: limits[stage], target,
          within: cvAfter === null ? null : cvAfter <= limits[stage],
          meets_target: cvAfter === null ? null : cvAfter <= target,
        });
      }
    }
  }
  return rows;
}

/**
 * What the review page shows, read off a plan and its scenario: the result
 * per county, a school, a teacher. Nothing here decides a rule: R1/R2/R4/R5
 * come from the plan's own shortfalls and counts, eligibility and points from
 * src/policy (the functions `rotation validate` prints).
 */
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { isReceiver, isSender } from '../domain/scenario.js';
import { eligibilityAll } from '../policy/eligibility.js';
import { pointsTable } from '../policy/points.js';
import { termOf } from '../policy/term.js';

const RULES = ['R1', 'R2', 'R4', 'R5'] as const;

export interface CountyResult {
  readonly county: string;
  readonly senders: number;
  readonly receivers: number;
  readonly sent: number;
  readonly gaps_needed: number;
  readonly gaps_filled: number;
  readonly allowance_total: number;
  readonly status: string;
  readonly optimal: boolean;
  /** Per rule: met, or the shortfalls in words. */
  readonly rules: Record<(typeof RULES)[number], { readonly met: boolean; readonly shortfalls: readonly { school_id: string; detail: string }[] }>;
}

/** The result page: per county, R1/R2/R4/R5 met or short (with the plan's reason), totals, optimal. */
export function countyResults(scenario: Scenario, plan: Plan): CountyResult[] {
  const countyOf = new Map(scenario.schools.map((s) => [s.school_id, s.county]));
  const counties = [...new Set(scenario.schools.map((s) => s.county))].sort();
  const stats = plan.stats.counties ?? [];
  const totals = plan.allowance_totals?.schools ?? [];
  return counties.map((county) => {
    const inCounty = (school: string) => countyOf.get(school) === county;
    const gaps = plan.gaps.filter((g) => inCounty(g.school_id));
    const status = stats.find((s) => s.county === county)?.status ?? (plan.stats.optimal ? 'optimal' : 'unknown');
    const rules = Object.fromEntries(RULES.map((r) => {
      const list = plan.shortfalls.filter((f) => f.rule === r && inCounty(f.school_id)).map((f) => ({ school_id: f.school_id, detail: f.detail }));
      return [r, { met: list.length === 0, shortfalls: list }];
    })) as unknown as CountyResult['rules'];
    return {
      county,
      senders: scenario.schools.filter((s) => s.county === county && isSender(s)).length,
      receivers: scenario.schools.filter((s) => s.county === county && isReceiver(s)).length,
      sent: plan.assignments.filter((a) => inCounty(a.from_school)).length,
      gaps_needed: gaps.reduce((s, g) => s + g.needed, 0),
      gaps_filled: gaps.reduce((s, g) => s + g.filled, 0),
      allowance_total: totals.filter((t) => t.county === county).reduce((s, t) => s + t.total, 0),
      status,
      optimal: status === 'optimal',
      rules,
    };
  });
}

/** The school page: who leaves, who arrives, its gaps, its R1/R2 and R5 rows, its allowance total. */
export function schoolView(scenario: Scenario, plan: Plan, schoolId: string) {
  const school = scenario.schools.find((s) => s.school_id === schoolId);
  if (school === undefined) return undefined;
  const names = new Map(scenario.teachers.map((t) => [t.teacher_id, t.name]));
  const withName = <T extends { teacher_id: string }>(a: T) => ({ ...a, name: names.get(a.teacher_id) ?? '' });
  const totals = plan.allowance_totals?.schools ?? [];
  return {
    school,
    sender: isSender(school),
    receiver: isReceiver(school),
    teachers: scenario.teachers.filter((t) => t.school_id === schoolId).length,
    leaves: plan.assignments.filter((a) => a.from_school === schoolId).map(withName),
    arrives: plan.assignments.filter((a) => a.to_school === schoolId).map(withName),
    quota: plan.senders.find((s) => s.school_id === schoolId) ?? null,
    gaps: plan.gaps.filter((g) => g.school_id === schoolId),
    backbone: plan.receivers.find((r) => r.school_id === schoolId) ?? null,
    allowance: totals.find((t) => t.school_id === schoolId) ?? null,
    shortfalls: plan.shortfalls.filter((f) => f.school_id === schoolId),
    /** 银龄讲学 volunteers placed at the school (plan.json `volunteers`; empty without volunteers.csv). */
    volunteers: (plan.volunteers ?? []).filter((v) => v.to_school === schoolId),
    /** 走教 covers at or from the school (plan.json `itinerant.covers`; empty when 走教 is off). */
    itinerant: itinerantCovers(plan).filter((c) => c.school_id === schoolId || c.home_school === schoolId),
  };
}

/** plan.json `itinerant.covers` (走教), read loosely: the field is an extension a plan may not carry. */
function itinerantCovers(plan: Plan): { teacher_id: string; school_id: string; home_school: string; [k: string]: unknown }[] {
  const covers = (plan as { itinerant?: { covers?: unknown } }).itinerant?.covers;
  return Array.isArray(covers) ? covers as ReturnType<typeof itinerantCovers> : [];
}

/** The teacher page: eligibility verdict and reasons, points and rank, the move and its reasons — or why not chosen. */
export function teacherView(scenario: Scenario, plan: Plan, teacherId: string) {
  const teacher = scenario.teachers.find((t) => t.teacher_id === teacherId);
  if (teacher === undefined) return undefined;
  const term = termOf(plan.plan_year, scenario.policy);
  const eligibility = eligibilityAll(scenario, term);
  const mine = eligibility.find((e) => e.teacher_id === teacherId) ?? null;
  const points = pointsTable(scenario, term, eligibility).find((p) => p.teacher_id === teacherId) ?? null;
  const assignment = plan.assignments.find((a) => a.teacher_id === teacherId) ?? null;
  const school = scenario.schools.find((s) => s.school_id === teacher.school_id);
  const quota = plan.senders.find((s) => s.school_id === teacher.school_id);
  const locks = scenario.locks.filter((l) => l.teacher_id === teacherId);
  const objections = (scenario.objections ?? []).filter((o) => o.teacher_id === teacherId);
  let whyNot: string | null = null;
  if (assignment === null) {
    if (school === undefined || !isSender(school)) whyNot = '所在学校不是派出学校 / the teacher\'s school does not send teachers';
    else if (mine !== null && !mine.eligible) whyNot = `不符合交流条件：${mine.texts.map((x) => x.zh).join('；')} / not eligible: ${mine.texts.map((x) => x.en).join('; ')}`;
    else if (quota !== undefined) {
      whyNot = `符合条件但未入选：本校派出 ${quota.sent} 人 (要求 ≥ ${quota.required})${points?.rank != null ? `，本人积分排名第 ${points.rank}` : ''}；`
        + `同类教师中优先者先出，且所派教师须填补接收学校的学科缺编 / eligible but not chosen: the school sends ${quota.sent} (≥ ${quota.required} required)`
        + `${points?.rank != null ? `, this teacher ranks ${points.rank} by points` : ''}; among interchangeable teachers the higher points go first and each move must fill a receiver's post`;
    }
  }
  return { teacher, school: school ?? null, eligibility: mine, points, assignment, why_not: whyNot, locks, objections };
}

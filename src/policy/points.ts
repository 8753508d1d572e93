/**
 * The published priority points (积分): among teachers the model treats as
 * interchangeable, who goes first. One pure function gives every part and
 * the total, so the engine's order and `rotation validate --points` agree.
 *
 * total = Σ policy.points[part] × part, rounded to 6 decimals.
 * Order: higher total first; ties go to the earlier birth date (the older
 * teacher), then the smaller teacher id in character-code order — never the
 * input order.
 */
import { parseISO } from 'date-fns/parseISO';
import { BACKBONE_LEVELS } from '../domain/codes.js';
import type { Policy } from '../domain/policy.js';
import { POINTS_PART_LABELS, POINTS_PARTS, type PointsPart } from '../domain/points-policy.js';
import { isSender, type Scenario } from '../domain/scenario.js';
import type { Teacher } from '../domain/tables.js';
import { type Eligibility, fullMonths } from './eligibility.js';
import type { Term } from './term.js';

export interface Points {
  readonly teacher_id: string;
  readonly parts: Readonly<Record<PointsPart, number>>;
  readonly total: number;
}

/** True when the teacher applies for a title within the horizon and still lacks the rural months (四(二)1 二). */
export function needsTitleService(t: Teacher, term: Term, policy: Policy): boolean {
  const a = policy.assignment;
  return t.title_target_year !== null && t.title_target_year >= term.year
    && t.title_target_year - term.year <= a.title_horizon_years && t.rural_months < a.title_rural_months;
}

/**
 * A teacher's priority points for the term.
 *
 * @example pointsOf(teacher, eligibility, termOf(2019, policy), policy).total // 120 (ten years at school, default weights)
 */
export function pointsOf(t: Teacher, e: Eligibility, term: Term, policy: Policy): Points {
  const parts: Record<PointsPart, number> = {
    months_at_school: e.months_at_school,
    service_months: t.hire_date === null ? 0 : Math.max(0, fullMonths(parseISO(term.start), parseISO(t.hire_date))),
    age_years: e.age,
    backbone: Math.max(0, BACKBONE_LEVELS.codes.indexOf(t.backbone)),
    title_need: needsTitleService(t, term, policy) ? 1 : 0,
    rural_months: t.rural_months,
  };
  const sum = POINTS_PARTS.reduce((n, k) => n + policy.points[k] * parts[k], 0);
  return { teacher_id: t.teacher_id, parts, total: Math.round(sum * 1e6) / 1e6 + 0 };
}

/** Character-code order, the same on every machine and locale. */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The published order: more points first, then the earlier birth date, then the smaller teacher id. */
export function comparePriority(a: { teacher: Teacher; points: Points }, b: { teacher: Teacher; points: Points }): number {
  return b.points.total - a.points.total || byCode(a.teacher.birth_date, b.teacher.birth_date) || byCode(a.teacher.teacher_id, b.teacher.teacher_id);
}

/** One row of `rotation validate --points`. */
export interface PointsRow extends Points {
  readonly name: string;
  readonly school_id: string;
  readonly eligible: boolean;
  /** Place in the published order among the school's eligible teachers (1 = first to go); null when not eligible. */
  readonly rank: number | null;
}

/**
 * Every teacher of a sending school with their points, ranked within the
 * school: by school id, then rank, then the ineligible by teacher id.
 */
export function pointsTable(scenario: Scenario, term: Term, eligibility: readonly Eligibility[]): PointsRow[] {
  const elig = new Map(eligibility.map((e) => [e.teacher_id, e]));
  const senders = new Set(scenario.schools.filter(isSender).map((s) => s.school_id));
  const rows = scenario.teachers.filter((t) => senders.has(t.school_id) && elig.has(t.teacher_id))
    .map((t) => ({ teacher: t, points: pointsOf(t, elig.get(t.teacher_id)!, term, scenario.policy), eligible: elig.get(t.teacher_id)!.eligible }));
  const out: PointsRow[] = [];
  for (const school of [...senders].sort(byCode)) {
    const mine = rows.filter((r) => r.teacher.school_id === school);
    const ranked = mine.filter((r) => r.eligible).sort(comparePriority);
    const rest = mine.filter((r) => !r.eligible).sort((a, b) => byCode(a.teacher.teacher_id, b.teacher.teacher_id));
    [...ranked, ...rest].forEach((r, i) => out.push({
      ...r.points, name: r.teacher.name, school_id: school, eligible: r.eligible, rank: r.eligible ? i + 1 : null,
    }));
  }
  return out;
}

/** "积分 = 1 × 本校月数" — the parts with a non-zero weight. */
export function pointsFormula(policy: Policy, lang: 'zh' | 'en'): string {
  const terms = POINTS_PARTS.filter((k) => policy.points[k] !== 0)
    .map((k, i) => `${policy.points[k] < 0 ? (i === 0 ? '-' : '- ') : (i === 0 ? '' : '+ ')}${Math.abs(policy.points[k])} × ${POINTS_PART_LABELS[k][lang]}`);
  const head = lang === 'zh' ? '积分' : 'points';
  const ties = lang === 'zh'
    ? '同分时出生日期早者优先，再按教师编号（字符顺序）'
    : 'ties: earlier birth date first, then the smaller teacher id (character order)';
  return `${head} = ${terms.length > 0 ? terms.join(' ') : '0'}; ${ties}`;
}

/**
 * A teacher's points worked out, for the reasons of an assignment:
 * "1 × 228 + 2 × 49 = 326" (parts with a non-zero weight).
 */
export function pointsWorking(points: Points, policy: Policy): string {
  const terms = POINTS_PARTS.filter((k) => policy.points[k] !== 0).map((k) => `${policy.points[k]} × ${points.parts[k]}`);
  return `${terms.length > 0 ? terms.join(' + ') : '0'} = ${points.total}`;
}

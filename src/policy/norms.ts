/**
 * Needed posts from staffing norms (开齐开足国家规定课程, 四(二)1 四; small schools
 * 班师比与生师比相结合, 四(二)2 二): for a receiver whose gap HR has not written
 * down, the posts its classes need by the curriculum, less the qualified
 * teachers it already has. Pure; the derivation is returned row by row so
 * HR can see and correct it.
 */
import { InputError } from '../domain/errors.js';
import type { NeedsMode } from '../domain/norms-policy.js';
import { gradeStage, STAGE_GRADES } from '../domain/grades.js';
import type { Policy } from '../domain/policy.js';
import { isReceiver, type Scenario } from '../domain/scenario.js';
import { type Need, type School, subjectList, type Teacher } from '../domain/tables.js';
import { groupBy, isRunning } from './eligibility.js';
import type { Term } from './term.js';

export { NEEDS_MODES, type NeedsMode } from '../domain/norms-policy.js';

/** One subject of one school. */
export interface NormRow {
  readonly subject: string;
  /** Weekly periods of all the school's classes. */
  readonly periods: number;
  /** Full-time posts the periods fill: Σ periods ÷ the load of each grade's stage (2 decimals). */
  readonly posts_exact: number;
  /** Posts required: ceil(posts_exact), plus any posts the small-school floor adds. */
  readonly required: number;
  /** Resident teachers (not away) with this main subject. */
  readonly residents: number;
  /** Teachers on a running rotation here with this main subject. */
  readonly running: number;
  /** Residents of another subject counted here: qualified in it, and their own subject is covered without them. */
  readonly covering: number;
  readonly on_hand: number;
  /** max(0, required − on_hand). */
  readonly need: number;
}

export interface SchoolNorms {
  readonly school_id: string;
  readonly county: string;
  readonly stage: School['stage'];
  /** Classes per grade of the stage (from `classes_by_grade`, else `classes` spread evenly; may be fractional). */
  readonly classes_by_grade: readonly number[];
  readonly small: boolean;
  /** Small schools: the least number of teachers by 班师比, ceil(classes × ratio); null otherwise. */
  readonly floor: number | null;
  readonly rows: readonly NormRow[];
  readonly required: number;
  readonly need: number;
}

const EPS = 1e-9;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Classes in each grade of the school's stage. */
export function classesByGrade(school: Pick<School, 'stage' | 'classes' | 'classes_by_grade'>): number[] {
  const grades = STAGE_GRADES[school.stage];
  return school.classes_by_grade !== undefined ? [...school.classes_by_grade] : grades.map(() => school.classes / grades.length);
}

/** Weekly periods of `subject` in the school and the full-time posts they fill. */
function subjectPeriods(school: School, perGrade: readonly number[], table: readonly number[], policy: Policy) {
  let periods = 0;
  let posts = 0;
  STAGE_GRADES[school.stage].forEach((grade, i) => {
    const p = (perGrade[i] ?? 0) * (table[grade - 1] ?? 0);
    periods += p;
    posts += p / policy.norms.load[gradeStage(grade)];
  });
  return { periods, posts };
}

/** 班师比 floor of a small school: ceil(Σ classes of each grade × the ratio of its stage). */
function classFloor(school: School, perGrade: readonly number[], policy: Policy): number {
  const total = STAGE_GRADES[school.stage].reduce((n, grade, i) => n + (perGrade[i] ?? 0) * policy.norms.class_teacher_ratio[gradeStage(grade)], 0);
  return Math.ceil(total - EPS);
}

const byId = (a: Teacher, b: Teacher) => (a.teacher_id < b.teacher_id ? -1 : a.teacher_id > b.teacher_id ? 1 : 0);

/**
 * The derivation for one school. `residents` are its teachers not away on a
 * running rotation; `visiting` the teachers on a running rotation here.
 *
 * @example normsOfSchool(school, residents, [], policy).rows.find((r) => r.subject === 'chinese')
 *   // 6 classes: 44 periods, 2.75 posts → 3 required
 */
export function normsOfSchool(school: School, residents: readonly Teacher[], visiting: readonly Teacher[], policy: Policy): SchoolNorms {
  const perGrade = classesByGrade(school);
  const subjects = Object.entries(policy.norms.curriculum)
    .map(([subject, table]) => ({ subject, ...subjectPeriods(school, perGrade, table, policy) }))
    .filter((s) => s.periods > EPS);
  const required = new Map(subjects.map((s) => [s.subject, Math.ceil(s.posts - EPS)]));
  const small = school.students <= policy.norms.small_school_max_students;
  const floor = small ? classFloor(school, perGrade, policy) : null;
  // The floor's extra posts go one by one to the subject with the most periods per required post.
  for (let missing = (floor ?? 0) - sum([...required.values()]); missing > 0 && subjects.length > 0; missing--) {
    const busiest = subjects.reduce((a, b) => (b.posts / required.get(b.subject)! > a.posts / required.get(a.subject)! + EPS ? b : a));
    required.set(busiest.subject, required.get(busiest.subject)! + 1);
  }
  const count = (list: readonly Teacher[], subject: string) => list.filter((t) => t.subject === subject).length;
  const main = (subject: string) => count(residents, subject) + count(visiting, subject);
  const covering = coverBySurplus(residents, required, main);
  const rows = subjects.map((s): NormRow => {
    const on_hand = main(s.subject) + (covering.get(s.subject) ?? 0);
    const req = required.get(s.subject)!;
    return {
      subject: s.subject, periods: round2(s.periods), posts_exact: round2(s.posts), required: req,
      residents: count(residents, s.subject), running: count(visiting, s.subject), covering: covering.get(s.subject) ?? 0,
      on_hand, need: Math.max(0, req - on_hand),
    };
  });
  return {
    school_id: school.school_id, county: school.county, stage: school.stage, classes_by_grade: perGrade.map(round2), small, floor, rows,
    required: sum(rows.map((r) => r.required)), need: sum(rows.map((r) => r.need)),
  };
}

/**
 * A resident counts for one of their other qualified subjects only when their
 * own subject keeps its required posts without them. Greedy and
 * deterministic: surplus teachers in id order (those with other
 * qualifications first), each to the first of their qualified subjects that
 * still lacks a teacher.
 */
function coverBySurplus(residents: readonly Teacher[], required: ReadonlyMap<string, number>, main: (s: string) => number): Map<string, number> {
  const covered = new Map<string, number>();
  const lacking = (s: string) => (required.get(s) ?? 0) - main(s) - (covered.get(s) ?? 0);
  for (const [subject, staff] of groupBy([...residents].sort(byId), (t) => t.subject)) {
    const spare = Math.min(staff.length, main(subject) - (required.get(subject) ?? 0));
    const helpers = [...staff.filter((t) => t.qualified_subjects.length > 0), ...staff.filter((t) => t.qualified_subjects.length === 0)].slice(0, Math.max(0, spare));
    for (const t of helpers) {
      const to = t.qualified_subjects.find((q) => q !== subject && lacking(q) > 0);
      if (to !== undefined) covered.set(to, (covered.get(to) ?? 0) + 1);
    }
  }
  return covered;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The derivation for every receiver of the scenario, in schools-table order. */
export function normsOfReceivers(scenario: Scenario, term: Term): SchoolNorms[] {
  const teacherById = new Map(scenario.teachers.map((t) => [t.teacher_id, t]));
  const running = scenario.history.filter((r) => isRunning(r, term));
  const away = new Set(running.map((r) => r.teacher_id));
  const staff = groupBy(scenario.teachers.filter((t) => !away.has(t.teacher_id)), (t) => t.school_id);
  const visiting = groupBy(running.flatMap((r) => {
    const t = teacherById.get(r.teacher_id);
    return t === undefined ? [] : [{ at: r.to_school, t }];
  }), (v) => v.at);
  return scenario.schools.filter(isReceiver).map((s) => normsOfSchool(s, staff.get(s.school_id) ?? [], (visiting.get(s.school_id) ?? []).map((v) => v.t), scenario.policy));
}

/**
 * needs.csv rows for a derivation. needs.csv is gross (docs/format.md: a running
 * rotation fills a post of its main subject), so a row carries the net need
 * plus the running rotations of that subject. Priority 2 where the school has
 * no teacher of the subject at all (开齐), else 3 (开足).
 */
export function needRowsOf(norms: SchoolNorms): Need[] {
  return norms.rows.filter((r) => r.need > 0)
    .map((r) => ({ school_id: norms.school_id, subject: r.subject, teachers: r.need + r.running, priority: r.on_hand === 0 ? 2 : 3 }));
}

export interface NeedsApplied {
  /** The scenario with its needs as the plan uses them. */
  readonly scenario: Scenario;
  readonly mode: NeedsMode;
  /** Receivers whose needs came from the norms, in schools-table order. */
  readonly fromNorms: readonly string[];
  /** The derivation for every receiver (also those whose needs came from needs.csv). */
  readonly norms: readonly SchoolNorms[];
}

/** Curriculum subjects must be subject codes the scenario knows, or the norms would invent posts nobody can fill. */
function checkCurriculum(policy: Policy): void {
  const known = new Set(subjectList(policy.subjects).codes);
  const unknown = Object.keys(policy.norms.curriculum).filter((s) => !known.has(s));
  if (unknown.length > 0) {
    throw new InputError(unknown.map((s) => ({
      file: 'policy.json', column: `norms.curriculum.${s}`,
      message: `"${s}" 不是学科代码；请在 subjects 中添加 / is not a subject code: add it under "subjects" first`,
    })));
  }
}

/**
 * The scenario's needs as the plan uses them: `file` as read; `auto` adds the
 * norm-derived needs of every receiver without a needs.csv row; `norms`
 * replaces all needs by the norm-derived ones.
 */
export function applyNeedsMode(scenario: Scenario, term: Term, mode: NeedsMode): NeedsApplied {
  checkCurriculum(scenario.policy);
  const norms = normsOfReceivers(scenario, term);
  if (mode === 'file') return { scenario: { ...scenario, needsOrigin: { mode, fromNorms: [] } }, mode, fromNorms: [], norms };
  const written = new Set(scenario.needs.map((n) => n.school_id));
  const derived = mode === 'norms' ? norms : norms.filter((n) => !written.has(n.school_id));
  const needs = [...(mode === 'norms' ? [] : scenario.needs), ...derived.flatMap(needRowsOf)];
  // The derived rows have no line in needs.csv: drop the line numbers rather than let them point at other rows.
  const source = scenario.source && mode === 'norms'
    ? { ...scenario.source, lines: { ...scenario.source.lines, needs: [] } }
    : scenario.source;
  const fromNorms = derived.map((n) => n.school_id);
  return { scenario: { ...scenario, needs, needsOrigin: { mode, fromNorms }, ...(source ? { source } : {}) }, mode, fromNorms, norms };
}

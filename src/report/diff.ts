/**
 * Two plans → what changed between them: who was added, removed or moved,
 * and how the R1/R2 (senders), R4 (gaps) and R5 (receivers) figures moved,
 * per school and in total. Pure and symmetric: `planDiff(b, a)` is
 * `planDiff(a, b)` with added ↔ removed and before ↔ after swapped.
 *
 * Used by `rotation diff`, by the review round (replan: provisional → final)
 * and by the workbook's 变动 sheet (src/io/export/diff-sheet.ts).
 */
import type { Assignment, Plan } from '../domain/plan.js';

/** Where a teacher is posted in one plan. */
export interface Post {
  readonly from_school: string;
  readonly to_school: string;
  /** Subject taught at the receiver. */
  readonly subject: string;
}

/**
 * One teacher whose post differs: `added` (only in the second plan),
 * `removed` (only in the first), `moved` (in both, another receiver, subject
 * or home school).
 */
export interface TeacherChange {
  readonly kind: 'added' | 'removed' | 'moved';
  readonly teacher_id: string;
  /** The teacher's name when either plan's assignment carries one (plan.json extension `name`), else null. */
  readonly name: string | null;
  readonly before: Post | null;
  readonly after: Post | null;
}

/** A figure before and after; null where the plan has no row for the school. */
export interface Change<T> {
  readonly before: T | null;
  readonly after: T | null;
}

export interface SenderFigures {
  readonly eligible: number;
  readonly required: number;
  readonly sent: number;
  readonly backbone_sent: number;
}

export interface SenderChange extends Change<SenderFigures> { readonly school_id: string }
export interface GapChange extends Change<{ readonly needed: number; readonly filled: number }> {
  readonly school_id: string;
  readonly subject: string;
}
export interface ReceiverChange extends Change<{ readonly county_backbone_after: number }> { readonly school_id: string }

/** A total of both plans and the difference after − before. */
export interface Total {
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

export interface PlanDiff {
  /** Sorted by teacher id. */
  readonly teachers: readonly TeacherChange[];
  /** Only schools whose figures differ, sorted by school id (and subject). */
  readonly senders: readonly SenderChange[];
  readonly gaps: readonly GapChange[];
  readonly receivers: readonly ReceiverChange[];
  readonly totals: {
    /** Assignments in the plan. */
    readonly assigned: Total;
    /** Σ senders[].sent (R1). */
    readonly sent: Total;
    /** Σ senders[].backbone_sent (R2). */
    readonly backbone_sent: Total;
    /** Σ gaps[].filled and Σ gaps[].needed (R4). */
    readonly gaps_filled: Total;
    readonly gaps_needed: Total;
    /** Receivers with county_backbone_after > 0 (R5). */
    readonly r5_covered: Total;
    readonly shortfalls: Total;
  };
  /** Teachers added + removed + moved: how many people the second plan treats differently. */
  readonly changed: number;
}

/** Code-unit order, the same on every machine and locale. */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const postOf = (a: Assignment): Post => ({ from_school: a.from_school, to_school: a.to_school, subject: a.subject });
const samePost = (a: Post, b: Post) => a.from_school === b.from_school && a.to_school === b.to_school && a.subject === b.subject;
const nameOf = (a: Assignment | undefined): string | null => {
  const name = (a as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? name : null;
};

function teacherChanges(a: Plan, b: Plan): TeacherChange[] {
  const before = new Map(a.assignments.map((x) => [x.teacher_id, x]));
  const after = new Map(b.assignments.map((x) => [x.teacher_id, x]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort(byCode);
  const out: TeacherChange[] = [];
  for (const id of ids) {
    const x = before.get(id);
    const y = after.get(id);
    if (x && y && samePost(postOf(x), postOf(y))) continue;
    out.push({
      kind: x === undefined ? 'added' : y === undefined ? 'removed' : 'moved',
      teacher_id: id, name: nameOf(y) ?? nameOf(x),
      before: x ? postOf(x) : null, after: y ? postOf(y) : null,
    });
  }
  return out;
}

/** Rows of both plans matched by key; only pairs whose projected figures differ. */
function changedRows<R, F>(a: readonly R[], b: readonly R[], key: (r: R) => string, figures: (r: R) => F): { key: string; before: F | null; after: F | null }[] {
  const before = new Map(a.map((r) => [key(r), figures(r)]));
  const after = new Map(b.map((r) => [key(r), figures(r)]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort(byCode);
  const out: { key: string; before: F | null; after: F | null }[] = [];
  for (const k of keys) {
    const x = before.get(k) ?? null;
    const y = after.get(k) ?? null;
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ key: k, before: x, after: y });
  }
  return out;
}

const total = (before: number, after: number): Total => ({ before, after, delta: after - before });
const sum = <R>(rows: readonly R[], f: (r: R) => number) => rows.reduce((n, r) => n + f(r), 0);

/**
 * What changed from plan `a` to plan `b`.
 *
 * @example planDiff(provisional, final).teachers // [{ kind: 'moved', teacher_id: 'T07', before: {…to_school: 'R1'}, after: {…to_school: 'R2'} }]
 */
export function planDiff(a: Plan, b: Plan): PlanDiff {
  const teachers = teacherChanges(a, b);
  const gapKey = (g: { school_id: string; subject: string }) => `${g.school_id}\u0000${g.subject}`;
  const senders = changedRows(a.senders, b.senders, (s) => s.school_id,
    (s): SenderFigures => ({ eligible: s.eligible, required: s.required, sent: s.sent, backbone_sent: s.backbone_sent }))
    .map(({ key, ...c }): SenderChange => ({ school_id: key, ...c }));
  const gapRows = new Map([...a.gaps, ...b.gaps].map((g) => [gapKey(g), g]));
  const gaps = changedRows(a.gaps, b.gaps, gapKey, (g) => ({ needed: g.needed, filled: g.filled }))
    .map(({ key, ...c }): GapChange => ({ school_id: gapRows.get(key)!.school_id, subject: gapRows.get(key)!.subject, ...c }));
  const receivers = changedRows(a.receivers, b.receivers, (r) => r.school_id, (r) => ({ county_backbone_after: r.county_backbone_after }))
    .map(({ key, ...c }): ReceiverChange => ({ school_id: key, ...c }));
  const covered = (p: Plan) => p.receivers.filter((r) => r.county_backbone_after > 0).length;
  return {
    teachers, senders, gaps, receivers,
    totals: {
      assigned: total(a.assignments.length, b.assignments.length),
      sent: total(sum(a.senders, (s) => s.sent), sum(b.senders, (s) => s.sent)),
      backbone_sent: total(sum(a.senders, (s) => s.backbone_sent), sum(b.senders, (s) => s.backbone_sent)),
      gaps_filled: total(sum(a.gaps, (g) => g.filled), sum(b.gaps, (g) => g.filled)),
      gaps_needed: total(sum(a.gaps, (g) => g.needed), sum(b.gaps, (g) => g.needed)),
      r5_covered: total(covered(a), covered(b)),
      shortfalls: total(a.shortfalls.length, b.shortfalls.length),
    },
    changed: teachers.length,
  };
}

/** True when the two plans place the same teachers in the same posts with the same figures. */
export function isEmptyDiff(d: PlanDiff): boolean {
  return d.teachers.length === 0 && d.senders.length === 0 && d.gaps.length === 0 && d.receivers.length === 0
    && Object.values(d.totals).every((t) => t.delta === 0);
}

/**
 * What a replan changed, teacher by teacher, and why: an objection names the
 * teachers it is about; every other change is traced to the objection whose
 * changes touch the same school (the sender's R1/R2 quota, or a receiver's
 * post taken or left), through a chain of such changes if need be.
 */
import { bilingual, inLang, type Text, text } from '../domain/messages.js';
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import type { Objection } from '../domain/tables.js';
import { objectionRow } from '../domain/objections.js';

export type ChangeKind = 'added' | 'removed' | 'moved';

/** One row of plan.json's `changes` (and of the 变动 sheet). */
export interface PlanChange {
  readonly teacher_id: string;
  readonly change: ChangeKind;
  readonly from_school: string;
  /** Place in the provisional plan (null: was not sent). */
  readonly before_school: string | null;
  readonly before_subject: string | null;
  /** Place in the final plan (null: stays home). */
  readonly after_school: string | null;
  readonly after_subject: string | null;
  /** objections.csv line of the objection that caused it (directly or as a knock-on); null when none could be traced. */
  readonly objection_row: number | null;
  readonly cause: string;
}

const KIND_ZH: Record<Objection['kind'], string> = { keep: '留任', not_to: '不去', to: '去', swap: '对调' };

/** "异议第 3 行 (留任)", "objection row 3 (keep)" */
function objectionLabel(s: Scenario, i: number): Text {
  const o = s.objections![i]!;
  const what = o.kind === 'swap' ? ` ${o.teacher_id}↔${o.other_teacher_id}` : o.school_id ? ` ${o.school_id}` : '';
  const row = objectionRow(s, i);
  return text(`异议第 ${row} 行 (${KIND_ZH[o.kind]}${what})`, `objection row ${row} (${o.kind}${what})`);
}

const schoolLabel = (s: Scenario, id: string | null) => {
  if (id === null) return '-';
  const sc = s.schools.find((x) => x.school_id === id);
  return sc?.name ? `${sc.name} (${id})` : id;
};

/** The teacher-by-teacher difference between two plans (sorted by teacher id), without causes. */
function rawChanges(before: Plan, after: Plan): Omit<PlanChange, 'objection_row' | 'cause'>[] {
  const a = new Map(before.assignments.map((x) => [x.teacher_id, x]));
  const b = new Map(after.assignments.map((x) => [x.teacher_id, x]));
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: Omit<PlanChange, 'objection_row' | 'cause'>[] = [];
  for (const id of ids) {
    const x = a.get(id);
    const y = b.get(id);
    if (x && y && x.to_school === y.to_school && x.subject === y.subject) continue;
    out.push({
      teacher_id: id, change: x && y ? 'moved' : y ? 'added' : 'removed', from_school: (x ?? y)!.from_school,
      before_school: x?.to_school ?? null, before_subject: x?.subject ?? null,
      after_school: y?.to_school ?? null, after_subject: y?.subject ?? null,
    });
  }
  return out;
}

type Raw = ReturnType<typeof rawChanges>[number];

/** How change `c` relates to change `l` (they share a school), in words. */
function relation(s: Scenario, c: Raw, l: Raw): Text {
  if (c.before_school !== null && c.before_school === l.after_school) {
    return text(`原岗位 ${schoolLabel(s, c.before_school)} 由 ${l.teacher_id} 接任`, `its post at ${c.before_school} went to ${l.teacher_id}`);
  }
  if (c.after_school !== null && c.after_school === l.before_school) {
    return text(`接任 ${l.teacher_id} 在 ${schoolLabel(s, c.after_school)} 留下的岗位`, `takes the post ${l.teacher_id} left at ${c.after_school}`);
  }
  if (c.from_school === l.from_school) {
    return text(`${schoolLabel(s, c.from_school)} 须保持派出比例 (R1/R2)，因 ${l.teacher_id} ${l.change === 'removed' ? '不再派出' : '有变动'}`,
      `keeps ${c.from_school}'s R1/R2 quota after ${l.teacher_id} was ${l.change}`);
  }
  const shared = [c.before_school, c.after_school].find((x) => x !== null && (x === l.before_school || x === l.after_school));
  return text(`与 ${l.teacher_id} 同在 ${schoolLabel(s, shared ?? null)} 的岗位调整`, `rearranged at ${shared} with ${l.teacher_id}`);
}

/** How directly change `c` follows from change `l`: 3 a post taken or left, 2 the same sender, 1 the same receiver, 0 unrelated. */
function linkRank(c: Raw, l: Raw): number {
  if ((c.before_school !== null && c.before_school === l.after_school) || (c.after_school !== null && c.after_school === l.before_school)) return 3;
  if (c.from_school === l.from_school) return 2;
  return schoolsOf(c).some((x) => schoolsOf(l).includes(x)) ? 1 : 0;
}

const schoolsOf = (c: Raw) => [c.from_school, c.before_school, c.after_school].filter((x): x is string => x !== null);

/**
 * The changes from `before` to `after` with their causes. `scenario.objections`
 * are the objections applied.
 */
export function explainChanges(scenario: Scenario, before: Plan, after: Plan): PlanChange[] {
  const raw = rawChanges(before, after);
  const objections = scenario.objections ?? [];
  const cause = new Map<string, { row: number; label: Text; text: Text }>();
  const queue: Raw[] = [];
  for (const c of raw) {
    const i = objections.findIndex((o) => o.teacher_id === c.teacher_id || o.other_teacher_id === c.teacher_id);
    if (i < 0) continue;
    const o = objections[i]!;
    const other = o.teacher_id === c.teacher_id ? o.other_teacher_id : o.teacher_id;
    const label = objectionLabel(scenario, i);
    const zh = `${label.zh}：${c.after_school === null ? '留在本校' : `改派 ${schoolLabel(scenario, c.after_school)}`}${o.kind === 'swap' ? `，与 ${other} 对调` : ''}`;
    const en = `${label.en}: ${c.after_school === null ? 'stays home' : `now goes to ${c.after_school}`}${o.kind === 'swap' ? `, swapped with ${other}` : ''}`;
    cause.set(c.teacher_id, { row: objectionRow(scenario, i), label, text: text(zh, en) });
    queue.push(c);
  }
  // In rounds from the objections' own changes: each knock-on takes the cause of a change of the previous rounds
  // it shares a school with — a post taken or left first, then the same sender's quota, then the same receiver.
  let frontier = queue;
  while (frontier.length > 0) {
    const next: Raw[] = [];
    for (const c of raw) {
      if (cause.has(c.teacher_id)) continue;
      const link = frontier.map((l) => ({ l, rank: linkRank(c, l) })).filter((x) => x.rank > 0).sort((a, b) => b.rank - a.rank)[0];
      if (link === undefined) continue;
      const from = cause.get(link.l.teacher_id)!;
      const why = relation(scenario, c, link.l);
      cause.set(c.teacher_id, { row: from.row, label: from.label, text: text(`${from.label.zh} 的连带调整：${why.zh}`, `${from.label.en}, knock-on: ${why.en}`) });
      next.push(c);
    }
    frontier = next;
  }
  return raw.map((c) => {
    const found = cause.get(c.teacher_id);
    return {
      ...c, objection_row: found?.row ?? null,
      cause: bilingual(found?.text ?? text('为在异议后保持 R1/R2 等规则而调整', 'needed to keep R1/R2 and the other rules after the objections')),
    };
  });
}

/** The sentence added to the reasons of a changed assignment. */
export function changeReason(c: PlanChange): string {
  const was = c.before_school === null ? '暂定名单中未派出 / not in the provisional list' : `暂定为 ${c.before_school} ${c.before_subject} / provisionally ${c.before_school} (${c.before_subject})`;
  return bilingual(text(`变动 (${c.change})：${inLang(was, 'zh')}；${inLang(c.cause, 'zh')}`, `change (${c.change}): ${inLang(was, 'en')}; ${inLang(c.cause, 'en')}`));
}

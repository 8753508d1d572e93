/**
 * The 变动 (Changes) sheet: a PlanDiff as sheet sections — teachers added,
 * removed or moved; senders (R1/R2), gaps (R4) and receivers (R5) whose
 * figures changed; totals. The workbook, the CSV files and `rotation diff`'s
 * table all render these same sections.
 */
import type { Scenario } from '../../domain/scenario.js';
import { subjectList } from '../../domain/tables.js';
import type { Change, PlanDiff, Post, TeacherChange } from '../../report/diff.js';
import { col, type CellValue, type Lang, type PlanSheet, type SheetSection } from './sheet-model.js';

type Row = Record<string, CellValue>;

export const CHANGE_KIND: Readonly<Record<TeacherChange['kind'], { zh: string; en: string }>> = {
  added: { zh: '新增', en: 'added' }, removed: { zh: '移出', en: 'removed' }, moved: { zh: '调整', en: 'moved' },
};

/** Names from the scenario when one is given; codes otherwise. */
function namer(scenario: Scenario | undefined, lang: Lang) {
  const subjects = scenario ? subjectList(scenario.policy.subjects).zh : {};
  const schools = new Map((scenario?.schools ?? []).map((s) => [s.school_id, s.name]));
  const teachers = new Map((scenario?.teachers ?? []).map((t) => [t.teacher_id, t.name]));
  return {
    subject: (c: string | undefined) => (c === undefined ? null : lang === 'zh' ? subjects[c] ?? c : c),
    school: (id: string | undefined) => (id === undefined ? null : schools.get(id) ? `${schools.get(id)} (${id})` : id),
    teacher: (t: TeacherChange) => t.name ?? teachers.get(t.teacher_id) ?? '',
  };
}

const fromOf = (before: Post | null, after: Post | null): string =>
  before && after && before.from_school !== after.from_school ? `${before.from_school} → ${after.from_school}` : (after ?? before)!.from_school;

/** "a → b" figure pairs; a missing row shows as "-". */
const pair = <F extends object, K extends keyof F>(c: Change<F>, key: K): string => {
  const show = (f: F | null) => (f === null ? '-' : String(f[key]));
  return c.before !== null && c.after !== null && c.before[key] === c.after[key] ? show(c.after) : `${show(c.before)} → ${show(c.after)}`;
};

/** The sections of the 变动 sheet, in order: teachers, senders, gaps, receivers, totals. */
export function diffSections(diff: PlanDiff, lang: Lang, scenario?: Scenario): SheetSection[] {
  const n = namer(scenario, lang);
  const teachers: SheetSection = {
    title: { zh: '人员变动', en: 'Teachers' },
    columns: [
      col('kind', '变动', 'Change'), col('teacher_id', '教师编号', 'Teacher ID', 'id'), col('name', '姓名', 'Name'),
      col('from_school', '派出学校', 'From school', 'id'),
      col('to_before', '原接收学校', 'To (before)', 'id'), col('subject_before', '原学科', 'Subject (before)'),
      col('to_after', '现接收学校', 'To (after)', 'id'), col('subject_after', '现学科', 'Subject (after)'),
    ],
    rows: diff.teachers.map((t): Row => ({
      kind: CHANGE_KIND[t.kind][lang], teacher_id: t.teacher_id, name: n.teacher(t), from_school: fromOf(t.before, t.after),
      to_before: n.school(t.before?.to_school), subject_before: n.subject(t.before?.subject),
      to_after: n.school(t.after?.to_school), subject_after: n.subject(t.after?.subject),
    })),
  };
  const senders: SheetSection = {
    title: { zh: '派出学校 (R1/R2)', en: 'Senders (R1/R2)' },
    columns: [
      col('school', '学校', 'School', 'id'), col('eligible', '符合条件', 'Eligible'), col('required', '应派', 'Required'),
      col('sent', '实派', 'Sent'), col('backbone_sent', '骨干实派', 'Backbone sent'),
    ],
    rows: diff.senders.map((s): Row => ({
      school: n.school(s.school_id), eligible: pair(s, 'eligible'), required: pair(s, 'required'), sent: pair(s, 'sent'), backbone_sent: pair(s, 'backbone_sent'),
    })),
  };
  const gaps: SheetSection = {
    title: { zh: '学科缺口 (R4)', en: 'Gaps (R4)' },
    columns: [col('school', '学校', 'School', 'id'), col('subject', '学科', 'Subject'), col('needed', '缺编', 'Needed'), col('filled', '已补', 'Filled')],
    rows: diff.gaps.map((g): Row => ({ school: n.school(g.school_id), subject: n.subject(g.subject), needed: pair(g, 'needed'), filled: pair(g, 'filled') })),
  };
  const receivers: SheetSection = {
    title: { zh: '接收学校骨干 (R5)', en: 'Receivers (R5)' },
    columns: [col('school', '学校', 'School', 'id'), col('county_backbone_after', '县级以上骨干（轮岗后）', 'County backbone after')],
    rows: diff.receivers.map((r): Row => ({ school: n.school(r.school_id), county_backbone_after: pair(r, 'county_backbone_after') })),
  };
  const TOTAL_LABELS: Record<keyof PlanDiff['totals'], { zh: string; en: string }> = {
    assigned: { zh: '轮岗人数', en: 'Assignments' }, sent: { zh: '派出人数 (R1)', en: 'Sent (R1)' },
    backbone_sent: { zh: '骨干派出 (R2)', en: 'Backbone sent (R2)' }, gaps_filled: { zh: '已补缺编 (R4)', en: 'Posts filled (R4)' },
    gaps_needed: { zh: '缺编合计', en: 'Posts needed' }, r5_covered: { zh: '有县级骨干的接收学校 (R5)', en: 'Receivers with a county backbone (R5)' },
    shortfalls: { zh: '未满足事项', en: 'Shortfalls' },
  };
  const totals: SheetSection = {
    title: { zh: '合计', en: 'Totals' },
    columns: [col('figure', '项目', 'Figure'), col('before', '变动前', 'Before', 'int'), col('after', '变动后', 'After', 'int'), col('delta', '增减', 'Change', 'int')],
    rows: (Object.keys(TOTAL_LABELS) as (keyof PlanDiff['totals'])[]).map((k): Row => ({ figure: TOTAL_LABELS[k][lang], ...diff.totals[k] })),
  };
  return [teachers, senders, gaps, receivers, totals];
}

/**
 * The 变动 sheet of a workbook (e.g. the final plan's, against the provisional one).
 *
 * @example diffSheet(planDiff(provisional, final), 'zh', scenario).zh // '变动'
 */
export function diffSheet(diff: PlanDiff, lang: Lang, scenario?: Scenario): PlanSheet {
  return { key: 'changes', zh: '变动', en: 'Changes', sections: diffSections(diff, lang, scenario) };
}

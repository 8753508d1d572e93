/**
 * The 变动 sheet of a final plan (`rotation replan`): every assignment that
 * differs from the provisional plan, before and after, with its cause.
 * Absent from a plan without a `changes` array.
 */
import { inLang } from '../../domain/messages.js';
import { z } from 'zod';
import type { Plan } from '../../domain/plan.js';
import type { Scenario } from '../../domain/scenario.js';
import { subjectList } from '../../domain/tables.js';
import { CHANGE_KIND } from './diff-sheet.js';
import { col, label, type Lang, type PlanSheet } from './sheet-model.js';

const changeRow = z.object({
  teacher_id: z.string(), change: z.string(), from_school: z.string(),
  before_school: z.string().nullable(), before_subject: z.string().nullable(),
  after_school: z.string().nullable(), after_subject: z.string().nullable(),
  objection_row: z.number().nullable(), cause: z.string(),
}).loose();


/** The 变动 sheet, or null when the plan has no `changes`. */
export function changesSheet(scenario: Scenario, plan: Plan, lang: Lang): PlanSheet | null {
  const parsed = z.array(changeRow).safeParse((plan as { changes?: unknown }).changes);
  if (!parsed.success) return null;
  const zh = lang === 'zh';
  const subjects = subjectList(scenario.policy.subjects).zh;
  const subject = (k: string | null) => (k === null ? null : zh ? subjects[k] ?? k : k);
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s.name]));
  const teachers = new Map(scenario.teachers.map((t) => [t.teacher_id, t.name]));
  const columns = [
    col('teacher_id', '教师编号', 'Teacher ID', 'id'), col('name', '姓名', 'Name'), col('change', '变动', 'Change'),
    col('from_school', '派出学校代码', 'From school ID', 'id'),
    col('before_school', '暂定接收学校', 'Provisional school', 'id'), col('before_name', '暂定学校名称', 'Provisional school name'),
    col('before_subject', '暂定学科', 'Provisional subject'),
    col('after_school', '最终接收学校', 'Final school', 'id'), col('after_name', '最终学校名称', 'Final school name'),
    col('after_subject', '最终学科', 'Final subject'),
    col('objection_row', '异议行号', 'Objection row', 'int'), col('cause', '原因', 'Cause'),
  ];
  const rows = parsed.data.map((c) => ({
    teacher_id: c.teacher_id, name: teachers.get(c.teacher_id) ?? '', change: c.change in CHANGE_KIND ? label(CHANGE_KIND[c.change as keyof typeof CHANGE_KIND], lang) : c.change,
    from_school: c.from_school, before_school: c.before_school, before_name: c.before_school === null ? null : schools.get(c.before_school) ?? '',
    before_subject: subject(c.before_subject), after_school: c.after_school,
    after_name: c.after_school === null ? null : schools.get(c.after_school) ?? '', after_subject: subject(c.after_subject),
    objection_row: c.objection_row, cause: inLang(c.cause, lang),
  }));
  return { key: 'changes', zh: '变动', en: 'Changes', sections: [{ columns, rows }] };
}

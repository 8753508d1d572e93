/**
 * The 走教 sheet of plan.xlsx (and its CSV): the covers of plan.json
 * `itinerant` — who walks from which school to which, what subject, how many
 * periods a week, how far, why — and, below, every receiver and subject still
 * short of periods after the rotation: how many 走教 covers and why the rest
 * stays open. No sheet when the plan has no `itinerant` (走教 off). Pure.
 */
import { inLang } from '../../domain/messages.js';
import type { Plan } from '../../domain/plan.js';
import type { Scenario } from '../../domain/scenario.js';
import { subjectList } from '../../domain/tables.js';
import { col, type CellValue, type Lang, type PlanSheet } from './sheet-model.js';

type Row = Record<string, CellValue>;

/** 走教 sheet, or null when the plan has no covers report. */
export function itinerantSheet(scenario: Scenario, plan: Plan, lang: Lang): PlanSheet | null {
  const report = plan.itinerant;
  if (report === undefined) return null;
  const zh = lang === 'zh';
  const subjects = subjectList(scenario.policy.subjects).zh;
  const subject = (c: string) => (zh ? subjects[c] ?? c : c);
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const name = (id: string) => schools.get(id)?.name ?? '';
  const teachers = new Map(scenario.teachers.map((t) => [t.teacher_id, t.name]));
  const covers = {
    columns: [
      col('teacher_id', '教师编号', 'Teacher ID', 'id'), col('name', '姓名', 'Name'),
      col('home_school', '任教学校代码', 'Home school ID', 'id'), col('home_name', '任教学校', 'Home school'),
      col('school_id', '走教学校代码', 'Covered school ID', 'id'), col('school_name', '走教学校', 'Covered school'),
      col('district', '学区', 'District'), col('subject', '学科', 'Subject'), col('periods', '每周课时', 'Periods/week', 'int'),
      col('distance_km', '距离（公里）', 'Distance (km)', 'km'), col('placed', '本年轮岗到校', 'Placed by rotation', 'bool'),
      col('reasons', '理由', 'Reasons'),
    ],
    rows: report.covers.map((c): Row => ({
      teacher_id: c.teacher_id, name: teachers.get(c.teacher_id) ?? '', home_school: c.home_school, home_name: name(c.home_school),
      school_id: c.school_id, school_name: name(c.school_id), district: c.district, subject: subject(c.subject), periods: c.periods,
      distance_km: c.distance_km, placed: c.placed, reasons: (c.reasons ?? []).map((r) => inLang(r, lang)).join('; '),
    })),
  };
  const open = {
    title: { zh: '轮岗后仍缺的课时', en: 'Periods still lacking after the rotation' },
    columns: [
      col('school_id', '学校代码', 'School ID', 'id'), col('school_name', '学校名称', 'School', 'text'), col('district', '学区', 'District'),
      col('subject', '学科', 'Subject'), col('uncovered', '轮岗后缺课时', 'Lacking after rotation', 'int'),
      col('covered', '走教课时', 'Covered by 走教', 'int'), col('left', '仍缺', 'Still lacking', 'int'), col('why', '说明', 'Why'),
    ],
    rows: (report.open ?? []).map((o): Row => ({
      school_id: o.school_id, school_name: name(o.school_id), district: o.district, subject: subject(o.subject),
      uncovered: o.uncovered, covered: o.covered, left: o.left, why: o.why === null ? null : inLang(o.why, lang),
    })),
  };
  return { key: 'itinerant', zh: '走教', en: 'Itinerant teaching', sections: [covers, open] };
}

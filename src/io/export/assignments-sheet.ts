/** The 轮岗名单 sheet of plan.xlsx. */
import { inLang } from '../../domain/messages.js';
import { TEACHER_COLUMNS, teacherCells } from './plan-sheet-columns.js';
import { type PlanWorkbookInput, namer, type Row } from './plan-sheet-input.js';
import { col, type Lang, type PlanSheet } from './sheet-model.js';

export function assignmentsSheet({ scenario, plan, report }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const columns = [
    col('teacher_id', '教师编号', 'Teacher ID', 'id'), col('name', '姓名', 'Name'),
    col('from_school', '派出学校代码', 'From school ID', 'id'), col('from_name', '派出学校', 'From school'),
    col('to_school', '接收学校代码', 'To school ID', 'id'), col('to_name', '接收学校', 'To school'),
    col('subject', '任教学科', 'Subject'), col('backbone', '骨干等级', 'Backbone'),
    col('start_date', '开始日期', 'Start', 'date'), col('end_date', '结束日期', 'End', 'date'),
    col('distance_km', '距离（公里）', 'Distance (km)', 'km'), col('pinned', '指定', 'Pinned', 'bool'),
    col('kind', '类型', 'Kind'), col('score', '优先分', 'Score', 'decimal'), col('reasons', '理由', 'Reasons'),
    col('rural_months_before', '乡村任教月数（轮岗前）', 'Rural months before', 'int'),
    col('rural_months_after', '乡村任教月数（轮岗后）', 'Rural months after', 'int'),
    ...TEACHER_COLUMNS,
  ];
  const rows = plan.assignments.map((a): Row => {
    const m = report.ruralMonths.get(a.teacher_id);
    return {
      teacher_id: a.teacher_id, name: n.teacher(a.teacher_id), from_school: a.from_school, from_name: n.school(a.from_school),
      to_school: a.to_school, to_name: n.school(a.to_school), subject: n.subject(a.subject), backbone: n.backbone(a.backbone),
      start_date: a.start_date, end_date: a.end_date, distance_km: a.distance_km, pinned: a.pinned, kind: n.kind(a.kind),
      score: a.score, reasons: a.reasons.map((x) => inLang(x, lang)).join('; '), ...teacherCells(scenario, plan, a.teacher_id, a.from_school, lang),
      rural_months_before: a.rural_months_before ?? m?.before, rural_months_after: a.rural_months_after ?? m?.after,
    };
  });
  return { key: 'assignments', zh: '轮岗名单', en: 'Assignments', sections: [{ columns, rows }] };
}

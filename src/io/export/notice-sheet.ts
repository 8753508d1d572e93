/**
 * The 公示 sheet: the rotation list as it is posted for objections — a
 * title, one line of preamble, the list (name, home school, receiving
 * school, subject, dates) and, under it, the objection window and where to
 * object (policy.json `notice.days`, `notice.contact`), signed by the bureau
 * and dated. Printed, it is the notice HR pins up; pure.
 */
import type { PlanWorkbookInput } from './plan-sheet-input.js';
import { col, type Lang, type PlanSheet } from './sheet-model.js';
import { subjectList } from '../../domain/tables.js';
import { countyName } from './county-name.js';

/** The 公示 (public notice) sheet. */
export function noticeSheet({ scenario, plan }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const zh = lang === 'zh';
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s.name]));
  const teachers = new Map(scenario.teachers.map((t) => [t.teacher_id, t.name]));
  const subjects = subjectList(scenario.policy.subjects).zh;
  const county = countyName(scenario.schools.map((s) => s.county), lang);
  const { days, contact } = scenario.policy.notice;
  const list = [...plan.assignments].sort((a, b) => a.from_school.localeCompare(b.from_school) || a.teacher_id.localeCompare(b.teacher_id));
  const blank = '＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿';
  const year = plan.plan_year;
  return {
    key: 'notice', zh: '公示', en: 'Notice',
    heading: zh
      ? [`${county} ${year} 学年城乡教师交流轮岗人员名单公示`,
        `根据城乡教师交流轮岗工作安排，经资格审核与统筹安排，拟派出以下 ${list.length} 名教师于 ${plan.period.start} 至 ${plan.period.end} 到乡村学校交流轮岗，现予公示：`]
      : [`${county}: teachers rotating to rural schools in the ${year} school year — public notice`,
        `After the eligibility review and the county's plan, the following ${list.length} teachers are to teach at rural schools from ${plan.period.start} to ${plan.period.end}. The list is posted for objections:`],
    sections: [{
      columns: [
        col('no', '序号', 'No.', 'int'), col('name', '姓名', 'Name'), col('from', '派出学校', 'Home school'),
        col('to', '接收学校', 'Receiving school'), col('subject', '任教学科', 'Subject'),
        col('start_date', '开始日期', 'Start', 'date'), col('end_date', '结束日期', 'End', 'date'),
      ],
      rows: list.map((a, i) => ({
        no: i + 1, name: teachers.get(a.teacher_id) ?? a.teacher_id, from: schools.get(a.from_school) ?? a.from_school,
        to: schools.get(a.to_school) ?? a.to_school, subject: zh ? subjects[a.subject] ?? a.subject : a.subject,
        start_date: a.start_date, end_date: a.end_date,
      })),
    }],
    footnotes: zh
      ? [`公示期：自公示之日起 ${days} 个工作日。`,
        `公示期间如有异议，请以书面形式（署真实姓名）向以下地址或电话反映：${contact || blank}。`,
        `${county}教育局　　　　年　　月　　日`]
      : [`Objections are taken for ${days} working days from the day this notice is posted.`,
        `Objections, in writing and signed, to: ${contact || blank}.`,
        `${county} Education Bureau, date: ____________`],
  };
}

/** The 职称预警 sheet of plan.xlsx. */
import { type PlanWorkbookInput, namer, type Row, SCHOOL, SCHOOL_NAME } from './plan-sheet-input.js';
import { col, type Lang, type PlanSheet } from './sheet-model.js';

export function titlesSheet({ scenario, report }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const columns = [
    col('teacher_id', '教师编号', 'Teacher ID', 'id'), col('name', '姓名', 'Name'), SCHOOL, SCHOOL_NAME, col('title', '现职称', 'Title'),
    col('title_target_year', '拟申报年份', 'Target year', 'int'), col('rural_months_before', '乡村任教月数（现有）', 'Rural months now', 'int'),
    col('rural_months_after', '本期后', 'After this term', 'int'), col('required', '所需月数', 'Required', 'int'),
    col('assigned_to', '接收学校代码', 'Sent to', 'id'), col('eligible', '符合交流条件', 'Eligible', 'bool'),
    col('eligibility', '交流条件情况', 'Eligibility'), col('why', '原因', 'Why'),
  ];
  const rows = report.titleWarnings.map(({ why_text, eligibility_text, ...w }): Row => ({
    ...w, title: n.title(w.title), school_name: n.school(w.school_id),
    eligibility: eligibility_text.map((t) => t[lang]).join(lang === 'zh' ? '；' : '; '), why: why_text[lang],
  }));
  return { key: 'titles', zh: '职称预警', en: 'Title warnings', sections: [{ columns, rows }] };
}

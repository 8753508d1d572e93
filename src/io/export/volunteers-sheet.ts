/**
 * The 银龄讲学 sheet of plan.xlsx (and its CSV): every volunteer of
 * volunteers.csv, where each serves (receiver, subject, dates, subsidy) or why
 * not, with the reasons. Absent from a plan without `volunteers`.
 */
import { BACKBONE_LEVELS } from '../../domain/codes.js';
import { inLang } from '../../domain/messages.js';
import type { Plan } from '../../domain/plan.js';
import type { Scenario } from '../../domain/scenario.js';
import { subjectList } from '../../domain/tables.js';
import { col, type Lang, type PlanSheet } from './sheet-model.js';

/** Words for plan.json `volunteers[].not_placed` codes. */
export const NOT_PLACED: Readonly<Record<string, { zh: string; en: string }>> = {
  disabled: { zh: '未启用', en: 'disabled' }, county: { zh: '县市区', en: 'county' }, age: { zh: '年龄', en: 'age' },
  health: { zh: '身体', en: 'health' }, dates: { zh: '日期', en: 'dates' }, no_open_gap: { zh: '无空缺', en: 'no open gap' },
  posts_taken: { zh: '空缺已满', en: 'posts taken' },
};

/** The 银龄讲学 sheet, or null when the plan lists no volunteers. */
export function volunteersSheet(scenario: Scenario, plan: Plan, lang: Lang): PlanSheet | null {
  if (plan.volunteers === undefined) return null;
  const zh = lang === 'zh';
  const subjects = subjectList(scenario.policy.subjects).zh;
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s.name]));
  const columns = [
    col('volunteer_id', '志愿者编号', 'Volunteer ID', 'id'), col('name', '姓名', 'Name'), col('county', '县市区', 'County'),
    col('age', '年龄', 'Age', 'int'), col('backbone_level', '骨干等级', 'Backbone'), col('placed', '安排', 'Placed', 'bool'),
    col('to_school', '接收学校代码', 'School ID', 'id'), col('school_name', '接收学校', 'School'), col('subject', '任教学科', 'Subject'),
    col('start_date', '开始日期', 'Start', 'date'), col('end_date', '结束日期', 'End', 'date'), col('tier', '艰苦程度', 'Tier', 'int'),
    col('months', '月数', 'Months', 'months'), col('monthly', '月补助（元）', 'Monthly (yuan)', 'money'), col('subsidy', '补助合计（元）', 'Subsidy (yuan)', 'money'),
    col('not_placed', '未安排原因', 'Not placed: why'), col('reasons', '说明', 'Reasons'),
  ];
  const rows = plan.volunteers.map((v) => {
    const level = typeof v['backbone_level'] === 'string' ? v['backbone_level'] : 'none';
    return {
      volunteer_id: v.volunteer_id, name: typeof v['name'] === 'string' ? v['name'] : '', county: typeof v['county'] === 'string' ? v['county'] : '',
      age: typeof v['age'] === 'number' ? v['age'] : null,
      backbone_level: zh ? BACKBONE_LEVELS.zh[level as keyof typeof BACKBONE_LEVELS.zh] ?? level : level,
      placed: v.to_school !== null, to_school: v.to_school, school_name: v.to_school === null ? null : schools.get(v.to_school) ?? '',
      subject: v.subject === null ? null : zh ? subjects[v.subject] ?? v.subject : v.subject,
      start_date: v.start_date, end_date: v.end_date, tier: v.tier, months: v.months, monthly: v.monthly, subsidy: v.subsidy,
      not_placed: v.not_placed.map((c) => NOT_PLACED[c]?.[lang] ?? c).join(zh ? '、' : ', '),
      reasons: v.reasons.map((r) => inLang(r, lang)).join(zh ? '；' : '; '),
    };
  });
  return { key: 'volunteers', zh: '银龄讲学', en: 'Volunteers', sections: [{ columns, rows }] };
}

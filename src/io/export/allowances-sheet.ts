/** The 津贴 sheet of plan.xlsx. */
import { itemNames, type AllowanceTotal } from '../../policy/allowances.js';
import { allowancesChartOption } from '../../report/charts.js';
import { type PlanWorkbookInput, namer, type Row, SCHOOL, SCHOOL_NAME, COUNTY } from './plan-sheet-input.js';
import { col, type Lang, type PlanSheet } from './sheet-model.js';

const itemKey = (name: string) => `item:${name}`;

export function allowancesSheet({ scenario, plan, report }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const policyItems = scenario.policy.allowances.items;
  const names = itemNames(plan.allowances, policyItems);
  // The 走教 subsidy is not one of allowances.items: its English label is its policy section's name.
  const enKey = (name: string) => policyItems.find((i) => i.name === name)?.key ?? (name === scenario.policy.itinerant.subsidy_name ? 'itinerant' : name);
  const itemCols = names.map((name) => col(itemKey(name), name, enKey(name), 'money'));
  const sums = [col('teachers', '人数', 'Teachers', 'int'), col('months', '月数合计', 'Months', 'months'), ...itemCols, col('total', '合计（元）', 'Total (yuan)', 'money')];
  const items = (t: Pick<AllowanceTotal, 'items'>) => Object.fromEntries(names.map((name) => [itemKey(name), t.items[name]]));
  const perTeacher = {
    columns: [
      col('teacher_id', '教师编号', 'Teacher ID', 'id'), col('name', '姓名', 'Name'), SCHOOL, SCHOOL_NAME, col('tier', '艰苦程度', 'Tier', 'int'),
      col('rotated', '轮岗', 'Rotated', 'bool'),
      ...(plan.itinerant === undefined ? [] : [col('itinerant', '走教', 'Itinerant', 'bool')]),
      ...(plan.allowances.some((a) => a.volunteer === true) ? [col('volunteer', '银龄讲学', 'Volunteer', 'bool')] : []),
      col('months', '月数', 'Months', 'months'), col('monthly', '月标准（元）', 'Monthly (yuan)', 'money'),
      ...itemCols, col('total', '合计（元）', 'Total (yuan)', 'money'),
    ],
    rows: plan.allowances.map((a): Row => ({
      teacher_id: a.teacher_id, name: n.teacher(a.teacher_id), school_id: a.school_id, school_name: n.school(a.school_id), tier: a.tier,
      rotated: a.rotated, itinerant: a.itinerant === true, volunteer: a.volunteer === true, months: a.months, monthly: a.monthly, ...items(a), total: a.total,
    })),
  };
  const { schools, counties } = report.allowanceTotals;
  const tiers = [...new Set(plan.allowances.map((a) => a.tier))].sort((a, b) => a - b).map((tier) => ({
    tier, items: Object.fromEntries(names.map((name) => [name, plan.allowances.filter((a) => a.tier === tier).reduce((x, a) => x + (a.items[name] ?? 0), 0)])),
  }));
  const itemLabel = (name: string) => (lang === 'zh' ? name : enKey(name));
  const byLabel = tiers.map((t) => ({ tier: t.tier, items: Object.fromEntries(Object.entries(t.items).map(([k, v]) => [itemLabel(k), v])) }));
  return {
    key: 'allowances', zh: '津贴', en: 'Allowances',
    charts: tiers.length === 0 ? [] : [{ key: 'allowances', option: allowancesChartOption(byLabel, names.map(itemLabel), lang), width: 760, height: 380 }],
    sections: [
      perTeacher,
      {
        title: { zh: '按学校合计', en: 'Totals per school' },
        columns: [SCHOOL, SCHOOL_NAME, COUNTY, col('tier', '艰苦程度', 'Tier', 'int'), ...sums],
        rows: schools.map((s): Row => ({ school_id: s.school_id, school_name: s.name, county: s.county, tier: s.tier, teachers: s.teachers, months: s.months, ...items(s), total: s.total })),
      },
      {
        title: { zh: '按县市区合计', en: 'Totals per county' },
        columns: [COUNTY, col('schools', '学校数', 'Schools', 'int'), ...sums],
        rows: counties.map((c): Row => ({ county: c.county, schools: c.schools, teachers: c.teachers, months: c.months, ...items(c), total: c.total })),
      },
    ],
  };
}

/** The 收入对比 sheet of plan.xlsx. */
import { type PlanWorkbookInput, namer, type Row } from './plan-sheet-input.js';
import { col, type SheetColumn, type Lang, type PlanSheet } from './sheet-model.js';

export function incomeSheet({ scenario, report }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const base = { key: 'income', zh: '收入对比', en: 'Income parity' };
  if (report.income === null) {
    return { ...base, sections: [{ columns: [col('note', '说明', 'Note')], rows: [{ note: lang === 'zh'
      ? '未设置 income.base_pay（各职称基本工资），不作收入对比。'
      : 'income.base_pay (base pay per title) is not set: no income parity report.' }] }] };
  }
  const n = namer(scenario, lang);
  const first = report.income.rows;
  const ruralNames = [...new Set(first.flatMap((r) => Object.keys(r.rural_items)))];
  const urbanNames = [...new Set(first.flatMap((r) => Object.keys(r.urban_items)))];
  const columns: SheetColumn[] = [
    col('title', '职称', 'Title'), col('tier', '艰苦程度', 'Tier', 'int'), col('base', '基本工资', 'Base pay', 'money'),
    ...ruralNames.map((x) => col(`rural:${x}`, x, x, 'money')), col('rural', '乡村教师月收入', 'Rural monthly', 'money'),
    ...urbanNames.map((x) => col(`urban:${x}`, x, x, 'money')), col('urban', '城区教师月收入', 'Urban monthly', 'money'),
    col('difference', '差额', 'Difference', 'money'), col('ok', '乡村更高', 'Rural higher', 'bool'),
  ];
  const rows = first.map((r): Row => ({
    title: n.title(r.title), tier: r.tier, base: r.base, rural: r.rural, urban: r.urban, difference: r.difference, ok: r.ok,
    ...Object.fromEntries(Object.entries(r.rural_items).map(([k, v]) => [`rural:${k}`, v])),
    ...Object.fromEntries(Object.entries(r.urban_items).map(([k, v]) => [`urban:${k}`, v])),
  }));
  return { ...base, sections: [{ columns, rows }] };
}

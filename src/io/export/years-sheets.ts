/**
 * The multi-year summary (summary.xlsx) as sheets: county totals per year,
 * per county and year, per sender (eligible, sent and cumulative share of
 * its eligible teachers who have served, by year) and per receiver (gaps
 * needed and filled, by year). Chinese headers by default, like plan.xlsx.
 */
import type { YearsSummary } from '../../report/years-summary.js';
import { yearsChartOption } from '../../report/charts.js';
import { type CellValue, col, type Lang, type PlanSheet, type SheetColumn } from './sheet-model.js';

/** The summary workbook's sheets. */
export function yearsSheets(summary: YearsSummary, lang: Lang = 'zh', minShare: number | null = null): PlanSheet[] {
  const perYear = (key: string, zh: string, en: string, kind: SheetColumn['kind'] = 'int'): SheetColumn[] =>
    summary.years.map((y) => col(`${key}_${y}`, `${y} ${zh}`, `${en} ${y}`, kind));
  const spread = (key: string, values: readonly CellValue[]): Record<string, CellValue> =>
    Object.fromEntries(summary.years.map((y, i) => [`${key}_${y}`, values[i]]));
  return [
    {
      key: 'totals', zh: '逐年汇总', en: 'Totals by year', sections: [{
        columns: [
          col('year', '年度', 'Year', 'int'), col('teachers', '教师数', 'Teachers', 'int'), col('eligible', '符合交流条件', 'Eligible', 'int'),
          col('sent', '派出人数', 'Sent', 'int'), col('gaps_needed', '缺编岗位', 'Posts needed', 'int'), col('gaps_filled', '已补岗位', 'Posts filled', 'int'),
          col('shortfalls', '未达标项', 'Shortfalls', 'int'), col('optimal', '已证明最优', 'Proven optimal', 'bool'), col('check', '独立校验', 'Check'),
        ],
        rows: summary.totals.map((t) => ({ ...t, check: t.check === 'passed' ? (lang === 'zh' ? '通过' : 'passed') : (lang === 'zh' ? '未通过' : 'failed') })),
      }],
      charts: [{ key: 'years', option: yearsChartOption(summary.totals, minShare, lang), width: 760, height: 380 }],
    },
    {
      key: 'counties', zh: '县市区逐年', en: 'Counties by year', sections: [{
        columns: [
          col('county', '县市区', 'County'), col('year', '年度', 'Year', 'int'), col('teachers', '教师数', 'Teachers', 'int'),
          col('senders', '派出学校数', 'Senders', 'int'), col('senders_met', '达标派出学校', 'Senders meeting R1/R2', 'int'),
          col('eligible', '符合交流条件', 'Eligible', 'int'), col('required', '应派人数', 'Required', 'int'), col('sent', '派出人数', 'Sent', 'int'),
          col('backbone_sent', '派出骨干', 'Backbone sent', 'int'), col('gaps_needed', '缺编岗位', 'Posts needed', 'int'),
          col('gaps_filled', '已补岗位', 'Posts filled', 'int'), col('shortfalls', '未达标项', 'Shortfalls', 'int'), col('optimal', '已证明最优', 'Proven optimal', 'bool'),
        ],
        rows: summary.counties.map((c) => ({ ...c })),
      }],
    },
    {
      key: 'senders', zh: '派出学校逐年', en: 'Senders by year', sections: [{
        columns: [
          col('school_id', '学校代码', 'School id', 'id'), col('name', '学校名称', 'School'), col('county', '县市区', 'County'),
          ...perYear('eligible', '符合条件', 'Eligible'), ...perYear('sent', '派出', 'Sent'),
          ...perYear('served_share', '累计已交流比例', 'Share served so far', 'decimal'),
        ],
        rows: summary.senders.map((s) => ({
          school_id: s.school_id, name: s.name, county: s.county,
          ...spread('eligible', s.eligible), ...spread('sent', s.sent), ...spread('served_share', s.served_share),
        })),
      }],
    },
    {
      key: 'receivers', zh: '接收学校逐年', en: 'Receivers by year', sections: [{
        columns: [
          col('school_id', '学校代码', 'School id', 'id'), col('name', '学校名称', 'School'), col('county', '县市区', 'County'),
          ...perYear('needed', '缺编', 'Needed'), ...perYear('filled', '已补', 'Filled'),
        ],
        rows: summary.receivers.map((r) => ({ school_id: r.school_id, name: r.name, county: r.county, ...spread('needed', r.needed), ...spread('filled', r.filled) })),
      }],
    },
  ];
}

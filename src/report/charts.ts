/**
 * The workbook's charts as ECharts options: pure data in, an option object
 * out, no Node API — so the review page draws the same charts in the browser
 * (`echarts.init(el).setOption(option)`) that plan.xlsx and summary.xlsx
 * carry as pictures (rendered by chart-render.ts).
 *
 * Every builder takes its words in one language: Chinese for a zh workbook,
 * English for an en one.
 */
import type { Lang } from '../io/export/sheet-model.js';
import type { BalanceIndicator, BalanceRow, BalanceStage } from '../policy/balance.js';

/** An ECharts option (kept structural so this module needs no ECharts types at run time). */
export type ChartOption = Record<string, unknown>;

/** A chart for a sheet: its option and the picture's size in pixels. */
export interface ChartSpec {
  readonly key: string;
  readonly option: ChartOption;
  readonly width: number;
  readonly height: number;
}

/** The family every chart's text is set in; chart-render.ts ships it (Noto Sans SC). */
export const CHART_FONT = 'Noto Sans SC';

const W = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

const STAGE: Readonly<Record<BalanceStage, { zh: string; en: string }>> = {
  primary: { zh: '小学', en: 'primary' }, junior: { zh: '初中', en: 'junior' },
};
const INDICATOR_SHORT: Readonly<Record<BalanceIndicator, { zh: string; en: string }>> = {
  education: { zh: '高学历教师', en: 'Higher education' },
  backbone: { zh: '县级以上骨干', en: 'County backbone' },
  pe_music_art: { zh: '体艺教师', en: 'PE, music, art' },
};

function base(title: string): ChartOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT },
    title: { text: title, left: 'center', top: 6, textStyle: { fontFamily: CHART_FONT, fontSize: 16, fontWeight: 'bold' } },
    legend: { bottom: 4, textStyle: { fontFamily: CHART_FONT } },
    grid: { left: 56, right: 24, top: 48, bottom: 64, containLabel: true },
    tooltip: { trigger: 'axis' },
    // for the browser: plain words in the tooltip, no raw keys
    aria: { enabled: true, label: { description: title } },
  };
}

const axisLabel = { fontFamily: CHART_FONT, interval: 0, fontSize: 11 };

/**
 * 均衡: the 差异系数 (CV) before and after the plan for each county, stage and
 * indicator, against the Wenzhou target (0.30) and each stage's national limit.
 */
export function balanceChartOption(rows: readonly BalanceRow[], lang: Lang): ChartOption {
  const counties = new Set(rows.map((r) => r.county));
  const name = (r: BalanceRow) => `${counties.size > 1 ? `${r.county} ` : ''}${STAGE[r.stage][lang]}${lang === 'zh' ? '' : ' '}${INDICATOR_SHORT[r.indicator][lang]}`;
  const cv = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
  const target = rows[0]?.target ?? 0.3;
  const limits = [...new Map(rows.map((r) => [r.stage, r.limit])).entries()];
  const line = (value: number, label: string, color: string) => ({
    yAxis: value, label: { formatter: label, position: 'insideEndTop', fontFamily: CHART_FONT }, lineStyle: { color, type: 'dashed', width: 1.5 },
  });
  return {
    ...base(W(lang, '差异系数：轮岗前后（越低越均衡）', 'Coefficient of variation before and after (lower is more even)')),
    xAxis: { type: 'category', data: rows.map(name), axisLabel: { ...axisLabel, rotate: rows.length > 6 ? 20 : 0 } },
    yAxis: { type: 'value', name: W(lang, '差异系数', 'CV'), nameTextStyle: { fontFamily: CHART_FONT }, axisLabel: { fontFamily: CHART_FONT } },
    series: [
      {
        type: 'bar', name: W(lang, '轮岗前', 'Before'), data: rows.map((r) => cv(r.before)), itemStyle: { color: '#9fb7d6' },
        label: { show: true, position: 'top', fontFamily: CHART_FONT, fontSize: 10 },
        markLine: {
          symbol: 'none', silent: true,
          data: [
            line(target, W(lang, `温州目标 ${target}`, `Wenzhou target ${target}`), '#d9822b'),
            ...limits.map(([stage, limit]) => line(limit, W(lang, `${STAGE[stage].zh}国家标准 ${limit}`, `${STAGE[stage].en} national limit ${limit}`), '#c23531')),
          ],
        },
      },
      { type: 'bar', name: W(lang, '轮岗后', 'After'), data: rows.map((r) => cv(r.after)), itemStyle: { color: '#2f6db5' }, label: { show: true, position: 'top', fontFamily: CHART_FONT, fontSize: 10 } },
    ],
  };
}

/** One receiver's posts for the 学科缺口 chart. */
export interface ReceiverPosts {
  readonly name: string;
  readonly needed: number;
  readonly filled: number;
}

/** 学科缺口: posts needed and filled per receiving school. */
export function gapsChartOption(receivers: readonly ReceiverPosts[], lang: Lang): ChartOption {
  return {
    ...base(W(lang, '接收学校缺编与已补岗位', 'Posts needed and filled per receiving school')),
    xAxis: { type: 'category', data: receivers.map((r) => r.name), axisLabel: { ...axisLabel, rotate: receivers.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, name: W(lang, '岗位数', 'Posts'), nameTextStyle: { fontFamily: CHART_FONT }, axisLabel: { fontFamily: CHART_FONT } },
    series: [
      { type: 'bar', name: W(lang, '缺编', 'Needed'), data: receivers.map((r) => r.needed), itemStyle: { color: '#9fb7d6' }, label: { show: true, position: 'top', fontFamily: CHART_FONT } },
      { type: 'bar', name: W(lang, '已补', 'Filled'), data: receivers.map((r) => r.filled), itemStyle: { color: '#3a9a5b' }, label: { show: true, position: 'top', fontFamily: CHART_FONT } },
    ],
  };
}

/** Allowance totals of one remoteness tier, by item (yuan). */
export interface TierAllowances {
  readonly tier: number;
  readonly items: Readonly<Record<string, number>>;
}

/** 津贴: totals by remoteness tier, stacked by allowance item. */
export function allowancesChartOption(tiers: readonly TierAllowances[], items: readonly string[], lang: Lang): ChartOption {
  const tierName = (t: number) => W(lang, `${t}档`, `Tier ${t}`);
  return {
    ...base(W(lang, '津贴合计（元）：按艰苦程度与项目', 'Allowance totals (yuan) by tier and item')),
    xAxis: { type: 'category', data: tiers.map((t) => tierName(t.tier)), axisLabel },
    yAxis: { type: 'value', name: W(lang, '元', 'yuan'), nameTextStyle: { fontFamily: CHART_FONT }, axisLabel: { fontFamily: CHART_FONT } },
    series: items.map((item) => ({
      type: 'bar', stack: 'total', name: item, data: tiers.map((t) => Math.round((t.items[item] ?? 0) * 100) / 100),
    })),
  };
}

/** One year of the multi-year summary, for its chart. */
export interface YearPoint {
  readonly year: number;
  readonly eligible: number;
  readonly sent: number;
  readonly gaps_needed: number;
  readonly gaps_filled: number;
}

/** summary.xlsx: share of eligible teachers sent, and posts needed and filled, by year. */
export function yearsChartOption(years: readonly YearPoint[], minShare: number | null, lang: Lang): ChartOption {
  const share = (y: YearPoint) => (y.eligible > 0 ? Math.round((y.sent / y.eligible) * 1000) / 10 : 0);
  return {
    ...base(W(lang, '逐年派出比例与补缺情况', 'Share sent and posts filled by year')),
    xAxis: { type: 'category', data: years.map((y) => String(y.year)), axisLabel },
    yAxis: [
      { type: 'value', minInterval: 1, name: W(lang, '岗位数', 'Posts'), nameTextStyle: { fontFamily: CHART_FONT }, axisLabel: { fontFamily: CHART_FONT } },
      { type: 'value', name: W(lang, '派出比例（%）', 'Share sent (%)'), min: 0, nameTextStyle: { fontFamily: CHART_FONT }, axisLabel: { fontFamily: CHART_FONT, formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: W(lang, '缺编岗位', 'Posts needed'), data: years.map((y) => y.gaps_needed), itemStyle: { color: '#9fb7d6' }, label: { show: true, position: 'top', fontFamily: CHART_FONT } },
      { type: 'bar', name: W(lang, '已补岗位', 'Posts filled'), data: years.map((y) => y.gaps_filled), itemStyle: { color: '#3a9a5b' }, label: { show: true, position: 'top', fontFamily: CHART_FONT } },
      {
        type: 'line', yAxisIndex: 1, name: W(lang, '派出人数占符合条件人数（%）', 'Sent of eligible (%)'), data: years.map(share),
        itemStyle: { color: '#c23531' }, label: { show: true, formatter: '{c}%', fontFamily: CHART_FONT },
        ...(minShare === null ? {} : {
          markLine: { symbol: 'none', silent: true, data: [{ yAxis: Math.round(minShare * 1000) / 10, label: { formatter: W(lang, `最低比例 ${minShare * 100}%`, `minimum ${minShare * 100}%`), fontFamily: CHART_FONT }, lineStyle: { color: '#d9822b', type: 'dashed' } }] },
        }),
      },
    ],
  };
}

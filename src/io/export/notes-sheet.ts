/**
 * The 说明 sheet: which scenario and year, every policy figure the plan used
 * (each allowance item and tier amount, with the reminder that the amounts
 * are placeholders each county must set), the totals, and what the solver
 * reported in plan.stats.
 */
import { KIND_ZH } from '../../domain/allowance-policy.js';
import { BACKBONE_LEVELS } from '../../domain/codes.js';
import { pointsFormula } from '../../policy/points.js';
import type { PlanWorkbookInput } from './plan-sheet-input.js';
import { col, type CellValue, type Lang, type PlanSheet, type SheetSection } from './sheet-model.js';

type Fact = [zh: string, en: string, value: CellValue];

const pct = (share: number) => `${Math.round(share * 10000) / 100}%`;

/** Labels of plan.stats keys; a key without one is shown under 其他 / Other with its value in words. */
const STATS: Readonly<Record<string, [string, string]>> = {
  teachers: ['教师总数', 'Teachers'], eligible: ['符合交流条件人数', 'Eligible'], sent: ['派出人数', 'Sent'],
  gaps_needed: ['缺编人数（净）', 'Posts needed (net)'], gaps_filled: ['已补缺编', 'Posts filled'],
  solver: ['求解器', 'Solver'], optimal: ['已证明最优', 'Proven optimal'], status: ['求解状态', 'Solver status'],
  solve_ms: ['求解用时（毫秒）', 'Solve time (ms)'], variables: ['模型变量数', 'Model variables'],
  constraints: ['模型约束数', 'Model constraints'], gap: ['最优间隙', 'MIP gap'],
  needs_mode: ['缺编来源', 'Where needed posts come from'], needs_from_norms: ['按编制测算缺编的学校', 'Receivers whose needs came from the norms'],
  check: ['独立校验', 'Independent check'], counties: ['县市区数', 'Counties'], cuts: ['有效不等式数', 'Valid inequalities'],
  r2_when_short: ['骨干不足时 R2 的口径', 'R2 reading when backbone is short'],
  volunteers: ['银龄讲学志愿者', 'Volunteers (银龄讲学)'], volunteers_placed: ['银龄讲学已安排', 'Volunteers placed'],
  gaps_filled_by_volunteers: ['银龄讲学补缺', 'Posts volunteers fill'], volunteers_optimal: ['银龄讲学安排已证明最优', 'Volunteer placement proven optimal'],
};

const NEEDS_MODE: Readonly<Record<string, [string, string]>> = {
  auto: ['needs.csv；未填写的接收学校按编制标准测算', 'needs.csv, and the staffing norms for receivers without rows'],
  norms: ['全部接收学校按编制标准测算', 'the staffing norms for every receiver'],
  file: ['仅 needs.csv', 'needs.csv only'],
};
const CHECK: Readonly<Record<string, [string, string]>> = { passed: ['通过', 'passed'], failed: ['未通过', 'failed'] };

/** The objective's levels in words, in the order they were optimised (plan.json stats.objective keys). */
export function objectiveLevelName(key: string, lang: Lang): string {
  const fixed: Readonly<Record<string, [string, string]>> = {
    'R1 shortfall': ['派出人数缺口（R1，越少越好）', 'teachers short of the R1 quota (fewer is better)'],
    'R2 shortfall': ['骨干人数缺口（R2，越少越好）', 'backbone teachers short of R2 (fewer is better)'],
    'R5 receivers given a backbone teacher': ['获得县级以上骨干的接收学校（R5）', 'receivers given a county-level backbone teacher (R5)'],
    'extra teachers (fewer is better)': ['超额派出人数（越少越好）', 'extra teachers sent (fewer is better)'],
    'teachers needing rural service for a title': ['需乡村任教以申报职称的教师', 'teachers who need rural service for a title'],
    'preferences met': ['满足意向学校（加权）', 'preferences met (weighted)'],
    'same education group': ['派往同一教育集团', 'sent within their education group'],
    'total distance (0.1 km, shorter is better)': ['总距离（0.1 公里，越短越好）', 'total distance (0.1 km, shorter is better)'],
    'places kept from the provisional plan minus newcomers': ['保留暂定名单的岗位减去新增人数', 'places kept from the provisional list minus newcomers'],
    'posts filled and backbone balance (balance.backbone_weight)': ['已补岗位与骨干均衡（balance.backbone_weight）', 'posts filled and backbone balance (balance.backbone_weight)'],
  };
  const f = fixed[key];
  if (f !== undefined) return lang === 'zh' ? f[0] : f[1];
  const p = /^R4 priority-(\d+) posts filled$/.exec(key);
  if (p !== null) return lang === 'zh' ? `已补第 ${p[1]} 优先级缺编岗位（R4）` : `priority-${p[1]} posts filled (R4)`;
  return key;
}

/** A value of plan.stats in words: no JSON in a cell. */
function statValue(key: string, v: unknown, lang: Lang): CellValue {
  const pick = (pair: [string, string] | undefined, raw: string) => (pair === undefined ? raw : lang === 'zh' ? pair[0] : pair[1]);
  if (key === 'needs_mode' && typeof v === 'string') return pick(NEEDS_MODE[v], v);
  if (key === 'check' && typeof v === 'string') return pick(CHECK[v], v);
  if (key === 'counties' && Array.isArray(v)) return v.length;
  if (Array.isArray(v)) return v.length === 0 ? (lang === 'zh' ? '无' : 'none') : v.map(String).join(lang === 'zh' ? '、' : ', ');
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k} ${String(x)}`).join(lang === 'zh' ? '；' : '; ');
}
function facts({ scenario, plan, report }: PlanWorkbookInput, lang: Lang): Fact[] {
  const p = scenario.policy;
  const noCap = lang === 'zh' ? '不限' : 'no cap';
  const level = (c: string) => (lang === 'zh' ? BACKBONE_LEVELS.zh[c as keyof typeof BACKBONE_LEVELS.zh] : c);
  const out: Fact[] = [
    ['场景', 'Scenario', scenario.name], ['计划学年', 'Plan year', plan.plan_year],
    ['轮岗期开始', 'Term start', plan.period.start], ['轮岗期结束', 'Term end', plan.period.end],
    ['最低派出比例（R1）', 'Minimum share sent (R1)', pct(p.rotation.min_share)], ['派出比例上限', 'Maximum share sent', pct(p.rotation.max_share)],
    ['骨干最低比例（R2）', 'Backbone share of those sent (R2)', pct(p.rotation.backbone_min_share)],
    ['R2 骨干等级（及以上）', 'R2 backbone level (or above)', level(p.rotation.backbone_level)],
    ['R5 骨干等级（及以上）', 'R5 backbone level (or above)', level(p.rotation.r5_backbone_level)],
    ['本校任教年限（年）', 'Years at school', p.eligibility.min_years_at_school],
    ['年龄上限（男）', 'Age limit (men)', p.eligibility.max_age.M], ['年龄上限（女）', 'Age limit (women)', p.eligibility.max_age.F],
    ['再次交流间隔（年）', 'Cooldown (years)', p.eligibility.cooldown_years],
    ['学年开始（月-日）', 'Term starts (MM-DD)', p.term.start], ['轮岗期限（学年）', 'Rotation length (school years)', p.term.years],
    ['最远距离（公里）', 'Distance cap (km)', p.assignment.max_distance_km ?? noCap],
    ['每校超额派入上限', 'Extra teachers per receiver', p.assignment.max_extra_per_receiver ?? noCap],
    ['职称预警年限（年）', 'Title horizon (years)', p.assignment.title_horizon_years],
    ['职称所需乡村任教月数', 'Rural months required for a title', p.assignment.title_rural_months],
    ['优先积分', 'Priority points', pointsFormula(p, lang)],
    ['不足整月的津贴', 'Allowance for a part month', p.allowances.part_month === 'pro_rata' ? (lang === 'zh' ? '按日折算' : 'pro rata by days') : (lang === 'zh' ? '不计发' : 'not paid')],
    // 走教 (plan.json itinerant): the limits it was planned under and what it covered; only when it was planned.
    ...(plan.itinerant === undefined ? [] : [
      ['走教最远距离（公里）', '走教 distance limit (km)', p.itinerant.max_distance_km ?? noCap],
      ['每人走教学校上限', '走教 schools per teacher', p.itinerant.max_schools],
      ['每人每周走教课时上限', '走教 periods a week per teacher', p.itinerant.max_periods],
      ['走教补贴（元/月，0–3档，占位数）', '走教 subsidy (yuan a month, tiers 0–3, placeholders)', p.itinerant.subsidy_monthly.join(' / ')],
      ['走教教师人数', 'Itinerant teachers', new Set(plan.itinerant.covers.map((c) => c.teacher_id)).size],
      ['走教课时（每周）', 'Periods a week covered by 走教', plan.itinerant.covers.reduce((n, c) => n + c.periods, 0)],
    ] satisfies Fact[]),
    ...(plan.volunteers === undefined ? [] : [
      ['银龄讲学年龄上限', 'Volunteers: age limit', p.volunteers.max_age],
      ['银龄讲学月补助（0–3档，元）', 'Volunteers: monthly subsidy, tiers 0–3 (yuan)', p.volunteers.subsidy_monthly.join(' / ')],
    ] as Fact[]),
    ['轮岗人数', 'Teachers rotated', plan.assignments.length],
    ['享受津贴人数', 'Allowance rows', plan.allowances.length],
    ['津贴合计（元）', 'Allowances total (yuan)', report.allowanceTotals.all.total],
    ['未满足事项', 'Shortfalls', plan.shortfalls.length],
    ['职称预警人数', 'Title warnings', report.titleWarnings.length],
    ['收入对比预警', 'Income parity flags', report.income === null ? (lang === 'zh' ? '未设置基本工资' : 'base pay not set') : report.income.flags.length],
  ];
  for (const [key, v] of Object.entries(plan.stats)) {
    if (key === 'objective') continue; // its own table below
    const [zh, en] = STATS[key] ?? [`其他：${key}`, `Other: ${key}`];
    out.push([zh, en, statValue(key, v, lang)]);
  }
  return out;
}

const TIER_COLUMNS = [
  col('tier0', '0档（非艰苦）', 'Tier 0', 'money'), col('tier1', '1档（乡镇）', 'Tier 1 (township)', 'money'),
  col('tier2', '2档（村）', 'Tier 2 (village)', 'money'), col('tier3', '3档（偏远山区、海岛）', 'Tier 3 (remote, island)', 'money'),
];

const MINIMISED = new Set(['R1 shortfall', 'R2 shortfall', 'extra teachers (fewer is better)', 'total distance (0.1 km, shorter is better)']);

/** The objective's levels, in the order they were optimised, with the value the plan reached. */
function objectiveSection({ plan }: PlanWorkbookInput, lang: Lang): SheetSection[] {
  const objective = plan.stats.objective;
  if (objective === undefined) return [];
  return [{
    title: { zh: '优化目标（按先后次序逐级最优）', en: 'Objective (each level optimal in turn)' },
    columns: [col('order', '次序', 'Order', 'int'), col('level', '目标', 'Level'), col('value', '本计划取值', 'This plan', 'decimal')],
    rows: Object.entries(objective).map(([key, v], i) => ({
      // Levels to make small are maximised as negatives (plan.json): shown as the count or distance itself.
      order: i + 1, level: objectiveLevelName(key, lang), value: MINIMISED.has(key) ? -v : v,
    })),
  }];
}

/** The 说明 (Notes) sheet. */
export function notesSheet(input: PlanWorkbookInput, lang: Lang): PlanSheet {
  const items = input.scenario.policy.allowances.items;
  return {
    key: 'notes', zh: '说明', en: 'Notes',
    sections: [
      {
        columns: [col('item', '项目', 'Item'), col('value', '内容', 'Value', 'auto')],
        rows: facts(input, lang).map(([zh, en, value]) => ({ item: lang === 'zh' ? zh : en, value })),
      },
      ...objectiveSection(input, lang),
      {
        title: { zh: '津贴标准（元/月）', en: 'Allowance rates (yuan a month)' },
        columns: [col('key', '代码', 'Key', 'id'), col('name', '名称', 'Name'), col('applies_to', '适用对象', 'Paid to'), ...TIER_COLUMNS],
        rows: items.map((i) => ({
          key: i.key, name: i.name, applies_to: lang === 'zh' ? KIND_ZH[i.applies_to] : i.applies_to,
          tier0: i.monthly[0], tier1: i.monthly[1], tier2: i.monthly[2], tier3: i.monthly[3],
        })),
      },
      {
        title: { zh: '注', en: 'Note' },
        columns: [col('note', '说明', 'Note')],
        rows: [{ note: lang === 'zh'
          ? '以上津贴标准为示例占位数（参照福建省：乡村教师生活补助平均每月不低于300元、按艰苦程度分档），并非温州标准；各县（市、区）须在 policy.json 的 allowances.items 中按本地文件设定。'
          : 'These allowance rates are placeholders (in the range of Fujian: rural living subsidy at least 300 yuan a month on average, graded by hardship), not Wenzhou figures; each county must set its own in policy.json allowances.items.' }],
      },
    ],
  };
}

/**
 * What the terminal says about a plan: one line per county and the most
 * important shortfalls, with the full list left to the workbook's 未满足事项
 * sheet and plan.json. Pure: scenario and plan in, summary data out; the
 * text is made in one language (report/language.ts).
 */
import type { Plan, Rule, Shortfall } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { inLanguage, type Lang } from './language.js';

/** Shortfalls shown in the terminal without `--verbose`. */
export const TOP_SHORTFALLS = 10;

const RULES: readonly Rule[] = ['R1', 'R2', 'R3', 'R4', 'R5'];

export interface CountySummary {
  readonly county: string;
  readonly senders: number;
  readonly sent: number;
  readonly backbone_sent: number;
  /** Needed posts filled, and needed — both net of the running rotations, which already fill their posts. */
  readonly posts_filled: number;
  readonly posts_needed: number;
  /** Receivers with a county-level-or-above backbone teacher after the plan (R5), of all receivers. */
  readonly r5_covered: number;
  readonly receivers: number;
  readonly shortfalls: Readonly<Record<Rule, number>>;
}

export interface PlanSummary {
  readonly year: number;
  readonly counties: readonly CountySummary[];
  readonly shortfalls: number;
  /** Shortfalls, most important first (R1 before R2 … before R5; a school's larger R4 gap first). */
  readonly ordered: readonly Shortfall[];
  readonly optimal: boolean;
  readonly solve_ms: number;
}

const noShortfalls = (): Record<Rule, number> => ({ R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 });

/**
 * The per-county figures of a plan and its shortfalls in order of importance.
 *
 * @example planSummary(scenario, plan).counties[0] // { county: '鹿城区', sent: 11, posts_filled: 11, posts_needed: 11, … }
 */
export function planSummary(scenario: Scenario, plan: Plan): PlanSummary {
  const countyOf = new Map(scenario.schools.map((s) => [s.school_id, s.county]));
  const order = [...new Set(scenario.schools.map((s) => s.county))];
  const rows = new Map(order.map((c) => [c, {
    county: c, senders: 0, sent: 0, backbone_sent: 0, posts_filled: 0, posts_needed: 0, r5_covered: 0, receivers: 0, shortfalls: noShortfalls(),
  }]));
  const row = (school: string) => rows.get(countyOf.get(school) ?? '') ?? rows.values().next().value!;
  for (const s of plan.senders) {
    const r = row(s.school_id);
    r.senders += 1; r.sent += s.sent; r.backbone_sent += s.backbone_sent;
  }
  for (const g of plan.gaps) {
    const r = row(g.school_id);
    r.posts_filled += g.filled; r.posts_needed += g.needed;
  }
  for (const x of plan.receivers) {
    const r = row(x.school_id);
    r.receivers += 1; if (x.county_backbone_after > 0) r.r5_covered += 1;
  }
  for (const f of plan.shortfalls) row(f.school_id).shortfalls[f.rule] += 1;
  const unfilled = new Map<string, number>();
  for (const g of plan.gaps) unfilled.set(g.school_id, (unfilled.get(g.school_id) ?? 0) + g.unfilled);
  const ordered = [...plan.shortfalls].sort((a, b) => RULES.indexOf(a.rule) - RULES.indexOf(b.rule)
    || (a.rule === 'R4' ? (unfilled.get(b.school_id) ?? 0) - (unfilled.get(a.school_id) ?? 0) : 0)
    || (a.school_id < b.school_id ? -1 : a.school_id > b.school_id ? 1 : 0));
  return {
    year: plan.plan_year, counties: [...rows.values()].filter((r) => r.senders + r.receivers > 0),
    shortfalls: plan.shortfalls.length, ordered, optimal: plan.stats.optimal, solve_ms: plan.stats.solve_ms,
  };
}

function byRule(counts: Readonly<Record<Rule, number>>, lang: Lang): string {
  const parts = RULES.filter((r) => counts[r] > 0).map((r) => `${r} ${counts[r]}`);
  if (parts.length === 0) return lang === 'zh' ? '无未满足事项' : 'no shortfalls';
  return `${lang === 'zh' ? '未满足' : 'shortfalls'} ${parts.join(', ')}`;
}

/**
 * One line per county: sent, posts filled of needed (net of running
 * rotations), R5 covered, shortfalls by rule.
 *
 * @example countyLines(summary, 'en')[0] // '  鹿城区: 11 sent from 6 senders, 11/11 needed posts filled (net of running rotations), R5 7/7 receivers, no shortfalls'
 */
export function countyLines(summary: PlanSummary, lang: Lang): string[] {
  return summary.counties.map((c) => (lang === 'zh'
    ? `  ${c.county}：${c.senders} 所派出学校派出 ${c.sent} 人，缺编岗位补 ${c.posts_filled}/${c.posts_needed}（已扣除在轮岗教师），R5 ${c.r5_covered}/${c.receivers} 所接收学校有县级以上骨干，${byRule(c.shortfalls, lang)}`
    : `  ${c.county}: ${c.sent} sent from ${c.senders} senders, ${c.posts_filled}/${c.posts_needed} needed posts filled (net of running rotations), R5 ${c.r5_covered}/${c.receivers} receivers, ${byRule(c.shortfalls, lang)}`));
}

/**
 * The shortfalls to print: the most important `TOP_SHORTFALLS` (all with
 * `verbose`), each in one language, and a line saying where the rest are.
 *
 * @example shortfallLines(summary, 'zh', false, ['out/plan.xlsx 的「未满足事项」表', 'out/plan.json'])
 */
export function shortfallLines(summary: PlanSummary, lang: Lang, verbose: boolean, fullListAt: readonly string[]): string[] {
  const shown = verbose ? summary.ordered : summary.ordered.slice(0, TOP_SHORTFALLS);
  const lines = shown.map((f) => `  ${f.rule} ${f.school_id}: ${inLanguage(f.detail, lang)}`);
  const rest = summary.ordered.length - shown.length;
  if (rest > 0) {
    lines.push(lang === 'zh'
      ? `  …另有 ${rest} 条；完整清单见 ${fullListAt.join('、')}（或加 --verbose）`
      : `  … ${rest} more; the full list is in ${fullListAt.join(' and ')} (or use --verbose)`);
  }
  return lines;
}

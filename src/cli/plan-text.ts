/**
 * What `plan`, `replan` and `check` print about a plan, in one language: a
 * head line, one line per county, the most important shortfalls (all with
 * `--verbose`) and where the full list is; `--json` prints the same as data.
 */
import { join } from 'node:path';
import { styleText } from 'node:util';
import type { Violation } from '../check/check.js';
import type { Plan } from '../domain/plan.js';
import { warningLines } from './plan-policy.js';
import type { Scenario } from '../domain/scenario.js';
import { inLanguage, type Lang } from '../report/language.js';
import { countyLines, planSummary, shortfallLines, TOP_SHORTFALLS, type PlanSummary } from '../report/plan-summary.js';

/** The head line of a planned year. */
export function planHead(plan: Plan, path: string, lang: Lang): string {
  const s = plan.stats;
  const optimal = s.optimal
    ? (lang === 'zh' ? '已证明最优' : 'proven optimal')
    : styleText('yellow', lang === 'zh' ? '未能证明最优' : 'NOT proven optimal');
  // Under the head: 走教, then 银龄讲学 (volunteers take the posts 走教 leaves open).
  const volunteers = plan.volunteers === undefined ? '' : `\n${volunteersLine(plan, lang)}`;
  return `${headLine(plan, path, lang, optimal)}${itinerantLine(plan, lang)}${volunteers}`;
}

/** "  走教：…" under the head line when the plan has 走教 covers (plan.json itinerant); '' otherwise. */
function itinerantLine(plan: Plan, lang: Lang): string {
  const it = plan.itinerant;
  if (it === undefined) return '';
  const teachers = new Set(it.covers.map((c) => c.teacher_id)).size;
  const periods = it.covers.reduce((n, c) => n + c.periods, 0);
  const posts = plan.gaps.reduce((n, g) => n + (g.itinerant_posts ?? 0), 0);
  return lang === 'zh'
    ? `\n  走教：${teachers} 名教师每周 ${periods} 节，补足未补岗位 ${posts} 个`
    : `\n  走教 (itinerant teaching): ${teachers} teachers, ${periods} periods a week, ${posts} open post(s) made whole`;
}

function headLine(plan: Plan, path: string, lang: Lang, optimal: string): string {
  const s = plan.stats;
  return lang === 'zh'
    ? `${plan.plan_year} 学年：派出 ${s.sent} 人（${plan.senders.length} 所派出学校），缺编岗位补 ${s.gaps_filled}/${s.gaps_needed}（已扣除在轮岗教师），未满足 ${plan.shortfalls.length} 项；${optimal}，用时 ${s.solve_ms} ms → ${path}`
    : `${plan.plan_year}: ${s.sent} teachers sent from ${plan.senders.length} senders, ${s.gaps_filled}/${s.gaps_needed} needed posts filled (net of running rotations), ${plan.shortfalls.length} shortfalls; ${optimal} in ${s.solve_ms} ms → ${path}`;
}

/** The 银龄讲学 line under the head, when the scenario has volunteers.csv. */
function volunteersLine(plan: Plan, lang: Lang): string {
  const all = plan.volunteers ?? [];
  const placed = all.filter((v) => v.to_school !== null);
  const posts = placed.length;
  const open = plan.gaps.reduce((n, g) => n + g.unfilled, 0);
  return lang === 'zh'
    ? `  银龄讲学：志愿者 ${all.length} 人，安排 ${placed.length} 人，补轮岗后空缺 ${posts}/${open} 岗（未安排的原因见 银龄讲学 表）`
    : `  volunteers (银龄讲学): ${placed.length} of ${all.length} placed, filling ${posts} of the ${open} posts rotation leaves open (why the others are not: the Volunteers sheet)`;
}

/** Where the full shortfall list of a plan written into `dir` is. */
export function fullListAt(dir: string, lang: Lang): string[] {
  return lang === 'zh'
    ? [`${join(dir, 'plan.xlsx')} 的「未满足事项」表`, `${join(dir, 'plan.json')} 的 shortfalls`]
    : [`the Shortfalls sheet (未满足事项) of ${join(dir, 'plan.xlsx')}`, `shortfalls in ${join(dir, 'plan.json')}`];
}

/** The county lines and the shortfalls of a plan. */
export function summaryBody(summary: PlanSummary, lang: Lang, verbose: boolean, where: readonly string[]): string[] {
  const lines = summary.counties.length > 1 || summary.shortfalls > 0 ? countyLines(summary, lang) : [];
  return [...lines, ...shortfallLines(summary, lang, verbose, where)];
}

/** A violation found by the checker, in one language. */
export function violationLine(v: Violation, lang: Lang, prefix = ''): string {
  return `${styleText('red', `${lang === 'zh' ? '检查' : 'check'} ${prefix}${v.rule}`)} ${inLanguage(v.message, lang)}`;
}

/** `--json`: the summary of a planned year as data. */
export function summaryJson(scenario: Scenario, plan: Plan, violations: readonly Violation[], path: string, verbose: boolean) {
  const s = planSummary(scenario, plan);
  return {
    year: s.year, plan: path, optimal: s.optimal, solve_ms: s.solve_ms,
    sent: plan.stats.sent, posts_filled: plan.stats.gaps_filled, posts_needed: plan.stats.gaps_needed,
    counties: s.counties, shortfalls: s.shortfalls,
    top_shortfalls: verbose ? s.ordered : s.ordered.slice(0, TOP_SHORTFALLS),
    violations: violations.length, check: violations.length === 0 ? 'passed' : 'failed',
  };
}

/** The plan's warnings (a balance indicator over its national limit …) in one language; no rule broken, the exit code unchanged. */
export function warningText(plan: Plan, lang: Lang): string {
  const label = lang === 'zh' ? '警告' : 'warning';
  return warningLines({ ...plan, warnings: (plan.warnings ?? []).map((w) => ({ ...w, message: inLanguage(w.message, lang) })) })
    .replaceAll('警告 warning', label)
    .split('\n').map((l) => (l.includes(' … 另有 ') ? inLanguage(l, lang) : l)).join('\n');
}

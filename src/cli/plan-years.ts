/**
 * `rotation plan <scenario> --years 2018-2020 --out DIR`: the years planned
 * in turn by the pipeline's planYears, the files written at once or not at
 * all (io/export/years-files.ts), one summary per year printed.
 */
import { join } from 'node:path';
import type { Scenario } from '../domain/scenario.js';
import { writeTree } from '../io/export/write-tree.js';
import { lpExportFiles, yearsOutputFiles } from '../io/export/years-files.js';
import { planYears } from '../pipeline.js';
import type { Lang } from '../report/language.js';
import { planSummary } from '../report/plan-summary.js';
import type { PlanArgs } from './plan.js';
import { solveSettings } from './options.js';
import { fullListAt, planHead, summaryBody, summaryJson, violationLine, warningText } from './plan-text.js';
import { progress } from './progress.js';
import { EXIT_OK, EXIT_SHORTFALL } from './run.js';

export { parseYears } from './options.js';

/** Plans, checks and writes every year; the exit code (2 when any year has a shortfall or a violation). */
export async function planYearsCommand(scenario: Scenario, years: readonly number[], args: PlanArgs, lang: Lang): Promise<number> {
  const say = (s: string) => { if (!args.quiet) process.stderr.write(`${s}\n`); };
  const exportLp = args['export-lp'];
  const result = await planYears(scenario, years, { ...solveSettings(args, exportLp !== undefined), sets: args.set }, (year) => progress(process.stderr, { quiet: args.quiet, label: `${year} ` }));
  // Everything is built in memory first: a failure in any year leaves DIR as it was.
  const files = await yearsOutputFiles(result, { lang: args.lang ?? 'zh', csv: args.csv });
  if (exportLp !== undefined) {
    const lp = new Map<string, string>();
    for (const y of result.years) for (const [name, text] of lpExportFiles(y, `${y.plan.plan_year}/`)) lp.set(name, text);
    await writeTree(exportLp, lp);
    say(`  wrote ${result.years.reduce((n, y) => n + y.models.length, 0)} LP file(s) into ${exportLp}`);
  }
  await writeTree(args.out, files);
  say(`  wrote ${files.size} files: ${years.map((y) => join(args.out, String(y), '{plan.*,scenario/}')).join(', ')}, ${join(args.out, 'summary.json')}, ${join(args.out, 'summary.xlsx')}`);

  const { summary } = result;
  const served = summary.senders.reduce((n, s) => n + (s.served_so_far.at(-1) ?? 0), 0);
  const ever = summary.senders.reduce((n, s) => n + (s.eligible_so_far.at(-1) ?? 0), 0);
  const share = ever === 0 ? 0 : Math.round((served / ever) * 1000) / 10;
  const summaryPath = join(args.out, 'summary.json');
  const lines: string[] = [];
  for (const y of result.years) {
    const dir = join(args.out, String(y.plan.plan_year));
    lines.push(planHead(y.plan, join(dir, 'plan.json'), lang), ...summaryBody(planSummary(y.scenario, y.plan), lang, args.verbose, fullListAt(dir, lang)));
    const warned = warningText(y.plan, lang).replace(/\n$/, '');
    if (warned !== '') lines.push(warned);
    for (const v of y.violations) process.stderr.write(`${violationLine(v, lang, `${y.plan.plan_year} `)}\n`);
  }
  lines.push(lang === 'zh'
    ? `${years[0]}–${years.at(-1)}：这几年符合交流条件的 ${ever} 名教师中已有 ${served} 人交流（${share} %）→ ${summaryPath}`
    : `${years[0]}–${years.at(-1)}: ${served} of ${ever} teachers eligible in these years have served (${share} %) → ${summaryPath}`);
  if (args.json) {
    const data = {
      years: result.years.map((y) => summaryJson(y.scenario, y.plan, y.violations, join(args.out, String(y.plan.plan_year), 'plan.json'), args.verbose)),
      served, eligible_so_far: ever, served_share: share, summary: summaryPath,
    };
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  } else {
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return result.years.some((y) => y.plan.shortfalls.length > 0 || y.violations.length > 0) ? EXIT_SHORTFALL : EXIT_OK;
}

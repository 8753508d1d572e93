/**
 * `rotation plan <scenario> --years 2018-2020 --out DIR`: the years planned
 * in turn, each year's rotations history for the next (next-year.ts), every
 * year checked like a single-year plan; DIR/<year>/plan.json (+ plan.xlsx,
 * CSV), DIR/<year>/scenario/ (the year's input, for `rotation check`) and
 * DIR/summary.json + summary.xlsx, all written at once or not at all.
 */
import { join } from 'node:path';
import { styleText } from 'node:util';
import type { Scenario } from '../domain/scenario.js';
import { sheetsWorkbookBuffer } from '../io/workbook.js';
import { planOutputFiles } from '../io/write-plan.js';
import { scenarioFiles } from '../io/write-scenario.js';
import { writeTree } from '../io/write-tree.js';
import { yearsSheets } from '../io/years-sheets.js';
import { nextYearScenario } from '../policy/next-year.js';
import { termOf } from '../policy/term.js';
import { type PlannedYear, yearsSummary } from '../policy/years-summary.js';
import { warningLines } from './plan-policy.js';
import { type CheckedYear, lpExportFiles, planCheckedYear, type SolveSettings } from './plan-run.js';
import { progress } from './progress.js';
import { EXIT_OK, EXIT_SHORTFALL } from './run.js';

/** Most years one run plans (the action plan spans three). */
export { parseYears } from './options.js';

export interface YearsRun {
  readonly out: string;
  readonly lang: 'zh' | 'en';
  readonly csv: boolean;
  readonly quiet: boolean;
  readonly 'export-lp': string | undefined;
  readonly settings: SolveSettings;
  readonly say: (line: string) => void;
}

/** Plans, checks and writes every year; the exit code (2 when any year has a shortfall or a violation). */
export async function planYears(scenario: Scenario, years: readonly number[], run: YearsRun): Promise<number> {
  const planned: PlannedYear[] = [];
  const checked: CheckedYear[] = [];
  let current = scenario;
  for (const year of years) {
    const y = await planCheckedYear(current, year, run.settings, progress(process.stderr, { quiet: run.quiet, label: `${year} ` }));
    planned.push({ scenario: current, plan: y.plan, eligible: y.result.eligibility.filter((e) => e.eligible).map((e) => e.teacher_id), violations: y.violations.length });
    checked.push(y);
    current = nextYearScenario(current, y.plan);
  }

  // Everything is built in memory first: a failure in any year leaves DIR as it was.
  const summary = yearsSummary(planned);
  const files = new Map<string, string | Buffer>();
  for (const y of planned) {
    for (const f of await planOutputFiles({ scenario: y.scenario, plan: y.plan, lang: run.lang, csv: run.csv })) files.set(`${y.plan.plan_year}/${f.name}`, f.data);
    // The scenario as it stood that year (history grown, rural months updated), so that
    // `rotation check DIR/<year>/scenario DIR/<year>/plan.json` re-checks the year from the files alone.
    for (const [name, text] of scenarioFiles(y.scenario, { lang: run.lang })) files.set(`${y.plan.plan_year}/scenario/${name}`, text);
  }
  files.set('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  files.set('summary.xlsx', await sheetsWorkbookBuffer(yearsSheets(summary), run.lang, termOf(years[0]!, scenario.policy).start));
  if (run['export-lp'] !== undefined) {
    const lp = new Map<string, string>();
    for (const y of checked) for (const [name, text] of lpExportFiles(y, `${y.plan.plan_year}/`)) lp.set(name, text);
    await writeTree(run['export-lp'], lp);
    run.say(`  wrote ${checked.reduce((n, y) => n + y.models.length, 0)} LP file(s) into ${run['export-lp']}`);
  }
  await writeTree(run.out, files);
  run.say(`  wrote ${files.size} files: ${years.map((y) => join(run.out, String(y), '{plan.*,scenario/}')).join(', ')}, ${join(run.out, 'summary.json')}, ${join(run.out, 'summary.xlsx')}`);

  let trouble = false;
  for (const y of checked) {
    process.stdout.write(`${planLine(y)}\n`);
    for (const f of y.plan.shortfalls) process.stdout.write(`  ${styleText('yellow', f.rule)} ${f.school_id}: ${f.detail}\n`);
    process.stdout.write(warningLines(y.plan));
    for (const v of y.violations) process.stderr.write(`${styleText('red', `check ${y.plan.plan_year} ${v.rule}`)} ${v.message}\n`);
    trouble ||= y.plan.shortfalls.length > 0 || y.violations.length > 0;
  }
  const served = summary.senders.reduce((n, s) => n + (s.served_so_far.at(-1) ?? 0), 0);
  const ever = summary.senders.reduce((n, s) => n + (s.eligible_so_far.at(-1) ?? 0), 0);
  process.stdout.write(`${years[0]}–${years.at(-1)}: ${served} of ${ever} teachers eligible in these years have served (${ever === 0 ? 0 : Math.round((served / ever) * 1000) / 10} %)`
    + ` → ${join(run.out, 'summary.json')}\n`);
  return trouble ? EXIT_SHORTFALL : EXIT_OK;

  function planLine(y: CheckedYear): string {
    const s = y.plan.stats;
    return `${y.plan.plan_year}: ${s.sent} teachers sent from ${y.plan.senders.length} senders, ${s.gaps_filled}/${s.gaps_needed} needed posts filled, ${y.plan.shortfalls.length} shortfalls; `
      + `${s.optimal ? 'proven optimal' : styleText('yellow', 'NOT proven optimal')} in ${s.solve_ms} ms → ${join(run.out, String(y.plan.plan_year), 'plan.json')}`;
  }
}

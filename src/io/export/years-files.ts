/**
 * The files of a multi-year run, built in memory so they are written at once
 * or not at all: DIR/<year>/plan.json (+ plan.xlsx, CSV), DIR/<year>/scenario/
 * (the year's input, so `rotation check` re-checks a year from the files
 * alone), DIR/summary.json and summary.xlsx; and the `--export-lp` files.
 */
import { lpFileName } from '../../engine/lp-export.js';
import type { CheckedYear, YearsResult } from '../../pipeline.js';
import type { Scenario } from '../../domain/scenario.js';
import { termOf } from '../../policy/term.js';
import { countyName } from './county-name.js';
import type { Lang } from './sheet-model.js';
import { sheetsWorkbookBuffer } from './workbook.js';
import { planOutputFiles } from './write-plan.js';
import { scenarioFiles } from './write-scenario.js';
import { yearsSheets } from './years-sheets.js';

/**
 * Every file of a `--years` run, by path inside the output folder.
 *
 * @example await writeTree('out3', await yearsOutputFiles(await planYears(scenario, [2018, 2019, 2020]), { lang: 'zh', csv: false }))
 */
export async function yearsOutputFiles(run: YearsResult, { lang, csv }: { readonly lang: Lang; readonly csv: boolean }): Promise<Map<string, string | Buffer>> {
  const files = new Map<string, string | Buffer>();
  for (const y of run.years) {
    for (const f of await planOutputFiles({ scenario: y.scenario, plan: y.plan, lang, csv })) files.set(`${y.plan.plan_year}/${f.name}`, f.data);
    for (const [name, text] of scenarioFiles(y.scenario, { lang })) files.set(`${y.plan.plan_year}/scenario/${name}`, text);
  }
  files.set('summary.json', `${JSON.stringify(run.summary, null, 2)}\n`);
  files.set('summary.xlsx', await yearsSummaryWorkbook(run.summary, run.years[0]!.scenario, run.years.map((y) => y.plan.plan_year), lang));
  return files;
}

/**
 * summary.xlsx of a multi-year run (the sheets of years-sheets.ts), printed
 * with the county and the years; `scenario` is the first year's. `rotation
 * serve` writes the same workbook for a run planned from the page.
 */
export async function yearsSummaryWorkbook(summary: YearsResult['summary'], scenario: Scenario, years: readonly number[], lang: Lang): Promise<Buffer> {
  const day = termOf(years[0]!, scenario.policy).start;
  const print = { county: countyName(scenario.schools.map((s) => s.county), lang), year: `${years[0]}–${years.at(-1)}`, date: day };
  return sheetsWorkbookBuffer(yearsSheets(summary, lang, scenario.policy.rotation.min_share), lang, day, { print });
}

/**
 * The `--export-lp` files of one year: `<county>.step<k>.lp` per model and
 * `index.json` listing, per file, county, step, solver, status and the
 * objective the solver reported — what a re-solve must reproduce.
 *
 * @example await writeTree('lp', lpExportFiles(await planYear(scenario, 2019, { exportLp: true })))
 */
export function lpExportFiles(year: CheckedYear, prefix = ''): Map<string, string> {
  const solverOf = new Map(year.result.counties.map((c) => [c.county, c.solver]));
  const files = new Map<string, string>();
  const index = year.models.map((m) => {
    const file = lpFileName(m.county, m.step);
    files.set(`${prefix}${file}`, m.lp);
    return { file, county: m.county, step: m.step, solver: solverOf.get(m.county) ?? null, status: m.status, objective: m.objective, sense: 'max' };
  });
  files.set(`${prefix}index.json`, `${JSON.stringify(index, null, 2)}\n`);
  return files;
}

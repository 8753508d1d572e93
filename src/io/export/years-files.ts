/**
 * The files of a multi-year run, built in memory so they are written at once
 * or not at all: DIR/<year>/plan.json (+ plan.xlsx, CSV), DIR/<year>/scenario/
 * (the year's input, so `rotation check` re-checks a year from the files
 * alone), DIR/summary.json and summary.xlsx; and the `--export-lp` files.
 */
import { lpFileName } from '../../engine/lp-export.js';
import type { CheckedYear, YearsResult } from '../../pipeline.js';
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
  const first = run.years[0]!;
  const last = run.years.at(-1)!;
  const day = termOf(first.plan.plan_year, first.scenario.policy).start;
  const print = { county: countyName(first.scenario.schools.map((s) => s.county), lang), year: `${first.plan.plan_year}–${last.plan.plan_year}`, date: day };
  files.set('summary.xlsx', await sheetsWorkbookBuffer(yearsSheets(run.summary, lang, first.scenario.policy.rotation.min_share), lang, day, { print }));
  return files;
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

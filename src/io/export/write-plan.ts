/**
 * Writes a plan's outputs — plan.json, plan.xlsx and, on request, the CSV
 * files — so that no reader ever sees half a plan: everything is built in
 * memory, then written by writeTree (temporary folder, renamed into place
 * only once every file is complete).
 */
import type { Plan } from '../../domain/plan.js';
import type { Scenario } from '../../domain/scenario.js';
import { planReport } from '../../report/plan-report.js';
import { planCsvFiles } from './plan-csv.js';
import type { Lang } from './sheet-model.js';
import { planWorkbookBuffer } from './workbook.js';
import { writeTree } from './write-tree.js';

export interface PlanOutputs {
  readonly scenario: Scenario;
  /** Written as given: call `extendPlan` first to fill allowances and the report extensions. */
  readonly plan: Plan;
  readonly lang?: Lang;
  /** Also one CSV file per sheet. */
  readonly csv?: boolean;
}

/**
 * plan.json text: two-space JSON and a final newline.
 *
 * @example await writeFile('plan.json', planJsonText(plan))
 */
export function planJsonText(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/**
 * The output files of a plan, in memory: plan.json, plan.xlsx and, on request, the CSV files.
 *
 * @example (await planOutputFiles({ scenario, plan, csv: true })).map((f) => f.name) // ['plan.json', 'plan.xlsx', …]
 */
export async function planOutputFiles({ scenario, plan, lang = 'zh', csv = false }: PlanOutputs): Promise<{ name: string; data: string | Buffer }[]> {
  const input = { scenario, plan, report: planReport(scenario, plan) };
  return [
    { name: 'plan.json', data: planJsonText(plan) },
    { name: 'plan.xlsx', data: await planWorkbookBuffer(input, { lang }) },
    ...(csv ? planCsvFiles(input, { lang }).map((f) => ({ name: f.name, data: f.text })) : []),
  ];
}

/**
 * Writes plan.json, plan.xlsx (and the CSV files) into `outDir`, created if
 * missing. Returns the file names written. On any failure the temporary
 * files are removed and the previous outputs, if any, stay as they were
 * (a rename is atomic on one file system; the renames run only once every
 * temporary file is complete).
 * @example await writePlanOutputs('out', { scenario, plan: extendPlan(scenario, plan), lang: 'zh', csv: true })
 */
export async function writePlanOutputs(outDir: string, outputs: PlanOutputs): Promise<string[]> {
  const files = await planOutputFiles(outputs);
  await writeTree(outDir, new Map(files.map((f) => [f.name, f.data])));
  return files.map((f) => f.name);
}

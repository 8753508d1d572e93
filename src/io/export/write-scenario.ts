/**
 * A Scenario → a scenario folder in docs/format.md's layout: schools.csv,
 * teachers.csv, needs.csv, history.csv, locks.csv (header only when empty)
 * and policy.json with every key. UTF-8 with BOM so Excel shows the Chinese.
 */
import type { Scenario } from '../../domain/scenario.js';
import { TABLE_NAMES } from '../../domain/tables.js';
import { formatCsv } from './csv.js';
import { writeTree } from './write-tree.js';
import { type Lang, policyJson, scenarioTables, volunteersTable } from './scenario-rows.js';

export interface WriteOptions {
  /** `zh`: Chinese headers and labels (是/否, 语文…); `en`: English keys and codes. */
  readonly lang: Lang;
}

/**
 * The files of a scenario folder, name → text.
 *
 * @example [...scenarioFiles(scenario, { lang: 'zh' }).keys()] // ['schools.csv', 'teachers.csv', …]
 */
export function scenarioFiles(scenario: Scenario, options: WriteOptions): Map<string, string> {
  const tables = scenarioTables(scenario, options.lang);
  const files = new Map<string, string>();
  for (const name of TABLE_NAMES) files.set(`${name}.csv`, formatCsv(tables[name].headers, tables[name].rows));
  const volunteers = volunteersTable(scenario, options.lang);
  if (volunteers !== null) files.set('volunteers.csv', formatCsv(volunteers.headers, volunteers.rows));
  files.set('policy.json', policyJson(scenario));
  return files;
}

/**
 * Writes `scenario` into the folder `dir` so that `readScenario(dir)` gives
 * back the same rows and policy. Nothing is left half-written on failure.
 *
 * @example
 * await writeScenario('scenarios/demo', generateScenario({ counties: 1, teachers: 700, seed: 7, year: 2019 }), { lang: 'zh' });
 */
export async function writeScenario(dir: string, scenario: Scenario, options: WriteOptions): Promise<void> {
  await writeTree(dir, scenarioFiles(scenario, options));
}

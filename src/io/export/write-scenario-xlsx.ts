/**
 * A Scenario → one workbook (docs/format.md: sheets schools, teachers, needs,
 * history, locks and a `policy` sheet of key,value rows with dotted keys)
 * that readScenario reads back to the same rows and policy.
 */
import ExcelJS from 'exceljs';
import type { Scenario } from '../../domain/scenario.js';
import { TABLE_NAMES } from '../../domain/tables.js';
import { writeTree } from './write-tree.js';
import { type OutTable, scenarioTables, volunteersTable } from './scenario-rows.js';
import type { WriteOptions } from './write-scenario.js';

/** A policy value as the policy sheet spells it; text that would read back as JSON is quoted. */
function policyCell(value: unknown): string | number | boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    try {
      JSON.parse(value);
      return JSON.stringify(value);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value);
}

/** `{ rotation: { min_share: 0.1 } }` → `[['rotation.min_share', 0.1]]`; an empty object stays one row (`{}`). */
export function policyRows(policy: unknown, prefix = ''): [string, string | number | boolean][] {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy) || (prefix !== '' && Object.keys(policy).length === 0)) {
    return [[prefix, policyCell(policy)]];
  }
  return Object.entries(policy).flatMap(([k, v]) => policyRows(v, prefix === '' ? k : `${prefix}.${k}`));
}

function addSheet(wb: ExcelJS.Workbook, name: string, table: OutTable): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...table.headers]).font = { bold: true };
  for (const row of table.rows) ws.addRow([...row]);
  ws.columns.forEach((col, i) => {
    const longest = Math.max(...[table.headers[i] ?? '', ...table.rows.map((r) => r[i] ?? '')].map((c) => String(c).length));
    col.width = Math.min(40, Math.max(8, longest * 1.6 + 2));
  });
}

/** The workbook's bytes. */
export async function scenarioWorkbook(scenario: Scenario, options: WriteOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rotation';
  const tables = scenarioTables(scenario, options.lang);
  for (const name of TABLE_NAMES) addSheet(wb, name, tables[name]);
  const volunteers = volunteersTable(scenario, options.lang);
  if (volunteers !== null) addSheet(wb, 'volunteers', volunteers);
  addSheet(wb, 'policy', { headers: ['key', 'value'], rows: policyRows(scenario.policy).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]) });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Writes `scenario` as `dir/scenario.xlsx`, so that `readScenario('dir/scenario.xlsx')`
 * gives back the same rows and policy. Nothing is left half-written on failure.
 */
export async function writeScenarioWorkbook(dir: string, scenario: Scenario, options: WriteOptions): Promise<void> {
  await writeTree(dir, new Map([['scenario.xlsx', await scenarioWorkbook(scenario, options)]]));
}

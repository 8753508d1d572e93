/**
 * A Scenario → the five tables as header + cells, in the spelling a clerk of
 * either language expects (docs/format.md): Chinese headers and labels for `zh`,
 * English keys and codes for `en`. Shared by the CSV and the workbook writer,
 * so both write exactly what readScenario reads back.
 */
import {
  AREAS, BACKBONE_LEVELS, type CodeList, EDUCATION, GENDERS, LOCK_ACTIONS, STAGES, TITLES,
} from '../../domain/codes.js';
import type { Scenario } from '../../domain/scenario.js';
import { COLUMNS, subjectList, TABLE_NAMES, type TableName } from '../../domain/tables.js';

export type Lang = 'zh' | 'en';

/** A cell as written: numbers stay numbers (a workbook shows them as such), everything else is text. */
export type Cell = string | number;

export interface OutTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

const YES_NO: Record<Lang, readonly [string, string]> = { en: ['true', 'false'], zh: ['是', '否'] };

/** Which code list spells each enum column (per table); subjects come from the scenario's policy. */
function codeLists(subjects: CodeList<string>): Record<TableName, Record<string, CodeList<string>>> {
  return {
    schools: { stage: STAGES, area: AREAS },
    teachers: { gender: GENDERS, subject: subjects, qualified_subjects: subjects, title: TITLES, backbone: BACKBONE_LEVELS, education: EDUCATION },
    needs: { subject: subjects },
    history: {},
    locks: { action: LOCK_ACTIONS },
  };
}

function cell(value: unknown, list: CodeList<string> | undefined, lang: Lang): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return YES_NO[lang][value ? 0 : 1];
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((v) => String(cell(v, list, lang))).join(';');
  const text = String(value);
  return list !== undefined && lang === 'zh' ? (list.zh[text] ?? text) : text;
}

/** Optional columns written only when some row has a value, so scenarios without them are written as before. */
const WRITTEN_WHEN_USED = new Set(['classes_by_grade', 'spouse_id', 'district']);

/** Every table of the scenario, ready to write; columns in glossary order. */
export function scenarioTables(scenario: Scenario, lang: Lang): Record<TableName, OutTable> {
  const lists = codeLists(subjectList(scenario.policy.subjects));
  const out = {} as Record<TableName, OutTable>;
  for (const table of TABLE_NAMES) {
    const rows = scenario[table] as readonly Record<string, unknown>[];
    const cols = COLUMNS[table].filter((c) => !WRITTEN_WHEN_USED.has(c.key) || rows.some((r) => r[c.key] !== undefined));
    out[table] = {
      headers: cols.map((c) => (lang === 'zh' ? c.zh : c.key)),
      rows: rows.map((row) => cols.map((c) => cell(row[c.key], lists[table][c.key], lang))),
    };
  }
  return out;
}

/** volunteers.csv (银龄讲学) as written, or null when the scenario has none; columns in glossary order. */
export function volunteersTable(scenario: Scenario, lang: Lang): OutTable | null {
  if (scenario.volunteers === undefined) return null;
  const subjects = subjectList(scenario.policy.subjects);
  const lists: Record<string, CodeList<string>> = { subject: subjects, qualified_subjects: subjects, gender: GENDERS, backbone_level: BACKBONE_LEVELS };
  const cols = COLUMNS.volunteers;
  return {
    headers: cols.map((c) => (lang === 'zh' ? c.zh : c.key)),
    rows: scenario.volunteers.map((v) => cols.map((c) => cell((v as Record<string, unknown>)[c.key], lists[c.key], lang))),
  };
}

/** policy.json text: the full policy, every default spelled out. */
export function policyJson(scenario: Scenario): string {
  return `${JSON.stringify(scenario.policy, null, 2)}\n`;
}

/**
 * RawTable → typed rows: headers matched against the glossary (English or
 * Chinese), every cell parsed by the table's zod row schema. Collects every
 * problem of the file rather than stopping at the first.
 */
import type { z } from 'zod';
import { columnLetter, type InputProblem } from '../../domain/errors.js';
import { isMonthOnlyDate } from '../../domain/cells.js';
import { type Column, COLUMNS, type ReviewTableName, type TableName } from '../../domain/tables.js';
import type { RawTable } from './raw-table.js';

export interface ReadTable<T> {
  readonly rows: T[];
  readonly lines: number[];
  readonly headers: Record<string, { header: string; column: string }>;
  readonly problems: InputProblem[];
  /** Columns we do not know; kept out of the model, reported to the user. */
  readonly unknownColumns: string[];
  /** Things the user should know that are not errors: formulas without a value in optional columns, a month without a day taken as its 1st — each naming the cell. */
  readonly warnings: string[];
}

/** The problem of a formula cell without a computed value (a sheet saved by a program that does not calculate). */
const uncomputedMessage = (formula: string, header = false): string =>
  `${header ? '表头单元格的' : ''}公式 ${formula} 没有计算结果（文件由不计算公式的程序保存），请在 Excel 中打开并保存，或直接填入数值 / `
  + `${header ? 'the header cell is a formula, ' : 'the formula '}${formula}${header ? ', that has' : ' has'} no computed value `
  + '(the file was saved by a program that does not calculate): open and save it in Excel, or type the value';

/** "2, 3, 5, 8, 9 … (40 cells)" */
function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, 5).join(', ');
  return lines.length > 5 ? `${shown} … (${lines.length} cells)` : shown;
}

/**
 * Formula cells without a computed value: in the header or a required
 * column a problem (the value is needed), in an optional column a warning
 * per column (it is read as blank, so its default applies). Columns we do
 * not know are kept out anyway.
 */
function uncomputedFindings(raw: RawTable, index: ReadonlyMap<string, number>, cols: readonly Column[]): { problems: InputProblem[]; warnings: string[] } {
  const problems: InputProblem[] = [];
  const optional = new Map<number, { lines: number[]; formula: string }>();
  const keyAt = new Map([...index].map(([key, i]) => [i, key]));
  for (const cell of raw.uncomputed ?? []) {
    const header = raw.headers[cell.column] ?? '';
    const label = `${header || '?'} (${columnLetter(cell.column)})`;
    if (cell.line === (raw.headerLine ?? 1)) {
      problems.push({ file: raw.file, row: cell.line, column: label, message: uncomputedMessage(cell.formula, true) });
      continue;
    }
    const key = keyAt.get(cell.column);
    if (key === undefined) continue;
    if (cols.find((c) => c.key === key)?.required) problems.push({ file: raw.file, row: cell.line, column: label, message: uncomputedMessage(cell.formula) });
    else {
      const seen = optional.get(cell.column) ?? { lines: [], formula: cell.formula };
      seen.lines.push(cell.line);
      optional.set(cell.column, seen);
    }
  }
  const warnings = [...optional].sort(([a], [b]) => a - b).map(([i, { lines, formula }]) =>
    `${raw.file}, row ${lineList(lines)}, column ${raw.headers[i]} (${columnLetter(i)}): 公式没有计算结果，按空白（默认值）读取 / `
    + `formula with no computed value (e.g. ${formula}) read as blank, so the default applies: open and save the file in Excel to use its values`);
  return { problems, warnings };
}

/** Every header spelling accepted anywhere, lower case (used to pick a decoding). */
export const KNOWN_HEADERS: ReadonlySet<string> = new Set(
  Object.values(COLUMNS).flatMap((cols) => cols.flatMap((c) => [c.key.toLowerCase(), c.zh.toLowerCase()])),
);

/** Parses a raw table as `table`, with `schema` for a row. */
export function readTable<S extends z.ZodType>(raw: RawTable, table: TableName | ReviewTableName, schema: S): ReadTable<z.output<S>> {
  const problems: InputProblem[] = [];
  const cols = COLUMNS[table];
  const index = new Map<string, number>();
  const headers: Record<string, { header: string; column: string }> = {};
  const unknownColumns: string[] = [];

  raw.headers.forEach((h, i) => {
    const name = h.replace(/^\uFEFF/, '').trim();
    if (name === '') return;
    const col = cols.find((c) => c.key.toLowerCase() === name.toLowerCase() || c.zh === name);
    if (col === undefined) {
      unknownColumns.push(name);
      return;
    }
    const label = `${name} (${columnLetter(i)})`;
    if (index.has(col.key)) {
      problems.push({ file: raw.file, row: 1, column: label, message: `列"${col.key} / ${col.zh}"重复 / column appears twice` });
      return;
    }
    index.set(col.key, i);
    headers[col.key] = { header: name, column: columnLetter(i) };
  });
  for (const c of cols.filter((x) => x.required && !index.has(x.key))) {
    problems.push({ file: raw.file, row: 1, column: `${c.key} / ${c.zh}`, message: '缺少必需的列 / required column is missing' });
  }
  const formulas = uncomputedFindings(raw, index, cols);
  if (problems.length > 0) return { rows: [], lines: [], headers, problems: [...problems, ...formulas.problems], unknownColumns, warnings: [] };

  const warnings: string[] = [...formulas.warnings];

  const rows: z.output<S>[] = [];
  const lines: number[] = [];
  raw.rows.forEach((cells, r) => {
    const line = raw.lines[r] ?? r + 2;
    // Every column of the glossary gets a cell, so an optional column left out of the file reads as empty (its default).
    const record: Record<string, string> = Object.fromEntries(cols.map((c) => [c.key, '']));
    for (const [key, i] of index) record[key] = cells[i] ?? '';
    const beyond = cells.slice(raw.headers.length);
    const extra = beyond.filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      const first = raw.headers.length + beyond.findIndex((c) => c.trim() !== '');
      problems.push({ file: raw.file, row: line, column: columnLetter(first), message: `此行比表头多 ${extra.length} 个单元格 / this row has more cells than the header: ${extra.join(', ')}` });
    }
    const parsed = schema.safeParse(record);
    for (const [key, i] of index) {
      const cell = (cells[i] ?? '').trim();
      if (!key.endsWith('_date') || !isMonthOnlyDate(cell)) continue;
      const h = headers[key]!;
      warnings.push(`${raw.file}, row ${line}, column ${h.header} (${h.column}): "${cell}" 只有年月，按当月 1 日计 / gives a month only: read as its 1st day`);
    }
    if (parsed.success) {
      rows.push(parsed.data);
      lines.push(line);
      return;
    }
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const h = headers[key];
      problems.push({ file: raw.file, row: line, ...(h ? { column: `${h.header} (${h.column})` } : key !== '' ? { column: key } : {}), ...(key in record ? { value: record[key] } : {}), message: issue.message });
    }
  });
  // A formula's own problem says more than the "required" one its blank cell also raised: it comes first for its cell.
  const own = new Set(formulas.problems.map((p) => `${p.row}|${p.column}`));
  const rest = problems.filter((p) => !own.has(`${p.row}|${p.column}`));
  return { rows, lines, headers, problems: [...formulas.problems, ...rest].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)), unknownColumns, warnings };
}

/**
 * RawTable → typed rows: headers matched against the glossary (English or
 * Chinese), every cell parsed by the table's zod row schema. Collects every
 * problem of the file rather than stopping at the first.
 */
import type { z } from 'zod';
import { columnLetter, type InputProblem } from '../domain/errors.js';
import { COLUMNS, type ReviewTableName, type TableName } from '../domain/tables.js';
import type { RawTable } from './raw-table.js';

export interface ReadTable<T> {
  readonly rows: T[];
  readonly lines: number[];
  readonly headers: Record<string, { header: string; column: string }>;
  readonly problems: InputProblem[];
  /** Columns we do not know; kept out of the model, reported to the user. */
  readonly unknownColumns: string[];
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
  if (problems.length > 0) return { rows: [], lines: [], headers, problems, unknownColumns };

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
  return { rows, lines, headers, problems, unknownColumns };
}

/** CSV text → RawTable with csv-parse. */
import { parse } from 'csv-parse/sync';
import { InputError } from '../../domain/errors.js';
import type { RawTable } from './raw-table.js';

/** Parses CSV text; a file without a header row is an error. Blank lines are skipped; a stray quote inside a cell (张"三) is kept. */
export function parseCsv(text: string, file: string): RawTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new InputError([{ file, ...(line !== undefined ? { row: line } : {}), message: `CSV 格式错误 / not valid CSV: ${(err as Error).message}` }]);
  }
  const header = records[0];
  if (header === undefined) throw new InputError([{ file, message: '文件为空 / the file is empty (a header row is needed)' }]);
  const rows = records.slice(1).filter((r) => r.record.some((c) => c.trim() !== ''));
  return { file, headers: header.record, rows: rows.map((r) => r.record), lines: rows.map((r) => r.info.lines) };
}

/** A scenario workbook (.xlsx, exceljs) → one RawTable per sheet. */
import ExcelJS from 'exceljs';
import { InputError } from '../domain/errors.js';
import type { RawTable } from './raw-table.js';

/** Text of a cell as a clerk sees it: dates as YYYY-MM-DD, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** Reads every sheet of a workbook as a RawTable, keyed by sheet name. */
export async function readWorkbookTables(bytes: Uint8Array, file: string): Promise<Map<string, RawTable>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new InputError([{ file, message: `无法读取 Excel 文件 / cannot read the workbook: ${(err as Error).message}` }]);
  }
  const out = new Map<string, RawTable>();
  wb.eachSheet((ws) => {
    const grid: { line: number; cells: string[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
      if (cells.some((x) => x !== '')) grid.push({ line, cells });
    });
    const header = grid[0];
    const name = `${file}#${ws.name}`;
    out.set(ws.name, header === undefined
      ? { file: name, headers: [], rows: [], lines: [] }
      : { file: name, headers: header.cells, rows: grid.slice(1).map((g) => g.cells), lines: grid.slice(1).map((g) => g.line) });
  });
  return out;
}

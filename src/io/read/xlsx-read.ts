/** A scenario workbook (.xlsx, exceljs) → one RawTable per sheet. */
import ExcelJS from 'exceljs';
import { InputError } from '../../domain/errors.js';
import type { RawTable, UncomputedCell } from './raw-table.js';
import { checkWorkbookLimits, WORKBOOK_LIMITS, type WorkbookLimits } from './zip-limits.js';

/** Text of a cell as a clerk sees it: dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
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

/**
 * The formula of a cell that holds one without a computed (cached) value —
 * a sheet saved by a program that does not calculate — or undefined.
 */
function uncomputedFormula(value: ExcelJS.CellValue): string | undefined {
  if (typeof value !== 'object' || value === null || value instanceof Date) return undefined;
  const result = 'result' in value ? value.result : undefined;
  if (result !== undefined && result !== null) return undefined;
  if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
  if ('sharedFormula' in value && typeof value.sharedFormula === 'string') return `(= ${value.sharedFormula})`;
  return undefined;
}

/** One worksheet as a RawTable: blank rows left out, line numbers kept, formulas without a value listed. */
function sheetTable(ws: ExcelJS.Worksheet, file: string): RawTable {
  const grid: { line: number; cells: string[] }[] = [];
  const uncomputed: UncomputedCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    // Only the cells the sheet holds: a lone cell far to the right costs one step, not thousands.
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = cellText(cell.value).trim();
      const formula = uncomputedFormula(cell.value);
      if (formula !== undefined) uncomputed.push({ line, column: col - 1, formula });
    });
    if (cells.some((x) => x !== '')) grid.push({ line, cells });
  });
  const header = grid[0];
  if (header === undefined) return { file, headers: [], rows: [], lines: [], uncomputed };
  return { file, headers: header.cells, headerLine: header.line, rows: grid.slice(1).map((g) => g.cells), lines: grid.slice(1).map((g) => g.line), uncomputed };
}

/**
 * Reads every sheet of a workbook as a RawTable, keyed by sheet name. The
 * workbook is first held against `limits` (zip-limits.ts): a zip bomb is an
 * InputError naming the limit, before exceljs expands anything.
 */
export async function readWorkbookTables(bytes: Uint8Array, file: string, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<Map<string, RawTable>> {
  const verdict = await checkWorkbookLimits(bytes, limits);
  if (!verdict.ok) throw new InputError([{ file, message: verdict.message }]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new InputError([{ file, message: `无法读取 Excel 文件 / cannot read the workbook: ${(err as Error).message}` }]);
  }
  const out = new Map<string, RawTable>();
  wb.eachSheet((ws) => { out.set(ws.name, sheetTable(ws, `${file}#${ws.name}`)); });
  return out;
}

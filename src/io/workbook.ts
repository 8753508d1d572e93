/**
 * plan.xlsx with exceljs: one sheet per table, Chinese names and headers by
 * default, frozen header row, autofilter, widths that fit (CJK counts
 * double), real dates, money in yuan, ids as text, 是/否. Text is always
 * written as a string value, never as a formula, whatever it begins with.
 */
import { basename, dirname } from 'node:path';
import { parseISO } from 'date-fns/parseISO';
import ExcelJS from 'exceljs';
import { planSheets, type PlanWorkbookInput } from './plan-sheets.js';
import { writeTree } from './write-tree.js';
import { withZipDates } from './zip-dates.js';
import {
  boolText, type CellKind, type CellValue, displayText, ISO_DATE, label, type Lang, type PlanSheet, textWidth,
} from './sheet-model.js';

export interface WorkbookOptions {
  /** Sheet names and headers: Chinese (default) or English. */
  readonly lang?: Lang;
}

const NUM_FMT: Partial<Record<CellKind, string>> = {
  id: '@', int: '0', months: '0.00', km: '0.0', money: '"¥"#,##0.00', date: 'yyyy-mm-dd',
};
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** A "YYYY-MM-DD" day as the Date exceljs writes as that day's serial (exceljs counts in UTC). */
const excelDate = (iso: string): Date => parseISO(`${iso}T00:00:00Z`);

function setCell(cell: ExcelJS.Cell, value: CellValue, kind: CellKind, lang: Lang): void {
  if (value === null || value === undefined || value === '') return;
  const dateLike = typeof value === 'string' && ISO_DATE.test(value) && (kind === 'date' || kind === 'auto');
  const effective: CellKind = dateLike ? 'date' : kind;
  if (dateLike) cell.value = excelDate(value);
  else if (typeof value === 'boolean') cell.value = boolText(value, lang);
  else if (typeof value === 'number' && kind !== 'id' && kind !== 'text') cell.value = value;
  else cell.value = String(value); // a string value: exceljs writes it as a shared string, never a formula
  const fmt = NUM_FMT[effective];
  if (fmt !== undefined && (effective === 'id' || effective === 'date' || typeof value === 'number')) cell.numFmt = fmt;
}

function addSheet(wb: ExcelJS.Workbook, sheet: PlanSheet, lang: Lang): void {
  const ws = wb.addWorksheet(label(sheet, lang), { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths: number[] = [];
  const fit = (i: number, text: string) => { widths[i] = Math.max(widths[i] ?? MIN_WIDTH, textWidth(text) + 2); };
  let r = 1;
  sheet.sections.forEach((section, s) => {
    if (s > 0) {
      r += 1;
      if (section.title) {
        const cell = ws.getCell(r, 1);
        cell.value = label(section.title, lang);
        cell.font = { bold: true };
        r += 1;
      }
    }
    const headerRow = r;
    section.columns.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = label(c, lang);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      fit(i, label(c, lang));
    });
    for (const row of section.rows) {
      r += 1;
      section.columns.forEach((c, i) => {
        setCell(ws.getCell(r, i + 1), row[c.key], c.kind, lang);
        fit(i, c.kind === 'date' ? '0000-00-00' : displayText(row[c.key], c.kind, lang));
      });
    }
    if (s === 0) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(r, headerRow), column: section.columns.length } };
    r += 1;
  });
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = Math.min(w, MAX_WIDTH); });
}

/** The plan workbook in memory. */
export async function planWorkbookBuffer(input: PlanWorkbookInput, options: WorkbookOptions = {}): Promise<Buffer> {
  const lang = options.lang ?? 'zh';
  return sheetsWorkbookBuffer(planSheets(input, lang), lang, input.plan.period.start);
}

/** Any sheets as a workbook in memory, document and zip entries dated `day` (YYYY-MM-DD), so the same sheets give the same bytes. */
export async function sheetsWorkbookBuffer(sheets: readonly PlanSheet[], lang: Lang, day: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rotation';
  wb.lastModifiedBy = 'rotation';
  wb.created = excelDate(day);
  wb.modified = wb.created;
  for (const sheet of sheets) addSheet(wb, sheet, lang);
  return withZipDates(Buffer.from(await wb.xlsx.writeBuffer()), day);
}

/**
 * Writes plan.xlsx. For the atomic write of every output together use
 * `writePlanOutputs` (write-plan.ts).
 * @example await writePlanWorkbook('out/plan.xlsx', { scenario, plan, report: planReport(scenario, plan) }, { lang: 'zh' })
 */
export async function writePlanWorkbook(path: string, input: PlanWorkbookInput, options: WorkbookOptions = {}): Promise<void> {
  // Through writeTree: written whole or not at all, and a failure named in words.
  await writeTree(dirname(path), new Map([[basename(path), await planWorkbookBuffer(input, options)]]));
}

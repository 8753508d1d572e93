/**
 * plan.xlsx with exceljs: one sheet per table, Chinese names and headers by
 * default, frozen header row, autofilter, widths that fit (CJK counts
 * double, long text wraps), real dates, money in yuan, ids as text, 是/否,
 * headers aligned like their numbers, charts as pictures, and a print
 * layout on every sheet (A4 landscape, one page wide, header row repeated,
 * page title and page x of y). Text is always written as a string value,
 * never as a formula, whatever it begins with.
 */
import { parseISO } from 'date-fns/parseISO';
import ExcelJS from 'exceljs';
import { countyName } from './county-name.js';
import type { PlanWorkbookInput } from './plan-sheet-input.js';
import { planSheets } from './plan-sheets.js';
import { withZipDates } from './zip-dates.js';
import { type ChartPicture, renderCharts } from '../../report/chart-render.js';
import {
  boolText, type CellKind, type CellValue, displayText, ISO_DATE, label, type Lang, NUMERIC_KINDS, type PlanSheet, textWidth,
} from './sheet-model.js';

export interface WorkbookOptions {
  /** Sheet names and headers: Chinese (default) or English. */
  readonly lang?: Lang;
  /** Told when the charts cannot be drawn (the workbook is then written without them); default: stderr. */
  readonly onWarning?: (message: string) => void;
}

/** What every printed page names: the county, the school year, the plan's date. */
export interface PrintInfo {
  readonly county: string;
  readonly year: number | string;
  /** YYYY-MM-DD, in the footer. */
  readonly date: string;
}

const NUM_FMT: Partial<Record<CellKind, string>> = {
  id: '@', int: '0', months: '0.00', km: '0.0', money: '"¥"#,##0.00', date: 'yyyy-mm-dd',
};
const MIN_WIDTH = 6;
/** Text wider than this wraps (in characters; a CJK character counts two). */
const WRAP_WIDTH = 40;
/** A header wider than its numbers wraps at this width rather than widening the column. */
const HEADER_WRAP = 12;
const LINE_POINTS = 15;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
/** Excel column width units per pixel (Calibri 11: one character ≈ 7 px). */
const PX_PER_WIDTH = 7;

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

/** Header and footer codes need a literal & doubled. */
const hf = (text: string) => text.replace(/&/g, '&&');

/** The text over every printed page: "鹿城区 2019 学年城乡教师交流轮岗 · 轮岗名单". */
function pageTitle(print: PrintInfo, sheetName: string, lang: Lang): string {
  return lang === 'zh'
    ? `${print.county} ${print.year} 学年城乡教师交流轮岗 · ${sheetName}`
    : `${print.county} ${print.year}: urban-rural teacher rotation · ${sheetName}`;
}

/**
 * A4 landscape, one page wide and as many tall as needed, the table's header
 * row on every page, narrow margins, the page title over it and page x of y
 * with the plan's date under it.
 */
function printLayout(ws: ExcelJS.Worksheet, headerRow: number, title: string, print: PrintInfo, lang: Lang): void {
  ws.pageSetup = {
    paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.7, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  const page = lang === 'zh' ? '第 &P 页，共 &N 页' : 'Page &P of &N';
  const date = lang === 'zh' ? `计划日期 ${print.date}` : `Plan date ${print.date}`;
  ws.headerFooter = {
    oddHeader: `&C&"-,Bold"&12${hf(title)}`,
    oddFooter: `&L${hf(date)}&C${page}&R${hf(ws.name)}`,
  };
}

/** Lines a text needs at a column width (a CJK character counts two). */
const linesAt = (text: string, width: number) => text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, width - 1))), 0);

function addSheet(wb: ExcelJS.Workbook, sheet: PlanSheet, lang: Lang, print: PrintInfo, pictures: readonly ChartPicture[]): void {
  const heading = sheet.heading ?? [];
  const firstHeader = heading.length > 0 ? heading.length + 2 : 1;
  const ws = wb.addWorksheet(label(sheet, lang), { views: [{ state: 'frozen', ySplit: firstHeader }] });
  const widths: number[] = [];
  const fit = (i: number, w: number) => { widths[i] = Math.max(widths[i] ?? MIN_WIDTH, Math.min(w, WRAP_WIDTH)); };
  const rowTexts = new Map<number, { col: number; text: string; header?: boolean }[]>();
  const remember = (row: number, col: number, text: string, header = false) => {
    if (!rowTexts.has(row)) rowTexts.set(row, []);
    rowTexts.get(row)!.push({ col, text, header });
  };
  const columns = Math.max(1, ...sheet.sections.map((x) => x.columns.length));
  heading.forEach((line, i) => {
    ws.mergeCells(i + 1, 1, i + 1, columns);
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.font = i === 0 ? { bold: true, size: 16 } : { size: 11 };
    cell.alignment = { horizontal: i === 0 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    ws.getRow(i + 1).height = i === 0 ? 30 : 0; // set below, once the widths are known
  });
  let r = firstHeader;
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
      const text = label(c, lang);
      cell.value = text;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
      cell.alignment = { horizontal: NUMERIC_KINDS.has(c.kind) ? 'right' : 'left', vertical: 'middle', wrapText: true };
      fit(i, Math.min(textWidth(text), HEADER_WRAP) + 2);
      remember(r, i, text, true);
    });
    for (const row of section.rows) {
      r += 1;
      section.columns.forEach((c, i) => {
        const cell = ws.getCell(r, i + 1);
        setCell(cell, row[c.key], c.kind, lang);
        cell.border = THIN;
        const text = c.kind === 'date' ? '0000-00-00' : displayText(row[c.key], c.kind, lang);
        // A column of mixed values (说明's 内容) reads as text: all left-aligned.
        const horizontal = c.kind === 'auto' ? 'left' : undefined;
        cell.alignment = textWidth(text) + 2 > WRAP_WIDTH ? { wrapText: true, vertical: 'top', horizontal } : { vertical: 'top', horizontal };
        fit(i, textWidth(text) + 2);
        remember(r, i, text);
      });
    }
    if (s === 0) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(r, headerRow), column: section.columns.length } };
    r += 1;
  });
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  const tableWidth = widths.slice(0, columns).reduce((a, b) => a + b, 0);
  heading.forEach((line, i) => { if (i > 0) ws.getRow(i + 1).height = linesAt(line, tableWidth) * LINE_POINTS + 4; });
  // Row heights for wrapped text, so Excel (which does not re-measure on opening) shows and prints every line.
  for (const [row, texts] of rowTexts) {
    const lines = Math.max(1, ...texts.map((t) => linesAt(t.text, widths[t.col] ?? MIN_WIDTH)));
    if (lines > 1) ws.getRow(row).height = lines * LINE_POINTS;
  }
  for (const note of sheet.footnotes ?? []) {
    r += 1;
    ws.mergeCells(r, 1, r, columns);
    const cell = ws.getCell(r, 1);
    cell.value = note;
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r).height = linesAt(note, tableWidth) * LINE_POINTS + 4;
  }
  for (const picture of pictures) {
    r += 1;
    const id = wb.addImage({ buffer: picture.png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, { tl: { col: 0, row: r }, ext: { width: picture.width, height: picture.height }, editAs: 'oneCell' });
    r += Math.ceil(picture.height / 20) + 1; // default row: 20 px
  }
  // The printed width must hold the picture too: an empty column after the table takes up what it lacks.
  const widest = Math.max(0, ...pictures.map((p) => p.width / PX_PER_WIDTH));
  const total = widths.reduce((a, b) => a + b, 0);
  if (widest > total) ws.getColumn(widths.length + 1).width = Math.ceil(widest - total) + 1;
  printLayout(ws, firstHeader, pageTitle(print, label(sheet, lang), lang), print, lang);
}

const stderrWarning = (m: string) => { process.stderr.write(`${m}\n`); };

/** The plan workbook in memory. */
export async function planWorkbookBuffer(input: PlanWorkbookInput, options: WorkbookOptions = {}): Promise<Buffer> {
  const lang = options.lang ?? 'zh';
  const print = { county: countyName(input.scenario.schools.map((s) => s.county), lang), year: input.plan.plan_year, date: input.plan.period.start };
  return sheetsWorkbookBuffer(planSheets(input, lang), lang, input.plan.period.start, { print, onWarning: options.onWarning });
}

/**
 * Any sheets as a workbook in memory, document and zip entries dated `day` (YYYY-MM-DD), so the same sheets give the
 * same bytes. Charts are drawn as pictures; when they cannot be, the workbook is written without them and
 * `onWarning` says so.
 */
export async function sheetsWorkbookBuffer(
  sheets: readonly PlanSheet[], lang: Lang, day: string,
  options: {
    readonly print?: PrintInfo; readonly onWarning?: (message: string) => void;
    /** Draws the charts (default: renderCharts); tests stand in a failing one for a machine without the native module. */
    readonly drawCharts?: typeof renderCharts;
  } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rotation';
  wb.lastModifiedBy = 'rotation';
  wb.created = excelDate(day);
  wb.modified = wb.created;
  const print = options.print ?? { county: '', year: day.slice(0, 4), date: day };
  const specs = sheets.flatMap((s) => s.charts ?? []);
  const { pictures, warning } = specs.length > 0 ? await (options.drawCharts ?? renderCharts)(specs) : { pictures: [], warning: null };
  if (warning !== null) (options.onWarning ?? stderrWarning)(warning);
  for (const sheet of sheets) {
    const keys = new Set((sheet.charts ?? []).map((c) => c.key));
    addSheet(wb, sheet, lang, print, pictures.filter((p) => keys.has(p.key)));
  }
  return withZipDates(Buffer.from(await wb.xlsx.writeBuffer()), day);
}

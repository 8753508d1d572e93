/**
 * The plan's sheets as CSV files, one per sheet: UTF-8 with a BOM (so Excel
 * opens Chinese intact), the workbook's headers, sections separated by an
 * empty line. A text cell that a spreadsheet would run as a formula
 * (= + - @, tab, CR) is written with a leading single quote, which shows it
 * as text; numbers and dates are written plain.
 */
import { formatCsv } from './csv.js';
import type { PlanWorkbookInput } from './plan-sheet-input.js';
import { planSheets } from './plan-sheets.js';
import { csvCell, label, type Lang, type PlanSheet } from './sheet-model.js';

export interface CsvFile {
  /** File name, the sheet's name in the chosen language (spaces as _) + ".csv". */
  readonly name: string;
  readonly text: string;
}

function sheetCsv(sheet: PlanSheet, lang: Lang): string {
  const [first, ...rest] = sheet.sections;
  const lines: string[][] = [];
  for (const section of rest) {
    lines.push([]);
    if (section.title) lines.push([label(section.title, lang)]);
    lines.push(section.columns.map((c) => label(c, lang)));
    for (const row of section.rows) lines.push(section.columns.map((c) => csvCell(row[c.key], c.kind, lang)));
  }
  const header = first!.columns.map((c) => label(c, lang));
  const rows = first!.rows.map((row) => first!.columns.map((c) => csvCell(row[c.key], c.kind, lang)));
  return formatCsv(header, [...rows, ...lines]);
}

/** A sheet name as a file name: no spaces ("Title warnings" → "Title_warnings.csv"). */
const csvFileName = (sheetName: string): string => `${sheetName.trim().replace(/\s+/g, '_')}.csv`;

/** Every sheet as a CSV file, in workbook order. */
export function planCsvFiles(input: PlanWorkbookInput, options: { readonly lang?: Lang } = {}): CsvFile[] {
  const lang = options.lang ?? 'zh';
  return planSheets(input, lang).map((sheet) => ({ name: csvFileName(label(sheet, lang)), text: sheetCsv(sheet, lang) }));
}

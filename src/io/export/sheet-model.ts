/**
 * A plan's tables as plain sheets — columns with a kind, rows of plain
 * values — so the workbook and the CSV files render the same content with
 * the same headers. Rendering rules that both share live here.
 */
import type { ChartSpec } from '../../report/charts.js';

export type Lang = 'zh' | 'en';

/**
 * How a column is written: `id` always as text (leading zeros kept), `date`
 * as a real date, `money` as yuan, `bool` as 是/否 or yes/no, `auto` by the
 * value (numbers, YYYY-MM-DD dates, else text).
 */
export type CellKind = 'text' | 'id' | 'int' | 'decimal' | 'months' | 'km' | 'money' | 'date' | 'bool' | 'auto';
export type CellValue = string | number | boolean | null | undefined;

export interface SheetColumn {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly kind: CellKind;
}

export interface SheetSection {
  /** Shown above the section's header row (not for the first section, whose header is row 1). */
  readonly title?: { readonly zh: string; readonly en: string };
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
}

export interface PlanSheet {
  /** Stable English key, e.g. "assignments". */
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly sections: readonly SheetSection[];
  /** Lines above the first table (a notice's title and preamble), in the workbook's language. */
  readonly heading?: readonly string[];
  /** Lines below the last table (a notice's objection window and contact). */
  readonly footnotes?: readonly string[];
  /** Charts drawn as pictures below the tables (the workbook only; CSV files have none). */
  readonly charts?: readonly ChartSpec[];
}

/** Kinds shown as numbers: right-aligned, and so are their headers. */
export const NUMERIC_KINDS: ReadonlySet<CellKind> = new Set(['int', 'decimal', 'months', 'km', 'money']);

/** A column spec. */
export function col(key: string, zh: string, en: string, kind: CellKind = 'text'): SheetColumn {
  return { key, zh, en, kind };
}

/** Header, sheet or title text in the chosen language. */
export const label = (x: { readonly zh: string; readonly en: string }, lang: Lang): string => (lang === 'zh' ? x.zh : x.en);

/** 是/否 or yes/no. */
export const boolText = (v: boolean, lang: Lang): string => (lang === 'zh' ? (v ? '是' : '否') : (v ? 'yes' : 'no'));

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for text a spreadsheet would run as a formula (= + - @, or a leading
 * tab or carriage return, OWASP's CSV-injection list).
 */
function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

const MONEY_TEXT = (n: number) => n.toFixed(2);

/**
 * A cell as CSV text. Text that looks like a formula gets a leading single
 * quote, which Excel and LibreOffice show as text and do not run; numbers,
 * dates and money never need it.
 */
export function csvCell(value: CellValue, kind: CellKind, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return boolText(value, lang);
  if (typeof value === 'number') {
    if (kind === 'money') return MONEY_TEXT(value);
    if (kind === 'months') return value.toFixed(2);
    return String(value);
  }
  return looksLikeFormula(value) ? `'${value}` : value;
}

/** The text a cell shows, for column widths. */
export function displayText(value: CellValue, kind: CellKind, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return boolText(value, lang);
  if (typeof value === 'number') {
    if (kind === 'money') return `¥${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    return kind === 'months' ? value.toFixed(2) : String(value);
  }
  return value;
}

/** Display width: CJK and full-width characters count double. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

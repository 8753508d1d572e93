/**
 * An edited plan.xlsx → the rows of its assignments sheet (轮岗名单 /
 * Assignments), as text, by header (Chinese or English, as the planner
 * writes them or as a clerk retypes them). Only the decisions and what the
 * plan states about them are read; every other sheet is derived and is
 * recomputed by the checker.
 */
import { basename } from 'node:path';
import { columnLetter, InputError } from '../../domain/errors.js';
import { isLegacyXls } from './decode.js';
import { readInput } from './read-input.js';
import { readWorkbookTables } from './xlsx-read.js';

/** The assignments sheet's names: the workbook's own (zh, en) and what a clerk might rename it to. */
const SHEET_NAMES = ['轮岗名单', 'assignments', '交流名单', '轮岗交流名单', '交流轮岗名单'];

/** Field → accepted headers (compared without spaces and with half-width brackets, any case). */
const HEADERS = {
  teacher_id: ['教师编号', 'teacher id', 'teacher_id'],
  name: ['姓名', 'name', '教师姓名'],
  from_school: ['派出学校代码', 'from school id', 'from_school'],
  to_school: ['接收学校代码', 'to school id', 'to_school'],
  to_name: ['接收学校', 'to school', 'to_name', '接收学校名称'],
  subject: ['任教学科', 'subject', '学科'],
  backbone: ['骨干等级', 'backbone'],
  start_date: ['开始日期', 'start', 'start_date'],
  end_date: ['结束日期', 'end', 'end_date'],
  distance_km: ['距离(公里)', 'distance (km)', 'distance_km', '距离(km)', '距离'],
  pinned: ['指定', 'pinned'],
} as const;

export type EditedField = keyof typeof HEADERS;

/** One row of the sheet: the cells of the fields found (text as a clerk sees it), and where it is. */
export interface EditedRow {
  /** Spreadsheet line (header = 1). */
  readonly line: number;
  readonly cells: Readonly<Partial<Record<EditedField, string>>>;
}

export interface EditedSheet {
  /** "plan.xlsx#轮岗名单" for messages. */
  readonly file: string;
  /** Header and column letter of each field found, for messages: "接收学校代码 (E)". */
  readonly columns: Readonly<Partial<Record<EditedField, string>>>;
  readonly rows: readonly EditedRow[];
}

const normal = (h: string) => h.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim().replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
const squeeze = (h: string) => normal(h).replace(/ /g, '');

/**
 * Reads the assignments sheet of an (edited) plan workbook. Throws InputError
 * when the workbook has no such sheet (listing the sheets it has) or lacks a
 * column for the teacher, the receiving school or the subject.
 *
 * @example (await readPlanWorkbook('out/plan.xlsx')).rows[0].cells.teacher_id // '0101'
 */
export async function readPlanWorkbook(path: string): Promise<EditedSheet> {
  const file = basename(path);
  const bytes = await readInput(path);
  if (isLegacyXls(bytes)) throw new InputError([{ file, message: '这是旧版 Excel (.xls) 文件，请另存为 .xlsx / this is a legacy .xls file: please save it as .xlsx' }]);
  const sheets = await readWorkbookTables(bytes, file);
  const byName = new Map([...sheets].map(([name, sheet]) => [normal(name), sheet]));
  const sheet = SHEET_NAMES.map((n) => byName.get(n)).find((s) => s !== undefined);
  if (sheet === undefined) {
    throw new InputError([{ file, message: `找不到工作表 轮岗名单 (Assignments) / no assignments sheet; 工作簿中的工作表 / the workbook has: ${[...sheets.keys()].map((k) => `"${k}"`).join(', ')}` }]);
  }
  const index = new Map<EditedField, number>();
  const columns: Partial<Record<EditedField, string>> = {};
  sheet.headers.forEach((h, i) => {
    const field = (Object.keys(HEADERS) as EditedField[]).find((f) => HEADERS[f].some((x) => squeeze(x) === squeeze(h)));
    if (field === undefined || index.has(field)) return;
    index.set(field, i);
    columns[field] = `${h.trim()} (${columnLetter(i)})`;
  });
  const missing = [
    index.has('teacher_id') || index.has('name') ? null : '教师编号 / Teacher ID',
    index.has('to_school') || index.has('to_name') ? null : '接收学校代码 / To school ID',
    index.has('subject') ? null : '任教学科 / Subject',
  ].filter((x) => x !== null);
  if (missing.length > 0) {
    throw new InputError(missing.map((column) => ({ file: sheet.file, row: 1, column, message: '缺少必需的列 / required column is missing' })));
  }
  const rows = sheet.rows.map((cells, r): EditedRow => ({
    line: sheet.lines[r] ?? r + 2,
    cells: Object.fromEntries([...index].map(([field, i]) => [field, (cells[i] ?? '').trim()])),
  }));
  return { file: sheet.file, columns, rows };
}

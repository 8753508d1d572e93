/**
 * Zod schemas for one spreadsheet cell (always read as text). They accept the
 * spellings of docs/format.md and turn them into plain values; their messages are
 * written for a clerk, in Chinese and English.
 */
import { isExists } from 'date-fns/isExists';
import { z } from 'zod';
import { type CodeList, describeCodes, lookupCode } from './codes.js';

const text = z.union([z.string(), z.number(), z.undefined(), z.null()]).transform((v) => (v == null ? '' : String(v).trim()));

/** Free text; empty allowed. */
export const textCell = text;

/** A required identifier or name. */
export const requiredCell = text.refine((v) => v !== '', { message: '不能为空 / must not be empty' });

/** A whole number ≥ 0; empty → `fallback`. */
export function countCell(fallback = 0) {
  return text.transform((v, ctx) => {
    if (v === '') return fallback;
    if (!/^\d+$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: `"${v}" 不是非负整数 / is not a whole number ≥ 0` });
      return z.NEVER;
    }
    return Number(v);
  });
}

/** A decimal number; empty → null. */
export const decimalCell = text.transform((v, ctx) => {
  if (v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `"${v}" 不是数字 / is not a number` });
    return z.NEVER;
  }
  return n;
});

/** A year such as 2020; empty → null. */
export const yearCell = text.transform((v, ctx) => {
  if (v === '') return null;
  if (!/^(19|20)\d\d$/.test(v)) {
    ctx.addIssue({ code: 'custom', message: `"${v}" 不是年份 / is not a year (e.g. 2020)` });
    return z.NEVER;
  }
  return Number(v);
});

const TRUE = new Set(['true', '1', '是', 'y', 'yes']);
const FALSE = new Set(['false', '0', '否', 'n', 'no', '']);

/** true/false, 1/0, 是/否, y/n; empty → false. */
export const boolCell = text.transform((v, ctx) => {
  const low = v.toLowerCase();
  if (TRUE.has(low)) return true;
  if (FALSE.has(low)) return false;
  ctx.addIssue({ code: 'custom', message: `"${v}" 不是是/否 / is not a yes/no value (true/false, 1/0, 是/否, y/n)` });
  return z.NEVER;
});

/** A yes/no cell that must be filled (a blank is not taken as "no"). */
export const requiredBoolCell = text.transform((v, ctx) => {
  const low = v.toLowerCase();
  if (low === '') {
    ctx.addIssue({ code: 'custom', message: '不能为空，请填 是 或 否 / must not be empty: yes or no (true/false, 1/0, 是/否, y/n)' });
    return z.NEVER;
  }
  if (TRUE.has(low)) return true;
  if (FALSE.has(low)) return false;
  ctx.addIssue({ code: 'custom', message: `"${v}" 不是是/否 / is not a yes/no value (true/false, 1/0, 是/否, y/n)` });
  return z.NEVER;
});

const DATE_SPELLINGS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  // As HR rosters write them: 2006.09.01, 2006.9.1, 20060901.
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** A month without a day (2006-09, 2006.09, 2006/9, 2006年9月): read as the 1st of the month, with a warning. */
const MONTH_SPELLING = /^(\d{4})(?:[-./]|年)(\d{1,2})月?$/;

/** True when `v` names a month only (2006.09): parseDateText takes its 1st day, and the reader warns. */
export function isMonthOnlyDate(v: string): boolean {
  return MONTH_SPELLING.test(v.trim());
}

/** Parses the date spellings (docs/format.md's and HR's) into "YYYY-MM-DD"; undefined if not a real date. */
export function parseDateText(v: string): string | undefined {
  for (const re of DATE_SPELLINGS) {
    const m = re.exec(v);
    if (!m) continue;
    return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  const month = MONTH_SPELLING.exec(v);
  return month ? isoDate(Number(month[1]), Number(month[2]), 1) : undefined;
}

function isoDate(y: number, mo: number, d: number): string | undefined {
  if (!isExists(y, mo - 1, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dateSchema(optional: boolean) {
  return text.transform((v, ctx) => {
    if (v === '') {
      if (optional) return null;
      ctx.addIssue({ code: 'custom', message: '日期不能为空 / date must not be empty' });
      return z.NEVER;
    }
    const iso = parseDateText(v);
    if (iso === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${v}" 不是有效日期 / is not a real date (YYYY-MM-DD, YYYY/M/D, YYYY年M月D日, YYYY.M.D or YYYYMMDD)` });
      return z.NEVER;
    }
    return iso;
  });
}

/** A required date, as "YYYY-MM-DD". */
export const dateCell = dateSchema(false) as z.ZodType<string, unknown>;
/** An optional date, as "YYYY-MM-DD" or null. */
export const optionalDateCell = dateSchema(true) as z.ZodType<string | null, unknown>;

/** A code of `list`, in English or Chinese; empty → `fallback` (or an error when none). */
export function codeCell<C extends string>(list: CodeList<C>, fallback?: C) {
  return text.transform((v, ctx): C => {
    if (v === '' && fallback !== undefined) return fallback;
    if (v === '') {
      ctx.addIssue({ code: 'custom', message: `不能为空 / must not be empty: ${describeCodes(list)}` });
      return z.NEVER;
    }
    const code = lookupCode(list, v);
    if (code === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${v}" 不是可用的值 / is not one of: ${describeCodes(list)}` });
      return z.NEVER;
    }
    return code;
  });
}

/** A list separated by ; 、 or |, blanks dropped. */
export const listCell = text.transform((v) => (v === '' ? [] : v.split(/[;；、|]/).map((s) => s.trim()).filter((s) => s !== '')));

/** Like codeCell, but an empty cell is null. */
export function optionalCodeCell<C extends string>(list: CodeList<C>) {
  return text.transform((v, ctx): C | null => {
    if (v === '') return null;
    const code = lookupCode(list, v);
    if (code === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${v}" 不是可用的值 / is not one of: ${describeCodes(list)}` });
      return z.NEVER;
    }
    return code;
  });
}

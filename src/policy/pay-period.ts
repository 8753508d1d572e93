/**
 * Monthly rates over a period of days: a whole calendar month pays the rate,
 * a part month pays by its days (or nothing). Money is integer fen (cents)
 * throughout, so totals add up exactly.
 */
import { addMonths } from 'date-fns/addMonths';
import { endOfMonth } from 'date-fns/endOfMonth';
import { lightFormat } from 'date-fns/lightFormat';
import { getDate } from 'date-fns/getDate';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { max } from 'date-fns/max';
import { min } from 'date-fns/min';
import { parseISO } from 'date-fns/parseISO';
import { startOfMonth } from 'date-fns/startOfMonth';

/** The days of one calendar month that a period covers. */
export interface MonthSlice {
  /** "YYYY-MM". */
  readonly month: string;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly daysInMonth: number;
}

export type PartMonth = 'pro_rata' | 'whole_months';

/**
 * The calendar months a period covers, first to last day inclusive.
 * @example monthSlices('2019-09-16', '2019-10-31') → [{ month: '2019-09', firstDay: 16, lastDay: 30, daysInMonth: 30 }, { month: '2019-10', firstDay: 1, lastDay: 31, daysInMonth: 31 }]
 */
export function monthSlices(from: string, to: string): MonthSlice[] {
  // Remembered by period: a plan asks for the same few periods once per teacher (date-fns: some 5 µs a month), and
  // `rotation suggest` asks again for every candidate move.
  const key = `${from}|${to}`;
  let slices = sliceMemo.get(key);
  if (slices === undefined) {
    if (sliceMemo.size >= SLICE_MEMO_SIZE) sliceMemo.clear();
    sliceMemo.set(key, (slices = Object.freeze(computeSlices(from, to).map((x) => Object.freeze(x)))));
  }
  return [...slices];
}

const SLICE_MEMO_SIZE = 10_000;
const sliceMemo = new Map<string, readonly MonthSlice[]>();

function computeSlices(from: string, to: string): MonthSlice[] {
  const first = parseISO(from);
  const last = parseISO(to);
  const out: MonthSlice[] = [];
  for (let m = startOfMonth(first); m <= last; m = addMonths(m, 1)) {
    out.push({
      month: lightFormat(m, 'yyyy-MM'),
      firstDay: getDate(max([first, m])),
      lastDay: getDate(min([last, endOfMonth(m)])),
      daysInMonth: getDaysInMonth(m),
    });
  }
  return out;
}

const isWhole = (s: MonthSlice) => s.firstDay === 1 && s.lastDay === s.daysInMonth;

/**
 * Fen owed for the first `day` days of a month at `rateFen` a month, rounded
 * half up. Paying days a..b as cum(b) − cum(a − 1) makes a month split at any
 * day pay exactly what the whole month pays: no cent is lost or gained. The
 * price of exact splits: a rate higher by less than 0.31 yuan a month (one fen
 * a day) may pay one fen less for a few days; any larger step never pays less.
 */
function cumulativeFen(rateFen: number, day: number, daysInMonth: number): number {
  return Math.floor((2 * rateFen * day + daysInMonth) / (2 * daysInMonth));
}

/** Fen owed for one slice at `rateFen` a month. */
function sliceFen(rateFen: number, s: MonthSlice, partMonth: PartMonth): number {
  if (isWhole(s)) return rateFen;
  if (partMonth === 'whole_months') return 0;
  return cumulativeFen(rateFen, s.lastDay, s.daysInMonth) - cumulativeFen(rateFen, s.firstDay - 1, s.daysInMonth);
}

/** Fen owed for a period at `rateFen` a month. */
export function periodFen(rateFen: number, slices: readonly MonthSlice[], partMonth: PartMonth): number {
  return slices.reduce((sum, s) => sum + sliceFen(rateFen, s, partMonth), 0);
}

/** Months served, exact: whole months count 1, a part month its share of days. */
export function monthsServed(slices: readonly MonthSlice[]): number {
  return slices.reduce((sum, s) => sum + (isWhole(s) ? 1 : (s.lastDay - s.firstDay + 1) / s.daysInMonth), 0);
}

/** Yuan → fen. */
export const toFen = (yuan: number): number => Math.round(yuan * 100);
/** Fen → yuan (two decimals). */
export const toYuan = (fen: number): number => fen / 100;
/** Rounds to two decimals (months, yuan given as floats). */
export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The plan year's term: one school year from the policy's start day (default 1 Sep – 31 Aug). */
import { addDays } from 'date-fns/addDays';
import { addYears } from 'date-fns/addYears';
import { lightFormat } from 'date-fns/lightFormat';
import { parseISO } from 'date-fns/parseISO';
import type { Policy } from '../domain/policy.js';

export interface Term {
  readonly year: number;
  /** First day, "YYYY-MM-DD". */
  readonly start: string;
  /** Last day, "YYYY-MM-DD". */
  readonly end: string;
}

/** The term that begins in `year`: `2019` → 2019-09-01 … 2020-08-31 under the defaults. */
export function termOf(year: number, policy: Policy): Term {
  const start = parseISO(`${String(year).padStart(4, '0')}-${policy.term.start}`);
  const end = addDays(addYears(start, policy.term.years), -1);
  return { year, start: lightFormat(start, 'yyyy-MM-dd'), end: lightFormat(end, 'yyyy-MM-dd') };
}

/** The term a plan covers, derived from its plan year and the policy (docs/format.md "Precise meanings"). */
import { addDays } from 'date-fns/addDays';
import { addYears } from 'date-fns/addYears';
import { lightFormat } from 'date-fns/lightFormat';
import { parseISO } from 'date-fns/parseISO';
import type { Policy } from '../domain/policy.js';

export interface TermDates {
  /** First day, "YYYY-MM-DD". */
  readonly start: string;
  /** Last day, "YYYY-MM-DD". */
  readonly end: string;
}

/**
 * start = `${year}-${policy.term.start}`, end = start + term.years years − 1 day.
 *
 * @example termDates(2019, defaultPolicy()) // { start: '2019-09-01', end: '2020-08-31' }
 */
export function termDates(year: number, policy: Policy): TermDates {
  const first = parseISO(`${String(year).padStart(4, '0')}-${policy.term.start}`);
  const last = addDays(addYears(first, policy.term.years), -1);
  return { start: lightFormat(first, 'yyyy-MM-dd'), end: lightFormat(last, 'yyyy-MM-dd') };
}

/**
 * R3, the exchange conditions (符合交流条件, 四(二)1): who may rotate this
 * year and, for everyone, why or why not. Pure: same input, same answer.
 */
import { ELIGIBILITY, type Text } from '../domain/messages.js';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { differenceInYears } from 'date-fns/differenceInYears';
import { getDate } from 'date-fns/getDate';
import { parseISO } from 'date-fns/parseISO';
import { subYears } from 'date-fns/subYears';
import type { Policy } from '../domain/policy.js';
import { isSender, type Scenario } from '../domain/scenario.js';
import type { Lock, Rotation, School, Teacher } from '../domain/tables.js';
import type { Term } from './term.js';

export interface Eligibility {
  readonly teacher_id: string;
  readonly eligible: boolean;
  /** For an ineligible teacher, every condition that fails; for an eligible one, the facts that qualify. */
  readonly reasons: readonly string[];
  /** The same reasons in both languages (domain/messages.ts); `reasons` holds their English. */
  readonly texts: readonly Text[];
  /** Full months at the home school on the term's first day. */
  readonly months_at_school: number;
  /** Age in full years on the term's first day. */
  readonly age: number;
  /** A rotation from history is still running on the term's first day (the teacher is away). */
  readonly away: Rotation | null;
}

export interface EligibilityContext {
  readonly policy: Policy;
  readonly term: Term;
  readonly school: School | undefined;
  /** This teacher's history rows. */
  readonly history: readonly Rotation[];
  /** This teacher's locks. */
  readonly locks: readonly Lock[];
}

/** A rotation is still running when it ends after the term's first day (docs/format.md, history.csv). */
export function isRunning(r: Rotation, term: Term): boolean {
  return r.end_date > term.start;
}

/**
 * Full months from `from` to `to`, completed on the same day number like a
 * birthday (29 Feb completes on 1 Mar in common years), so that full years of
 * service agree with age as differenceInYears counts it. Negative when `from`
 * is after `to`.
 */
export function fullMonths(to: Date, from: Date): number {
  return differenceInCalendarMonths(to, from) - (getDate(to) < getDate(from) ? 1 : 0);
}

/** Eligibility of one teacher for the term. */
export function eligibilityOf(t: Teacher, ctx: EligibilityContext): Eligibility {
  const { policy, term } = ctx;
  const day = parseISO(term.start);
  const months = fullMonths(day, parseISO(t.school_start_date));
  const age = differenceInYears(day, parseISO(t.birth_date));
  const minYears = policy.eligibility.min_years_at_school;
  const maxAge = policy.eligibility.max_age[t.gender];
  const away = ctx.history.find((r) => isRunning(r, term)) ?? null;
  const cooldownFrom = subYears(day, policy.eligibility.cooldown_years);
  const recent = ctx.history.filter((r) => parseISO(r.start_date) > cooldownFrom && r.start_date <= term.start);
  const fails: Text[] = [];

  if (ctx.school === undefined || !isSender(ctx.school)) fails.push(ELIGIBILITY.notSender());
  if (months < 0) fails.push(ELIGIBILITY.joinsLate(t.school_start_date));
  else if (Math.floor(months / 12) < minYears) fails.push(ELIGIBILITY.yearsAtSchool(months, minYears, false));
  if (age >= maxAge) fails.push(ELIGIBILITY.age(age, maxAge, false));
  if (t.exempt !== '') fails.push(ELIGIBILITY.exempt(t.exempt));
  if (away !== null) fails.push(ELIGIBILITY.away(away.to_school, away.end_date));
  else if (recent.length > 0) {
    const last = recent.map((r) => r.start_date).sort().at(-1)!;
    fails.push(ELIGIBILITY.cooldown(last, policy.eligibility.cooldown_years));
  }
  const keep = ctx.locks.find((l) => l.action === 'keep');
  if (keep !== undefined) fails.push(ELIGIBILITY.keep(keep.reason));

  const texts = fails.length > 0 ? fails : [ELIGIBILITY.yearsAtSchool(months, minYears, true), ELIGIBILITY.age(age, maxAge, true)];
  const reasons = texts.map((x) => x.en);
  return { teacher_id: t.teacher_id, eligible: fails.length === 0, reasons, texts, months_at_school: months, age, away };
}

/** Eligibility of every teacher of a scenario, in roster order. */
export function eligibilityAll(scenario: Scenario, term: Term): Eligibility[] {
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const history = groupBy(scenario.history, (r) => r.teacher_id);
  const locks = groupBy(scenario.locks, (l) => l.teacher_id);
  return scenario.teachers.map((t) => eligibilityOf(t, {
    policy: scenario.policy, term, school: schools.get(t.school_id),
    history: history.get(t.teacher_id) ?? [], locks: locks.get(t.teacher_id) ?? [],
  }));
}

/** Groups items by a key, keeping their order. */
export function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

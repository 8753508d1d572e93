/**
 * R3's exchange conditions (符合交流条件, 四(二)1), re-derived for the
 * checker: who may rotate in the term, and in plain words why not.
 */
import { differenceInYears } from 'date-fns/differenceInYears';
import { isAfter } from 'date-fns/isAfter';
import { parseISO } from 'date-fns/parseISO';
import { subYears } from 'date-fns/subYears';
import type { Policy } from '../domain/policy.js';
import { isSender } from '../domain/scenario.js';
import type { Lock, Rotation, School, Teacher } from '../domain/tables.js';
import type { TermDates } from './term.js';

/** Which exchange condition fails; running rotations and keep locks have rules of their own. */
export type FailKind = 'not_sender' | 'years' | 'age' | 'exempt' | 'running' | 'cooldown' | 'keep';

export interface Fail {
  readonly kind: FailKind;
  /** "中文 / English", with the numbers. */
  readonly text: string;
}

export interface Standing {
  readonly eligible: boolean;
  /** Every condition that fails; empty when eligible. */
  readonly fails: readonly Fail[];
  /** The history row of a rotation still running on the term's first day (the teacher is away). */
  readonly running: Rotation | null;
}

/** A rotation is still running when it ends after the term's first day (FORMAT.md, history.csv). */
export function runsInto(r: Rotation, term: TermDates): boolean {
  return isAfter(parseISO(r.end_date), parseISO(term.start));
}

/**
 * Whether `t` meets the exchange conditions on the term's first day.
 *
 * @example standingOf(t, home, [], [], term, policy).eligible // true for 6 full years at school, age 40
 */
export function standingOf(
  t: Teacher, home: School | undefined, history: readonly Rotation[], locks: readonly Lock[], term: TermDates, policy: Policy,
): Standing {
  const day = parseISO(term.start);
  const fails: Fail[] = [];
  const fail = (kind: FailKind, text: string): void => { fails.push({ kind, text }); };
  if (home === undefined || !isSender(home)) fail('not_sender', '所在学校不是派出学校 / home school is not a sending school');
  const years = differenceInYears(day, parseISO(t.school_start_date));
  const minYears = policy.eligibility.min_years_at_school;
  if (years < minYears) fail('years', `在校 ${Math.max(years, 0)} 年，不满 ${minYears} 年 / ${Math.max(years, 0)} full years at school, fewer than ${minYears}`);
  const age = differenceInYears(day, parseISO(t.birth_date));
  const maxAge = policy.eligibility.max_age[t.gender];
  if (age >= maxAge) fail('age', `年龄 ${age} 岁，不小于 ${maxAge} 岁 / aged ${age}, not under ${maxAge}`);
  if (t.exempt !== '') fail('exempt', `免交流：${t.exempt} / exempt: ${t.exempt}`);
  const running = history.find((r) => runsInto(r, term)) ?? null;
  if (running !== null) fail('running', `正在 ${running.to_school} 轮岗至 ${running.end_date} / on rotation at ${running.to_school} until ${running.end_date}`);
  const cooldownFrom = subYears(day, policy.eligibility.cooldown_years);
  const recent = history.find((r) => isAfter(parseISO(r.start_date), cooldownFrom) && !isAfter(parseISO(r.start_date), day));
  if (running === null && recent !== undefined) {
    fail('cooldown', `${recent.start_date} 开始轮岗，仍在 ${policy.eligibility.cooldown_years} 年间隔期内 / rotated from ${recent.start_date}, within the ${policy.eligibility.cooldown_years}-year cooldown`);
  }
  if (locks.some((l) => l.action === 'keep')) fail('keep', '人事科已锁定留校 / kept home by a keep lock');
  return { eligible: fails.length === 0, fails, running };
}

/**
 * Where each teacher serves during the plan's term: on a rotation of this
 * plan (its own dates), on a running rotation from history (the days of the
 * term it still runs), and at the home school the rest of the term. Both
 * allowances and rural months for titles are counted from these stints.
 */
import { addDays } from 'date-fns/addDays';
import { lightFormat } from 'date-fns/lightFormat';
import { parseISO } from 'date-fns/parseISO';
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { groupBy, isRunning } from './eligibility.js';
import type { Term } from './term.js';

export interface Stint {
  readonly teacher_id: string;
  readonly school_id: string;
  /** First and last day served, "YYYY-MM-DD", inclusive. */
  readonly from: string;
  readonly to: string;
  /** 'plan': a rotation of this plan; 'history': a running rotation; 'home': the home school. */
  readonly source: 'plan' | 'history' | 'home';
}

const nextDay = (d: string) => lightFormat(addDays(parseISO(d), 1), 'yyyy-MM-dd');
const prevDay = (d: string) => lightFormat(addDays(parseISO(d), -1), 'yyyy-MM-dd');
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The plan's term: its year and period. */
export function planTerm(plan: Pick<Plan, 'plan_year' | 'period'>): Term {
  return { year: plan.plan_year, start: plan.period.start, end: plan.period.end };
}

/** The parts of `term` not covered by `away` (intervals clipped to the term). */
function homeIntervals(term: Term, away: readonly { from: string; to: string }[]): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  let cursor = term.start;
  for (const a of [...away].sort((x, y) => x.from.localeCompare(y.from))) {
    const from = later(a.from, term.start);
    const to = earlier(a.to, term.end);
    if (to < from) continue;
    if (from > cursor) out.push({ from: cursor, to: prevDay(from) });
    if (to >= cursor) cursor = nextDay(to);
  }
  if (cursor <= term.end) out.push({ from: cursor, to: term.end });
  return out;
}

/**
 * Every teacher's stints in the term, roster order. A rotation of the plan
 * counts from its start to its end date as written; a history rotation that
 * is still running (docs/format.md) counts for the days of the term it covers.
 */
export function termStints(scenario: Scenario, plan: Plan): Stint[] {
  const term = planTerm(plan);
  const assigned = groupBy(plan.assignments, (a) => a.teacher_id);
  const running = groupBy(scenario.history.filter((r) => isRunning(r, term) && r.start_date <= term.end), (r) => r.teacher_id);
  const out: Stint[] = [];
  for (const t of scenario.teachers) {
    const rotations: Stint[] = [
      ...(assigned.get(t.teacher_id) ?? []).map((a): Stint => ({ teacher_id: t.teacher_id, school_id: a.to_school, from: a.start_date, to: a.end_date, source: 'plan' })),
      ...(running.get(t.teacher_id) ?? []).map((r): Stint => ({
        teacher_id: t.teacher_id, school_id: r.to_school, from: later(r.start_date, term.start), to: earlier(r.end_date, term.end), source: 'history',
      })),
    ];
    out.push(...rotations.filter((r) => r.from <= r.to));
    for (const h of homeIntervals(term, rotations)) out.push({ teacher_id: t.teacher_id, school_id: t.school_id, ...h, source: 'home' });
  }
  return out;
}

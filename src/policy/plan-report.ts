/**
 * The tables HR reads beside a plan: allowance totals, title warnings, rural
 * months of the assigned teachers, income parity. Pure; the workbook and
 * plan.json extensions are written from these.
 */
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { allowancesFor, allowanceTotals, type AllowanceTotals } from './allowances.js';
import { incomeParity, type IncomeParity } from './income.js';
import { termStints } from './service.js';
import { ruralMonths, titleWarnings, type RuralMonths, type TitleWarning } from './titles.js';

export interface PlanReport {
  /** Totals of the plan's own `allowances` rows (so the workbook shows what plan.json says). */
  readonly allowanceTotals: AllowanceTotals;
  readonly titleWarnings: readonly TitleWarning[];
  /** Rural months before/after the term, per teacher. */
  readonly ruralMonths: ReadonlyMap<string, RuralMonths>;
  /** Null when the policy sets no base pay. */
  readonly income: IncomeParity | null;
}

/** The report tables of a plan. */
export function planReport(scenario: Scenario, plan: Plan): PlanReport {
  const months = ruralMonths(scenario, plan);
  return {
    allowanceTotals: allowanceTotals(plan.allowances, scenario),
    titleWarnings: titleWarnings(scenario, plan, months),
    ruralMonths: months,
    income: incomeParity(scenario.policy),
  };
}

/**
 * The plan with its derived parts filled in: `allowances` computed from the
 * policy (they are never taken from the optimiser), and the extensions
 * `allowance_totals`, `title_warnings` and each assignment's
 * `rural_months_before` / `rural_months_after`.
 */
export function extendPlan(scenario: Scenario, plan: Plan): Plan {
  const stints = termStints(scenario, plan);
  const allowances = allowancesFor(scenario, plan, stints);
  const months = ruralMonths(scenario, plan, stints);
  return {
    ...plan,
    assignments: plan.assignments.map((a) => {
      const m = months.get(a.teacher_id);
      return m ? { ...a, rural_months_before: m.before, rural_months_after: m.after } : a;
    }),
    allowances,
    allowance_totals: allowanceTotals(allowances, scenario),
    title_warnings: titleWarnings(scenario, plan, months),
  };
}

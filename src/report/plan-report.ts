/**
 * The tables HR reads beside a plan: allowance totals, title warnings, rural
 * months of the assigned teachers, income parity. Pure; the workbook and
 * plan.json extensions are written from these.
 */
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { allowancesFor, allowanceTotals, type AllowanceTotals, type CoverPaid, itinerantAllowances } from '../policy/allowances.js';
import { type BalanceRow, countyBalance } from '../policy/balance.js';
import { balanceWarnings } from '../policy/balance-warnings.js';
import { incomeParity, type IncomeParity } from '../policy/income.js';
import { normsOfReceivers, type SchoolNorms } from '../policy/norms.js';
import { termStints } from '../policy/service.js';
import { ruralMonths, titleWarnings, type RuralMonths, type TitleWarning } from '../policy/titles.js';
import { withVolunteers } from './volunteer-report.js';

export interface PlanReport {
  /** Totals of the plan's own `allowances` rows (so the workbook shows what plan.json says). */
  readonly allowanceTotals: AllowanceTotals;
  readonly titleWarnings: readonly TitleWarning[];
  /** Rural months before/after the term, per teacher. */
  readonly ruralMonths: ReadonlyMap<string, RuralMonths>;
  /** Null when the policy sets no base pay. */
  readonly income: IncomeParity | null;
  /** The staffing-norm derivation of every receiver (编制测算). */
  readonly norms: readonly SchoolNorms[];
  /** plan.json `balance`, or computed when the plan has none. */
  readonly balance: readonly BalanceRow[];
}

/** stats.needs_mode / needs_from_norms when the scenario's needs went through applyNeedsMode. */
const needsStats = (scenario: Scenario) => (scenario.needsOrigin === undefined ? {}
  : { needs_mode: scenario.needsOrigin.mode, needs_from_norms: [...scenario.needsOrigin.fromNorms] });

/** The report tables of a plan. */
export function planReport(scenario: Scenario, plan: Plan): PlanReport {
  const months = ruralMonths(scenario, plan);
  return {
    allowanceTotals: allowanceTotals(plan.allowances, scenario),
    titleWarnings: titleWarnings(scenario, plan, months),
    ruralMonths: months,
    income: incomeParity(scenario.policy),
    norms: normsOfReceivers(scenario, { year: plan.plan_year, ...plan.period }),
    balance: plan.balance ?? countyBalance(scenario, plan),
  };
}

/**
 * The plan with its derived parts filled in: `allowances` computed from the
 * policy (they are never taken from the optimiser; 走教 covers in plan.json
 * `itinerant` are paid the subsidy), and the extensions
 * `allowance_totals`, `title_warnings`, `balance` (差异系数 before/after), each
 * assignment's `rural_months_before` / `rural_months_after`, and — when the
 * needs came from the staffing norms — `stats.needs_mode` and `stats.needs_from_norms`; with volunteers.csv,
 * the 银龄讲学 placement (plan.json `volunteers`, the gap rows' `volunteers`, the receivers' `volunteer_backbone`,
 * the volunteers' subsidy among the allowances), made afresh from the posts rotation leaves open.
 */
export function extendPlan(scenario: Scenario, plan: Plan): Plan {
  const stints = termStints(scenario, plan);
  const covers: readonly CoverPaid[] = plan.itinerant?.covers ?? [];
  const volunteers = withVolunteers(scenario, plan);
  const allowances = [...allowancesFor(scenario, plan, stints), ...itinerantAllowances(scenario, plan, covers), ...volunteers.allowances]
    .sort((a, b) => a.school_id.localeCompare(b.school_id) || a.teacher_id.localeCompare(b.teacher_id));
  const months = ruralMonths(scenario, plan, stints);
  const names = new Map(scenario.teachers.map((t) => [t.teacher_id, t.name]));
  const balance = countyBalance(scenario, plan);
  const warnings = balanceWarnings(balance);
  return {
    ...plan,
    assignments: plan.assignments.map((a) => {
      const m = months.get(a.teacher_id);
      // The name rides along so that diff, replan and anyone reading plan.json see who, not only an id.
      const named = names.get(a.teacher_id) ? { ...a, name: names.get(a.teacher_id) } : a;
      return m ? { ...named, rural_months_before: m.before, rural_months_after: m.after } : named;
    }),
    ...volunteers.fields,
    allowances,
    allowance_totals: allowanceTotals(allowances, scenario),
    title_warnings: titleWarnings(scenario, plan, months),
    balance,
    ...(warnings.length > 0 ? { warnings } : {}),
    stats: { ...plan.stats, ...needsStats(scenario), ...volunteers.stats },
  };
}

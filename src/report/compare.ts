/**
 * What-if figures of one plan, for `rotation compare`: the numbers the bureau
 * weighs when it sets next year's rules, one column per policy variant.
 * Pure: plan in, figures out.
 */
import type { Plan } from '../domain/plan.js';
import type { BalanceRow } from '../policy/balance.js';

export interface CompareFigures {
  /** Teachers sent (R1). */
  readonly sent: number;
  /** Of them backbone teachers at the R2 level. */
  readonly backbone_sent: number;
  /** Senders excused from the R2 ratio (rotation.r2_when_short = "excuse"; always 0 under "least_shortfall"). */
  readonly r2_excused: number;
  /** Needed posts filled / needed (R4, net of running rotations). */
  readonly gaps_filled: number;
  readonly gaps_needed: number;
  /** Receivers with a county-level-or-above backbone teacher after the plan / all receivers (R5). */
  readonly r5_covered: number;
  readonly receivers: number;
  /** Σ plan.allowances[].total, yuan: every allowance the plan's term pays (rural staff and rotated teachers). */
  readonly allowance_cost: number;
  /** Of it, what the rotated teachers are paid. */
  readonly rotation_allowance_cost: number;
  /** Shortfalls listed (R1, R2, R4, R5). */
  readonly shortfalls: number;
  readonly optimal: boolean;
  /**
   * Backbone teachers per 100 students: the CV (差异系数) after the plan, per stage, the county's
   * worst when there are several; null where no county has the stage or the plan carries no `balance`.
   */
  readonly backbone_cv: { readonly primary: number | null; readonly junior: number | null };
}

/** Yuan sums kept to the fen. */
const yuan = (values: readonly number[]) => values.reduce((fen, v) => fen + Math.round(v * 100), 0) / 100;

/**
 * The compare figures of a plan (extended with allowances, see extendPlan).
 *
 * @example compareFigures(plan).sent // 11
 */
export function compareFigures(plan: Plan): CompareFigures {
  return {
    sent: plan.stats.sent,
    backbone_sent: plan.senders.reduce((n, s) => n + s.backbone_sent, 0),
    r2_excused: plan.senders.filter((s) => s['r2_excused'] === true).length,
    gaps_filled: plan.stats.gaps_filled,
    gaps_needed: plan.stats.gaps_needed,
    r5_covered: plan.receivers.filter((r) => r.county_backbone_after > 0).length,
    receivers: plan.receivers.length,
    allowance_cost: yuan(plan.allowances.map((a) => a.total)),
    rotation_allowance_cost: yuan(plan.allowances.filter((a) => a.rotated === true).map((a) => a.total)),
    shortfalls: plan.shortfalls.length,
    optimal: plan.stats.optimal,
    backbone_cv: backboneCv(plan.balance ?? []),
  };
}

function backboneCv(rows: readonly BalanceRow[]): CompareFigures['backbone_cv'] {
  const worst = (stage: 'primary' | 'junior') => rows.filter((r) => r.indicator === 'backbone' && r.stage === stage && r.after !== null)
    .reduce<number | null>((m, r) => (m === null || r.after! > m ? r.after : m), null);
  return { primary: worst('primary'), junior: worst('junior') };
}

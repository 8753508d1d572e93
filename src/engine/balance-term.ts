/**
 * The optional objective term that lowers the county's backbone 差异系数
 * (policy `balance.backbone_weight`, issue 7; off by default).
 *
 * The balance review's CV² of a stage is Σ_p (n_p/N)(x_p − X̄)²/X̄² over the
 * stage parts p of the county's schools (src/policy/balance.ts). With the
 * stage means X̄ held at their values before the plan, a school's part of it
 * depends only on its own backbone count B:
 *   f_i(B) = Σ_{parts p of i} (n_p/N_stage) (share_p·B/n_p − X̄_stage)² / X̄_stage².
 * Moving teachers within a stage leaves X̄ unchanged, so then Σ_i f_i is
 * exactly Σ_stages CV² after the plan; when teachers move between stages
 * (a primary teacher to a nine-year school) X̄ moves a little and the term is
 * the dispersion around the before-means, an approximation of the CV².
 * f_i is convex in B, so the k-th arrival (or departure) costs at least as
 * much as the one before: unit variables with these marginal costs, summing
 * to the count, are taken in order by a minimiser and their cost equals
 * f_i(B ± count) − f_i(B) at every integer count (see marginalCosts).
 */
import { backboneAtLeast } from '../domain/codes.js';
import type { Scenario } from '../domain/scenario.js';
import { type BalanceStage, meetsIndicator, stageParts } from '../policy/balance.js';
import { groupBy, isRunning } from '../policy/eligibility.js';
import type { Term } from '../policy/term.js';

/** One stage part of a school, with its stage's county figures before the plan. */
export interface BalancePart {
  readonly stage: BalanceStage;
  readonly students: number;
  /** Share of the school's teachers counted in this stage. */
  readonly share: number;
  /** The county's students in the stage (N). */
  readonly stageStudents: number;
  /** The county's backbone teachers per student in the stage before the plan (X̄ > 0). */
  readonly mean: number;
}

export interface BalanceSchool {
  /** County-level-or-above backbone teachers there before the plan (as balance.ts counts them). */
  readonly backbone: number;
  /** Parts with students in a stage whose county mean is positive (the others have no CV). */
  readonly parts: readonly BalancePart[];
}

/** What the model needs for the term: the weight and each school's figures, by school id. */
export interface BalanceTermInput {
  readonly weight: number;
  readonly schools: ReadonlyMap<string, BalanceSchool>;
}

/** f_i(B): the school's contribution to Σ_stages CV² around the before-means. */
export function dispersion(parts: readonly BalancePart[], backbone: number): number {
  return parts.reduce((sum, p) => sum + (p.students / p.stageStudents) * ((p.share * backbone) / p.students - p.mean) ** 2 / p.mean ** 2, 0);
}

/**
 * Cost of the k-th teacher arriving (direction +1) or leaving (−1), k = 1..K:
 * f(B + d·k) − f(B + d·(k−1)). Non-decreasing in k (f is convex), and the
 * first m of them sum to f(B + d·m) − f(B).
 */
export function marginalCosts(parts: readonly BalancePart[], before: number, count: number, direction: 1 | -1): number[] {
  return Array.from({ length: count }, (_, i) => dispersion(parts, before + direction * (i + 1)) - dispersion(parts, before + direction * i));
}

/**
 * The county's schools' backbone figures before the plan, exactly as
 * src/policy/balance.ts counts "before": every teacher at the home school,
 * a running rotation at its receiver.
 */
export function balanceTermInputs(scenario: Scenario, term: Term): Map<string, BalanceTermInput> {
  const weight = scenario.policy.balance.backbone_weight;
  const where = new Map(scenario.teachers.map((t) => [t.teacher_id, t.school_id]));
  for (const r of scenario.history) if (isRunning(r, term) && where.has(r.teacher_id)) where.set(r.teacher_id, r.to_school);
  const counts = new Map<string, number>();
  for (const t of scenario.teachers) {
    // The indicator is the same in both stages (county level or above).
    if (meetsIndicator(t, 'backbone', 'primary')) counts.set(where.get(t.teacher_id)!, (counts.get(where.get(t.teacher_id)!) ?? 0) + 1);
  }
  const out = new Map<string, BalanceTermInput>();
  for (const [county, schools] of groupBy(scenario.schools, (s) => s.county)) {
    const parts = schools.flatMap((s) => stageParts(s, scenario.policy.balance.junior_weight).map((p) => ({ id: s.school_id, ...p }))).filter((p) => p.students > 0);
    const stage = new Map<BalanceStage, { students: number; total: number }>();
    for (const p of parts) {
      const x = stage.get(p.stage) ?? { students: 0, total: 0 };
      stage.set(p.stage, { students: x.students + p.students, total: x.total + p.teacherShare * (counts.get(p.id) ?? 0) });
    }
    const bySchool = new Map<string, BalanceSchool>();
    for (const s of schools) {
      const mine = parts.filter((p) => p.id === s.school_id && stage.get(p.stage)!.total > 0).map((p): BalancePart => {
        const st = stage.get(p.stage)!;
        return { stage: p.stage, students: p.students, share: p.teacherShare, stageStudents: st.students, mean: st.total / st.students };
      });
      bySchool.set(s.school_id, { backbone: counts.get(s.school_id) ?? 0, parts: mine });
    }
    out.set(county, { weight, schools: bySchool });
  }
  return out;
}

/** The engine's backbone test for the term: the R5 level must be balance.ts's (county). */
export const BALANCE_BACKBONE_LEVEL = 'county';
export const sameBackboneLevel = (level: Parameters<typeof backboneAtLeast>[1]) => level === BALANCE_BACKBONE_LEVEL;

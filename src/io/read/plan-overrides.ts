/**
 * The policy a plan was made under: `rotation plan --set …` records its
 * overrides in plan.json (`policy_overrides`), and every command that reads
 * a plan back (check, suggest, replan) applies them before its own `--set`,
 * so a plan checks as it was made. `--no-plan-policy` leaves them out.
 */
import type { Plan } from '../../domain/plan.js';
import { overridesRecord, overrideSets } from './policy-file.js';

export interface PlanPolicy {
  /** `key=value` overrides to read the scenario with: the plan's, then the command's own (which win). */
  readonly sets: string[];
  /** What to tell the user, or null when the plan records no overrides. */
  readonly note: string | null;
}

/** "rotation.min_share=0.15, balance.backbone_weight=1" */
export function overridesText(plan: Plan): string {
  return overrideSets(plan.policy_overrides ?? {}).join(', ');
}

/** The overrides to read a plan's scenario with, and the line saying so. */
export function planPolicy(plan: Plan, own: readonly string[], use: boolean): PlanPolicy {
  const recorded = overrideSets(plan.policy_overrides ?? {});
  if (recorded.length === 0) return { sets: [...own], note: null };
  if (!use) return { sets: [...own], note: `注意: 未采用计划记录的政策参数 / not applying the plan's recorded policy overrides (--no-plan-policy): ${recorded.join(', ')}` };
  return { sets: [...recorded, ...own], note: `采用计划记录的政策参数 / using the plan's policy overrides (plan.json policy_overrides): ${recorded.join(', ')}${own.length > 0 ? `; then --set ${own.join(', ')}` : ''}` };
}

/** The overrides a new plan records: those it was read with (`key=value` list → `{ key: value }`). */
export function recordOverrides(plan: Plan, sets: readonly string[]): Plan {
  const record = overridesRecord(sets);
  if (Object.keys(record).length > 0) plan.policy_overrides = record;
  return plan;
}

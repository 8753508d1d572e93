/**
 * policy.json `itinerant`: itinerant teaching (走教) inside a school district,
 * 四(二)2 二 "各地可探索学区(乡镇)内教师走教制度，对走教教师根据实际给予相应工作补贴".
 * The action plan sets no numbers: every default below is a PLACEHOLDER a
 * county must replace with its own. Kept beside policy.ts so that file stays a list of keys.
 */
import { z } from 'zod';
import type { Scenario } from './scenario.js';

/** Yuan, at most two decimals (fen). */
const yuan = z.number().finite().min(0).refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '金额最多两位小数 / at most two decimals (fen)');

export const itinerantPolicySchema = z.strictObject({
  /** Plan 走教 covers when schools.csv gives a `district` (学区); false = never. */
  enabled: z.boolean().default(true),
  /** Longest great-circle distance home school → covered school, km (placeholder); null = no limit. A pair without coordinates is never used. */
  max_distance_km: z.number().positive().nullable().default(15),
  /** Most schools one teacher walks to (besides the one they teach at) (placeholder). */
  max_schools: z.number().int().min(1).default(2),
  /** Most periods a week one teacher teaches at other schools (placeholder). */
  max_periods: z.number().int().min(1).default(8),
  /**
   * 走教补贴: monthly yuan per covered school, by the covered school's tier 0–3 (placeholder amounts),
   * paid for the term like the other allowances (pro rata by part months).
   */
  subsidy_monthly: z.tuple([yuan, yuan, yuan, yuan]).default([100, 200, 300, 400]),
  /** The item's name in plan.json `allowances[].items` and on the allowances sheet. */
  subsidy_name: z.string().trim().min(1).default('走教补贴'),
});
export type ItinerantPolicy = z.infer<typeof itinerantPolicySchema>;

/** True when a plan of the scenario can have 走教 covers: the policy enables them and some school names a district. */
export function itinerantOn(scenario: Pick<Scenario, 'policy' | 'schools'>): boolean {
  return scenario.policy.itinerant.enabled && scenario.schools.some((s) => s.district !== undefined);
}

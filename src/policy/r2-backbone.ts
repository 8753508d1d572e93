/**
 * R2, backbone teachers among those sent (四(二)1 of the Wenzhou 2018–2020
 * action plan: "交流轮岗的骨干教师不低于交流总数的 20%"): of the teachers a
 * sending school sends, at least `rotation.backbone_min_share` (20 %), rounded
 * up, are backbone teachers of level `rotation.backbone_level` (county) or
 * above. The base is the number the school actually sends (not its R1
 * requirement), so every further teacher sent can raise the requirement.
 *
 * Everything outside src/check that needs R2 asks this module: which teacher
 * counts, how many are required, and the exact fraction for linear
 * constraints. The independent checker (src/check) keeps its own code on
 * purpose.
 */
import { backboneAtLeast, type BackboneLevel } from '../domain/codes.js';
import type { Policy } from '../domain/policy.js';
import { ceilShare, shareFraction } from './shares.js';

/** The rule's name and its clause in the action plan. */
export const R2 = { rule: 'R2', clause: '四(二)1' } as const;

/** Whether a teacher of this backbone level counts towards R2 (level ≥ rotation.backbone_level). */
export function countsForR2(backbone: BackboneLevel, policy: Policy): boolean {
  return backboneAtLeast(backbone, policy.rotation.backbone_level);
}

/** Backbone teachers required among `sent`: ceil(backbone_min_share × sent), in integers (ceil(20 % × 7) = 2). */
export function r2Required(sent: number, policy: Policy): number {
  return ceilShare(sent, policy.rotation.backbone_min_share);
}

/**
 * The backbone share as an exact fraction num/den of integers (0.2 → 1/5), for
 * linear constraints: den × backbone sent ≥ num × sent. An integer plan meets
 * it exactly when it sends at least r2Required(sent) backbone teachers.
 */
export function r2Fraction(policy: Policy): { num: number; den: number } {
  return shareFraction(policy.rotation.backbone_min_share);
}

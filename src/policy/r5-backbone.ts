/**
 * R5, a backbone teacher at every rural school (四(二)1 四 of the Wenzhou
 * 2018–2020 action plan: "力争每所乡村学校至少有一名县级以上骨干教师"): a
 * receiving school should have at least one backbone teacher of level
 * `rotation.r5_backbone_level` (county) or above after the plan; residents,
 * teachers already rotating there and those the plan sends all count.
 *
 * Everything outside src/check that asks which teacher counts for R5 asks
 * this module (the model, the county inputs, the volunteers' placement, the
 * plan's counts). The independent checker (src/check) keeps its own code on
 * purpose.
 */
import { backboneAtLeast, type BackboneLevel } from '../domain/codes.js';
import type { Policy } from '../domain/policy.js';

/** The rule's name and its clause in the action plan. */
export const R5 = { rule: 'R5', clause: '四(二)1 四' } as const;

/** Whether a teacher of this backbone level counts towards R5 (level ≥ rotation.r5_backbone_level). */
export function countsForR5(backbone: BackboneLevel, policy: Policy): boolean {
  return backboneAtLeast(backbone, policy.rotation.r5_backbone_level);
}

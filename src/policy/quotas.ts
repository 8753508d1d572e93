/**
 * R1 quotas (四(二)1): each sender sends at least 10 % of its eligible
 * teachers, rounded up, and at most `rotation.max_share` (20 %), so no school
 * is stripped. Integer arithmetic (shares.ts): 70 eligible → 7, not 8.
 * R2 (backbone share of those sent) is in r2-backbone.ts.
 */
import type { Policy } from '../domain/policy.js';
import { r2Fraction } from './r2-backbone.js';
import { ceilShare } from './shares.js';

export { ceilShare } from './shares.js';
/** R2's rule lives in r2-backbone.ts; the name stays here for the modules that import it from here. */
export { r2Required } from './r2-backbone.js';

/** R1: teachers a sender must send, and the most it may send. */
export function r1Quota(eligible: number, policy: Policy): { required: number; cap: number } {
  return { required: ceilShare(eligible, policy.rotation.min_share), cap: ceilShare(eligible, policy.rotation.max_share) };
}

/** The backbone share as a fraction num/den of integers: r2Fraction of r2-backbone.ts, by its older name. */
export function backboneFraction(policy: Policy): { num: number; den: number } {
  return r2Fraction(policy);
}

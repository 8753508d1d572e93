/**
 * R1 and R2 quotas (四(二)1): at least 10 % of the eligible teachers, rounded
 * up; backbone at least 20 % of those sent, rounded up. Integer arithmetic:
 * Math.ceil(0.07 * 100) would be 8.
 */
import type { Policy } from '../domain/policy.js';

const SCALE = 1_000_000;

/** ceil(share × n), exact for shares given to six decimals. */
export function ceilShare(n: number, share: number): number {
  return Math.ceil((n * Math.round(share * SCALE)) / SCALE);
}

/** R1: teachers a sender must send, and the most it may send. */
export function r1Quota(eligible: number, policy: Policy): { required: number; cap: number } {
  return { required: ceilShare(eligible, policy.rotation.min_share), cap: ceilShare(eligible, policy.rotation.max_share) };
}

/** R2: backbone teachers among `sent`. */
export function r2Required(sent: number, policy: Policy): number {
  return ceilShare(sent, policy.rotation.backbone_min_share);
}

/** The backbone share as a fraction num/den of integers, for exact linear constraints (den × b ≥ num × sent). */
export function backboneFraction(policy: Policy): { num: number; den: number } {
  const num = Math.round(policy.rotation.backbone_min_share * SCALE);
  const g = gcd(num, SCALE);
  return { num: num / g, den: SCALE / g };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

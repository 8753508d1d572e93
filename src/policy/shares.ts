/**
 * Shares of a head count in integer arithmetic, for every quota (R1, R2):
 * Math.ceil(0.07 * 100) would be 8, so shares are taken to six decimals and
 * multiplied out in integers.
 */

const SCALE = 1_000_000;

/** ceil(share × n), exact for shares given to six decimals: ceilShare(70, 0.1) = 7. */
export function ceilShare(n: number, share: number): number {
  return Math.ceil((n * Math.round(share * SCALE)) / SCALE);
}

/** A share (to six decimals) as a fraction num/den of integers in lowest terms: 0.2 → 1/5. */
export function shareFraction(share: number): { num: number; den: number } {
  const num = Math.round(share * SCALE);
  const g = gcd(num, SCALE);
  return { num: num / g, den: SCALE / g };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

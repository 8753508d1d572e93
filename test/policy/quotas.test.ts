/** R1 and R2 quotas (四(二)1): shares of the eligible and of those sent, rounded up exactly. */
import { describe, expect, it } from 'vitest';
import { defaultPolicy, policySchema } from '../../src/domain/policy.js';
import { backboneFraction, ceilShare, r1Quota, r2Required } from '../../src/policy/quotas.js';

const policy = defaultPolicy();

describe('R1: at least 10 % of the eligible teachers, rounded up; at most 20 %', () => {
  it('R1: 23 eligible teachers → at least 3 sent, at most 5', () => {
    expect(r1Quota(23, policy)).toEqual({ required: 3, cap: 5 });
  });
  it('R1: 70 eligible → 7, not 8', () => {
    expect(r1Quota(70, policy).required).toBe(7);
  });
  it('R1 with min_share 0.07: 100 eligible → 7, where Math.ceil(0.07 * 100) would say 8', () => {
    expect(Math.ceil(0.07 * 100)).toBe(8);
    expect(r1Quota(100, policySchema.parse({ rotation: { min_share: 0.07 } })).required).toBe(7);
  });
  it('R1: 0 eligible → 0 required, 0 allowed', () => {
    expect(r1Quota(0, policy)).toEqual({ required: 0, cap: 0 });
  });
  it('R1: 1 eligible → 1 (any fraction rounds up)', () => {
    expect(r1Quota(1, policy).required).toBe(1);
  });
  it('R1 follows min_share from the policy: 0.15 of 20 → 3', () => {
    expect(r1Quota(20, policySchema.parse({ rotation: { min_share: 0.15 } })).required).toBe(3);
  });
});

describe('R2: backbone teachers at least 20 % of those sent, rounded up', () => {
  it.each([[3, 1], [5, 1], [6, 2], [0, 0], [10, 2], [11, 3]])('R2: %i sent → %i backbone', (sent, backbone) => {
    expect(r2Required(sent, policy)).toBe(backbone);
  });
  it('the backbone share as an exact fraction: 0.2 → 1/5', () => {
    expect(backboneFraction(policy)).toEqual({ num: 1, den: 5 });
  });
});

describe('ceilShare edge cases', () => {
  it('shares whose binary value is a hair above or below the decimal still round as written (0.07 × 100 = 7, 0.29 × 100 = 29)', () => {
    expect(ceilShare(100, 0.07)).toBe(7);
    expect(ceilShare(100, 0.29)).toBe(29);
    expect(ceilShare(300, 0.1)).toBe(30);
  });
  it('share 0 → 0 and share 1 → n', () => {
    expect(ceilShare(37, 0)).toBe(0);
    expect(ceilShare(37, 1)).toBe(37);
  });
});

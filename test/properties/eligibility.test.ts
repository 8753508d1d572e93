/**
 * Properties of R3's exchange conditions and of the R1/R2 rounding, against
 * oracles written a different way: anniversaries compared as YYYY-MM-DD text
 * (so 29 February falls after 28 February, as a birthday does) and shares as
 * exact integer arithmetic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSender } from '../../src/domain/scenario.js';
import { eligibilityOf } from '../../src/policy/eligibility.js';
import { ceilShare } from '../../src/policy/quotas.js';
import { type EligibilityCase, eligibilityCaseArb } from './arbitraries.js';

/** The day `years` after `date`, as text; may name a day that does not exist (2019-02-29), which still sorts right. */
function anniversary(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

/** Why the oracle turns the teacher down, one word per failing condition. */
function oracleFails(c: EligibilityCase): string[] {
  const { teacher: t, policy, term } = c;
  const e = policy.eligibility;
  const fails: string[] = [];
  if (!isSender(c.school)) fails.push('not a sender');
  if (t.exempt !== '') fails.push('exempt');
  if (anniversary(t.school_start_date, e.min_years_at_school) > term.start) fails.push('too short in service');
  if (anniversary(t.birth_date, e.max_age[t.gender]) <= term.start) fails.push('too old');
  const away = c.history.some((r) => r.end_date > term.start);
  if (away) fails.push('away');
  if (c.locks.some((l) => l.action === 'keep')) fails.push('kept');
  if (!away && c.history.some((r) => r.start_date <= term.start && anniversary(r.start_date, e.cooldown_years) > term.start)) fails.push('cooled down');
  return fails;
}

function decide(c: EligibilityCase) {
  return eligibilityOf(c.teacher, { policy: c.policy, term: c.term, school: c.school, history: c.history, locks: c.locks });
}

describe('R3 properties: the exchange conditions on random teachers', () => {
  it('never admits an exempt, too-short-in-service, too-old, away, kept or cooled-down teacher (nor one of a receiving school)', () => {
    fc.assert(fc.property(eligibilityCaseArb, (c) => {
      const fails = oracleFails(c);
      if (decide(c).eligible) expect(fails).toEqual([]);
    }), { numRuns: 3000 });
  });

  it('admits every teacher of a sending school who meets all the conditions', () => {
    fc.assert(fc.property(eligibilityCaseArb, (c) => {
      if (oracleFails(c).length === 0) expect(decide(c)).toMatchObject({ eligible: true });
    }), { numRuns: 3000 });
  });

  it('gives one reason per failing condition, and qualifying facts when eligible', () => {
    fc.assert(fc.property(eligibilityCaseArb, (c) => {
      const e = decide(c);
      const expected = oracleFails(c).length;
      // "away" and "cooled down" never both: a running rotation speaks for itself.
      expect(e.eligible ? 0 : e.reasons.length).toBe(expected);
      if (e.eligible) expect(e.reasons.some((r) => r.includes('at school ≥'))).toBe(true);
    }), { numRuns: 1000 });
  });
});

describe('R1/R2 rounding property: ceilShare is exact', () => {
  it('ceilShare(n, s) is the least integer ≥ n·s for shares with up to 2 decimals', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100 }), (n, hundredths) => {
      const got = ceilShare(n, hundredths / 100);
      // Exact: got·100 ≥ n·hundredths > (got − 1)·100, in BigInt so nothing rounds.
      const need = BigInt(n) * BigInt(hundredths);
      expect(BigInt(got) * 100n >= need).toBe(true);
      expect(BigInt(got - 1) * 100n < need).toBe(true);
    }), { numRuns: 5000 });
  });
});

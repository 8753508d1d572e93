/** R2 in one place (src/policy/r2-backbone.ts): which teacher counts, how many are required, the exact fraction. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKBONE_LEVELS } from '../../src/domain/codes.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import { countsForR2, R2, r2Fraction, r2Required } from '../../src/policy/r2-backbone.js';
import { backboneFraction, r2Required as r2FromQuotas } from '../../src/policy/quotas.js';

const withR2 = (share: number, level: Policy['rotation']['backbone_level']): Policy => {
  const p = defaultPolicy();
  return { ...p, rotation: { ...p.rotation, backbone_min_share: share, backbone_level: level } };
};

describe('R2: backbone teachers among those sent', () => {
  it('names its clause', () => {
    expect(R2).toEqual({ rule: 'R2', clause: '四(二)1' });
  });

  it('counts backbone teachers of rotation.backbone_level or above (county by default)', () => {
    const p = defaultPolicy();
    expect(BACKBONE_LEVELS.codes.filter((l) => countsForR2(l, p))).toEqual(['county', 'municipal', 'provincial']);
    expect(BACKBONE_LEVELS.codes.filter((l) => countsForR2(l, withR2(0.2, 'school')))).toEqual(['school', 'county', 'municipal', 'provincial']);
    expect(BACKBONE_LEVELS.codes.filter((l) => countsForR2(l, withR2(0.2, 'provincial')))).toEqual(['provincial']);
  });

  it('requires ceil(20 % × sent) in integers: 7 sent → 2, 10 → 2, 11 → 3, 0 → 0', () => {
    const p = defaultPolicy();
    expect([0, 1, 5, 6, 7, 10, 11, 70].map((n) => r2Required(n, p))).toEqual([0, 1, 1, 2, 2, 2, 3, 14]);
    expect(r2Required(7, withR2(0.3, 'county'))).toBe(3);
  });

  it('the exact fraction agrees with the count: den × b ≥ num × sent exactly when b ≥ r2Required(sent)', () => {
    expect(r2Fraction(defaultPolicy())).toEqual({ num: 1, den: 5 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 99 }), (sent, b, pct) => {
      const p = withR2(pct / 100, 'county');
      const { num, den } = r2Fraction(p);
      expect(den * b >= num * sent).toBe(b >= r2Required(sent, p));
    }));
  });

  it('quotas.ts keeps its older names for the same rule', () => {
    const p = withR2(0.25, 'county');
    expect(backboneFraction(p)).toEqual(r2Fraction(p));
    expect(r2FromQuotas(9, p)).toBe(r2Required(9, p));
  });
});

describe('R2 lives in one place', () => {
  it('outside the independent checker, only r2-backbone.ts reads rotation.backbone_level / backbone_min_share to decide R2', () => {
    // The level compared against is backboneAtLeast's second argument; a teacher's or volunteer's own backbone_level may be the first.
    const src = fileURLToPath(new URL('../../src', import.meta.url));
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith(`check`));
    const inline = files.filter((f) => {
      const text = readFileSync(join(src, f), 'utf8');
      return /backboneAtLeast\([^,]*,[^)]*\bbackbone_level\b/.test(text) || /ceilShare\([^)]*backbone_min_share/.test(text);
    });
    expect(inline).toEqual(['policy/r2-backbone.ts']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseNumber, ordinal, personName } from '../../src/generate/names.js';
import { apportion, createRng } from '../../src/generate/random.js';

describe('createRng: seeded, no Math.random', () => {
  it('the same seed draws the same numbers; another seed others', () => {
    const draw = (seed: number) => { const r = createRng(seed); return Array.from({ length: 20 }, () => r.next()); };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(43)).not.toEqual(draw(42));
  });
  it('int stays within its bounds and reaches both ends', () => {
    const r = createRng(1);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });
  it('weighted never picks a zero-weight item', () => {
    const r = createRng(2);
    for (let i = 0; i < 300; i++) expect(r.weighted(['a', 'b', 'c'], [1, 0, 2])).not.toBe('b');
  });
});

describe('apportion: whole parts in proportion', () => {
  it('parts add up to the total, each at least the minimum when the total allows it', () => {
    fc.assert(fc.property(fc.nat(5000), fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.nat(5), (total, weights, min) => {
      const parts = apportion(total, weights, min);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      for (const p of parts) expect(p).toBeGreaterThanOrEqual(Math.min(min, Math.floor(total / weights.length)));
    }));
  });
  it('example: 901 schools by the populations of Wenzhou\'s counties', () => {
    const parts = apportion(901, [73, 39, 43, 15, 125, 130, 97, 89, 135, 41, 37]);
    expect(parts).toEqual([80, 43, 47, 16, 137, 142, 106, 97, 148, 45, 40]);
  });
});

describe('names', () => {
  it('ordinals in Chinese numerals: 第一, 第十, 第十二, 第二十, 第四十七', () => {
    expect([1, 10, 12, 20, 47].map(ordinal)).toEqual(['第一', '第十', '第十二', '第二十', '第四十七']);
    expect(chineseNumber(100)).toBe('100');
  });
  it('a person\'s name is a surname and one or two given characters', () => {
    const r = createRng(9);
    for (let i = 0; i < 200; i++) expect([...personName(r, i % 2 ? 'F' : 'M')].length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 200; i++) expect([...personName(r, 'F')].length).toBeLessThanOrEqual(3);
  });
});

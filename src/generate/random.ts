/**
 * A small seeded PRNG (mulberry32) and the draws the generator needs. The
 * generator never touches Math.random or the clock: the same seed gives the
 * same scenario on every machine.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  /** Uniform in [lo, hi). */
  real(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One item, with the given weights (not necessarily summing to 1). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: 32-bit state, good enough for synthetic data, tiny and fast. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator seeded with any integer.
 *
 * @example
 * const rng = createRng(7); rng.int(1, 6); // the same number every run
 */
export function createRng(seed: number): Rng {
  const next = mulberry32(Math.trunc(seed) ^ 0x5bd1e995);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    real: (lo, hi) => lo + next() * (hi - lo),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    weighted: (items, weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

/**
 * Splits `total` into whole parts proportional to `weights` (largest
 * remainder), each at least `min` when the total allows it.
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const floor = Math.min(min, Math.floor(total / n));
  const rest = total - floor * n;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (rest * w) / sum);
  const parts = exact.map((x) => floor + Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]!.i]! += 1;
  return parts;
}

import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { type ArcSpec, NetworkSimplex } from '../../../src/engine/flow/network-simplex.js';
import { loadHighsSolver } from '../../../src/engine/highs.js';
import type { Constraint, Solver } from '../../../src/engine/solver.js';

let highs: Solver;
beforeAll(async () => {
  highs = await loadHighsSolver();
});

const graph = fc.integer({ min: 2, max: 9 }).chain((n) => fc.record({
  n: fc.constant(n),
  arcs: fc.array(fc.record({
    from: fc.integer({ min: 0, max: n - 1 }), to: fc.integer({ min: 0, max: n - 1 }),
    lower: fc.constantFrom(0, 0, 0, 1), upper: fc.integer({ min: 1, max: 4 }), cost: fc.integer({ min: -5, max: 5 }),
  }).filter((a) => a.from !== a.to), { minLength: 1, maxLength: 25 }),
}));

/** The same circulation as an LP for HiGHS (integral by total unimodularity). */
function lp(n: number, arcs: readonly (ArcSpec & { cost: number })[]): { status: string; objective: number } {
  const constraints: Constraint[] = [];
  for (let v = 0; v < n; v++) {
    const terms = new Map<string, number>();
    arcs.forEach((a, e) => {
      if (a.from === v) terms.set(`x${e}`, (terms.get(`x${e}`) ?? 0) - 1);
      if (a.to === v) terms.set(`x${e}`, (terms.get(`x${e}`) ?? 0) + 1);
    });
    constraints.push({ name: `n${v}`, terms, min: 0, max: 0 });
  }
  arcs.forEach((a, e) => { if ((a.lower ?? 0) > 0) constraints.push({ name: `l${e}`, terms: new Map([[`x${e}`, 1]]), min: a.lower! }); });
  const r = highs.solve({
    sense: 'min', objective: new Map(arcs.map((a, e) => [`x${e}`, a.cost])),
    variables: arcs.map((a, e) => ({ name: `x${e}`, integer: true, upper: a.upper })), constraints,
  }, { timeoutMs: 10_000 });
  return { status: r.status, objective: r.objective };
}

it('finds the minimum-cost circulation HiGHS finds, or says it is infeasible when HiGHS does', () => {
  fc.assert(fc.property(graph, ({ n, arcs }) => {
    const specs = arcs.map((a) => ({ ...a, upper: Math.max(a.upper, a.lower) }));
    const ns = new NetworkSimplex(n, specs);
    const reference = lp(n, specs);
    const ok = ns.feasible();
    expect(ok).toBe(reference.status === 'optimal');
    if (!ok) return;
    const costs = Float64Array.from(specs.map((a) => a.cost));
    ns.setCosts(costs);
    ns.optimize();
    expect(ns.value(costs)).toBe(reference.objective);
    // Flow conservation and bounds.
    const net = new Array<number>(n).fill(0);
    specs.forEach((a, e) => {
      const x = ns.flowOf(e);
      expect(x).toBeGreaterThanOrEqual(a.lower);
      expect(x).toBeLessThanOrEqual(a.upper);
      net[a.from]! -= x;
      net[a.to]! += x;
    });
    expect(net.every((x) => x === 0)).toBe(true);
  }), { numRuns: 150, seed: 11 });
});

it('fixing the arcs of non-zero reduced cost keeps exactly the optimal face: a second objective over it is the lexicographic optimum', () => {
  fc.assert(fc.property(graph, fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 25, maxLength: 25 }), ({ n, arcs }, second) => {
    const specs = arcs.map((a) => ({ ...a, upper: Math.max(a.upper, a.lower) }));
    const ns = new NetworkSimplex(n, specs);
    if (!ns.feasible()) return;
    const c1 = Float64Array.from(specs.map((a) => a.cost));
    const c2 = Float64Array.from(specs.map((_, e) => second[e]!));
    ns.setCosts(c1);
    ns.optimize();
    const best1 = ns.value(c1);
    ns.fixNonzeroReducedCosts();
    ns.setCosts(c2);
    ns.optimize();
    expect(ns.value(c1)).toBe(best1);
    // Reference: one weighted objective, weight above any change of the second level.
    const w = 1 + 2 * 3 * specs.reduce((s, a) => s + a.upper, 0);
    const reference = lp(n, specs.map((a, e) => ({ ...a, cost: w * a.cost + second[e]! })));
    expect(ns.value(c2)).toBe(reference.objective - w * best1);
  }), { numRuns: 150, seed: 12 });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { loadGlpkSolver } from '../../src/engine/glpk.js';
import { loadHighsSolver } from '../../src/engine/highs.js';
import { jslpSolver } from '../../src/engine/jslp.js';
import { combine, solveLexicographic } from '../../src/engine/lexicographic.js';
import { decodeLpName, encodeLpName, lpNames, toLpFormat } from '../../src/engine/lp-format.js';
import { buildCountyModel } from '../../src/engine/model.js';
import { type PlanResult, planScenario } from '../../src/engine/plan.js';
import { type LinearModel, type Solver, solutionProblem } from '../../src/engine/solver.js';
import { bySize, loadSolver, SOLVER_NAMES } from '../../src/engine/solvers.js';
import { generateScenario } from '../../src/generate/index.js';
import { acceptedInputs, inputsOf } from './builders.js';
import { scenarioArb } from './random-scenario.js';

let highs: Solver;
let highsLp: Solver;
let glpk: Solver;
beforeAll(async () => {
  highs = await loadHighsSolver();
  highsLp = await loadHighsSolver('lp');
  glpk = await loadGlpkSolver();
});

const LONG = 60_000;

/** A plan, or null when the random scenario is rejected as input (a pin on an ineligible teacher). */
function plan(s: Scenario, solver: Solver): PlanResult | null {
  try {
    return planScenario(s, 2019, { solver });
  } catch (err) {
    if (err instanceof InputError) return null;
    throw err;
  }
}

const levels = (p: PlanResult) => p.counties.map((c) => ({ status: c.status, levels: c.levels }));

/** Each objective level of each county of a scenario, alone, as one LinearModel (the first is the first lexicographic step). */
function levelModels(s: Scenario): LinearModel[] {
  return inputsOf(s).flatMap((input) => {
    const m = buildCountyModel(input, s.policy);
    return m.levels.map((level): LinearModel => ({ sense: 'max', objective: combine([level]), variables: m.variables, constraints: m.constraints }));
  });
}

describe('every solver finds the same lexicographic optimum (assignments may differ only among ties)', () => {
  for (const name of ['highs', 'highs (LP text)', 'glpk']) {
    it(`${name} and javascript-lp-solver give equal level values on random small counties`, () => {
      const other = () => (name === 'highs' ? highs : name === 'glpk' ? glpk : highsLp);
      let compared = 0;
      fc.assert(fc.property(scenarioArb({ senders: 2, receivers: 3, teachersPerSender: 6 }), (s) => {
        const reference = plan(s, jslpSolver);
        if (reference === null) return;
        const mine = plan(s, other())!;
        expect(mine.plan.stats.solver).toBe(other().name);
        expect(levels(mine)).toEqual(levels(reference));
        expect(mine.counties.every((c) => c.status === 'optimal')).toBe(true);
        compared++;
      }), { numRuns: 60, seed: 4242 });
      expect(compared).toBeGreaterThan(30);
    }, LONG);
  }
});

describe('valid inequalities (CountyModel.cuts) cut off no integer plan', () => {
  it('every plan found without them satisfies them, and HiGHS reaches the same level values with and without them', () => {
    let checked = 0;
    fc.assert(fc.property(scenarioArb({ senders: 2, receivers: 3, teachersPerSender: 6 }), (s) => {
      const inputs = acceptedInputs(s);
      if (inputs === null) return;
      for (const input of inputs) {
        const m = buildCountyModel(input, s.policy);
        const without = solveLexicographic(m, m.levels, { ...highs, takesCuts: false }, 20_000);
        const withCuts = solveLexicographic(m, m.levels, highs, 20_000);
        expect(withCuts.levelValues).toEqual(without.levelValues);
        if (without.status !== 'optimal') continue;
        const cutsOnly: LinearModel = { sense: 'max', objective: new Map(), variables: m.variables, constraints: m.cuts };
        expect(solutionProblem(cutsOnly, without.values)).toBeNull();
        checked += m.cuts.length;
      }
    }), { numRuns: 60, seed: 2020 });
    expect(checked).toBeGreaterThan(30);
  }, LONG);
});

describe('LP text: a county model written by toLpFormat and solved by HiGHS has the optimum javascript-lp-solver finds', () => {
  it('every objective level of random counties, each alone: equal objective values', () => {
    let compared = 0;
    fc.assert(fc.property(scenarioArb({ senders: 2, receivers: 3, teachersPerSender: 5 }), (s) => {
      let models: LinearModel[];
      try {
        models = levelModels(s);
      } catch (err) {
        if (err instanceof InputError) return;
        throw err;
      }
      for (const model of models) {
        const reference = jslpSolver.solve(model, { timeoutMs: 20_000 });
        const fromText = highsLp.solve(model, { timeoutMs: 20_000 });
        expect(fromText.status).toBe(reference.status);
        if (reference.status !== 'optimal') continue;
        expect(fromText.objective).toBeCloseTo(reference.objective, 6);
        expect(solutionProblem(model, fromText.values)).toBeNull();
        compared++;
      }
    }), { numRuns: 40, seed: 77 });
    expect(compared).toBeGreaterThan(100);
  }, LONG);
});

/** max x + y with 2x + 3y ≤ bound, plus whatever the case adds. */
function tiny(extra: Partial<LinearModel> = {}): LinearModel {
  return {
    sense: 'max',
    objective: new Map([['x', 1], ['y', 1]]),
    variables: [{ name: 'x', integer: true }, { name: 'y', integer: true }],
    constraints: [{ name: 'c', terms: new Map([['x', 2], ['y', 3]]), max: 7 }],
    ...extra,
  };
}

describe('statuses on tiny models, for every fast solver', () => {
  const cases: [string, LinearModel, string][] = [
    ['a feasible model → optimal', tiny(), 'optimal'],
    ['crossing row bounds → infeasible', tiny({ constraints: [{ name: 'c', terms: new Map([['x', 2], ['y', 3]]), min: 8, max: 7 }] }), 'infeasible'],
    ['2x = 1 over integers (LP-feasible) → infeasible', tiny({ constraints: [{ name: 'half', terms: new Map([['x', 2]]), min: 1, max: 1 }] }), 'infeasible'],
    ['no upper limit → unbounded', tiny({ constraints: [{ name: 'c', terms: new Map([['x', 1], ['y', -1]]), max: 0 }] }), 'unbounded'],
    ['LP unbounded but no integer point (x − y = ½) → infeasible, not unbounded',
      tiny({ constraints: [{ name: 'c', terms: new Map([['x', 2], ['y', -2]]), min: 1, max: 1 }] }), 'infeasible'],
    ['an unbounded LP (no integers) → unbounded',
      tiny({ variables: [{ name: 'x', integer: false }, { name: 'y', integer: false }], constraints: [{ name: 'c', terms: new Map([['x', 1]]), min: 1 }] }), 'unbounded'],
    ['an infeasible LP (no integers) → infeasible',
      tiny({ variables: [{ name: 'x', integer: false }, { name: 'y', integer: false }], constraints: [{ name: 'c', terms: new Map([['x', 1], ['y', 1]]), min: 3, max: 2.5 }] }), 'infeasible'],
  ];
  for (const solverName of ['highs', 'highs (LP text)', 'glpk']) {
    for (const [title, model, status] of cases) {
      it(`${solverName}: ${title}`, () => {
        const solver = solverName === 'highs' ? highs : solverName === 'glpk' ? glpk : highsLp;
        // GLPK's branch-and-bound cannot prove "no integer point" on an unbounded relaxation: it says so by timing out.
        const parity = solverName === 'glpk' && title.includes('x − y = ½');
        const r = solver.solve(model, { timeoutMs: parity ? 300 : 10_000 });
        expect(r.status).toBe(parity ? 'timedout' : status);
        if (status === 'optimal') {
          expect(r.objective).toBe(3); // x = 2, y = 1 or x = 3, y = 0 — 2·3 + 3·0 = 6 ≤ 7
          expect(r.gap).toBe(0);
          expect(solutionProblem(model, r.values)).toBeNull();
        } else expect(r.values.size).toBe(0);
      });
    }
  }
});

/**
 * A market-split instance (Cornuéjols & Dawande): a few equality rows over
 * 0/1 variables with random weights, famously hard for branch-and-bound.
 * Slack variables keep it feasible; minimising them is the hard part.
 */
function marketSplit(rows: number, cols: number, seed: number): LinearModel {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) % 100;
  const variables = [
    ...Array.from({ length: cols }, (_, j) => ({ name: `x${j}`, integer: true, upper: 1 })),
    ...Array.from({ length: rows }, (_, i) => [{ name: `up${i}`, integer: true }, { name: `down${i}`, integer: true }]).flat(),
  ];
  const constraints = Array.from({ length: rows }, (_, i) => {
    const terms = new Map(Array.from({ length: cols }, (_, j) => [`x${j}`, random()] as [string, number]));
    const half = Math.floor([...terms.values()].reduce((a, b) => a + b, 0) / 2);
    terms.set(`up${i}`, 1);
    terms.set(`down${i}`, -1);
    return { name: `split${i}`, terms, min: half, max: half };
  });
  const objective = new Map(Array.from({ length: rows }, (_, i) => [[`up${i}`, 1], [`down${i}`, 1]] as [string, number][]).flat());
  return { sense: 'min', objective, variables, constraints };
}

describe('a time limit never gives a wrong optimal', () => {
  for (const solverName of ['highs', 'glpk']) {
    it(`${solverName}: a hard model with a 50 ms limit ends timed out, any plan it returns passes our check`, () => {
      const solver = solverName === 'highs' ? highs : glpk;
      const model = marketSplit(4, 40, 7);
      const r = solver.solve(model, { timeoutMs: 50 });
      expect(r.status).toBe('timedout');
      if (r.values.size > 0) expect(solutionProblem(model, r.values)).toBeNull();
    }, LONG);
  }
});

describe('stats say how optimal a county is: status and MIP gap', () => {
  it('HiGHS on a generated county: every county optimal with gap 0, in plan.stats.counties', () => {
    const s = generateScenario({ counties: 2, teachers: 300, seed: 5, year: 2019 });
    const { plan } = planScenario(s, 2019, { solver: highs });
    const counties = plan.stats.counties ?? [];
    expect(counties).toHaveLength(2);
    for (const c of counties) expect(c).toMatchObject({ status: 'optimal', mip_gap: 0 });
  }, LONG);

  it('a step that timed out reports its gap (largest over the steps), and the plan is not called optimal', () => {
    const timedOut: Solver = { name: 'stub', solve: (m) => ({ ...highs.solve(m, { timeoutMs: LONG }), status: 'timedout', gap: 0.25 }) };
    const s = generateScenario({ counties: 1, teachers: 150, seed: 5, year: 2019 });
    const { plan, counties } = planScenario(s, 2019, { solver: timedOut });
    expect(plan.stats.optimal).toBe(false);
    expect(counties[0]!.mip_gap).toBe(0.25);
  }, LONG);
});

describe('LP writer', () => {
  it('writes objective, named rows (a range as two rows), bounds and General in CPLEX LP form, names escaped', () => {
    const model: LinearModel = {
      sense: 'max',
      objective: new Map([['a1_*', 1], ['z学>R', 2], ['e1', -0.5]]),
      variables: [{ name: 'a1_*', integer: true, upper: 3 }, { name: 'z学>R', integer: true }, { name: 'e1', integer: false }],
      constraints: [
        { name: 'gap_R1|math', terms: new Map([['a1_*', 1], ['z学>R', 1]]), max: 4 },
        { name: 'flow-1', terms: new Map([['a1_*', 1], ['e1', -1]]), min: -1, max: 2 },
        { name: 'end', terms: new Map([['z学>R', 1]]), min: 1, max: 1 },
        { name: 'R1min_x', terms: new Map([['e1', 3]]), min: 1 },
      ],
    };
    expect(toLpFormat(model)).toBe([
      'Maximize',
      ' obj: + a1__x2a_ + 2 z_x5b66__x3e_R - 0.5 _x_e1',
      'Subject To',
      ' gap_R1_x7c_math: + a1__x2a_ + z_x5b66__x3e_R <= 4',
      ' flow_x2d_1_xlo_: + a1__x2a_ - _x_e1 >= -1',
      ' flow_x2d_1_xhi_: + a1__x2a_ - _x_e1 <= 2',
      ' _x_end: + z_x5b66__x3e_R = 1',
      ' R1min_x5f_x: + 3 _x_e1 >= 1', // a `_` before `x` is escaped, so that every `_x` starts an escape
      'Bounds',
      ' 0 <= a1__x2a_ <= 3',
      'General',
      ' a1__x2a_',
      ' z_x5b66__x3e_R',
      'End',
      '',
    ].join('\n'));
    const names = lpNames(model);
    expect(names.variable.get('z_x5b66__x3e_R')).toBe('z学>R');
    expect(names.constraint.get('flow_x2d_1_xhi_')).toBe('flow-1');
  });

  it('a model without constraints still has a Subject To row (GLPK rejects an empty section)', () => {
    const text = toLpFormat({ sense: 'min', objective: new Map(), variables: [{ name: 'x', integer: false, upper: 2 }], constraints: [] });
    expect(text).toBe('Minimize\n obj: 0 x\nSubject To\n _xnone_: 0 x >= 0\nBounds\n 0 <= x <= 2\nEnd\n');
  });

  it('long rows wrap under the 560-character line limit, each wrapped line starting with a sign, and still solve the same', () => {
    const variables = Array.from({ length: 300 }, (_, j) => ({ name: `w学校${j}_R${j}_*`, integer: true, upper: 1 }));
    const all = new Map(variables.map((v, j) => [v.name, 1 + (j % 7)]));
    const model: LinearModel = { sense: 'max', objective: all, variables, constraints: [{ name: 'cap', terms: new Map(variables.map((v) => [v.name, 1])), max: 40 }] };
    const lines = toLpFormat(model).split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(256);
    expect(lines.filter((l) => l.startsWith('   ')).every((l) => /^ {3}[+-] /.test(l))).toBe(true);
    expect(highsLp.solve(model, { timeoutMs: 10_000 }).objective).toBe(highs.solve(model, { timeoutMs: 10_000 }).objective);
  });

  it('names: every string maps to an LP identifier and back', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'x', 'e', '1', '_', '.', '>', '|', '*', '-', '学', ' ', '😀') }), (name) => {
      const lp = encodeLpName(name);
      expect(lp).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(decodeLpName(lp)).toBe(name);
    }), { numRuns: 500, seed: 1 });
    expect(encodeLpName('free')).toBe('_x_free');
    expect(encodeLpName('3x')).toBe('_x_3x');
  });
});

describe('choosing a solver', () => {
  it('the CLI choices start with auto; each name loads a solver (auto: a choice by model size)', async () => {
    expect(SOLVER_NAMES[0]).toBe('auto');
    expect(((await loadSolver('glpk')) as Solver).name).toBe('glpk');
    expect(((await loadSolver('highs')) as Solver).name).toBe('highs');
    expect(((await loadSolver('jslp')) as Solver).name).toBe(jslpSolver.name);
    const auto = (await loadSolver('auto')) as (variables: number) => Solver;
    expect(auto(1).name).toBe(jslpSolver.name);
    expect(auto(100_000).name).toBe('highs');
  });

  it('auto gives a model to the small-model solver up to the threshold and to the fast one above it', () => {
    const spy = (name: string): Solver => ({ name, solve: () => ({ status: 'error', values: new Map(), objective: NaN, ms: 0 }) });
    const choose = bySize(spy('small'), spy('large'), 2);
    expect([1, 2, 3].map((n) => choose(n).name)).toEqual(['small', 'small', 'large']);
  });
});

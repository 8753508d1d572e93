/**
 * javascript-lp-solver behind our Solver interface. It has no optimality
 * status of its own (docs/model.md): we call a result optimal only when it came
 * back before the time limit, integral, and our own check of every
 * constraint passes.
 */
import jslpModule, { type Model, type SolveResult as JslpResult } from 'javascript-lp-solver';
import { withLpBound } from './dive.js';
import { type LinearModel, type SolveOptions, type SolveResult, type Solver, solutionProblem } from './solver.js';

const OBJECTIVE = '__objective';

/**
 * The package ships ESM-style typings for a CommonJS entry, so under NodeNext
 * TypeScript sees the module object where Node's ESM loader gives the solver:
 * this is the small typing shim.
 */
const jslp = jslpModule as unknown as { Solve(model: Model): JslpResult };

function toJslp(model: LinearModel, timeoutMs: number): Model {
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Model['constraints'] = {};
  const ints: Record<string, 1> = {};
  for (const v of model.variables) {
    variables[v.name] = {};
    if (v.integer) ints[v.name] = 1;
    if (v.upper !== undefined) {
      const row = `__ub_${v.name}`;
      constraints[row] = { max: v.upper };
      variables[v.name]![row] = 1;
    }
  }
  for (const [name, coef] of model.objective) variables[name]![OBJECTIVE] = coef;
  for (const c of model.constraints) {
    constraints[c.name] = { ...(c.min !== undefined ? { min: c.min } : {}), ...(c.max !== undefined ? { max: c.max } : {}) };
    for (const [name, coef] of c.terms) {
      const col = variables[name];
      if (col === undefined) throw new Error(`constraint ${c.name} uses unknown variable ${name}`);
      col[c.name] = (col[c.name] ?? 0) + coef;
    }
  }
  return { optimize: OBJECTIVE, opType: model.sense, constraints, variables, ints, options: { nodeSelection: 'depth-first', timeout: timeoutMs, tolerance: 0 } };
}

/** javascript-lp-solver as it is: LPs, and MILPs by its own branch-and-bound. */
export const jslpRaw: Solver = {
  name: 'javascript-lp-solver',
  solve(model: LinearModel, options: SolveOptions): SolveResult {
    const started = performance.now();
    const result = jslp.Solve(toJslp(model, options.timeoutMs));
    const ms = performance.now() - started;
    // On a time-out it may say "infeasible" or hand back a fractional point: neither is an answer.
    if (ms >= options.timeoutMs) return { status: 'timedout', values: new Map(), objective: NaN, ms };
    if (!result.feasible) return { status: 'infeasible', values: new Map(), objective: NaN, ms };
    if (result.bounded === false) return { status: 'unbounded', values: new Map(), objective: NaN, ms };
    const values = new Map<string, number>();
    for (const v of model.variables) {
      const x = result[v.name];
      values.set(v.name, typeof x === 'number' ? x : 0);
    }
    const problem = solutionProblem(model, values);
    return {
      status: problem !== null ? 'error' : 'optimal', values, objective: result.result, ms,
      ...(problem !== null ? { message: problem } : {}),
    };
  },
};

/** The default solver: javascript-lp-solver with LP-bound diving (dive.ts). */
export const jslpSolver: Solver = withLpBound(jslpRaw);

/**
 * LP-bound diving, for solvers with weak branch-and-bound (javascript-lp-solver).
 * Our county models are close to network flows: their LP relaxation is
 * integral but for a handful of variables (the R2 ratios). So:
 *   1. solve the LP relaxation: its optimum bounds every integer plan; our
 *      objectives have integer coefficients, so ⌊LP⌋ is a bound too;
 *   2. fix every variable the LP left integral, and solve the small MILP over
 *      the rest;
 *   3. an integer plan that reaches ⌊LP⌋ is proven optimal — the bound is
 *      the proof; otherwise ask the inner branch-and-bound for a plan of
 *      objective ≥ ⌊LP⌋, then ⌊LP⌋ − 1, …: with the cut it prunes hard, and
 *      the first plan found is optimal because every better value was
 *      proven impossible.
 */
import { type Constraint, evaluate, type LinearModel, type SolveResult, type Solver, solutionProblem } from './solver.js';

const TOL = 1e-6;
const isIntegral = (x: number) => Math.abs(x - Math.round(x)) <= TOL;

/** The model with the variables of `fixed` replaced by their values. */
function restrict(model: LinearModel, fixed: ReadonlyMap<string, number>): LinearModel {
  const constraints: Constraint[] = [];
  for (const c of model.constraints) {
    let shift = 0;
    const terms = new Map<string, number>();
    for (const [v, coef] of c.terms) {
      const x = fixed.get(v);
      if (x === undefined) terms.set(v, coef);
      else shift += coef * x;
    }
    if (terms.size === 0) continue;
    constraints.push({
      name: c.name, terms,
      ...(c.min !== undefined ? { min: c.min - shift } : {}), ...(c.max !== undefined ? { max: c.max - shift } : {}),
    });
  }
  return {
    sense: model.sense,
    objective: new Map([...model.objective].filter(([v]) => !fixed.has(v))),
    variables: model.variables.filter((v) => !fixed.has(v.name)),
    constraints,
  };
}

/** Wraps a solver with LP-bound diving; the inner solver must also solve pure LPs. */
export function withLpBound(inner: Solver): Solver {
  return {
    name: inner.name,
    // The bound proves optimality one objective unit at a time: keep objectives small (one level per solve).
    weightLimit: 1,
    solve(model: LinearModel, options): SolveResult {
      const started = performance.now();
      const left = () => Math.max(1, options.timeoutMs - (performance.now() - started));
      const lp = inner.solve({ ...model, variables: model.variables.map((v) => ({ ...v, integer: false })) }, { timeoutMs: left() });
      if (lp.status !== 'optimal') return { ...lp, ms: performance.now() - started };
      const sign = model.sense === 'max' ? 1 : -1;
      const bound = sign * Math.floor(sign * lp.objective + TOL);
      const reaches = (values: ReadonlyMap<string, number>) => sign * evaluate(model.objective, values) >= sign * bound - 0.5;
      const integerNames = new Set(model.variables.filter((v) => v.integer).map((v) => v.name));
      const free = new Set([...integerNames].filter((v) => !isIntegral(lp.values.get(v) ?? 0)));
      if (free.size === 0 && solutionProblem(model, lp.values) === null) return { ...lp, status: 'optimal', gap: 0, ms: performance.now() - started };

      const fixed = new Map<string, number>();
      for (const v of model.variables) if (!free.has(v.name)) fixed.set(v.name, Math.round(lp.values.get(v.name) ?? 0));
      const sub = inner.solve(restrict(model, fixed), { timeoutMs: left() });
      if (sub.status === 'optimal') {
        const values = new Map([...fixed, ...sub.values]);
        if (solutionProblem(model, values) === null && reaches(values)) {
          return { status: 'optimal', values, objective: evaluate(model.objective, values), ms: performance.now() - started, gap: 0 };
        }
      }
      // Objective cuts: ask for a plan reaching the bound; when none exists (proven by the inner
      // branch-and-bound), the bound drops by one. The first plan found is optimal.
      for (let target = bound; left() > 1; target -= sign) {
        // Both sides: with the objective capped at the target, the LP bound equals the target, so the
        // inner branch-and-bound stops at the first plan that reaches it.
        const cut: Constraint = { name: '__bound', terms: model.objective, min: target - 0.5, max: target + 0.5 };
        const attempt = inner.solve({ ...model, constraints: [...model.constraints, cut] }, { timeoutMs: left() });
        if (attempt.status === 'optimal' && solutionProblem(model, attempt.values) === null) {
          return { ...attempt, objective: evaluate(model.objective, attempt.values), ms: performance.now() - started, gap: 0 };
        }
        if (attempt.status !== 'infeasible') return { ...attempt, ms: performance.now() - started };
      }
      return { status: 'timedout', values: new Map(), objective: NaN, ms: performance.now() - started };
    },
  };
}

/**
 * Our own solver interface: a model is plain data in, a status and values
 * out. The rules never see a solver's API, so another solver can be added
 * behind this interface without touching them. A solve never throws for an
 * infeasible or unfinished model: it says so in `status`.
 */

/** A linear term: variable name and coefficient. */
export type Terms = ReadonlyMap<string, number>;

export interface Constraint {
  readonly name: string;
  readonly terms: Terms;
  readonly min?: number;
  readonly max?: number;
}

export interface Variable {
  readonly name: string;
  /** Upper bound; lower bound is always 0. */
  readonly upper?: number;
  readonly integer: boolean;
}

export interface LinearModel {
  readonly sense: 'max' | 'min';
  readonly objective: Terms;
  readonly variables: readonly Variable[];
  readonly constraints: readonly Constraint[];
}

export type SolveStatus = 'optimal' | 'infeasible' | 'unbounded' | 'timedout' | 'error';

export interface SolveResult {
  readonly status: SolveStatus;
  /** Variable values; meaningful only when status is 'optimal' (or 'timedout', as the best found). */
  readonly values: ReadonlyMap<string, number>;
  readonly objective: number;
  readonly ms: number;
  /** Relative MIP gap when the solver reports one (0 = proven optimal). */
  readonly gap?: number;
  readonly message?: string;
}

export interface SolveOptions {
  /** Give up after this many milliseconds (status 'timedout'). */
  readonly timeoutMs: number;
}

export interface Solver {
  readonly name: string;
  /**
   * Largest product of level ranges this solver should get in one weighted
   * objective (lexicographic.ts); 1 = one level per solve. Default 1e7.
   */
  readonly weightLimit?: number;
  /** Give it the model's valid inequalities (CountyModel.cuts): a branch-and-cut solver profits, a plain branch and bound may not. */
  readonly takesCuts?: boolean;
  /**
   * Solve a county with at least this many sender flows pooled first when it can be (pooled.ts; needs `relax`).
   * `--solver auto` sets POOLED_MIN_FLOWS; `--solver highs` leaves it unset (never pooled).
   */
  readonly pools?: number;
  solve(model: LinearModel, options: SolveOptions): SolveResult;
  /**
   * The LP relaxation's optimum with its duals, or null when the solver has
   * none to give (or did not reach one): lexicographic.ts uses it to skip the
   * MILP when the LP optimum is integral and to fix columns for later steps.
   */
  relax?(model: LinearModel, options: SolveOptions): Relaxation | null;
}

/** An optimal solution of a model's LP relaxation; arrays in the model's variable and constraint order. */
export interface Relaxation {
  readonly objective: number;
  readonly values: Float64Array;
  /** Reduced cost of every column (the objective's change per unit the column moves off its bound). */
  readonly reducedCosts: Float64Array;
  readonly rowDuals: Float64Array;
  readonly rowActivity: Float64Array;
  readonly ms: number;
}

/** Value of a linear expression under a solution. */
export function evaluate(terms: Terms, values: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const [v, c] of terms) sum += c * (values.get(v) ?? 0);
  return sum;
}

/**
 * Checks a solution against its model: bounds, integrality, every
 * constraint. Returns the first problem found, or null. A solver's word is
 * never taken on trust (docs/model.md: javascript-lp-solver may return a
 * fractional "feasible" answer on a time-out).
 */
export function solutionProblem(model: LinearModel, values: ReadonlyMap<string, number>, tol = 1e-6): string | null {
  for (const v of model.variables) {
    const x = values.get(v.name) ?? 0;
    if (x < -tol) return `${v.name} = ${x} < 0`;
    if (v.upper !== undefined && x > v.upper + tol) return `${v.name} = ${x} > ${v.upper}`;
    if (v.integer && Math.abs(x - Math.round(x)) > tol) return `${v.name} = ${x} is not integral`;
  }
  for (const c of model.constraints) {
    const lhs = evaluate(c.terms, values);
    if (c.min !== undefined && lhs < c.min - tol * Math.max(1, Math.abs(c.min))) return `${c.name}: ${lhs} < ${c.min}`;
    if (c.max !== undefined && lhs > c.max + tol * Math.max(1, Math.abs(c.max))) return `${c.name}: ${lhs} > ${c.max}`;
  }
  return null;
}

/** Model size, as reported in plan stats and the benchmark. */
export function modelSize(model: LinearModel): { variables: number; constraints: number; nonzeros: number } {
  return {
    variables: model.variables.length,
    constraints: model.constraints.length,
    nonzeros: model.constraints.reduce((n, c) => n + c.terms.size, 0),
  };
}

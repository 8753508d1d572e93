/**
 * A Solver decorator that reports every model it is handed, with the
 * solver's answer, and forwards the solve unchanged. The lexicographic solve
 * calls its solver once per step, so the n-th call is step n: this is how
 * `rotation plan --export-lp` sees exactly what each solver was given.
 */
import type { LinearModel, SolveResult, Solver } from './solver.js';

/** Called after each solve: 1-based step, the model as handed over, and the result. */
export type ModelListener = (step: number, model: LinearModel, result: SolveResult) => void;

/**
 * Wraps `solver`; every solve is passed on and then reported to `listener`.
 *
 * @example
 * const seen: LinearModel[] = [];
 * const solver = recordingSolver(highs, (_step, model) => seen.push(model));
 */
export function recordingSolver(solver: Solver, listener: ModelListener): Solver {
  let step = 0;
  return {
    name: solver.name,
    ...(solver.weightLimit !== undefined ? { weightLimit: solver.weightLimit } : {}),
    solve(model, options) {
      const result = solver.solve(model, options);
      listener(++step, model, result);
      return result;
    },
  };
}

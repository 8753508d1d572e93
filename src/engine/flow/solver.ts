/**
 * `--solver flow`: each county is first solved as a network (lexicographic-flow.ts). When the network's
 * optimum is certified exact it is the plan; otherwise (R2 or R5 bind in a way the network relaxes, or the
 * model has a level the network cannot express) the county is solved by the MILP path with `fallback`,
 * and the county's stats say so (solver "flow→highs", `flow_fallback` with the reason).
 */
import type { Solver } from '../solver.js';

export interface FlowSolver extends Solver {
  readonly flow: true;
  /** The MILP solver for the counties the network does not certify. */
  readonly fallback: Solver | ((variables: number) => Solver);
}

export function flowSolver(fallback: Solver | ((variables: number) => Solver), name = 'flow'): FlowSolver {
  const pick = (variables: number) => (typeof fallback === 'function' ? fallback(variables) : fallback);
  return {
    name, flow: true, fallback,
    // As a plain Solver (e.g. a caller that ignores `flow`), it is the fallback.
    solve: (model, options) => pick(model.variables.length).solve(model, options),
  };
}

export function isFlowSolver(solver: unknown): solver is FlowSolver {
  return typeof solver === 'object' && solver !== null && (solver as { flow?: unknown }).flow === true;
}

/**
 * The solvers the planner can use, by the name the CLI's `--solver` takes.
 * HiGHS and GLPK are WebAssembly modules loaded asynchronously, once: so a
 * solver is obtained with `await loadSolver(name)`, and its `solve` is then
 * synchronous like every Solver.
 */
import type { Solver } from './solver.js';

import type { SolverName } from './solver-names.js';

export { SOLVER_NAMES, type SolverName } from './solver-names.js';

/**
 * Largest model (variables) that 'auto' gives to javascript-lp-solver.
 * Measured on generated counties (18 counties of 40–300 teachers, whole
 * lexicographic solve): javascript-lp-solver was never faster than HiGHS
 * (29 variables: 44 ms against 3 ms) and timed out at 20 s from 90
 * variables on; up to ~40 variables it stayed under 0.25 s, and the
 * brute-force optimality property (test/engine/optimality.test.ts) vouches
 * for it at that size. Above, HiGHS (10–50 ms at 100–250 variables).
 */
export const AUTO_JSLP_MAX_VARIABLES = 40;

/** A choice per county model by its size (the whole lexicographic solve of a county uses one solver). */
export function bySize(small: Solver, large: Solver, maxSmall = AUTO_JSLP_MAX_VARIABLES): (variables: number) => Solver {
  return (variables) => (variables <= maxSmall ? small : large);
}

/**
 * Loads the named solver (WebAssembly modules are loaded once per process).
 *
 * @example
 * const solver = await loadSolver(args.solver);
 * planScenario(scenario, args.year, { solver });
 */
export async function loadSolver(name: SolverName): Promise<Solver | ((variables: number) => Solver)> {
  switch (name) {
    // Each solver's module (and its WebAssembly) loads only when that solver is asked for.
    case 'jslp': return (await import('./jslp.js')).jslpSolver;
    case 'highs': return (await import('./highs.js')).loadHighsSolver();
    case 'glpk': return (await import('./glpk.js')).loadGlpkSolver();
    case 'auto': return autoSolver();
    // The network path, with auto's MILP choice for the counties it does not certify (flow/solver.ts).
    case 'flow': return (await import('./flow/solver.js')).flowSolver(await autoSolver());
  }
}

/** 'auto': javascript-lp-solver for a small county model, HiGHS for a larger one, pooled first for a large one (pooled.ts). */
async function autoSolver(): Promise<(variables: number) => Solver> {
  const { POOLED_MIN_FLOWS } = await import('./pooled.js');
  return bySize((await import('./jslp.js')).jslpSolver, { ...await (await import('./highs.js')).loadHighsSolver(), pools: POOLED_MIN_FLOWS });
}

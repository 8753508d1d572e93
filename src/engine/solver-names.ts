/**
 * The names `--solver` takes, apart from the solvers themselves, so the
 * command line can offer them without loading any solver (fast start).
 */

/** Names accepted by `--solver`, the default first. */
export const SOLVER_NAMES = ['auto', 'highs', 'glpk', 'jslp'] as const;
export type SolverName = (typeof SOLVER_NAMES)[number];

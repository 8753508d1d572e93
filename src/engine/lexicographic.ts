/**
 * Lexicographic optimisation: the levels are optimised in order of
 * importance, each without giving up anything on the levels before it.
 * Consecutive levels share one solve with weights that provably respect the
 * order — every level's value is an integer in [−range, range], so weighting
 * level i by Π(range_j + 1) over the later levels j of the same solve makes
 * one unit of level i worth more than any change of the later ones — as long
 * as the weights stay below WEIGHT_LIMIT, where floating point is still exact
 * enough. After each solve every level of the group is fixed at its optimum.
 */
import { type Level, levelValue } from './model.js';
import type { Constraint, LinearModel, SolveResult, Solver, Variable } from './solver.js';

/** Largest combined weight × range kept inside one solve (doubles are exact far beyond; solvers' tolerances are not). */
export const WEIGHT_LIMIT = 1e7;

export interface LexStep {
  readonly levels: readonly string[];
  readonly status: SolveResult['status'];
  readonly ms: number;
  readonly objective: number;
  /** Relative MIP gap the solver reported for this step (0 = proven optimal), when it reports one. */
  readonly gap?: number;
}

export interface LexResult {
  readonly status: SolveResult['status'];
  readonly values: ReadonlyMap<string, number>;
  /** Value of each level at the end, in level order. */
  readonly levelValues: readonly { name: string; value: number }[];
  readonly steps: readonly LexStep[];
  readonly ms: number;
  readonly message?: string;
}

/** Splits levels into consecutive groups whose combined weights stay under the limit. */
export function groupLevels(levels: readonly Level[], limit = WEIGHT_LIMIT): Level[][] {
  const groups: Level[][] = [];
  let current: Level[] = [];
  let span = 1;
  for (const level of levels) {
    const size = level.range + 1;
    if (current.length > 0 && span * size > limit) {
      groups.push(current);
      current = [];
      span = 1;
    }
    current.push(level);
    span *= size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** One objective for a group: Σ weight_i × level_i with weight_i = Π_{j>i}(range_j + 1). */
export function combine(group: readonly Level[]): Map<string, number> {
  const out = new Map<string, number>();
  let weight = 1;
  for (let i = group.length - 1; i >= 0; i--) {
    const level = group[i]!;
    for (const [n, c] of level.terms) out.set(n, (out.get(n) ?? 0) + weight * c);
    weight *= level.range + 1;
  }
  return out;
}

/** Solves the levels in order; stops at the first solve that is not proven optimal. */
export function solveLexicographic(
  model: { variables: readonly Variable[]; constraints: readonly Constraint[]; cuts?: readonly Constraint[] },
  levels: readonly Level[], solver: Solver, timeoutMs: number,
): LexResult {
  const started = performance.now();
  const base = { variables: model.variables, constraints: solver.takesCuts === true ? [...model.constraints, ...model.cuts ?? []] : model.constraints };
  const fixed: Constraint[] = [];
  const steps: LexStep[] = [];
  let values: ReadonlyMap<string, number> = new Map();
  let status: SolveResult['status'] = 'optimal';
  let message: string | undefined;
  const groups = groupLevels(levels, solver.weightLimit ?? WEIGHT_LIMIT);
  if (groups.length === 0) groups.push([]);
  for (const [i, group] of groups.entries()) {
    const objective = combine(group);
    const model: LinearModel = { sense: 'max', objective, variables: base.variables, constraints: [...base.constraints, ...fixed] };
    const left = Math.max(1, timeoutMs - (performance.now() - started));
    const result = solver.solve(model, { timeoutMs: left });
    steps.push({ levels: group.map((l) => l.name), status: result.status, ms: result.ms, objective: result.objective, ...(result.gap !== undefined ? { gap: result.gap } : {}) });
    if (result.status !== 'optimal') {
      status = result.status;
      message = result.message;
      if (result.status === 'timedout' && result.message === undefined) values = result.values;
      break;
    }
    values = result.values;
    // Each level is integer-valued: "level ≥ its optimum − 0.5", one row per level, keeps exactly the
    // lexicographically optimal plans — and, unlike one row with the weighted sum, keeps small coefficients
    // and the model's flow structure, so the next LP relaxations stay (nearly) integral.
    for (const [j, level] of group.entries()) {
      fixed.push({ name: `lex_${i}_${j}`, terms: level.terms, min: Math.round(levelValue(level, values)) - (level.offset ?? 0) - 0.5 });
    }
  }
  return {
    status, values, steps, ms: performance.now() - started,
    levelValues: levels.map((l) => ({ name: l.name, value: Math.round(levelValue(l, values)) })),
    ...(message !== undefined ? { message } : {}),
  };
}

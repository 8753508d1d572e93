/**
 * HiGHS (WebAssembly, npm `highs`) behind our Solver interface.
 *
 * Loading the WebAssembly module is asynchronous and happens once per
 * process (`await loadHighsSolver()`); every solve after that is synchronous,
 * as the Solver interface wants. The traps (docs/model.md):
 * - "Optimal" means within `mip_rel_gap`, 1e-4 by default: both gaps are set
 *   to 0 so that optimal is proven optimal and two solvers agree exactly;
 * - an infeasible model still returns a value vector: the status is read
 *   first, values only when HiGHS reports a feasible primal solution;
 * - a model owns WebAssembly memory until disposed: `withModel` disposes it,
 *   also when the solve throws;
 * - the model goes in as sparse arrays (CSC), 10–30 % faster than LP text;
 *   the LP-text path is kept to cross-check the LP writer.
 * A result is never taken on trust: solutionProblem re-checks it.
 */
import highsModule, { type EncodedModel, type Highs, type Model, type ModelData } from 'highs';
import { lpNames, toLpFormat } from './lp-format.js';
import { evaluate, type LinearModel, type Relaxation, type SolveResult, type SolveStatus, type Solver, solutionProblem } from './solver.js';

/** How the model is handed to HiGHS: sparse arrays (fast) or our LP text (cross-check of lp-format.ts). */
export type HighsInput = 'arrays' | 'lp';

/**
 * The package's typings are CommonJS-style while Node's ESM loader gives the
 * `.mjs` build, whose default export is the loader: the small typing shim.
 */
const loadHighs = highsModule as unknown as typeof highsModule.default;

let runtime: Promise<Highs> | undefined;

/** The HiGHS runtime, loaded on first use and shared by the process. */
function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

/** Settings for proven optima and a quiet solver; `time_limit` is in seconds. */
function settings(timeoutMs: number): Record<string, number | boolean | string> {
  return { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0, time_limit: Math.max(0.001, timeoutMs / 1000) };
}

/** Our model as HiGHS sparse arrays: columns in model order, CSC matrix; `integer: false` gives the LP relaxation. */
export function toHighsArrays(highs: Highs, model: LinearModel, integer = true): ModelData {
  const n = model.variables.length;
  const col = new Map(model.variables.map((v, i) => [v.name, i]));
  const index = (name: string, where: string) => {
    const j = col.get(name);
    if (j === undefined) throw new Error(`${where} uses unknown variable ${name}`);
    return j;
  };
  const colCost = new Float64Array(n);
  for (const [name, coef] of model.objective) {
    const j = index(name, 'the objective');
    colCost[j] = colCost[j]! + coef;
  }
  const starts = new Int32Array(n + 1);
  for (const c of model.constraints) for (const name of c.terms.keys()) starts[index(name, c.name) + 1]! += 1;
  for (let j = 0; j < n; j++) starts[j + 1]! += starts[j]!;
  const next = starts.slice(0, n);
  const indices = new Int32Array(starts[n]!);
  const values = new Float64Array(indices.length);
  model.constraints.forEach((c, i) => {
    for (const [name, coef] of c.terms) {
      const at = next[col.get(name)!]!++;
      indices[at] = i;
      values[at] = coef;
    }
  });
  const { infinity } = highs;
  const { objectiveSense, variableType } = highs.constants;
  return {
    numCols: n, numRows: model.constraints.length,
    sense: model.sense === 'max' ? objectiveSense.maximize : objectiveSense.minimize,
    colCost, colLower: new Float64Array(n), colUpper: Float64Array.from(model.variables, (v) => v.upper ?? infinity),
    rowLower: Float64Array.from(model.constraints, (c) => c.min ?? -infinity),
    rowUpper: Float64Array.from(model.constraints, (c) => c.max ?? infinity),
    matrix: { format: 'csc', numRows: model.constraints.length, numCols: n, starts, indices, values },
    integrality: Int32Array.from(model.variables, (v) => (integer && v.integer ? variableType.integer : variableType.continuous)),
  };
}

interface Run {
  /** HiGHS model status code (highs.constants.modelStatus). */
  readonly code: number;
  /** Values in our variable order, only when HiGHS holds a feasible primal solution. */
  readonly columns: Float64Array | null;
  /** Relative MIP gap, for a MILP. */
  readonly gap: number | undefined;
}

/** Our variable order → HiGHS column; an LP file numbers columns by first appearance, so go by name. */
type ColumnOrder = (m: Model) => (j: number) => number;
const sameOrder: ColumnOrder = () => (j) => j;

function run(highs: Highs, model: LinearModel, source: ModelData | EncodedModel, order: ColumnOrder, options: Record<string, number | boolean | string>): Run {
  return highs.withModel(source, (m) => {
    m.options.set(options);
    const { modelStatus } = m.run();
    const feasible = m.info.get('primal_solution_status') === 2; // kSolutionStatusFeasible
    let columns: Float64Array | null = null;
    if (feasible) {
      const x = m.getSolution().colValue;
      const at = order(m);
      columns = Float64Array.from(model.variables, (_, j) => {
        const k = at(j);
        return k >= 0 ? x[k]! : 0;
      });
    }
    const gap = Number(m.info.get('mip_gap')); // +∞ for an LP or a MILP without incumbent
    return { code: modelStatus, columns, gap: Number.isFinite(gap) ? gap : undefined };
  });
}

/**
 * HiGHS says "infeasible or unbounded" when presolve cannot tell. The LP
 * relaxation without presolve can: infeasible there is infeasible here;
 * bounded there means the MILP cannot be unbounded, so it is infeasible;
 * unbounded there is unbounded here exactly when the MILP has a feasible point.
 */
function infeasibleOrUnbounded(highs: Highs, model: LinearModel, timeoutMs: number): SolveStatus {
  const S = highs.constants.modelStatus;
  const lp = run(highs, model, toHighsArrays(highs, model, false), sameOrder, { ...settings(timeoutMs), presolve: 'off' });
  if (lp.code === S.infeasible || lp.code === S.optimal) return 'infeasible';
  if (lp.code !== S.unbounded) return lp.code === S.timeLimit ? 'timedout' : 'error';
  if (!model.variables.some((v) => v.integer)) return 'unbounded';
  const zero = { ...toHighsArrays(highs, model), colCost: new Float64Array(model.variables.length) };
  const feasibility = run(highs, model, zero, sameOrder, settings(timeoutMs));
  if (feasibility.code === S.optimal) return 'unbounded';
  return feasibility.code === S.infeasible ? 'infeasible' : feasibility.code === S.timeLimit ? 'timedout' : 'error';
}

const STATUS_NAMES = ['not set', 'load error', 'model error', 'presolve error', 'solve error', 'postsolve error', 'empty', 'optimal',
  'infeasible', 'infeasible or unbounded', 'unbounded', 'objective bound reached', 'objective target reached', 'time limit reached',
  'iteration limit reached', 'unknown', 'solution limit reached', 'interrupted'];

/** A HiGHS model status as ours; null = "infeasible or unbounded", to be told apart. */
function statusOf(highs: Highs, code: number): SolveStatus | null {
  const S = highs.constants.modelStatus;
  switch (code) {
    case S.optimal: return 'optimal';
    case S.infeasible: return 'infeasible';
    case S.unbounded: return 'unbounded';
    case S.unboundedOrInfeasible: return null;
    case S.timeLimit: case S.iterationLimit: case S.interrupted: case S.solutionLimit: return 'timedout';
    default: return 'error';
  }
}

/** One solve; never throws (a HiGHS exception becomes status 'error'). */
export function solveWithHighs(highs: Highs, model: LinearModel, timeoutMs: number, input: HighsInput = 'arrays'): SolveResult {
  const started = performance.now();
  const done = (r: Omit<SolveResult, 'ms' | 'objective'> & { objective?: number }): SolveResult => ({ objective: NaN, ...r, ms: performance.now() - started });
  if (model.variables.length === 0) {
    const problem = solutionProblem(model, new Map());
    return done(problem === null ? { status: 'optimal', values: new Map(), objective: 0, gap: 0 } : { status: 'infeasible', values: new Map() });
  }
  let status: SolveStatus;
  let result: Run;
  try {
    if (input === 'arrays') result = run(highs, model, toHighsArrays(highs, model), sameOrder, settings(timeoutMs));
    else {
      const { column } = lpNames(model);
      const byName: ColumnOrder = (m) => {
        const k = model.variables.map((v) => {
          const lp = column.get(v.name)!;
          try { return m.getColByName(lp); } catch { return -1; } // a variable used nowhere is not in the file
        });
        return (j) => k[j]!;
      };
      result = run(highs, model, { format: 'lp', data: toLpFormat(model) }, byName, settings(timeoutMs));
    }
    status = statusOf(highs, result.code) ?? infeasibleOrUnbounded(highs, model, Math.max(1, timeoutMs - (performance.now() - started)));
  } catch (err) {
    return done({ status: 'error', values: new Map(), message: `HiGHS failed: ${err instanceof Error ? err.message : String(err)}` });
  }
  const gap = result.gap !== undefined ? { gap: result.gap } : {};
  if (status !== 'optimal' && status !== 'timedout') {
    const message = status === 'error' ? { message: `HiGHS ended with status "${STATUS_NAMES[result.code] ?? result.code}"` } : {};
    return done({ status, values: new Map(), ...message });
  }
  if (result.columns === null) {
    return done({ status: status === 'optimal' ? 'error' : 'timedout', values: new Map(), ...gap, message: 'HiGHS returned no feasible plan' });
  }
  // Integers come back within HiGHS' feasibility tolerance of an integer: round, then check everything ourselves.
  const values = new Map(model.variables.map((v, j) => [v.name, v.integer ? Math.round(result.columns![j]!) : result.columns![j]!]));
  const problem = solutionProblem(model, values);
  if (problem !== null) return done({ status: 'error', values, message: `HiGHS returned a plan that fails our check: ${problem}` });
  return done({ status, values, objective: evaluate(model.objective, values), ...gap });
}

/**
 * Columns from which the LP relaxation is solved by HiGHS' interior point method (with crossover, so a vertex
 * and its duals as the simplex gives them) instead of the dual simplex. Measured on the generated city's largest
 * village-shape county (114,714 columns, `STEPS_COUNTY=苍南县 node bench/steps.js 1 highs village`, idle 2-core
 * machine): LPs of steps 1–4 6.2 / 7.2 / 8.2 / 9.1 s against 5.0 / 17.3 / 5.9 / 28.1 s, the county 89 s against
 * 111 s; on a 40,266-column county (6,000 teachers, village shape) the two were within the noise.
 */
export const IPM_MIN_COLUMNS = 50_000;

/** The LP relaxation's optimum with duals (Solver.relax), or null when HiGHS did not prove one. */
export function relaxWithHighs(highs: Highs, model: LinearModel, timeoutMs: number): Relaxation | null {
  const started = performance.now();
  if (model.variables.length === 0) return null;
  try {
    return highs.withModel(toHighsArrays(highs, model, false), (m) => {
      m.options.set({ ...settings(timeoutMs), ...(model.variables.length >= IPM_MIN_COLUMNS ? { solver: 'ipm' } : {}) });
      const { modelStatus } = m.run();
      if (modelStatus !== highs.constants.modelStatus.optimal || m.info.get('dual_solution_status') !== 2) return null;
      const x = m.getSolution();
      return {
        objective: Number(m.info.get('objective_function_value')), values: x.colValue, reducedCosts: x.colDual,
        rowDuals: x.rowDual, rowActivity: x.rowValue, ms: performance.now() - started,
      };
    });
  } catch {
    return null;
  }
}

/**
 * Loads HiGHS once and returns a synchronous Solver.
 *
 * @example
 * const solver = await loadHighsSolver();
 * planScenario(scenario, 2019, { solver });
 */
export async function loadHighsSolver(input: HighsInput = 'arrays'): Promise<Solver> {
  const highs = await highsRuntime();
  return {
    name: input === 'arrays' ? 'highs' : 'highs (LP text)',
    // Fewer, larger lexicographic steps: a weighted objective stays below 1e9, exact in doubles and
    // a million times above HiGHS' tolerances (1e-6 to 1e-9 absolute), and HiGHS sees that the
    // objective is integral. Measured on 20 generated counties (300–3,000 teachers, seeds 1–5): the same
    // value at every level as with 1e7, in 0.68× the time.
    weightLimit: 1e9,
    takesCuts: true,
    solve: (model, options) => solveWithHighs(highs, model, options.timeoutMs, input),
    relax: (model, options) => relaxWithHighs(highs, model, options.timeoutMs),
  };
}

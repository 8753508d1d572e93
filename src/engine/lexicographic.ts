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
import { type Constraint, evaluate, type LinearModel, type Relaxation, type SolveResult, type Solver, solutionProblem, type Variable } from './solver.js';

/** Largest combined weight × range kept inside one solve (doubles are exact far beyond; solvers' tolerances are not). */
export const WEIGHT_LIMIT = 1e7;

export interface LexStep {
  readonly levels: readonly string[];
  readonly status: SolveResult['status'];
  readonly ms: number;
  readonly objective: number;
  /** Relative MIP gap the solver reported for this step (0 = proven optimal), when it reports one. */
  readonly gap?: number;
  /** The LP relaxation solved first (solvers with `relax`): its time and bound. */
  readonly relaxation?: { readonly ms: number; readonly bound: number };
  /**
   * What gave the step's answer: the LP optimum itself (integral), the MILP on the LP optimum's support or
   * on its neighbourhood (reaching ⌊LP bound⌋), or a MILP over the whole model (less the columns reduced-cost fixing pins);
   * 'network flow': the level's min-cost flow on the county network (flow/lexicographic-flow.ts).
   */
  readonly answer: 'integral LP' | 'LP support' | 'LP neighbourhood' | 'MILP' | 'network flow';
  /** Columns fixed and rows made tight for the later steps by reduced-cost fixing. */
  readonly fixedColumns?: number;
  readonly tightenedRows?: number;
}

export interface LexResult {
  readonly status: SolveResult['status'];
  readonly values: ReadonlyMap<string, number>;
  /** Value of each level at the end, in level order. */
  readonly levelValues: readonly { name: string; value: number }[];
  readonly steps: readonly LexStep[];
  readonly ms: number;
  readonly message?: string;
  /**
   * The model's columns and rows as reduced-cost fixing left them after the steps (not the rows that fix the
   * levels): bounds and tight rows every plan optimal at every level solved keeps (pooled.ts hands them on).
   */
  readonly narrowed?: { readonly variables: readonly Variable[]; readonly constraints: readonly Constraint[] };
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

/**
 * The LP optimum as a plan when it is integral (then no plan can do better: proven optimal without branch
 * and bound), else null.
 */
function integralPlan(model: LinearModel, lp: Relaxation): Map<string, number> | null {
  const values = new Map<string, number>();
  for (const [j, v] of model.variables.entries()) {
    const x = lp.values[j]!;
    if (v.integer && Math.abs(x - Math.round(x)) > 1e-9) return null;
    values.set(v.name, v.integer ? Math.round(x) : x);
  }
  return solutionProblem(model, values) === null ? values : null;
}

/**
 * Reduced-cost fixing, exact: with the LP bound B and the step's optimum z, every plan of the later steps
 * scores z here, and no plan scores more than B − Σ |reduced cost| × |move off the LP optimum's bound|.
 * So an integer column whose reduced cost exceeds B − z stays at its bound, and a row of integer
 * coefficients and bound whose dual exceeds it stays tight. `rows` = how many of the model's rows may be
 * tightened (the model's own; not the rows that fix levels, whose bounds are at half units).
 */
function fixByReducedCost(model: LinearModel, lp: Relaxation, optimum: number, rows: number): { variables: Variable[]; constraints: Constraint[]; columns: number; tightened: number } {
  const gap = Math.max(0, lp.objective - optimum);
  // Above the solver's tolerances on duals at this objective scale (HiGHS: 1e-7 relative).
  const threshold = gap + 1e-6 * Math.max(1, Math.abs(lp.objective));
  let columns = 0;
  const pins: Constraint[] = [];
  const variables = model.variables.map((v, j) => {
    const x = lp.values[j]!;
    const at = Math.round(x);
    if (!v.integer || v.upper === 0 || Math.abs(lp.reducedCosts[j]!) <= threshold || Math.abs(x - at) > 1e-9) return v;
    if (at !== 0 && at !== v.upper) return v;
    columns++;
    if (at === 0) return { ...v, upper: 0 };
    pins.push({ name: `fix_${v.name}`, terms: new Map([[v.name, 1]]), min: at, max: at });
    return v;
  });
  const isInteger = new Set(model.variables.filter((v) => v.integer).map((v) => v.name));
  let tightened = 0;
  const constraints = model.constraints.slice(0, rows).map((c, i) => {
    if (Math.abs(lp.rowDuals[i]!) <= threshold || c.min === c.max) return c;
    if (![...c.terms].every(([n, coef]) => isInteger.has(n) && Number.isInteger(coef))) return c;
    const activity = lp.rowActivity[i]!;
    const near = (b: number | undefined) => b !== undefined && Number.isInteger(b) && Math.abs(activity - b) <= 1e-6 * Math.max(1, Math.abs(b));
    if (near(c.max)) { tightened++; return { ...c, min: c.max }; }
    if (near(c.min)) { tightened++; return { ...c, max: c.min }; }
    return c;
  });
  return { variables, constraints: [...constraints, ...pins], columns, tightened };
}

/** The model with every column the LP optimum leaves at 0 fixed at 0: a small MILP on the LP optimum's support. */
function supportModel(model: LinearModel, lp: Relaxation): LinearModel {
  const variables = model.variables.map((v, j) => (v.upper !== 0 && Math.abs(lp.values[j]!) <= 1e-9 ? { ...v, upper: 0 } : v));
  return { ...model, variables };
}

/** Rows longer than this do not link columns into one neighbourhood (the rows that fix levels span the whole model). */
export const NEIGHBOURHOOD_ROW_LIMIT = 100;

/**
 * The LP optimum's neighbourhood as a MILP: the columns the LP leaves fractional and every column that shares a
 * row of at most NEIGHBOURHOOD_ROW_LIMIT terms with one of them stay free; every other column is fixed at its
 * (integral) LP value. Where the side rules R2 and R5 bind, the LP optimum is fractional only around a few
 * senders and receivers, so this MILP is small (village shape, 6,000 teachers: 14,000 of 42,000 columns), and
 * unlike the support MILP it lets those senders' other teachers and those receivers' other posts move. Null
 * when the LP optimum has no fractional column.
 */
function neighbourhoodModel(model: LinearModel, lp: Relaxation): LinearModel | null {
  const fractional = model.variables.flatMap((v, j) => (v.integer && Math.abs(lp.values[j]! - Math.round(lp.values[j]!)) > 1e-9 ? [v.name] : []));
  if (fractional.length === 0) return null;
  const rowsOf = new Map<string, Constraint[]>();
  for (const c of model.constraints) {
    if (c.terms.size > NEIGHBOURHOOD_ROW_LIMIT) continue;
    for (const name of c.terms.keys()) {
      const list = rowsOf.get(name);
      if (list === undefined) rowsOf.set(name, [c]); else list.push(c);
    }
  }
  const free = new Set(fractional);
  for (const name of fractional) for (const c of rowsOf.get(name) ?? []) for (const other of c.terms.keys()) free.add(other);
  const pins: Constraint[] = [];
  const variables = model.variables.map((v, j) => {
    if (free.has(v.name) || v.upper === 0) return v;
    const at = v.integer ? Math.round(lp.values[j]!) : lp.values[j]!;
    if (at === 0) return { ...v, upper: 0 };
    pins.push({ name: `keep_${v.name}`, terms: new Map([[v.name, 1]]), min: at, max: at });
    return v;
  });
  return { ...model, variables, constraints: [...model.constraints, ...pins] };
}

/** Unit roundoff of a double. */
const ROUNDOFF = 2 ** -53;

/**
 * Bounds on every column: its own upper bound, or the one its rows imply (two passes over the rows, each row
 * bounding a column by its bound less what the row's other columns can add), rounded down for an integer column.
 * Slightly loosened before rounding, so floating point can only make them weaker.
 */
function impliedUppers(model: LinearModel, col: ReadonlyMap<string, number>): Float64Array {
  const upper = Float64Array.from(model.variables, (v) => v.upper ?? Infinity);
  const loosen = (x: number) => x * (1 + 1e-12) + 1e-9;
  for (let pass = 0; pass < 2; pass++) {
    for (const c of model.constraints) {
      // The most the row's positive and its negative terms can reach (columns are ≥ 0).
      let positive = 0;
      let negative = 0;
      for (const [name, coef] of c.terms) {
        if (coef > 0) positive += coef * upper[col.get(name)!]!; else if (coef < 0) negative += coef * upper[col.get(name)!]!;
      }
      for (const [name, coef] of c.terms) {
        if (coef === 0) continue;
        const j = col.get(name)!;
        // coef > 0: coef·x ≤ max − (negative terms at their least); coef < 0: |coef|·x ≤ (positive terms at their most) − min.
        const room = coef > 0 ? (c.max === undefined ? Infinity : c.max - negative) : (c.min === undefined ? Infinity : positive - c.min);
        if (!Number.isFinite(room)) continue;
        let u = loosen(Math.max(0, room) / Math.abs(coef));
        if (model.variables[j]!.integer) u = Math.floor(u);
        if (u < upper[j]!) upper[j] = u;
      }
    }
  }
  return upper;
}

/**
 * An upper bound on the model's optimum from row multipliers y (the LP's duals as a guess), in terms of the
 * model's own data: for every x ≥ 0 with column bounds U and l ≤ Ax ≤ u,
 * c·x = y·Ax + (c − Aᵀy)·x ≤ Σ_i max(y_i l_i, y_i u_i) + Σ_j max(0, (c − Aᵀy)_j) U_j.
 * So it does not trust the LP solver's objective, whose error grows with the objective's scale (weighted levels
 * up to 1e9: errors of hundreds of units were allowed for), only its duals: a poor guess gives a weak bound, never
 * a wrong one. The floating-point error of every sum is bounded (Higham: n·u·Σ|terms|) and added. Both signs of
 * the duals are tried, so the solver's sign convention does not matter. Infinity when no finite bound follows.
 */
export function dualBound(model: LinearModel, lp: Relaxation): number {
  if (model.sense !== 'max') return Infinity;
  const n = model.variables.length;
  const col = new Map(model.variables.map((v, j) => [v.name, j]));
  const upper = impliedUppers(model, col);
  const boundWith = (sign: 1 | -1): number => {
    const reduced = new Float64Array(n);
    const size = new Float64Array(n);
    const count = new Float64Array(n);
    for (const [name, coef] of model.objective) {
      const j = col.get(name)!;
      reduced[j] = reduced[j]! + coef;
      size[j] = size[j]! + Math.abs(coef);
      count[j] = count[j]! + 1;
    }
    let bound = 0;
    let magnitude = 0;
    let terms = 0;
    for (const [i, c] of model.constraints.entries()) {
      const y = sign * lp.rowDuals[i]!;
      const end = y > 0 ? c.max : c.min;
      // Any multipliers give a bound: a row whose dual points at a side it has no bound on (a dual within the
      // solver's tolerance of 0) gets multiplier 0.
      if (y === 0 || end === undefined) continue;
      bound += y * end;
      magnitude += Math.abs(y * end);
      terms++;
      for (const [name, coef] of c.terms) {
        const j = col.get(name)!;
        reduced[j] = reduced[j]! - y * coef;
        size[j] = size[j]! + Math.abs(y * coef);
        count[j] = count[j]! + 1;
      }
    }
    for (let j = 0; j < n; j++) {
      // The reduced cost as computed, plus the most its rounding can have taken off.
      const r = reduced[j]! + (count[j]! + 1) * ROUNDOFF * size[j]! * 2;
      if (r <= 0) continue;
      if (!Number.isFinite(upper[j]!)) return Infinity;
      bound += r * upper[j]!;
      magnitude += Math.abs(r * upper[j]!);
      terms++;
    }
    return bound + (terms + 2) * ROUNDOFF * 2 * magnitude;
  };
  return Math.min(boundWith(1), boundWith(-1));
}

/**
 * One step with its LP relaxation at hand (the LP optimum not integral). The objective is integral, so no
 * plan scores above ⌊B⌋, B the LP bound (see `best` below). Two small
 * MILPs look for a plan reaching it: on the LP optimum's support (every column the LP leaves at 0 fixed there
 * — about 1,000 of 46,000 at 10,000 teachers), then on its neighbourhood (neighbourhoodModel); a plan that
 * reaches ⌊B⌋ is the step's proven optimum. Otherwise the support plan's score z₀ bounds the optimum from below,
 * so every column whose reduced cost exceeds LP bound − z₀ keeps its bound in every optimal plan (exact
 * reduced-cost fixing), and the MILP is solved on what is left. `rows` = the model's
 * own rows (before the rows that fix earlier levels).
 */
function solveFromRelaxation(model: LinearModel, lp: Relaxation, solver: Solver, timeoutMs: () => number, rows: number): { result: SolveResult; answer: LexStep['answer'] } {
  if (![...model.objective.values()].every(Number.isInteger)) return { result: solver.solve(model, { timeoutMs: timeoutMs() }), answer: 'MILP' };
  // ⌊B⌋ for the smaller of two bounds: the LP objective read with a relative tolerance of 1e-6 (which at weighted
  // objectives of 1e8 is hundreds of units, so no plan ever reached it there), and dualBound, exact in the model's
  // data but as weak as the duals are poor (on some steps HiGHS' duals give nothing useful).
  const best = Math.floor(Math.min(dualBound(model, lp), lp.objective + 1e-6 * Math.max(1, Math.abs(lp.objective))));
  const onSupport = solver.solve(supportModel(model, lp), { timeoutMs: timeoutMs() });
  let ms = onSupport.ms;
  if (onSupport.status === 'optimal' && onSupport.objective >= best) return { result: { ...onSupport, gap: 0 }, answer: 'LP support' };
  const around = neighbourhoodModel(model, lp);
  if (around !== null) {
    const nearby = solver.solve(around, { timeoutMs: timeoutMs() });
    ms += nearby.ms;
    if (nearby.status === 'optimal' && nearby.objective >= best) return { result: { ...nearby, ms, gap: 0 }, answer: 'LP neighbourhood' };
  }
  // Measured on the village county (6,000 teachers, load ~10): fixing by the neighbourhood plan's score and
  // starting the MILP from it made steps 3 and 4 slower (10.5 and 24.5 s against 3.9–5.4 and 7.7–12.3 s), so
  // only the support plan's score narrows the MILP, as before.
  const narrowed = onSupport.status === 'optimal' ? fixByReducedCost(model, lp, onSupport.objective, rows) : null;
  const rest = narrowed === null ? model : { ...model, variables: narrowed.variables, constraints: [...narrowed.constraints, ...model.constraints.slice(rows)] };
  const result = solver.solve(rest, { timeoutMs: timeoutMs() });
  return { result: { ...result, ms: ms + result.ms }, answer: 'MILP' };
}

/** One lexicographic step: the LP relaxation first when the solver gives it, else the MILP. */
function solveStep(model: LinearModel, solver: Solver, timeoutMs: () => number, rows: number): { result: SolveResult; lp: Relaxation | null; answer: LexStep['answer'] } {
  const lp = solver.relax?.(model, { timeoutMs: timeoutMs() }) ?? null;
  if (lp === null) return { result: solver.solve(model, { timeoutMs: timeoutMs() }), lp, answer: 'MILP' };
  const plan = integralPlan(model, lp);
  const { result, answer } = plan !== null
    ? { result: { status: 'optimal', values: plan, objective: evaluate(model.objective, plan), ms: 0, gap: 0 } as const, answer: 'integral LP' as const }
    : solveFromRelaxation(model, lp, solver, timeoutMs, rows);
  return { result: { ...result, ms: lp.ms + result.ms }, lp, answer };
}

/** Called after each step: 1-based step, the model as handed to the solver, and the step's result (`rotation plan --export-lp`). */
export type ModelListener = (step: number, model: LinearModel, result: SolveResult) => void;
/** Told before each step is solved: the 1-based step, the number of steps and the levels it optimises (for progress). */
export type LevelListener = (step: number, steps: number, levels: readonly string[]) => void;

/**
 * Solves the levels in order; stops at the first solve that is not proven optimal. `fixLast`: reduced-cost
 * fixing after the last step too (for `narrowed`).
 */
export function solveLexicographic(
  model: { variables: readonly Variable[]; constraints: readonly Constraint[]; cuts?: readonly Constraint[] },
  levels: readonly Level[], solver: Solver, timeoutMs: number, onStep?: ModelListener, onLevel?: LevelListener, fixLast = false,
): LexResult {
  const started = performance.now();
  let variables: readonly Variable[] = model.variables;
  let constraints: readonly Constraint[] = solver.takesCuts === true ? [...model.constraints, ...model.cuts ?? []] : model.constraints;
  const fixed: Constraint[] = [];
  const steps: LexStep[] = [];
  let values: ReadonlyMap<string, number> = new Map();
  let status: SolveResult['status'] = 'optimal';
  let message: string | undefined;
  const groups = groupLevels(levels, solver.weightLimit ?? WEIGHT_LIMIT);
  if (groups.length === 0) groups.push([]);
  for (const [i, group] of groups.entries()) {
    onLevel?.(i + 1, groups.length, group.map((l) => l.name));
    const objective = combine(group);
    const model: LinearModel = { sense: 'max', objective, variables, constraints: [...constraints, ...fixed] };
    const left = () => Math.max(1, timeoutMs - (performance.now() - started));
    const { result, lp, answer } = solveStep(model, solver, left, constraints.length);
    onStep?.(i + 1, model, result);
    // After an optimal step with its LP at hand, reduced-cost fixing narrows the later steps.
    const fixing = result.status === 'optimal' && lp !== null && (i < groups.length - 1 || fixLast) ? fixByReducedCost(model, lp, result.objective, constraints.length) : null;
    steps.push({
      levels: group.map((l) => l.name), status: result.status, ms: result.ms, objective: result.objective, answer,
      ...(result.gap !== undefined ? { gap: result.gap } : {}), ...(lp !== null ? { relaxation: { ms: lp.ms, bound: lp.objective } } : {}),
      ...(fixing !== null ? { fixedColumns: fixing.columns, tightenedRows: fixing.tightened } : {}),
    });
    if (result.status !== 'optimal') {
      status = result.status;
      message = result.message;
      if (result.status === 'timedout' && result.message === undefined) values = result.values;
      break;
    }
    values = result.values;
    if (fixing !== null) ({ variables, constraints } = fixing);
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
    narrowed: { variables, constraints },
  };
}

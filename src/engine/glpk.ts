/**
 * GLPK (WebAssembly, npm `glpk.js`) behind our Solver interface.
 *
 * The traps (docs/model.md): one `GLPK()` instance per process (a new one per
 * solve runs out of memory), so it is loaded once, asynchronously, by
 * `loadGlpkSolver()`; status `undef` comes with all-zero values, so values
 * are read only for an optimal or feasible status; `tmlim` can be overshot by
 * a long way, which we cannot prevent, only report (`ms`). Its MIP gap
 * tolerance defaults to 0, so GLP_OPT is a proven optimum. Columns and rows
 * go in under index names (`c0`, `r0`): GLPK's 255-character name limit and
 * its name rules never meet our school ids.
 */
import GLPK, { type LP, type Result } from 'glpk.js/node';
import { evaluate, type LinearModel, type SolveResult, type SolveStatus, type Solver, solutionProblem } from './solver.js';

type Glpk = Awaited<ReturnType<typeof GLPK>>;

let runtime: Promise<Glpk> | undefined;

/** The GLPK instance of this process. */
function glpkRuntime(): Promise<Glpk> {
  runtime ??= GLPK();
  return runtime;
}

/** Our model as glpk.js JSON; `integer: false` gives the LP relaxation, `objective: false` a feasibility problem. */
export function toGlpk(glpk: Glpk, model: LinearModel, { integer = true, objective = true } = {}): LP {
  const col = new Map(model.variables.map((v, i) => [v.name, `c${i}`]));
  const name = (v: string, where: string) => {
    const c = col.get(v);
    if (c === undefined) throw new Error(`${where} uses unknown variable ${v}`);
    return c;
  };
  const bnds = (min: number | undefined, max: number | undefined) => {
    if (min !== undefined && max !== undefined) return { type: min === max ? glpk.GLP_FX : glpk.GLP_DB, lb: min, ub: max };
    if (min !== undefined) return { type: glpk.GLP_LO, lb: min, ub: 0 };
    if (max !== undefined) return { type: glpk.GLP_UP, lb: 0, ub: max };
    return { type: glpk.GLP_FR, lb: 0, ub: 0 };
  };
  return {
    name: 'county',
    objective: {
      direction: model.sense === 'max' ? glpk.GLP_MAX : glpk.GLP_MIN, name: 'objective',
      vars: objective ? [...model.objective].map(([v, coef]) => ({ name: name(v, 'the objective'), coef })) : [],
    },
    subjectTo: model.constraints.map((c, i) => ({
      name: `r${i}`, vars: [...c.terms].map(([v, coef]) => ({ name: name(v, c.name), coef })), bnds: bnds(c.min, c.max),
    })),
    // Every column is listed here, so that columns used nowhere else exist too (and read back as values).
    bounds: model.variables.map((v, i) => ({ name: `c${i}`, ...(v.upper !== undefined ? { type: glpk.GLP_DB, lb: 0, ub: v.upper } : { type: glpk.GLP_LO, lb: 0, ub: 0 }) })),
    generals: integer ? model.variables.flatMap((v, i) => (v.integer ? [`c${i}`] : [])) : [],
  };
}

function call(glpk: Glpk, lp: LP, timeoutMs: number, presolve: boolean): Result['result'] {
  return glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, presol: presolve, tmlim: Math.max(0.001, timeoutMs / 1000), mipgap: 0 }).result;
}

/**
 * With presolve on, GLPK says only "undefined" for an infeasible or
 * unbounded model. The LP relaxation without presolve tells them apart:
 * infeasible there is infeasible here; bounded there means the MILP cannot be
 * unbounded, so it is infeasible; unbounded there is unbounded here exactly
 * when the MILP has a feasible point.
 */
function undefinedStatus(glpk: Glpk, model: LinearModel, timeoutMs: number): SolveStatus {
  const lp = call(glpk, toGlpk(glpk, model, { integer: false }), timeoutMs, false).status;
  if (lp === glpk.GLP_NOFEAS || lp === glpk.GLP_INFEAS || lp === glpk.GLP_OPT) return 'infeasible';
  if (lp !== glpk.GLP_UNBND) return 'error';
  if (!model.variables.some((v) => v.integer)) return 'unbounded';
  // GLPK's branch-and-bound may never end here (x − y = ½ over unbounded integers): then the time limit answers.
  const feasibility = call(glpk, toGlpk(glpk, model, { objective: false }), timeoutMs, true).status;
  if (feasibility === glpk.GLP_OPT || feasibility === glpk.GLP_FEAS) return 'unbounded';
  return feasibility === glpk.GLP_NOFEAS ? 'infeasible' : 'timedout';
}

/** One solve; never throws (a GLPK exception becomes status 'error'). */
export function solveWithGlpk(glpk: Glpk, model: LinearModel, timeoutMs: number): SolveResult {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const done = (r: Omit<SolveResult, 'ms' | 'objective'> & { objective?: number }): SolveResult => ({ objective: NaN, ...r, ms: elapsed() });
  // GLPK aborts its whole instance on a model without columns: nothing to optimise, only rows to check.
  if (model.variables.length === 0) {
    const problem = solutionProblem(model, new Map());
    return done(problem === null ? { status: 'optimal', values: new Map(), objective: 0, gap: 0 } : { status: 'infeasible', values: new Map() });
  }
  // GLPK rejects a row whose bounds cross instead of calling it infeasible.
  const crossed = model.constraints.find((c) => c.min !== undefined && c.max !== undefined && c.min > c.max);
  const negative = model.variables.find((v) => v.upper !== undefined && v.upper < 0);
  if (crossed !== undefined || negative !== undefined) {
    return done({ status: 'infeasible', values: new Map(), message: `${crossed?.name ?? negative?.name}: its bounds cross` });
  }
  let result: Result['result'];
  let status: SolveStatus;
  try {
    result = call(glpk, toGlpk(glpk, model), timeoutMs, true);
    if (result.status === glpk.GLP_OPT) status = 'optimal';
    else if (result.status === glpk.GLP_FEAS) status = 'timedout';
    else if (result.status === glpk.GLP_NOFEAS) status = 'infeasible';
    else if (result.status === glpk.GLP_UNBND) status = 'unbounded';
    else if (elapsed() >= timeoutMs) status = 'timedout';
    else status = undefinedStatus(glpk, model, Math.max(1, timeoutMs - elapsed()));
  } catch (err) {
    return done({ status: 'error', values: new Map(), message: `GLPK failed: ${err instanceof Error ? err.message : String(err)}` });
  }
  if (status !== 'optimal' && status !== 'timedout') {
    return done({ status, values: new Map(), ...(status === 'error' ? { message: `GLPK ended with status ${result.status}` } : {}) });
  }
  if (result.status !== glpk.GLP_OPT && result.status !== glpk.GLP_FEAS) {
    return done({ status: 'timedout', values: new Map(), message: 'GLPK found no feasible plan, nor proved there is none, within the time limit' });
  }
  const values = new Map(model.variables.map((v, i) => {
    const x = result.vars[`c${i}`] ?? 0;
    return [v.name, v.integer ? Math.round(x) : x];
  }));
  const problem = solutionProblem(model, values);
  if (problem !== null) return done({ status: 'error', values, message: `GLPK returned a plan that fails our check: ${problem}` });
  return done({ status, values, objective: evaluate(model.objective, values), ...(status === 'optimal' ? { gap: 0 } : {}) });
}

/**
 * Loads GLPK once and returns a synchronous Solver.
 *
 * @example
 * const solver = await loadGlpkSolver();
 * planScenario(scenario, 2019, { solver });
 */
export async function loadGlpkSolver(): Promise<Solver> {
  const glpk = await glpkRuntime();
  return { name: 'glpk', takesCuts: true, solve: (model, options) => solveWithGlpk(glpk, model, options.timeoutMs) };
}

// One benchmark case in its own process, so that its peak RSS is its own.
// Usage: node bench/case.js '<json case>'  → prints one JSON line.
//   { kind: 'county', shape, teachers, seed, solver }  one generated county, planned like `rotation plan`
//                                                      (one process, no worker), with the time of each
//                                                      lexicographic step and the model it solved
//   { kind: 'city',   shape, seed, solver, jobs }      `generate --preset wenzhou [--shape village]`, counties on
//                                                      `jobs` worker threads (default: one per core, as `rotation plan`)
//   { kind: 'naive' | 'model', teachers, seed, solver } the default-shape county's lexicographic solve alone, with
//                                                      the naive per-teacher model or the aggregated one
// `solver` is any name `rotation plan --solver` takes. Not a test: nothing here asserts on time.
import { availableParallelism } from 'node:os';
import { generateScenario, generateWenzhou } from '../dist/generate/index.js';
import { planScenario } from '../dist/engine/plan.js';
import { planScenarioParallel } from '../dist/engine/parallel.js';
import { countyInputs } from '../dist/engine/county.js';
import { buildCountyModel } from '../dist/engine/model.js';
import { solveLexicographic } from '../dist/engine/lexicographic.js';
import { loadSolver } from '../dist/engine/solvers.js';
import { eligibilityAll } from '../dist/policy/eligibility.js';
import { r1Quota } from '../dist/policy/quotas.js';
import { termOf } from '../dist/policy/term.js';
import { applyNeedsMode } from '../dist/policy/norms.js';

const spec = JSON.parse(process.argv[2]);
const year = 2019;
const shape = spec.shape ?? 'default';
const timeoutMs = (spec.timeLimitS ?? 300) * 1000;
const solverName = spec.solver ?? 'auto';
const generated = spec.kind === 'city'
  ? generateWenzhou({ seed: spec.seed, year, shape })
  : generateScenario({ counties: 1, teachers: spec.teachers, seed: spec.seed, year, shape });
// Needs as `rotation plan` takes them by default (--needs auto): a receiver without needs.csv rows gets the staffing norms'.
const scenario = applyNeedsMode(generated, termOf(year, generated.policy), 'auto').scenario;
const base = { teachers: scenario.teachers.length, schools: scenario.schools.length };

/** What the plan asked and could give: needed posts against the senders' total R1 cap (ceil 20 % of eligible). */
function supply(plan) {
  const cap = plan.senders.reduce((n, s) => n + r1Quota(s.eligible, scenario.policy).cap, 0);
  return { senders: plan.senders.length, receivers: plan.receivers.length, needed: plan.stats.gaps_needed, cap, filled: plan.stats.gaps_filled, sent: plan.stats.sent };
}

/** One county's figures, as every row reports them. */
const countyRow = (c) => ({ county: c.county, teachers: c.teachers, columns: c.variables, rows: c.constraints, solves: c.solves, solve_ms: c.solve_ms, status: c.status, levels: c.levels.map((l) => l.value) });

// The solver's module (and WebAssembly) loads before the clock starts, as in the earlier benchmarks.
const loadStarted = performance.now();
const loaded = spec.kind === 'city' ? null : await loadSolver(solverName);
const loadSolverMs = Math.round(performance.now() - loadStarted);

let row;
const started = performance.now();
if (spec.kind === 'naive' || spec.kind === 'model') {
  // The county's lexicographic solve alone, for the aggregated ('model') or the per-teacher ('naive') model.
  const term = termOf(year, scenario.policy);
  const [input] = countyInputs(scenario, term, eligibilityAll(scenario, term));
  const model = buildCountyModel(input, scenario.policy, { perTeacher: spec.kind === 'naive' });
  const solver = typeof loaded === 'function' ? loaded(model.variables.length) : loaded;
  const lex = solveLexicographic(model, model.levels, solver, timeoutMs);
  row = {
    ...base, senders: input.senders.length, receivers: input.receivers.length,
    columns: model.variables.length, rows: model.constraints.length + (solver.takesCuts ? model.cuts.length : 0), solver: solver.name,
    ms: Math.round(lex.ms), optimal: lex.status === 'optimal', levels: lex.levelValues.map((l) => l.value),
  };
} else if (spec.kind === 'county') {
  // As `rotation plan --jobs 1` on a one-county scenario; each solver call is reported with the model it got.
  const steps = [];
  const { plan, counties } = planScenario(scenario, year, {
    solver: loaded, timeoutMs,
    onModel: (county, step, model, result) => steps.push({ step, ms: Math.round(result.ms), status: result.status, columns: model.variables.length, rows: model.constraints.length }),
  });
  row = {
    ...base, ...supply(plan), solver: plan.stats.solver, solve_ms: plan.stats.solve_ms, optimal: plan.stats.optimal,
    load_solver_ms: loadSolverMs, counties: counties.map(countyRow), steps,
  };
} else {
  // The city as `rotation plan` does it: counties on worker threads (one per core), unless jobs = 1.
  const jobs = spec.jobs ?? availableParallelism();
  const { plan, counties } = jobs > 1
    ? (await planScenarioParallel(scenario, year, { jobs, solver: solverName, timeoutMs })).result
    : planScenario(scenario, year, { solver: await loadSolver(solverName), timeoutMs });
  row = { ...base, ...supply(plan), jobs, solver: plan.stats.solver, solve_ms: plan.stats.solve_ms, optimal: plan.stats.optimal, counties: counties.map(countyRow) };
}
row.wall_ms = Math.round(performance.now() - started);
row.rss_mib = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify(row));

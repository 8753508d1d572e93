// One benchmark case in its own process, so that its peak RSS is its own.
// Usage: node bench/case.js '<json case>'  → prints one JSON line.
//   { kind: 'county', teachers, seed, solver }  one generated county, planned like `rotation plan`
//   { kind: 'naive',  teachers, seed, solver }  the same county, naive per-teacher model, same levels
//   { kind: 'city',   seed, solver, jobs }      `generate --preset wenzhou`, counties on `jobs` worker threads
//                                               (default: one per core, as `rotation plan`)
// Not a test: nothing here asserts on time.
import { generateScenario, generateWenzhou } from '../dist/generate/index.js';
import { planScenario } from '../dist/engine/plan.js';
import { planScenarioParallel } from '../dist/engine/parallel.js';
import { availableParallelism } from 'node:os';
import { countyInputs } from '../dist/engine/county.js';
import { buildCountyModel } from '../dist/engine/model.js';
import { solveLexicographic } from '../dist/engine/lexicographic.js';
import { loadSolver } from '../dist/engine/solvers.js';
import { eligibilityAll } from '../dist/policy/eligibility.js';
import { termOf } from '../dist/policy/term.js';

const spec = JSON.parse(process.argv[2]);
const year = 2019;
const timeoutMs = (spec.timeLimitS ?? 300) * 1000;
const loaded = await loadSolver(spec.solver ?? 'auto');
const scenario = spec.kind === 'city'
  ? generateWenzhou({ seed: spec.seed, year })
  : generateScenario({ counties: 1, teachers: spec.teachers, seed: spec.seed, year });
const base = { teachers: scenario.teachers.length };

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
} else {
  // The city as `rotation plan` does it: counties on worker threads (one per core), unless jobs = 1.
  const jobs = spec.jobs ?? (spec.kind === 'city' ? availableParallelism() : 1);
  const { plan, counties } = jobs > 1
    ? (await planScenarioParallel(scenario, year, { jobs, solver: spec.solver ?? 'auto', timeoutMs })).result
    : planScenario(scenario, year, { solver: loaded, timeoutMs });
  row = {
    ...base, counties: counties.length,
    senders: plan.senders.length, receivers: plan.receivers.length,
    columns: counties.reduce((n, c) => n + c.variables, 0), rows: counties.reduce((n, c) => n + c.constraints, 0),
    largest_county: Math.max(...counties.map((c) => c.teachers)), jobs,
    slowest_county_ms: Math.max(...counties.map((c) => c.solve_ms)),
    solver: plan.stats.solver, solve_ms: plan.stats.solve_ms, optimal: plan.stats.optimal,
    sent: plan.stats.sent, filled: `${plan.stats.gaps_filled}/${plan.stats.gaps_needed}`,
  };
}
row.wall_ms = Math.round(performance.now() - started);
row.rss_mib = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify(row));

// Benchmark of the solvers behind our Solver interface: one generated county
// per size, planned once per solver; prints teachers, model size, time and
// whether every lexicographic step was proven optimal. Also times HiGHS fed
// LP text against sparse arrays. Not a test: nothing here asserts on time.
// Run: npm run build && node bench/solvers.js
// Env: BENCH_SIZES (teachers per county, default 700,2000,5000),
//      BENCH_SOLVERS (default jslp,highs,glpk,highs-lp), BENCH_SEED (default 3),
//      BENCH_TIME_LIMIT (seconds per county, default 120),
//      BENCH_JSLP_MAX (skip javascript-lp-solver above this many teachers, default 2000).
import { generateScenario } from '../dist/generate/index.js';
import { planScenario } from '../dist/engine/plan.js';
import { loadGlpkSolver } from '../dist/engine/glpk.js';
import { loadHighsSolver } from '../dist/engine/highs.js';
import { jslpSolver } from '../dist/engine/jslp.js';

const sizes = (process.env.BENCH_SIZES ?? '700,2000,5000').split(',').map(Number);
const names = (process.env.BENCH_SOLVERS ?? 'jslp,highs,glpk,highs-lp').split(',');
const seed = Number(process.env.BENCH_SEED ?? 3);
const timeoutMs = Number(process.env.BENCH_TIME_LIMIT ?? 120) * 1000;
const jslpMax = Number(process.env.BENCH_JSLP_MAX ?? 2000);

const loaders = { jslp: async () => jslpSolver, highs: () => loadHighsSolver(), glpk: () => loadGlpkSolver(), 'highs-lp': () => loadHighsSolver('lp') };
const solvers = {};
for (const n of names) solvers[n] = await loaders[n]();

const rows = [];
for (const teachers of sizes) {
  const scenario = generateScenario({ counties: 1, teachers, seed, year: 2019 });
  for (const n of names) {
    if (n === 'jslp' && teachers > jslpMax) continue;
    const started = performance.now();
    let row;
    try {
      const { counties } = planScenario(scenario, 2019, { solver: solvers[n], timeoutMs });
      const c = counties[0];
      row = {
        teachers: c.teachers, variables: c.variables, constraints: c.constraints, solver: n, solves: c.solves,
        solve_ms: c.solve_ms, wall_ms: Math.round(performance.now() - started), optimal: c.status === 'optimal',
        levels: c.levels.map((l) => l.value).join(' '),
      };
    } catch (err) {
      row = { teachers, solver: n, wall_ms: Math.round(performance.now() - started), optimal: false, levels: `failed: ${String(err.message).slice(0, 80)}` };
    }
    rows.push(row);
    process.stderr.write(`${JSON.stringify(row)}\n`);
  }
}
console.table(rows);
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);

// Benchmark: generated counties of growing size, planned with the default
// solver; prints teachers, model size, solve time and whether optimal.
// Run with `npm run bench` (builds first). Not a test: nothing here asserts on time.
import { generateScenario } from '../dist/generate/index.js';
import { planScenario } from '../dist/engine/plan.js';

const sizes = (process.env.BENCH_SIZES ?? '150,350,700,1000').split(',').map(Number);
const timeLimitS = Number(process.env.BENCH_TIME_LIMIT ?? 120);
const rows = [];
for (const teachers of sizes) {
  const scenario = generateScenario({ counties: 1, teachers, seed: 7, year: 2019 });
  const started = performance.now();
  const { plan, counties } = planScenario(scenario, 2019, { timeoutMs: timeLimitS * 1000 });
  const wall = performance.now() - started;
  for (const c of counties) {
    rows.push({
      scenario: `generated ${teachers}`, teachers: c.teachers, senders: plan.senders.length, receivers: plan.receivers.length,
      classes: c.classes, variables: c.variables, constraints: c.constraints, solves: c.solves,
      solver: plan.stats.solver, solve_ms: c.solve_ms, wall_ms: Math.round(wall), optimal: c.status === 'optimal',
      sent: plan.stats.sent, filled: `${plan.stats.gaps_filled}/${plan.stats.gaps_needed}`,
    });
  }
  process.stderr.write(`generated ${teachers}: ${Math.round(wall)} ms\n`);
}
console.table(rows);
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);

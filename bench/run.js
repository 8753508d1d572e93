// Benchmark (issue 5's table): generated counties of growing size and the whole
// city (`generate --preset wenzhou`), planned as `rotation plan` does (solver
// 'auto'), plus the naive per-teacher model on the same ~2,000-teacher county
// with the same solver and the same lexicographic objective. Each case runs in
// its own process; wall time includes generating nothing (the scenario is
// generated before the clock starts) but includes eligibility, model building,
// every solve and the plan's reports. Not a test: nothing here asserts on time.
//
// Run: `npm run bench`. Env: BENCH_SIZES (default 700,2000,5000,10000),
// BENCH_NAIVE (teachers of the naive comparison, default 2000; 0 = skip),
// BENCH_CITY (1 = also plan the whole city on one worker thread per core, default 1), BENCH_SEED (default 7),
// BENCH_SOLVER (default auto), BENCH_TIME_LIMIT (seconds per county, default 300).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('./case.js', import.meta.url));
const seed = Number(process.env.BENCH_SEED ?? 7);
const solver = process.env.BENCH_SOLVER ?? 'auto';
const timeLimitS = Number(process.env.BENCH_TIME_LIMIT ?? 300);
const sizes = (process.env.BENCH_SIZES ?? '700,2000,5000,10000').split(',').filter(Boolean).map(Number);
const naiveAt = Number(process.env.BENCH_NAIVE ?? 2000);
const city = (process.env.BENCH_CITY ?? '1') === '1';

function run(spec) {
  process.stderr.write(`${JSON.stringify(spec)} … `);
  try {
    const out = execFileSync(process.execPath, [here, JSON.stringify({ ...spec, seed, solver, timeLimitS })], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const row = JSON.parse(out.trim().split('\n').at(-1));
    process.stderr.write(`${row.wall_ms} ms\n`);
    return row;
  } catch (err) {
    process.stderr.write(`failed: ${err.message.split('\n')[0]}\n`);
    return { failed: true };
  }
}

const rows = [];
for (const teachers of sizes) {
  const r = run({ kind: 'county', teachers });
  rows.push({ scenario: `county ${teachers}`, teachers: r.teachers, senders: r.senders, receivers: r.receivers, columns: r.columns, rows: r.rows, solver: r.solver, ms: r.wall_ms, optimal: r.optimal, 'peak RSS MiB': r.rss_mib });
}
if (city) {
  const r = run({ kind: 'city' });
  rows.push({ scenario: `wenzhou (${r.counties} counties, largest ${r.largest_county} teachers, slowest county ${r.slowest_county_ms} ms, ${r.jobs} workers)`, teachers: r.teachers, senders: r.senders, receivers: r.receivers, columns: r.columns, rows: r.rows, solver: r.solver, ms: r.wall_ms, optimal: r.optimal, 'peak RSS MiB': r.rss_mib });
}
if (naiveAt > 0) {
  const ours = run({ kind: 'model', teachers: naiveAt });
  const naive = run({ kind: 'naive', teachers: naiveAt });
  for (const [name, r] of [['aggregated model', ours], ['naive per-teacher model', naive]]) {
    rows.push({ scenario: `${name} ${naiveAt}`, teachers: r.teachers, senders: r.senders, receivers: r.receivers, columns: r.columns, rows: r.rows, solver: r.solver, ms: r.ms, optimal: r.optimal, 'peak RSS MiB': r.rss_mib });
  }
  const same = JSON.stringify(ours.levels) === JSON.stringify(naive.levels);
  console.table(rows);
  console.log(`naive / aggregated solve time on the ${naiveAt}-teacher county: ${(naive.ms / ours.ms).toFixed(1)}× `
    + `(columns ${naive.columns} vs ${ours.columns}); same objective at every level: ${same ? 'yes' : `NO (${naive.levels} vs ${ours.levels})`}`);
} else {
  console.table(rows);
}

// Benchmark: generated counties of both shapes (`rotation generate --shape default|village`) at 2,000, 6,000
// and 10,000 teachers, and the whole city of both shapes (`--preset wenzhou [--shape village]`), planned as
// `rotation plan` does, once per solver path. Prints one table of cases, then each county's time per
// lexicographic step beside the model that step solved (columns × rows), and — with two or more solver
// paths — the ratio of each path's time to the baseline's on the same case and whether every level agrees.
// Each case runs in its own process (its own peak RSS); the scenario is generated before the clock starts.
// Not a test: nothing here asserts on time. docs/benchmarks-shapes.md says what the shapes are.
//
// Run: `npm run bench`. Env:
//   BENCH_SIZES       teachers per county (default 2000,6000,10000)
//   BENCH_SHAPES      generator shapes (default default,village)
//   BENCH_CITY        1 = also plan the city of each shape, counties on one worker thread per core (default 1)
//   BENCH_SOLVERS     solver paths, any names `rotation plan --solver` takes (default auto), e.g. auto,highs
//   BENCH_BASELINE    the path the others are compared with (default: the last of BENCH_SOLVERS)
//   BENCH_SEED        generator seed (default 7)
//   BENCH_TIME_LIMIT  seconds per county (default 300)
//   BENCH_NAIVE       teachers of the naive per-teacher model comparison, default shape (default 0 = skip)
//   BENCH_JSON        a file to write every case's full result to (JSON lines)
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('./case.js', import.meta.url));
const list = (name, fallback) => (process.env[name] ?? fallback).split(',').map((x) => x.trim()).filter(Boolean);
const seed = Number(process.env.BENCH_SEED ?? 7);
const solvers = list('BENCH_SOLVERS', 'auto');
const baseline = process.env.BENCH_BASELINE ?? solvers.at(-1);
const timeLimitS = Number(process.env.BENCH_TIME_LIMIT ?? 300);
const sizes = list('BENCH_SIZES', '2000,6000,10000').map(Number);
const shapes = list('BENCH_SHAPES', 'default,village');
const city = (process.env.BENCH_CITY ?? '1') === '1';
const naiveAt = Number(process.env.BENCH_NAIVE ?? 0);
const jsonOut = process.env.BENCH_JSON;

function run(spec) {
  process.stderr.write(`${JSON.stringify(spec)} … `);
  try {
    const out = execFileSync(process.execPath, [here, JSON.stringify({ ...spec, seed, timeLimitS })], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const row = JSON.parse(out.trim().split('\n').at(-1));
    process.stderr.write(`${row.wall_ms} ms\n`);
    if (jsonOut) appendFileSync(jsonOut, `${JSON.stringify({ spec, row })}\n`);
    return row;
  } catch (err) {
    process.stderr.write(`failed: ${String(err.message).split('\n')[0]}\n`);
    return { failed: true };
  }
}

const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : '–');
const sum = (xs, f) => xs.reduce((n, x) => n + f(x), 0);

// Every case for every solver path, the baseline last so each ratio has it at hand.
const cases = [
  ...shapes.flatMap((shape) => sizes.map((teachers) => ({ name: `${shape} ${teachers}`, spec: { kind: 'county', shape, teachers } }))),
  ...(city ? shapes.map((shape) => ({ name: `wenzhou ${shape}`, spec: { kind: 'city', shape } })) : []),
];
const order = [...solvers.filter((s) => s !== baseline), ...solvers.filter((s) => s === baseline)];
const results = cases.map((c) => ({ ...c, by: Object.fromEntries(order.map((solver) => [solver, run({ ...c.spec, solver })])) }));

const table = [];
for (const c of results) {
  const base = c.by[baseline];
  for (const solver of solvers) {
    const r = c.by[solver];
    if (r.failed) { table.push({ case: c.name, path: solver, failed: true }); continue; }
    const same = base && !base.failed && solver !== baseline
      ? (JSON.stringify(r.counties.map((k) => k.levels)) === JSON.stringify(base.counties.map((k) => k.levels)) ? 'yes' : 'NO') : '';
    table.push({
      case: c.name, path: solver, teachers: r.teachers, schools: r.schools, senders: r.senders, receivers: r.receivers,
      'posts / cap': `${r.needed} / ${r.cap}`, filled: r.filled, columns: sum(r.counties, (k) => k.columns), rows: sum(r.counties, (k) => k.rows),
      'slowest county ms': Math.max(...r.counties.map((k) => k.solve_ms)), 'wall ms': r.wall_ms, optimal: r.optimal, 'peak RSS MiB': r.rss_mib,
      ...(solvers.length > 1 ? { [`× vs ${baseline}`]: base && !base.failed && solver !== baseline ? Number((base.wall_ms / r.wall_ms).toFixed(2)) : '', 'same levels': same } : {}),
    });
  }
}
console.table(table);

// Each county's steps beside its model; a city lists its counties (their steps are solved on worker threads).
for (const c of results) {
  for (const solver of solvers) {
    const r = c.by[solver];
    if (r.failed) continue;
    console.log(`\n${c.name} [${solver}]: ${fmt(r.teachers)} teachers, ${fmt(r.needed)} posts needed against a sender cap of ${fmt(r.cap)}, ${fmt(r.filled)} filled; ${fmt(r.wall_ms)} ms wall`);
    if (r.steps) {
      for (const s of r.steps) console.log(`  step ${s.step}: ${fmt(s.ms).padStart(7)} ms  ${fmt(s.columns)} columns × ${fmt(s.rows)} rows  ${s.status}`);
      if (r.steps.length === 0) console.log('  (this path reported no solver steps)');
    }
    if (c.spec.kind === 'city') {
      for (const k of [...r.counties].sort((a, b) => b.solve_ms - a.solve_ms)) {
        console.log(`  ${k.county.padEnd(5, '　')} ${fmt(k.teachers).padStart(6)} teachers  ${fmt(k.columns).padStart(7)} columns × ${fmt(k.rows).padStart(6)} rows  ${k.solves} steps  ${fmt(k.solve_ms).padStart(7)} ms  ${k.status}`);
      }
    }
  }
}

if (naiveAt > 0) {
  const ours = run({ kind: 'model', teachers: naiveAt, solver: solvers[0] });
  const naive = run({ kind: 'naive', teachers: naiveAt, solver: solvers[0] });
  console.table([['aggregated model', ours], ['naive per-teacher model', naive]].map(([name, r]) => ({
    model: `${name} ${naiveAt}`, columns: r.columns, rows: r.rows, solver: r.solver, ms: r.ms, optimal: r.optimal, 'peak RSS MiB': r.rss_mib,
  })));
  const same = JSON.stringify(ours.levels) === JSON.stringify(naive.levels);
  console.log(`naive / aggregated solve time on the ${naiveAt}-teacher county: ${(naive.ms / ours.ms).toFixed(1)}× `
    + `(columns ${naive.columns} vs ${ours.columns}); same objective at every level: ${same ? 'yes' : `NO (${naive.levels} vs ${ours.levels})`}`);
}

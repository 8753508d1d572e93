// Benchmark: how long the command line takes to start — `rotation --help` and `rotation validate` on the demo —
// beside Node itself (`node -e 0`), with one or more builds of dist/ run in turn so that each meets the same load.
// Prints each command's median and fastest wall time and its median CPU time (user + system, from /usr/bin/time
// where there is one). Not a test: nothing here asserts on time. docs/benchmarks-shapes.md#start-up has figures.
//
// Run: `npm run build:server && node bench/startup.js`. Env:
//   STARTUP_RUNS   runs of each command per build (default 15)
//   STARTUP_DIRS   folders holding a dist/ (and node_modules/) to compare, comma-separated (default: this repository),
//                  e.g. a copy of an older build: STARTUP_DIRS=.,/tmp/old
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.STARTUP_RUNS ?? 15);
const dirs = (process.env.STARTUP_DIRS ?? '.').split(',').map((d) => resolve(root, d.trim()));
const demo = join(root, 'scenarios', 'lucheng-demo');
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const commands = [
  { name: 'node -e 0', args: () => ['-e', '0'], once: true },
  { name: 'rotation --help', args: (dir) => [join(dir, 'dist/cli/main.js'), '--help'] },
  { name: 'rotation validate <demo> --year 2019', args: (dir) => [join(dir, 'dist/cli/main.js'), 'validate', demo, '--year', '2019'] },
];

/** One run: wall ms and CPU ms (NaN without /usr/bin/time). */
function once(args) {
  const t0 = process.hrtime.bigint();
  const r = time
    ? spawnSync(time, ['-f', 'CPU %U %S', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = /CPU (\S+) (\S+)/.exec(r.stderr ?? '');
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : Number.NaN };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = new Map();
for (let i = 0; i < runs; i++) {
  for (const c of commands) {
    for (const dir of c.once ? [root] : dirs) {
      const key = `${c.name}${c.once || dirs.length === 1 ? '' : `  [${dir}]`}`;
      const r = once(c.args(dir));
      const seen = results.get(key) ?? { wall: [], cpu: [] };
      seen.wall.push(r.wall);
      seen.cpu.push(r.cpu);
      results.set(key, seen);
    }
  }
}
console.log(`${runs} runs each, in turn; ${process.version}; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [key, { wall, cpu }] of results) {
  console.log(`${key.padEnd(50)} wall median ${median(wall).toFixed(0).padStart(4)} ms, fastest ${Math.min(...wall).toFixed(0).padStart(4)} ms; CPU median ${Number.isNaN(cpu[0]) ? '–' : `${median(cpu).toFixed(0)} ms`}`);
}

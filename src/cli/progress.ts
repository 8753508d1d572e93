/**
 * Progress of a multi-county or multi-year plan on stderr. On a terminal one
 * line is redrawn (a bar, county i/n, its name, time elapsed); elsewhere (a
 * log file, a pipe) one line per county:
 * `[3/11] 瑞安市: 6,012 teachers, 4,210 variables, optimal, 812 ms`.
 */
import type { CountyStats } from '../engine/plan.js';

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Progress {
  /** Before the first county: on a terminal, draws 0/total and keeps the elapsed time ticking while workers run. */
  readonly start: (total: number) => void;
  /** For PlanOptions.onCounty. */
  readonly county: (county: string, done: number, total: number, stats: CountyStats) => void;
  /** Ends the redrawn line, if any. */
  readonly end: () => void;
}

const BAR = 20;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * A progress reporter; silent when `quiet`. `label` goes before each line
 * (the plan year in a multi-year run).
 * @example const p = progress(process.stderr, { quiet: false, label: '2019 ' }); planScenario(s, 2019, { onCounty: p.county }); p.end();
 */
export function progress(stream: ProgressStream, { quiet, label = '', now = () => performance.now() }: { quiet: boolean; label?: string; now?: () => number }): Progress {
  if (quiet) return { start: () => {}, county: () => {}, end: () => {} };
  const started = now();
  let drawn = false;
  if (stream.isTTY !== true) {
    return {
      start: () => {},
      county: (name, done, total, s) => {
        stream.write(`${label}[${done}/${total}] ${name}: ${count(s.teachers)} teachers, ${count(s.variables)} variables, ${s.status}, ${count(s.solve_ms)} ms\n`);
      },
      end: () => {},
    };
  }
  let state = { done: 0, total: 0, name: '' };
  let ticker: ReturnType<typeof setInterval> | undefined;
  const draw = () => {
    const filled = state.total === 0 ? 0 : Math.round((state.done / state.total) * BAR);
    const seconds = ((now() - started) / 1000).toFixed(1);
    const line = `${label}[${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}] ${state.done}/${state.total}${state.name ? ` ${state.name}` : ''} ${seconds} s`;
    stream.write(`\r\x1b[K${line}`);
    drawn = true;
  };
  return {
    start: (total) => {
      state = { done: 0, total, name: '' };
      draw();
      // Worker threads leave this thread free: the clock keeps moving between counties.
      ticker ??= setInterval(draw, 1000);
      ticker.unref();
    },
    county: (name, done, total) => {
      state = { done, total, name };
      draw();
    },
    end: () => {
      if (ticker !== undefined) clearInterval(ticker);
      ticker = undefined;
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

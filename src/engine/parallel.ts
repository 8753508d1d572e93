/**
 * Counties planned side by side on worker threads. Rotation never crosses a
 * county line, so each county's part of the plan is computed from that
 * county's rows alone (countyScenarios) by a pool of workers
 * (plan-worker.ts), and merged in county order: the plan is the one
 * planScenario makes, apart from timing.
 */
import { Worker } from 'node:worker_threads';
import { type InputProblem, InputError } from '../domain/errors.js';
import type { Scenario } from '../domain/scenario.js';
import { countyScenarios } from '../domain/scenario-subset.js';
import { eligibilityAll } from '../policy/eligibility.js';
import { termOf } from '../policy/term.js';
import { couplesHeldAcrossCounties } from './couples.js';
import type { ExportedModel } from './lp-export.js';
import { type CountyPlan, mergeCountyPlans, type PlanOptions, type PlanResult } from './plan.js';
import type { SolverName } from './solvers.js';

/** What a worker is asked: plan the counties of this (one-county) scenario. */
export interface WorkerTask {
  readonly index: number;
  readonly scenario: Scenario;
  readonly year: number;
  readonly solver: SolverName;
  readonly timeoutMs: number;
  readonly exportLp: boolean;
  /** Also report each lexicographic step as it starts (a WorkerLevel message). */
  readonly levels?: boolean;
}

/** Progress from a worker while it solves: step `step` of `steps` of a county. */
export interface WorkerLevel {
  readonly index: number;
  readonly level: { readonly county: string; readonly step: number; readonly steps: number; readonly levels: readonly string[] };
}

/** A worker's answer: the county's part of the plan, or what went wrong. */
export type WorkerReply =
  | { readonly index: number; readonly ok: true; readonly parts: CountyPlan[]; readonly models: ExportedModel[] }
  | { readonly index: number; readonly ok: false; readonly message: string; readonly problems?: readonly InputProblem[]; readonly stack?: string };

export interface ParallelOptions {
  readonly solver: SolverName;
  readonly timeoutMs: number;
  /** Most workers at once (never more than the counties). */
  readonly jobs: number;
  /** Also return every model handed to a solver, as LP text. */
  readonly exportLp?: boolean;
  readonly onCounty?: PlanOptions['onCounty'];
  readonly onLevel?: PlanOptions['onLevel'];
  /** The worker's script; the compiled plan-worker.js beside this file by default. */
  readonly workerUrl?: URL;
}

export interface ParallelResult {
  readonly result: PlanResult;
  /** Exported models in county order, then step order (empty unless exportLp). */
  readonly models: readonly ExportedModel[];
}

/**
 * Plans the year with up to `jobs` worker threads. Larger counties start
 * first, so that the last county to finish is a small one. A worker that
 * dies rejects the whole run with the county it was planning; a county whose
 * input is wrong raises the same InputError the sequential run would (the
 * first such county in county order).
 */
export async function planScenarioParallel(scenario: Scenario, year: number, options: ParallelOptions): Promise<ParallelResult> {
  const subs = countyParts(scenario, year);
  const started = performance.now();
  const replies = await runPool(subs, year, options);
  const wallMs = Math.round(performance.now() - started);
  const failed = replies.find((r) => !r.ok);
  if (failed?.ok === false) {
    if (failed.problems !== undefined) throw new InputError(failed.problems);
    throw new Error(failed.message);
  }
  const parts = replies.flatMap((r) => (r.ok ? r.parts : []));
  const models = replies.flatMap((r) => (r.ok ? r.models : []));
  const result = mergeCountyPlans(scenario, year, parts);
  // What the user waited: workers solve side by side, so the counties' times add up to more (kept as solve_ms_summed).
  result.plan.stats.solve_ms = wallMs;
  return { result, models };
}

/**
 * The scenario's counties as the workers get them (countyScenarios); a teacher held home for a spouse in another
 * county (couples.ts) is named in each part's `couplesHeld`, since the part no longer holds the spouse's row.
 */
export function countyParts(scenario: Scenario, year: number): Scenario[] {
  const held = couplesHeldAcrossCounties(scenario, eligibilityAll(scenario, termOf(year, scenario.policy)));
  return countyScenarios(scenario).map((s) => (held.length > 0 ? { ...s, couplesHeld: held } : s));
}

function runPool(subs: readonly Scenario[], year: number, options: ParallelOptions): Promise<WorkerReply[]> {
  const order = subs.map((s, i) => ({ i, size: s.teachers.length })).sort((a, b) => b.size - a.size || a.i - b.i).map((x) => x.i);
  const countyOf = (i: number) => subs[i]!.schools[0]?.county ?? `#${i + 1}`;
  const replies: WorkerReply[] = new Array(subs.length);
  const url = options.workerUrl ?? new URL('./plan-worker.js', import.meta.url);
  const jobs = Math.max(1, Math.min(options.jobs, subs.length));
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;

  return new Promise<WorkerReply[]>((resolve, reject) => {
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      // Terminating is asynchronous; the answer does not wait for it.
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(replies);
    };
    const give = (w: Worker, busy: { index: number | null }) => {
      if (next >= order.length) {
        busy.index = null;
        return;
      }
      const index = order[next++]!;
      busy.index = index;
      const task: WorkerTask = { index, scenario: subs[index]!, year, solver: options.solver, timeoutMs: options.timeoutMs, exportLp: options.exportLp ?? false, levels: options.onLevel !== undefined };
      w.postMessage(task);
    };
    if (subs.length === 0) {
      resolve([]);
      return;
    }
    for (let k = 0; k < jobs; k++) {
      const w = new Worker(url);
      const busy: { index: number | null } = { index: null };
      workers.push(w);
      const where = () => (busy.index === null ? '' : ` while planning ${countyOf(busy.index)}`);
      w.on('message', (reply: WorkerReply | WorkerLevel) => {
        if ('level' in reply) {
          options.onLevel?.(reply.level.county, reply.level.step, reply.level.steps, reply.level.levels);
          return;
        }
        replies[reply.index] = reply;
        done++;
        if (reply.ok) for (const p of reply.parts) options.onCounty?.(p.stats.county, done, subs.length, p.stats);
        if (done === subs.length) finish();
        else give(w, busy);
      });
      w.on('error', (err) => finish(new Error(`规划子进程出错 / a planning worker failed${where()}: ${err.message}`)));
      w.on('exit', (code) => {
        if (!settled) finish(new Error(`规划子进程意外退出 / a planning worker stopped (exit code ${code})${where()}`));
      });
      give(w, busy);
    }
  });
}

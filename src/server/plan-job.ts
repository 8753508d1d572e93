/**
 * A plan or replan of `rotation serve`, run off the server's main thread:
 * runPlanJob starts this file as a worker thread, which reads the input,
 * plans through the pipeline (planYears / replanScenario, the CLI's own
 * functions) and posts progress as it goes — each county, and each
 * lexicographic level within a county — so the server keeps answering and
 * the page sees the solve move. The answer is the checked plans with the
 * scenarios they were planned against (plain data, structured-cloned).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { InputProblem } from '../domain/errors.js';
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import type { YearsSummary } from '../report/years-summary.js';

export type JobTask =
  | { readonly kind: 'plan'; readonly input: string; readonly set: readonly string[]; readonly years: readonly number[]; readonly timeoutMs: number }
  | {
    readonly kind: 'replan'; readonly input: string; readonly set: readonly string[]; readonly year: number; readonly timeoutMs: number;
    readonly provisional: Plan;
    /**
     * objections.csv read from here instead of `input`: a later year of a multi-year run is replanned from its own
     * input (its locks are the run's: forbids only, as nextYearScenario carries them) with today's objections.
     */
    readonly decisions?: string;
  };

/** One planned year: the plan and the scenario it was planned (and is checked) against. */
export interface JobYear { readonly year: number; readonly scenario: Scenario; readonly plan: Plan; readonly changes: number | null }

export type JobMessage =
  | { readonly type: 'event'; readonly event: 'start' | 'county' | 'level'; readonly data: Record<string, unknown> }
  | { readonly type: 'done'; readonly years: readonly JobYear[]; readonly summary: YearsSummary | null }
  | { readonly type: 'failed'; readonly message: string; readonly problems?: readonly InputProblem[]; readonly stack?: string };

/** The compiled worker beside this file, or (running from the TypeScript sources, as the tests do) the one under dist/. */
export function defaultJobWorker(): URL {
  const beside = new URL('./plan-job.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL('../../dist/server/plan-job.js', import.meta.url);
}

export interface RunningJob {
  readonly result: Promise<Extract<JobMessage, { type: 'done' }>>;
  readonly stop: () => Promise<void>;
}

/** Thrown by a job's result when the worker reported a failure (InputError problems kept). */
export class JobError extends Error {
  constructor(message: string, readonly problems?: readonly InputProblem[], readonly workerStack?: string) { super(message); }
}

/** Starts a job on a worker thread; `onEvent` hears its progress on the main thread. */
export function runPlanJob(task: JobTask, onEvent: (event: string, data: Record<string, unknown>) => void, url: URL = defaultJobWorker()): RunningJob {
  const worker = new Worker(url, { workerData: { rotationPlanJob: true } });
  let settled = false;
  const result = new Promise<Extract<JobMessage, { type: 'done' }>>((resolve, reject) => {
    worker.on('message', (m: JobMessage) => {
      if (m.type === 'event') onEvent(m.event, m.data);
      else if (m.type === 'done') { settled = true; resolve(m); void worker.terminate(); }
      else { settled = true; reject(new JobError(m.message, m.problems, m.stack)); void worker.terminate(); }
    });
    worker.on('error', (err) => { settled = true; reject(new JobError(`规划子线程出错 / the planning worker failed: ${err.message}`, undefined, err.stack)); });
    worker.on('exit', (code) => { if (!settled) { settled = true; reject(new JobError(`规划子线程意外退出 / the planning worker stopped (exit code ${code})`)); } });
    worker.postMessage(task);
  });
  return { result, stop: async () => { await worker.terminate(); } };
}

// ——— the worker side ———

async function work(task: JobTask, post: (m: JobMessage) => void): Promise<void> {
  const { readInput } = await import('./upload.js');
  const { planYears, scenarioWithNeeds, scenarioForPlanNeeds, checked } = await import('../pipeline.js');
  const { recordOverrides } = await import('../io/read/plan-overrides.js');
  const { loadSolver } = await import('../engine/solvers.js');
  const { replanScenario } = await import('../review/replan.js');
  const { objectiveLevelName } = await import('../io/export/notes-sheet.js');
  /** A level event: the step, and the levels it optimises by key and in words (as the workbook's notes sheet names them). */
  const levelEvent = (year: number, county: string, step: number, steps: number, levels: readonly string[]) => event('level', {
    year, county, step, steps, levels, zh: levels.map((l) => objectiveLevelName(l, 'zh')), en: levels.map((l) => objectiveLevelName(l, 'en')),
  });
  const event = (e: 'start' | 'county' | 'level', data: Record<string, unknown>) => post({ type: 'event', event: e, data });
  const settings = { solver: 'auto' as const, timeoutMs: task.timeoutMs, jobs: undefined, exportLp: false, sets: task.set };
  const read = await readInput(task.input, task.set);
  if (task.kind === 'plan') {
    const first = task.years[0]!;
    const run = await planYears(scenarioWithNeeds(read.scenario, first, 'auto'), task.years, settings, (year) => ({
      start: (total) => event('start', { year, total }),
      county: (county, done, total, s) => event('county', { year, county, done, total, status: s.status, teachers: s.teachers, solve_ms: s.solve_ms }),
      level: (county, step, steps, levels) => levelEvent(year, county, step, steps, levels),
      end: () => {},
    }));
    post({ type: 'done', years: run.years.map((y) => ({ year: y.plan.plan_year, scenario: y.scenario, plan: y.plan, changes: null })), summary: task.years.length > 1 ? run.summary : null });
    return;
  }
  let scenario = read.scenario;
  if (task.decisions !== undefined) {
    const today = (await readInput(task.decisions, task.set)).scenario;
    scenario = { ...scenario, objections: today.objections ?? [] };
  }
  const withNeeds = scenarioForPlanNeeds(scenario, task.provisional, undefined);
  const solver = await loadSolver('auto');
  const year = task.year;
  event('start', { year, total: new Set(withNeeds.schools.map((s) => s.county)).size });
  const result = replanScenario(withNeeds, task.provisional, year, {
    solver, timeoutMs: task.timeoutMs,
    onCounty: (county, done, total, s) => event('county', { year, county, done, total, status: s.status, teachers: s.teachers, solve_ms: s.solve_ms }),
    onLevel: (county, step, steps, levels) => levelEvent(year, county, step, steps, levels),
  });
  const plan = checked(result.scenario, recordOverrides(result.plan, task.set)).plan;
  post({ type: 'done', years: [{ year, scenario: result.scenario, plan, changes: result.changes.length }], summary: null });
}

if (parentPort !== null && (workerData as { rotationPlanJob?: boolean } | null)?.rotationPlanJob === true) {
  const port = parentPort;
  port.once('message', (task: JobTask) => {
    void work(task, (m) => port.postMessage(m)).catch((err: unknown) => {
      const problems = (err as { problems?: InputProblem[] }).problems;
      port.postMessage({
        type: 'failed', message: err instanceof Error ? err.message : String(err),
        ...(Array.isArray(problems) ? { problems } : {}), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}),
      } satisfies JobMessage);
    });
  });
}

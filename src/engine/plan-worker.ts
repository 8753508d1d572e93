/**
 * Worker thread of parallel.ts: plans one county at a time. Each task is
 * one county's scenario (structured-cloned), the year and the solver's
 * name; the answer is the county's part of the plan, or the error, as data.
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../domain/errors.js';
import { type ExportedModel, exportedModel } from './lp-export.js';
import { planCounties } from './plan.js';
import { loadSolver } from './solvers.js';
import type { WorkerLevel, WorkerReply, WorkerTask } from './parallel.js';

const port = parentPort;
if (port === null) throw new Error('plan-worker.js runs only as a worker thread');

port.on('message', (task: WorkerTask) => {
  void answer(task).then((reply) => port.postMessage(reply));
});

async function answer(task: WorkerTask): Promise<WorkerReply> {
  try {
    const solver = await loadSolver(task.solver);
    const models: ExportedModel[] = [];
    const parts = planCounties(task.scenario, task.year, {
      solver, timeoutMs: task.timeoutMs,
      ...(task.levels === true ? { onLevel: (county: string, step: number, steps: number, levels: readonly string[]) => port!.postMessage({ index: task.index, level: { county, step, steps, levels } } satisfies WorkerLevel) } : {}),
      ...(task.exportLp ? { onModel: (county, step, model, result) => models.push(exportedModel(county, step, model, result)) } : {}),
    });
    return { index: task.index, ok: true, parts, models };
  } catch (err) {
    if (err instanceof InputError) return { index: task.index, ok: false, problems: err.problems, message: err.message };
    return { index: task.index, ok: false, message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) };
  }
}

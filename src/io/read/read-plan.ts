/** Reads a plan.json from disk; a missing, unreadable or malformed file is an InputError naming the path. */
import { readFile } from 'node:fs/promises';
import { parsePlanText } from './plan-json.js';
import { InputError } from '../../domain/errors.js';
import type { Plan } from '../../domain/plan.js';

/**
 * The plan at `path`, validated against planSchema. Errors name the path as
 * given (two plans are often both called plan.json).
 *
 * @example await readPlanFile('out/plan.json') // { plan_year: 2019, … }
 */
export async function readPlanFile(path: string): Promise<Plan> {
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new InputError([{ file: path, message: `无法读取计划文件 / cannot read the plan file (${err.code ?? err.message})` }]);
  });
  return parsePlanText(text, path);
}

/** Reads a plan.json from disk; a missing, unreadable or malformed file is an InputError naming the path. */
import { parsePlanText } from './plan-json.js';
import type { Plan } from '../../domain/plan.js';
import { readInputText } from './read-input.js';

/**
 * The plan at `path`, validated against planSchema. Errors name the path as
 * given (two plans are often both called plan.json).
 *
 * @example await readPlanFile('out/plan.json') // { plan_year: 2019, … }
 */
export async function readPlanFile(path: string): Promise<Plan> {
  const text = await readInputText(path);
  return parsePlanText(text, path);
}

/** plan.json text → Plan, or an InputError naming the file, the JSON path and the assignment's row. */
import { InputError, type InputProblem } from '../../domain/errors.js';
import { planSchema, type Plan } from '../../domain/plan.js';
import { type UnknownField, unknownPlanFields } from '../../domain/plan-fields.js';

/** "assignments[3].distance_km" from a zod issue path. */
function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  return out === '' ? '(top level)' : out;
}

/**
 * Reads plan.json; a plan that is not JSON or does not fit planSchema throws
 * InputError (row = assignment number, first = 1, where the problem is in one).
 *
 * @example parsePlanText('{"plan_year":2019,…}', 'plan.json').plan_year // 2019
 */
export function parsePlanText(text: string, file: string): Plan {
  return parsePlanFields(text, file).plan;
}

/**
 * Reads plan.json like parsePlanText, and lists the fields that are not part
 * of the plan format (the check does not read them; it notes them).
 */
export function parsePlanFields(text: string, file: string): { plan: Plan; unknownFields: UnknownField[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InputError([{ file, message: `不是有效的 JSON / not valid JSON: ${(err as Error).message}` }]);
  }
  return { plan: planOf(raw, file), unknownFields: unknownPlanFields(raw) };
}

function planOf(raw: unknown, file: string): Plan {
  const parsed = planSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new InputError(parsed.error.issues.map((issue): InputProblem => {
    const [table, index] = issue.path;
    const problem: InputProblem = { file, column: jsonPath(issue.path), message: `不符合计划格式 / does not fit the plan format: ${issue.message}` };
    return table === 'assignments' && typeof index === 'number' ? { ...problem, row: index + 1 } : problem;
  }));
}

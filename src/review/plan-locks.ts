/**
 * The locks a final plan carries from objections.csv (`objection_locks`),
 * and the scenario `rotation check` judges such a plan against. Kept apart
 * from objection-locks.ts so that the checker's path loads nothing of the
 * engine (it needs no eligibility, no distance: only the rows).
 */
import { z } from 'zod';
import { InputError, type InputProblem } from '../domain/errors.js';
import { OBJECTION_LOCK, objectionRow } from '../domain/objections.js';
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import type { Lock } from '../domain/tables.js';

/** The scenario with `locks` appended to its own (source lines stay those of locks.csv's rows). */
export function withLocks(scenario: Scenario, locks: readonly Lock[]): Scenario {
  return locks.length === 0 ? scenario : { ...scenario, locks: [...scenario.locks, ...locks.map(({ teacher_id, action, school_id, reason }) => ({ teacher_id, action, school_id, reason }))] };
}

const lockSchema = z.object({
  teacher_id: z.string(), action: z.enum(['pin', 'forbid', 'keep']), school_id: z.string().nullable(),
  reason: z.string().default(''), objection_row: z.number().int(),
});

/**
 * The scenario a final plan is checked against: locks.csv plus the plan's
 * `objection_locks`, each of which must match its row of objections.csv (so a
 * plan cannot bring its own rules). A plan without them is checked as it is.
 */
export function scenarioForCheck(scenario: Scenario, plan: Plan, file = 'plan.json'): Scenario {
  const raw = (plan as { objection_locks?: unknown }).objection_locks;
  if (raw === undefined) return scenario;
  const parsed = z.array(lockSchema).safeParse(raw);
  if (!parsed.success) throw new InputError([{ file, column: 'objection_locks', message: `不符合格式 / does not fit the format: ${parsed.error.issues[0]?.message}` }]);
  const objections = scenario.objections ?? [];
  const problems: InputProblem[] = [];
  parsed.data.forEach((l, k) => {
    const i = objections.findIndex((_, j) => objectionRow(scenario, j) === l.objection_row);
    const o = objections[i];
    const fits = o !== undefined && (o.teacher_id === l.teacher_id || o.other_teacher_id === l.teacher_id)
      && (o.kind === 'swap' ? l.action !== 'forbid' : OBJECTION_LOCK[o.kind] === l.action && (o.kind === 'keep' || o.school_id === l.school_id));
    if (!fits) {
      problems.push({ file, column: `objection_locks[${k}]`, message: `与 objections.csv 第 ${l.objection_row} 行不符 / does not match objections.csv row ${l.objection_row} (${l.teacher_id} ${l.action} ${l.school_id ?? ''})` });
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return withLocks(scenario, parsed.data);
}

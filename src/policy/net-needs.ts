/**
 * needs.csv gives needed posts gross: a running rotation already fills one
 * post of its teacher's main subject at its receiver (docs/format.md,
 * needs.csv). The plan (engine/county.ts) and `rotation validate`
 * (report/scenario-summary.ts) count needs net of them, by this one rule.
 */
import type { Scenario } from '../domain/scenario.js';
import { isRunning } from './eligibility.js';
import type { Term } from './term.js';

/**
 * How many posts of `subject` at `schoolId` running rotations fill in the term.
 *
 * @example runningCover(scenario, term)('R01', 'math') // 1
 */
export function runningCover(scenario: Scenario, term: Term): (schoolId: string, subject: string) => number {
  const subjectOf = new Map(scenario.teachers.map((t) => [t.teacher_id, t.subject]));
  const count = new Map<string, number>();
  for (const r of scenario.history) {
    const subject = subjectOf.get(r.teacher_id);
    if (subject === undefined || !isRunning(r, term)) continue;
    const key = `${r.to_school}|${subject}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return (schoolId, subject) => count.get(`${schoolId}|${subject}`) ?? 0;
}

/** A need net of the running rotations that fill it, never below 0. */
export function netNeed(gross: number, covered: number): number {
  return Math.max(0, gross - covered);
}

/**
 * Grades of compulsory education (1–9) and which of them each stage teaches:
 * primary 1–6, junior 7–9, nine- and twelve-year schools 1–9 (a twelve-year
 * school's senior high is outside the rotation). Used by schools.csv's
 * `classes_by_grade` (各年级班数) and by the staffing norms.
 */
import { z } from 'zod';
import { listCell } from './cells.js';
import type { Stage } from './codes.js';

/** The grades a stage teaches, in order. */
export const STAGE_GRADES: Readonly<Record<Stage, readonly number[]>> = {
  primary: [1, 2, 3, 4, 5, 6],
  junior: [7, 8, 9],
  nine_year: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  twelve_year: [1, 2, 3, 4, 5, 6, 7, 8, 9],
};

/** The school stage a grade belongs to. */
export const gradeStage = (grade: number): 'primary' | 'junior' => (grade <= 6 ? 'primary' : 'junior');

/** `classes_by_grade`: whole numbers separated by ; 、 or |, one per grade of the stage; empty → undefined. */
export const gradeCountsCell = listCell.transform((items, ctx) => {
  if (items.length === 0) return undefined;
  const bad = items.find((v) => !/^\d+$/.test(v));
  if (bad !== undefined) {
    ctx.addIssue({ code: 'custom', message: `"${bad}" 不是非负整数 / is not a whole number ≥ 0 (write e.g. 2;2;2;2;2;2)` });
    return z.NEVER;
  }
  return items.map(Number);
});

/** The problem with a school's `classes_by_grade`, or null: one number per grade of its stage. */
export function gradeCountsProblem(stage: Stage, counts: readonly number[] | undefined): string | null {
  if (counts === undefined) return null;
  const grades = STAGE_GRADES[stage];
  if (counts.length === grades.length) return null;
  return `应有 ${grades.length} 个数（${grades[0]}–${grades.at(-1)} 年级），实有 ${counts.length} 个 / must give ${grades.length} numbers, one per grade ${grades[0]}–${grades.at(-1)}, not ${counts.length}`;
}

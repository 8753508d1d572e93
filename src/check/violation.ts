/**
 * What the checker reports: one broken rule, where, and a message a clerk
 * reads — Chinese first, then English, with the numbers that decide it.
 */
import type { School, Teacher } from '../domain/tables.js';

/** The rules the checker knows; R1–R5 are the policy's, the others its hard side conditions. */
export type RuleId =
  | 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'lock' | 'history' | 'county' | 'qualification'
  | 'distance' | 'subject_keep' | 'period' | 'totals' | 'shortfall' | 'couples' | 'itinerant' | 'volunteers';

export interface Violation {
  rule: RuleId;
  school_id?: string;
  teacher_id?: string;
  message: string;
}

/** "瓯海实验小学 (OH-P001)", or the bare id when the school is unknown or unnamed. */
export function schoolLabel(id: string, school: School | undefined): string {
  return school !== undefined && school.name !== '' ? `${school.name} (${id})` : id;
}

/** "张三 (T001)", or the bare id when the teacher is unknown or unnamed. */
export function teacherLabel(id: string, teacher: Teacher | undefined): string {
  return teacher !== undefined && teacher.name !== '' ? `${teacher.name} (${id})` : id;
}

/** A violation whose message starts with its rule id, as people read them in a list. */
export function violation(rule: RuleId, where: { school_id?: string; teacher_id?: string }, text: string): Violation {
  const v: Violation = { rule, message: `${rule} ${text}` };
  if (where.school_id !== undefined) v.school_id = where.school_id;
  if (where.teacher_id !== undefined) v.teacher_id = where.teacher_id;
  return v;
}

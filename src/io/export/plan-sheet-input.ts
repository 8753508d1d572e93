/** What every sheet of plan.xlsx is written from, and the names and columns several sheets share. */
import { BACKBONE_LEVELS, TITLES } from '../../domain/codes.js';
import type { Plan } from '../../domain/plan.js';
import type { PlanReport } from '../../report/plan-report.js';
import type { Scenario } from '../../domain/scenario.js';
import { subjectList } from '../../domain/tables.js';
import { col, type CellValue, type Lang } from './sheet-model.js';

/** What the workbook is written from. */
export interface PlanWorkbookInput {
  readonly scenario: Scenario;
  readonly plan: Plan;
  readonly report: PlanReport;
}

/** Labels of the assignment kinds (plan.json extension `kind`). */
const ASSIGNMENT_KIND: Readonly<Record<string, { zh: string; en: string }>> = {
  gap: { zh: '补缺', en: 'gap' }, extra: { zh: '超额派出', en: 'extra' },
};

export type Row = Record<string, CellValue>;

/** Turns codes into the words of the chosen language. */
export function namer(scenario: Scenario, lang: Lang) {
  const subjects = subjectList(scenario.policy.subjects).zh;
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  // Volunteers (银龄讲学) are named too: their subsidy is an allowance row under their volunteer id.
  const teachers = new Map<string, { name: string }>([...(scenario.volunteers ?? []).map((v) => [v.volunteer_id, v] as const), ...scenario.teachers.map((t) => [t.teacher_id, t] as const)]);
  const zh = lang === 'zh';
  return {
    subject: (c: string) => (zh ? subjects[c] ?? c : c),
    backbone: (c: string) => (zh ? BACKBONE_LEVELS.zh[c as keyof typeof BACKBONE_LEVELS.zh] ?? c : c),
    title: (c: string) => (zh ? TITLES.zh[c as keyof typeof TITLES.zh] ?? c : c),
    kind: (c: string | undefined) => (c === undefined ? null : ASSIGNMENT_KIND[c]?.[lang] ?? c),
    school: (id: string) => schools.get(id)?.name ?? '',
    county: (id: string) => schools.get(id)?.county ?? '',
    teacher: (id: string) => teachers.get(id)?.name ?? '',
  };
}

export const SCHOOL = col('school_id', '学校代码', 'School ID', 'id');
export const SCHOOL_NAME = col('school_name', '学校名称', 'School', 'text');
export const COUNTY = col('county', '县市区', 'County', 'text');

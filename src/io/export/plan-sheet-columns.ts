/**
 * Columns added to plan.xlsx for HR (kept apart from plan-sheets.ts, whose
 * layout and texts change on their own): on 轮岗名单 each teacher's county,
 * gender, title and age at the term's first day; on 派出学校配额 R1's cap.
 */
import { differenceInYears } from 'date-fns/differenceInYears';
import { parseISO } from 'date-fns/parseISO';
import { GENDERS, TITLES } from '../../domain/codes.js';
import type { Plan, SenderReport } from '../../domain/plan.js';
import type { Scenario } from '../../domain/scenario.js';
import { r1Quota } from '../../policy/quotas.js';
import { col, type CellValue, type Lang } from './sheet-model.js';

export const TEACHER_COLUMNS = [
  col('county', '县市区', 'County', 'text'), col('gender', '性别', 'Gender'), col('title', '职称', 'Title'),
  col('age', '年龄', 'Age', 'int'),
];

/** 县市区, 性别, 职称 and 年龄 (full years on the plan's first day) of a teacher; empty when the roster does not know them. */
export function teacherCells(scenario: Scenario, plan: Plan, teacherId: string, fromSchool: string, lang: Lang): Record<string, CellValue> {
  const t = scenario.teachers.find((x) => x.teacher_id === teacherId);
  const school = scenario.schools.find((s) => s.school_id === (t?.school_id ?? fromSchool));
  if (t === undefined) return { county: school?.county };
  const zh = lang === 'zh';
  return {
    county: school?.county,
    gender: zh ? GENDERS.zh[t.gender] : t.gender,
    title: zh ? TITLES.zh[t.title] : t.title,
    age: differenceInYears(parseISO(plan.period.start), parseISO(t.birth_date)),
  };
}

/** R1's cap: at most ceil(max_share × eligible) teachers go (the plan's cap on stripping a school). */
export const CAP_COLUMN = col('cap', '派出上限（R1 上限）', 'Cap (R1 max)', 'int');

export function capOf(sender: SenderReport, scenario: Scenario): number {
  return r1Quota(sender.eligible, scenario.policy).cap;
}

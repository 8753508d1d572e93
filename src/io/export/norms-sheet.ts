/**
 * The 编制测算 sheet of plan.xlsx: the staffing-norm derivation of every
 * receiver's needed posts. Pure; `rotation validate --needs` prints the same
 * section as text.
 */
import { STAGES } from '../../domain/codes.js';
import type { Scenario } from '../../domain/scenario.js';
import { subjectList } from '../../domain/tables.js';
import type { SchoolNorms } from '../../policy/norms.js';
import { col, type CellValue, type Lang, type PlanSheet, type SheetSection } from './sheet-model.js';

type Row = Record<string, CellValue>;

/** The 编制测算 table: one row per receiver and subject. `fromNorms`: receivers whose plan needs came from it. */
export function normsSection(scenario: Scenario, norms: readonly SchoolNorms[], fromNorms: ReadonlySet<string>, lang: Lang): SheetSection {
  const zh = lang === 'zh';
  const subjects = subjectList(scenario.policy.subjects).zh;
  const names = new Map(scenario.schools.map((s) => [s.school_id, s.name]));
  const columns = [
    col('school_id', '学校代码', 'School ID', 'id'), col('school_name', '学校名称', 'School', 'text'), col('county', '县市区', 'County', 'text'),
    col('stage', '学段', 'Stage'), col('classes_by_grade', '各年级班数', 'Classes by grade'), col('small', '小规模学校', 'Small school', 'bool'),
    col('floor', '班师比下限', 'Class-ratio floor', 'int'), col('subject', '学科', 'Subject'),
    col('periods', '周课时', 'Periods/week', 'decimal'), col('posts_exact', '折合岗位', 'Posts (exact)', 'decimal'),
    col('required', '应配', 'Required', 'int'), col('residents', '在岗', 'Residents', 'int'), col('running', '在轮岗', 'Running rotations', 'int'),
    col('covering', '兼任', 'Covering', 'int'), col('on_hand', '现有', 'On hand', 'int'), col('need', '缺编', 'Need', 'int'),
    col('used', '用于本计划', 'Used in plan', 'bool'),
  ];
  const rows = norms.flatMap((n) => n.rows.map((r): Row => ({
    school_id: n.school_id, school_name: names.get(n.school_id) ?? '', county: n.county,
    stage: zh ? STAGES.zh[n.stage] : n.stage, classes_by_grade: n.classes_by_grade.join(';'), small: n.small, floor: n.floor,
    ...r, subject: zh ? subjects[r.subject] ?? r.subject : r.subject, used: fromNorms.has(n.school_id),
  })));
  return { columns, rows };
}

/** 编制测算 sheet. */
export function normsSheet(scenario: Scenario, norms: readonly SchoolNorms[], fromNorms: ReadonlySet<string>, lang: Lang): PlanSheet {
  return { key: 'norms', zh: '编制测算', en: 'Staffing norms', sections: [normsSection(scenario, norms, fromNorms, lang)] };
}

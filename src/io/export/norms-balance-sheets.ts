/**
 * Two sheets of plan.xlsx: 编制测算 (the staffing-norm derivation of every
 * receiver's needed posts) and 均衡 (the county's 差异系数 before and after the
 * plan, from plan.json `balance`). Pure; `rotation validate --needs` prints
 * the same 编制测算 section as text.
 */
import { STAGES } from '../../domain/codes.js';
import type { Scenario } from '../../domain/scenario.js';
import { subjectList } from '../../domain/tables.js';
import type { BalanceIndicator, BalanceRow } from '../../policy/balance.js';
import type { SchoolNorms } from '../../policy/norms.js';
import { balanceChartOption } from '../../report/charts.js';
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

export const INDICATOR_LABEL: Readonly<Record<BalanceIndicator, { zh: string; en: string }>> = {
  education: { zh: '每百名学生拥有高于规定学历教师数', en: 'Teachers above required education per 100 students' },
  backbone: { zh: '每百名学生拥有县级以上骨干教师数', en: 'County-level-or-above backbone teachers per 100 students' },
  pe_music_art: { zh: '每百名学生拥有体育、艺术（美术、音乐）专任教师数', en: 'PE, music and art teachers per 100 students' },
};

/** 均衡 sheet: plan.json `balance`, one row per county, stage and indicator. */
export function balanceSheet(rows: readonly BalanceRow[], lang: Lang): PlanSheet {
  const zh = lang === 'zh';
  const columns = [
    col('county', '县市区', 'County', 'text'), col('stage', '学段', 'Stage'), col('indicator', '指标', 'Indicator'),
    col('schools', '学校数', 'Schools', 'int'), col('students', '学生数', 'Students', 'int'),
    col('per_100_before', '每百名学生（轮岗前）', 'Per 100 students before', 'decimal'),
    col('per_100_after', '每百名学生（轮岗后）', 'Per 100 students after', 'decimal'),
    col('before', '差异系数（轮岗前）', 'CV before', 'decimal'), col('after', '差异系数（轮岗后）', 'CV after', 'decimal'),
    col('limit', '国家标准', 'National limit', 'decimal'), col('within', '达到国家标准', 'Within limit', 'bool'),
    col('target', '温州目标', 'Wenzhou target', 'decimal'), col('meets_target', '达到温州目标', 'Meets target', 'bool'),
  ];
  const out = rows.map((r): Row => ({
    ...r, stage: zh ? STAGES.zh[r.stage] : r.stage, indicator: INDICATOR_LABEL[r.indicator][lang],
  }));
  const charts = rows.some((r) => r.before !== null || r.after !== null)
    ? [{ key: 'balance', option: balanceChartOption(rows, lang), width: 900, height: 400 }] : [];
  return { key: 'balance', zh: '均衡', en: 'Balance', sections: [{ columns, rows: out }], charts };
}

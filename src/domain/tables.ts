/**
 * The five scenario tables of docs/format.md: their columns (English and Chinese
 * headers — the glossary), which are required, and the zod schema of a row.
 * A row arrives as a record of cell texts keyed by the English column name.
 */
import { z } from 'zod';
import { gradeCountsCell, gradeCountsProblem } from './grades.js';
import {
  AREAS, BACKBONE_LEVELS, EDUCATION, GENDERS, LOCK_ACTIONS, OBJECTION_KINDS, STAGES, SUBJECTS, TITLES,
  type CodeList, describeCodes, lookupCode,
} from './codes.js';
import {
  boolCell, codeCell, optionalCodeCell, requiredBoolCell, countCell, dateCell, decimalCell, listCell, optionalDateCell, requiredCell, textCell, yearCell,
} from './cells.js';

export type TableName = 'schools' | 'teachers' | 'needs' | 'history' | 'locks';
/**
 * The scenario's five tables, in reading order.
 *
 * @example TABLE_NAMES.includes('needs') // true
 */
export const TABLE_NAMES: readonly TableName[] = ['schools', 'teachers', 'needs', 'history', 'locks'];
/**
 * Optional tables beside the five: objections.csv feeds `rotation replan`
 * (teachers' accepted objections to the provisional list; `plan` ignores it);
 * volunteers.csv lists retired teachers who volunteer (银龄讲学, 四(二)2 三),
 * placed on the posts rotation leaves open (engine/volunteers.ts).
 */
export type ReviewTableName = 'objections' | 'volunteers';

export interface Column {
  readonly key: string;
  readonly zh: string;
  readonly required: boolean;
}

function columns(spec: Record<string, [zh: string, required: boolean]>): readonly Column[] {
  return Object.entries(spec).map(([key, [zh, required]]) => ({ key, zh, required }));
}

/**
 * The header glossary: every column of every table, English key and Chinese header.
 *
 * @example COLUMNS.teachers.find((c) => c.key === 'subject')?.zh // '任教学科'
 */
export const COLUMNS: Readonly<Record<TableName | ReviewTableName, readonly Column[]>> = {
  schools: columns({
    school_id: ['学校代码', true], name: ['学校名称', false], county: ['县市区', true], stage: ['学段', false],
    area: ['城乡类别', true], tier: ['艰苦程度', false], quality: ['优质学校', false], weak: ['薄弱学校', false],
    students: ['学生数', false], classes: ['班级数', false], classes_by_grade: ['各年级班数', false], lat: ['纬度', false], lon: ['经度', false],
    group: ['教育集团', false], district: ['学区', false],
  }),
  teachers: columns({
    teacher_id: ['教师编号', true], name: ['姓名', false], gender: ['性别', true], birth_date: ['出生日期', true],
    school_id: ['所在学校', true], subject: ['任教学科', true], qualified_subjects: ['可任教学科', false],
    title: ['职称', false], backbone: ['骨干等级', false], school_start_date: ['调入本校日期', true],
    hire_date: ['参加工作日期', false], rural_months: ['乡村任教月数', false], title_target_year: ['拟申报职称年份', false],
    education: ['学历', false], exempt: ['免交流原因', false], preferences: ['意向学校', false],
    spouse_id: ['配偶教师编号', false],
  }),
  needs: columns({
    school_id: ['学校代码', true], subject: ['学科', true], teachers: ['缺编人数', true], priority: ['优先级', false],
  }),
  history: columns({
    teacher_id: ['教师编号', true], from_school: ['派出学校', true], to_school: ['接收学校', true],
    start_date: ['开始日期', true], end_date: ['结束日期', true],
  }),
  locks: columns({
    teacher_id: ['教师编号', true], action: ['操作', true], school_id: ['学校代码', false], reason: ['原因', false],
  }),
  objections: columns({
    teacher_id: ['教师编号', true], kind: ['类型', true], school_id: ['学校代码', false],
    other_teacher_id: ['对调教师编号', false], reason: ['理由', false],
  }),
  volunteers: columns({
    volunteer_id: ['志愿者编号', true], name: ['姓名', false], subject: ['任教学科', true], qualified_subjects: ['可任教学科', false],
    birth_date: ['出生日期', true], gender: ['性别', false], county: ['县市区', true],
    available_from: ['可支教开始日期', false], available_to: ['可支教结束日期', false], health_ok: ['身体健康', true],
    preferred_schools: ['意向学校', false], backbone_level: ['骨干等级', false],
  }),
};

/** Subject codes known to a scenario: docs/format.md's plus the policy's `subjects`. */
export function subjectList(extra: Readonly<Record<string, string>>): CodeList<string> {
  return { codes: [...SUBJECTS.codes, ...Object.keys(extra)], zh: { ...SUBJECTS.zh, ...extra }, aliases: SUBJECTS.aliases };
}

function subjectListCell(subjects: CodeList<string>) {
  return listCell.transform((items, ctx) => {
    const out: string[] = [];
    for (const item of items) {
      const code = lookupCode(subjects, item);
      if (code === undefined) {
        ctx.addIssue({ code: 'custom', message: `"${item}" 不是学科 / is not a subject: ${describeCodes(subjects)}` });
        return z.NEVER;
      }
      if (!out.includes(code)) out.push(code);
    }
    return out;
  });
}

const tier = textCell.transform((v, ctx) => {
  if (v === '') return null;
  if (!/^[0-3]$/.test(v)) {
    ctx.addIssue({ code: 'custom', message: `"${v}" 不是0–3 / tier must be 0, 1, 2 or 3` });
    return z.NEVER;
  }
  return Number(v);
});

const priority = textCell.transform((v, ctx) => {
  if (v === '') return 3;
  if (!/^[1-3]$/.test(v)) {
    ctx.addIssue({ code: 'custom', message: `"${v}" 不是1–3 / priority must be 1 (highest), 2 or 3` });
    return z.NEVER;
  }
  return Number(v);
});

/**
 * Row schemas; subject cells accept the scenario's subject list.
 *
 * @example rowSchemas().teachers.safeParse(row).success
 */
export function rowSchemas(subjects: CodeList<string> = subjectList({})) {
  const subject = codeCell(subjects);
  const school = z.object({
    school_id: requiredCell, name: textCell, county: requiredCell, stage: codeCell(STAGES, 'primary'),
    area: codeCell(AREAS), tier, quality: boolCell, weak: boolCell,
    students: countCell(), classes: countCell(), classes_by_grade: gradeCountsCell, lat: decimalCell, lon: decimalCell, group: textCell,
    // Optional (走教, policy `itinerant`): the school district (学区, usually a township) whose schools may share teachers.
    district: textCell.optional(),
  }).superRefine((s, ctx) => {
    const problem = gradeCountsProblem(s.stage, s.classes_by_grade);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, path: ['classes_by_grade'] });
    // classes_by_grade is optional: schools built in code (tests, the generator) leave it out.
  }).transform((s): Omit<typeof s, 'classes_by_grade' | 'tier' | 'district'> & { tier: number; classes_by_grade?: number[] | undefined; district?: string | undefined } => {
    const { district, ...rest } = s;
    const out = { ...rest, tier: s.tier ?? (s.area === 'rural' ? 1 : 0) };
    return district === undefined || district === '' ? out : { ...out, district };
  });
  const teacher = z.object({
    teacher_id: requiredCell, name: textCell, gender: codeCell(GENDERS), birth_date: dateCell,
    school_id: requiredCell, subject, qualified_subjects: subjectListCell(subjects),
    title: codeCell(TITLES, 'none'), backbone: codeCell(BACKBONE_LEVELS, 'none'),
    school_start_date: dateCell, hire_date: optionalDateCell, rural_months: countCell(),
    title_target_year: yearCell, education: optionalCodeCell(EDUCATION),
    exempt: textCell, preferences: listCell,
    // Optional (couples, policy `couples`): teachers built in code (tests, the generator) leave it out.
    spouse_id: textCell.optional(),
  }).transform((t): Omit<typeof t, 'spouse_id'> & { spouse_id?: string | undefined } => {
    const { spouse_id: spouse, ...rest } = t;
    return spouse === undefined || spouse === '' ? rest : { ...rest, spouse_id: spouse };
  });
  const need = z.object({ school_id: requiredCell, subject, teachers: countCell(), priority });
  const rotation = z.object({
    teacher_id: requiredCell, from_school: requiredCell, to_school: requiredCell, start_date: dateCell, end_date: dateCell,
  });
  const lock = z.object({ teacher_id: requiredCell, action: codeCell(LOCK_ACTIONS), school_id: textCell, reason: textCell })
    .transform((l) => ({ ...l, school_id: l.school_id === '' ? null : l.school_id }));
  const objection = z.object({
    teacher_id: requiredCell, kind: codeCell(OBJECTION_KINDS), school_id: textCell, other_teacher_id: textCell, reason: textCell,
  }).transform((o) => ({ ...o, school_id: o.school_id === '' ? null : o.school_id, other_teacher_id: o.other_teacher_id === '' ? null : o.other_teacher_id }));
  // 银龄讲学: health_ok is required (a blank must not read as "not healthy" nor as "healthy"); dates default to the term.
  const volunteer = z.object({
    volunteer_id: requiredCell, name: textCell, subject, qualified_subjects: subjectListCell(subjects), birth_date: dateCell,
    gender: optionalCodeCell(GENDERS), county: requiredCell, available_from: optionalDateCell, available_to: optionalDateCell,
    health_ok: requiredBoolCell, preferred_schools: listCell, backbone_level: codeCell(BACKBONE_LEVELS, 'none'),
  });
  return { schools: school, teachers: teacher, needs: need, history: rotation, locks: lock, objections: objection, volunteers: volunteer } as const;
}

type Schemas = ReturnType<typeof rowSchemas>;
export type School = z.output<Schemas['schools']>;
export type Teacher = z.output<Schemas['teachers']>;
export type Need = z.output<Schemas['needs']>;
export type Rotation = z.output<Schemas['history']>;
export type Lock = z.output<Schemas['locks']>;
export type Objection = z.output<Schemas['objections']>;
export type Volunteer = z.output<Schemas['volunteers']>;

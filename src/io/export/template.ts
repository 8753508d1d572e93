/**
 * `rotation template`: an empty scenario workbook to fill in — the sheets and
 * headers readScenario reads (from the header glossary in domain/tables.ts),
 * one example row per sheet that `rotation validate` accepts, drop-down lists
 * for the code columns (from domain/codes.ts), date-formatted date columns,
 * and a 说明 (notes) sheet explaining every column in Chinese.
 */
import ExcelJS from 'exceljs';
import { AREAS, BACKBONE_LEVELS, type CodeList, EDUCATION, GENDERS, LOCK_ACTIONS, OBJECTION_KINDS, STAGES, SUBJECTS, TITLES } from '../../domain/codes.js';
import { COLUMNS, type ReviewTableName, type TableName } from '../../domain/tables.js';
import type { Lang } from './sheet-model.js';

type Sheet = TableName | ReviewTableName;
const SHEETS: readonly Sheet[] = ['schools', 'teachers', 'needs', 'history', 'locks', 'objections', 'volunteers'];
/** The sheet names readScenario accepts in Chinese (read-scenario.ts). */
const SHEET_ZH: Record<Sheet, string> = { schools: '学校', teachers: '教师', needs: '缺编', history: '轮岗历史', locks: '锁定', objections: '异议', volunteers: '银龄讲学' };
const YES_NO = { codes: ['true', 'false'], zh: { true: '是', false: '否' } } as CodeList<string>;
const DATE_COLUMNS = new Set(['birth_date', 'school_start_date', 'hire_date', 'start_date', 'end_date', 'available_from', 'available_to']);

/** Which code list a column's drop-down offers. */
const LISTS: Partial<Record<Sheet, Record<string, { name: string; list: CodeList<string> }>>> = {
  schools: { stage: { name: 'stage', list: STAGES }, area: { name: 'area', list: AREAS }, quality: { name: 'yes_no', list: YES_NO }, weak: { name: 'yes_no', list: YES_NO } },
  teachers: {
    gender: { name: 'gender', list: GENDERS }, subject: { name: 'subject', list: SUBJECTS }, title: { name: 'title', list: TITLES },
    backbone: { name: 'backbone', list: BACKBONE_LEVELS }, education: { name: 'education', list: EDUCATION },
  },
  needs: { subject: { name: 'subject', list: SUBJECTS } },
  locks: { action: { name: 'lock_action', list: LOCK_ACTIONS } },
  objections: { kind: { name: 'objection_kind', list: OBJECTION_KINDS } },
  volunteers: {
    subject: { name: 'subject', list: SUBJECTS }, gender: { name: 'gender', list: GENDERS }, health_ok: { name: 'yes_no', list: YES_NO },
    backbone_level: { name: 'backbone', list: BACKBONE_LEVELS },
  },
};

/** What each column means, for the notes sheet. */
const NOTES: Record<string, string> = {
  'schools.school_id': '学校代码，全县唯一，其他表用它指代学校', 'schools.name': '学校全称', 'schools.county': '所属县市区；轮岗只在同一县市区内进行',
  'schools.stage': '学段：小学、初中、九年一贯制、十二年一贯制', 'schools.area': '城乡类别：城区、镇区、乡村；乡村学校为接收学校',
  'schools.tier': '艰苦程度 0–3，决定乡村津贴档次；空 = 乡村 1、其他 0', 'schools.quality': '是否优质学校（是/否）；优质学校须派出教师',
  'schools.weak': '是否薄弱学校（是/否）；薄弱学校为接收学校', 'schools.students': '在校学生数（均衡系数用）', 'schools.classes': '班级数（编制测算用）',
  'schools.classes_by_grade': '各年级班数，用分号隔开，如 2;2;2;2;2;2（可空）', 'schools.lat': '纬度（计算距离用，可空）', 'schools.lon': '经度（计算距离用，可空）',
  'schools.group': '所属教育集团（同集团交流优先，可空）', 'schools.district': '所属学区（乡镇）；同县同学区学校之间可走教（可空 = 不安排走教）',
  'teachers.teacher_id': '教师编号，唯一', 'teachers.name': '姓名', 'teachers.gender': '性别：男/女（决定年龄上限）', 'teachers.birth_date': '出生日期（日期格式）',
  'teachers.school_id': '所在学校的学校代码', 'teachers.subject': '主要任教学科', 'teachers.qualified_subjects': '还可任教的学科，用分号隔开（可空）',
  'teachers.title': '职称：无、三级、二级、一级、高级、正高级', 'teachers.backbone': '骨干等级：无、校级、县级、市级、省级',
  'teachers.school_start_date': '调入本校日期（日期格式；决定在本校任教年数）', 'teachers.hire_date': '参加工作日期（可空）',
  'teachers.rural_months': '已有乡村任教月数（可空 = 0）', 'teachers.title_target_year': '拟申报职称的年份（可空）', 'teachers.education': '学历（可空）',
  'teachers.exempt': '免于交流的原因（如病休、孕期；非空即不参加交流）', 'teachers.preferences': '意向学校代码，按先后用分号隔开（可空）',
  'needs.school_id': '接收学校的学校代码', 'needs.subject': '缺编学科', 'needs.teachers': '缺编人数', 'needs.priority': '优先级 1（最高）–3，空 = 3',
  'history.teacher_id': '教师编号', 'history.from_school': '派出学校代码', 'history.to_school': '接收学校代码', 'history.start_date': '交流开始日期', 'history.end_date': '交流结束日期',
  'locks.teacher_id': '教师编号', 'locks.action': '操作：指定（必须派往某校）、禁止（不得派往某校）、留任（今年不交流）',
  'locks.school_id': '学校代码（指定、禁止时必填）', 'locks.reason': '原因',
  'objections.teacher_id': '提出异议的教师编号', 'objections.kind': '类型：留任、不去（某校）、去（某校）、对调（与另一教师）',
  'objections.school_id': '学校代码（不去、去时必填）', 'objections.other_teacher_id': '对调教师编号（对调时必填）', 'objections.reason': '理由（须填写）',
  'volunteers.volunteer_id': '银龄讲学志愿者编号，唯一，不与教师编号重复（可不建此表）', 'volunteers.name': '姓名', 'volunteers.subject': '主要任教学科',
  'volunteers.qualified_subjects': '还可任教的学科，用分号隔开（可空）', 'volunteers.birth_date': '出生日期（日期格式；轮岗期首日年龄不超过 volunteers.max_age，默认 65 岁）',
  'volunteers.gender': '性别：男/女（可空）', 'volunteers.county': '所属县市区；只在本县市区支教', 'volunteers.available_from': '可支教开始日期（可空 = 轮岗期首日）',
  'volunteers.available_to': '可支教结束日期（可空 = 轮岗期末日）', 'volunteers.health_ok': '身体健康（是/否，须填写）；否则不安排',
  'volunteers.preferred_schools': '意向学校代码，按先后用分号隔开（可空；须为本县接收学校）', 'volunteers.backbone_level': '骨干等级（可空 = 无；县级以上计入 R5）',
};

/** One example row per sheet, canonical values (spelled per language when written); two schools, so a sender and a receiver exist. */
const EXAMPLES: Record<Sheet, Record<string, string | number | Date>[]> = {
  schools: [
    { school_id: 'S001', name: '示例城区小学', county: '示例县', stage: 'primary', area: 'urban', tier: 0, quality: 'true', weak: 'false', students: 600, classes: 12, group: '' },
    { school_id: 'S002', name: '示例乡村小学', county: '示例县', stage: 'primary', area: 'rural', tier: 2, quality: 'false', weak: 'false', students: 120, classes: 6, group: '' },
  ],
  teachers: [{
    teacher_id: 'T0001', name: '张老师', gender: 'F', birth_date: new Date(Date.UTC(1985, 2, 14)), school_id: 'S001', subject: 'music',
    title: 'level1', backbone: 'county', school_start_date: new Date(Date.UTC(2008, 8, 1)), hire_date: new Date(Date.UTC(2007, 8, 1)), rural_months: 0, education: 'bachelor',
  }],
  needs: [{ school_id: 'S002', subject: 'music', teachers: 1, priority: 1 }],
  history: [{ teacher_id: 'T0001', from_school: 'S001', to_school: 'S002', start_date: new Date(Date.UTC(2010, 8, 1)), end_date: new Date(Date.UTC(2011, 7, 31)) }],
  locks: [{ teacher_id: 'T0001', action: 'forbid', school_id: 'S002', reason: '示例：不得派往该校' }],
  objections: [{ teacher_id: 'T0001', kind: 'not_to', school_id: 'S002', reason: '示例：通勤过远' }],
  volunteers: [{
    volunteer_id: 'V0001', name: '李老师', subject: 'music', birth_date: new Date(Date.UTC(1958, 4, 20)), gender: 'F', county: '示例县',
    health_ok: 'true', preferred_schools: 'S002', backbone_level: 'county',
  }],
};

function spell(value: string | number | Date | undefined, list: CodeList<string> | undefined, lang: Lang): string | number | Date {
  if (value === undefined) return '';
  if (list === undefined || typeof value !== 'string' || lang === 'en') return value;
  return (list.zh as Record<string, string>)[value] ?? value;
}

/**
 * The template's bytes. `lang` chooses headers, sheet names and code spellings (Chinese by default).
 * @example await writeFile('模板.xlsx', await templateWorkbook('zh'))
 */
export async function templateWorkbook(lang: Lang = 'zh'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rotation';
  const notes = wb.addWorksheet(lang === 'zh' ? '说明' : 'notes', { views: [{ state: 'frozen', ySplit: 1 }] });
  // The code lists live on a hidden sheet: drop-downs refer to its columns (an inline list may hold only 255 characters).
  const codes = wb.addWorksheet(lang === 'zh' ? '代码' : 'codes', { state: 'hidden' });
  const listRange = new Map<string, string>();
  const allLists = new Map<string, CodeList<string>>();
  for (const sheet of Object.values(LISTS)) for (const { name, list } of Object.values(sheet)) allLists.set(name, list);
  [...allLists].forEach(([name, list], i) => {
    const column = codes.getColumn(i + 1);
    const values = list.codes.map((c) => String(spell(c, list, lang)));
    column.values = [name, ...values];
    const letter = column.letter;
    listRange.set(name, `'${codes.name}'!$${letter}$2:$${letter}$${values.length + 1}`);
  });

  notes.addRow(lang === 'zh' ? ['工作表', '列名', '必填', '说明'] : ['sheet', 'column', 'required', 'meaning (Chinese)']).font = { bold: true };
  notes.addRow([lang === 'zh' ? '使用方法' : 'how to use', '', '', '每张表第 2 行起为示例行：请删去示例后填入本县数据；带下拉箭头的列请从列表中选择；日期列为日期格式。填好后运行 rotation validate 检查。']);
  for (const sheet of SHEETS) {
    const name = lang === 'zh' ? SHEET_ZH[sheet] : sheet;
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const cols = COLUMNS[sheet];
    ws.addRow(cols.map((c) => (lang === 'zh' ? c.zh : c.key))).font = { bold: true };
    for (const example of EXAMPLES[sheet]) ws.addRow(cols.map((c) => spell(example[c.key], LISTS[sheet]?.[c.key]?.list, lang)));
    cols.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      column.width = Math.max(10, (lang === 'zh' ? c.zh.length * 2 : c.key.length) + 4);
      if (DATE_COLUMNS.has(c.key)) column.numFmt = 'yyyy-mm-dd';
      if (c.key.endsWith('_id') || c.key === 'school_id') column.numFmt = '@';
      const list = LISTS[sheet]?.[c.key];
      if (list !== undefined) {
        // exceljs applies a validation to a range address (A2:A1000), the drop-down for every data row.
        (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${column.letter}2:${column.letter}2000`, {
          type: 'list', allowBlank: !c.required, formulae: [listRange.get(list.name)!], showErrorMessage: true,
          errorTitle: lang === 'zh' ? '请从列表中选择' : 'choose from the list', error: lang === 'zh' ? '请从下拉列表中选择' : 'please choose a value from the drop-down list',
        });
      }
      if (DATE_COLUMNS.has(c.key)) {
        (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${column.letter}2:${column.letter}2000`, {
          type: 'date', operator: 'greaterThan', allowBlank: !c.required, formulae: [new Date(Date.UTC(1900, 0, 1))], showErrorMessage: true,
          error: lang === 'zh' ? '请填写日期，如 2019-09-01' : 'please enter a date, e.g. 2019-09-01',
        });
      }
      notes.addRow([name, lang === 'zh' ? c.zh : c.key, c.required ? (lang === 'zh' ? '是' : 'yes') : (lang === 'zh' ? '否' : 'no'), NOTES[`${sheet}.${c.key}`] ?? '']);
    });
  }
  notes.columns = [{ width: 12 }, { width: 16 }, { width: 8 }, { width: 90 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The roster HR really has: dates, titles, education, backbone levels and
 * genders as rosters spell them, and the sheet names a clerk gives a workbook.
 * Each spelling must read to the same value as FORMAT.md's canonical one.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { isMonthOnlyDate, parseDateText } from '../../src/domain/cells.js';
import { BACKBONE_LEVELS, EDUCATION, GENDERS, lookupCode, TITLES } from '../../src/domain/codes.js';
import { formatProblem, InputError } from '../../src/domain/errors.js';
import { parseCsv } from '../../src/io/read/csv.js';
import { readScenario } from '../../src/io/read/read-scenario.js';

const EN = fileURLToPath(new URL('../fixtures/good/lucheng', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'rotation-hr-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let n = 0;

function texts(): Record<string, string> {
  return Object.fromEntries(readdirSync(EN).map((f) => [f, readFileSync(join(EN, f), 'utf8')]));
}
function folder(files: Record<string, string>): string {
  const dir = join(TMP, `s${++n}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('dates as HR rosters write them', () => {
  it('2006.09.01, 2006.9.1 and 20060901 are 2006-09-01', () => {
    for (const v of ['2006.09.01', '2006.9.1', '20060901', '2006-09-01', '2006/9/1', '2006年9月1日']) expect(parseDateText(v), v).toBe('2006-09-01');
  });
  it('a month only (2006-09, 2006.09, 2006/9, 2006年9月) is its 1st day, and is recognised as month-only', () => {
    for (const v of ['2006-09', '2006.09', '2006.9', '2006/9', '2006年9月']) {
      expect(parseDateText(v), v).toBe('2006-09-01');
      expect(isMonthOnlyDate(v), v).toBe(true);
    }
    expect(isMonthOnlyDate('2006.09.01')).toBe(false);
  });
  it('still rejects what is no date: 20061301, 2006.02.30, 2006.13, 200609', () => {
    for (const v of ['20061301', '2006.02.30', '2006.13', '200609', '06.09.01']) expect(parseDateText(v), v).toBeUndefined();
  });

  it('a roster with 2010.9.1, 20020801 and a month-only 2012.09 reads; the month-only cell gets a warning naming file, row and column', async () => {
    const files = texts();
    files['teachers.csv'] = files['teachers.csv']!
      .replace('0101,张伟,M,1980-05-03,LC01,chinese,morality;history_society,level1,county,2010-09-01,2002-08-01', '0101,张伟,M,1980.5.3,LC01,chinese,morality;history_society,level1,county,2010.09.01,20020801')
      .replace('0102,王芳,F,1985-11-20,LC01,math,,level2,none,2012-09-01', '0102,王芳,F,1985-11-20,LC01,math,,level2,none,2012.09');
    const { scenario, warnings } = await readScenario(folder(files));
    const reference = (await readScenario(EN)).scenario;
    expect(scenario.teachers).toEqual(reference.teachers);
    expect(warnings).toEqual(['teachers.csv, row 3, column school_start_date (J): "2012.09" 只有年月，按当月 1 日计 / gives a month only: read as its 1st day']);
  });
});

describe('titles, education, backbone levels and genders by their full names', () => {
  it('职称: 中小学X级教师 and the pre-reform 中学X级教师', () => {
    const cases: [string, string][] = [
      ['中小学一级教师', 'level1'], ['中小学高级教师', 'senior'], ['中小学二级教师', 'level2'], ['中小学三级教师', 'level3'],
      ['中小学正高级教师', 'professor'], ['中学高级教师', 'senior'], ['中学一级教师', 'level1'], ['一级教师', 'level1'], ['中小学 一级教师', 'level1'],
    ];
    for (const [cell, code] of cases) expect(lookupCode(TITLES, cell), cell).toBe(code);
  });
  it('学历: 大学本科, 大学专科, 硕士研究生, 博士研究生, 中师', () => {
    const cases: [string, string][] = [['大学本科', 'bachelor'], ['大学专科', 'college'], ['硕士研究生', 'master'], ['博士研究生', 'doctor'], ['中师', 'secondary'], ['本科', 'bachelor']];
    for (const [cell, code] of cases) expect(lookupCode(EDUCATION, cell), cell).toBe(code);
  });
  it('骨干等级: 市级骨干教师, 县级骨干教师, 区级骨干教师, 县（区）级骨干教师, 省级骨干教师, 校级骨干教师', () => {
    const cases: [string, string][] = [
      ['市级骨干教师', 'municipal'], ['县级骨干教师', 'county'], ['区级骨干教师', 'county'], ['县（区）级骨干教师', 'county'],
      ['省级骨干教师', 'provincial'], ['校级骨干教师', 'school'], ['市级学科带头人', 'municipal'],
    ];
    for (const [cell, code] of cases) expect(lookupCode(BACKBONE_LEVELS, cell), cell).toBe(code);
  });
  it('性别: 男性/女性', () => {
    expect([lookupCode(GENDERS, '男性'), lookupCode(GENDERS, '女性')]).toEqual(['M', 'F']);
  });
  it('a roster written that way reads to the canonical scenario', async () => {
    const files = texts();
    files['teachers.csv'] = files['teachers.csv']!
      .replace('0101,张伟,M,1980-05-03,LC01,chinese,morality;history_society,level1,county,', '0101,张伟,男性,1980-05-03,LC01,chinese,morality;history_society,中小学一级教师,县级骨干教师,')
      .replace('0102,王芳,F,1985-11-20,LC01,math,,level2,none,2012-09-01,2008-08-01,12,,master', '0102,王芳,女性,1985-11-20,LC01,math,,中小学二级教师,none,2012-09-01,2008-08-01,12,,硕士研究生')
      .replace('0103,李娜,F,1970-02-28,LC01,english,science,senior,municipal,2000-09-01,1992-08-01,0,,bachelor', '0103,李娜,女性,1970-02-28,LC01,english,science,中小学高级教师,市级骨干教师,2000-09-01,1992-08-01,0,,大学本科');
    const { scenario } = await readScenario(folder(files));
    expect(scenario.teachers).toEqual((await readScenario(EN)).scenario.teachers);
  });
});

describe('workbook sheet names in Chinese', () => {
  async function workbook(names: Record<string, string>): Promise<string> {
    const wb = new ExcelJS.Workbook();
    for (const [file, text] of Object.entries(texts())) {
      const table = parseCsv(text, file);
      const ws = wb.addWorksheet(names[file.replace('.csv', '')] ?? file.replace('.csv', ''));
      ws.addRow([...table.headers]);
      for (const row of table.rows) ws.addRow([...row]);
    }
    const path = join(TMP, `book${++n}.xlsx`);
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('教师名册, 学校名册, 缺编情况, 交流历史, 锁定名单 read as teachers, schools, needs, history, locks', async () => {
    const path = await workbook({ teachers: '教师名册', schools: '学校名册', needs: '缺编情况', history: '交流历史', locks: '锁定名单' });
    const { scenario } = await readScenario(path);
    const reference = (await readScenario(EN)).scenario;
    expect([scenario.teachers, scenario.schools, scenario.needs, scenario.history, scenario.locks])
      .toEqual([reference.teachers, reference.schools, reference.needs, reference.history, reference.locks]);
  });

  it('a missing required sheet is an error that lists the sheets found', async () => {
    const path = await workbook({ teachers: '老师们' });
    const err = await readScenario(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const text = (err as InputError).problems.map(formatProblem).join('\n');
    expect(text).toContain('缺少工作表 teachers (教师 / 教师名册');
    expect(text).toContain('"老师们"');
    expect(text).toContain('"schools"');
  });
});

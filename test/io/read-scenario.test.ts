/**
 * Good inputs (FORMAT.md "A scenario"): every spelling the data contract
 * allows reads to the same scenario. The reference is test/fixtures/good/
 * lucheng (English headers, canonical codes); lucheng-zh holds the same data
 * in Chinese headers, labels and date spellings, with blank lines and unknown
 * columns. Encoded copies and workbooks are written here, in a temp folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, InputError } from '../../src/domain/errors.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { COLUMNS } from '../../src/domain/tables.js';
import { parseCsv } from '../../src/io/read/csv.js';
import { type ReadOptions, readScenario } from '../../src/io/read/read-scenario.js';

const GOOD = fileURLToPath(new URL('../fixtures/good/', import.meta.url));
const EN = join(GOOD, 'lucheng');
const ZH = join(GOOD, 'lucheng-zh');
const TMP = mkdtempSync(join(tmpdir(), 'rotation-read-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

let folders = 0;
/** Writes `files` into a fresh folder and returns its path. */
function scenarioDir(files: Record<string, string | Uint8Array>): string {
  const dir = join(TMP, `s${++folders}`);
  mkdirSync(dir);
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return dir;
}

/** The CSV files of a fixture folder, as text. */
function texts(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.csv') || f.endsWith('.json')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** What a scenario says, without where it was read from. */
function content(s: Scenario) {
  const { name: _name, source: _source, ...rest } = s;
  return rest;
}

async function read(path: string, options?: ReadOptions) {
  return readScenario(path, options);
}

async function problemsOf(path: string, options?: ReadOptions): Promise<string[]> {
  try {
    await readScenario(path, options);
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(formatProblem);
    throw err;
  }
  return [];
}

const reference = await read(EN);

describe('headers: English and Chinese', () => {
  it('English and Chinese headers (any column order, Chinese labels and dates) give the same scenario', async () => {
    const zh = await read(ZH);
    expect(content(zh.scenario)).toEqual(content(reference.scenario));
    expect(reference.scenario.teachers).toHaveLength(14);
  });

  it('header cells are matched case-insensitively and trimmed', async () => {
    const files = texts(EN);
    files['schools.csv'] = files['schools.csv']!.replace('school_id,name,county', 'School_ID , Name,COUNTY');
    expect(content((await read(scenarioDir(files))).scenario)).toEqual(content(reference.scenario));
  });

  it('unknown columns are kept out of the scenario, with one warning per file', async () => {
    const zh = await read(ZH);
    expect(reference.warnings).toEqual([]);
    expect(zh.warnings).toEqual([
      'schools.csv: 未识别的列已忽略 / unknown columns kept out of the plan: 备注',
      'teachers.csv: 未识别的列已忽略 / unknown columns kept out of the plan: 手机',
    ]);
    // district (学区) is optional and left out of a school without one, as spouse_id is of a teacher.
    expect(Object.keys(zh.scenario.schools[0]!).sort()).toEqual(COLUMNS.schools.map((c) => c.key).filter((k) => k !== 'district').sort());
  });

  it('optional columns may be left out entirely: they take their defaults', async () => {
    const dir = scenarioDir({
      'schools.csv': 'school_id,county,area\nU1,鹿城,urban\nR1,鹿城,rural\n',
      'teachers.csv': 'teacher_id,school_id,gender,birth_date,subject,school_start_date\nT1,U1,F,1980-01-02,math,2010-09-01\n',
      'needs.csv': 'school_id,subject,teachers\n',
    });
    const { scenario } = await read(dir);
    expect(scenario.schools.map((s) => [s.school_id, s.stage, s.tier, s.quality, s.weak, s.lat])).toEqual([
      ['U1', 'primary', 0, false, false, null],
      ['R1', 'primary', 1, false, false, null],
    ]);
    expect(scenario.teachers[0]).toMatchObject({ backbone: 'none', title: 'none', hire_date: null, rural_months: 0, preferences: [], exempt: '' });
    expect(scenario.needs).toEqual([]);
  });
});

describe('encodings: UTF-8 with or without BOM, GBK/GB18030', () => {
  const zh = texts(ZH);
  const encoded = (encode: (text: string) => Uint8Array) =>
    scenarioDir(Object.fromEntries(Object.entries(zh).map(([f, text]) => [f, encode(text)])));

  it.each([
    ['UTF-8 with BOM', (t: string) => Buffer.from(`\uFEFF${t}`, 'utf8')],
    ['UTF-8 without BOM', (t: string) => Buffer.from(t, 'utf8')],
    ['GBK', (t: string) => iconv.encode(t, 'gbk')],
    ['GB18030', (t: string) => iconv.encode(t, 'gb18030')],
  ])('%s reads the same', async (_name, encode) => {
    expect(content((await read(encoded(encode))).scenario)).toEqual(content(reference.scenario));
  });

  it('--encoding gbk reads GBK files; --encoding utf8 refuses them, naming each file', async () => {
    const dir = encoded((t) => iconv.encode(t, 'gbk'));
    expect(content((await read(dir, { encoding: 'gbk' })).scenario)).toEqual(content(reference.scenario));
    expect(await problemsOf(dir, { encoding: 'utf8' })).toEqual(
      ['schools', 'teachers', 'needs', 'history', 'locks'].map((t) => `${t}.csv: 文件不是 UTF-8 编码 / the file is not valid UTF-8 (try --encoding gbk)`),
    );
  });

  // No Chinese header of the glossary encodes in GBK to valid UTF-8 (a file with one is never valid UTF-8), so
  // such a file has English headers; its GBK names (鲁平, 陆萍, 牛强, 莫千) read as valid UTF-8 letters too.
  const names = ['鲁平', '陆萍', '牛强', '莫千'];
  const ambiguous = (): Record<string, Uint8Array> => ({
    'schools.csv': iconv.encode('school_id,name,county,area\nU1,Lucheng No.1,Lucheng,urban\nR1,Tengqiao,Lucheng,rural\n', 'gbk'),
    'teachers.csv': iconv.encode(`teacher_id,name,gender,birth_date,school_id,subject,school_start_date\n${
      names.map((n, i) => `T${i},${n},${i % 2 === 0 ? 'M' : 'F'},1980-01-0${i + 1},U1,math,2010-09-01\n`).join('')}`, 'gbk'),
    'needs.csv': iconv.encode('school_id,subject,teachers\nR1,math,1\n', 'gbk'),
  });

  it('GBK bytes that are also valid UTF-8 are still read as GBK', async () => {
    const files = ambiguous();
    // The premise: the teachers file decodes as UTF-8 without error, to other letters.
    const asUtf8 = new TextDecoder('utf-8', { fatal: true }).decode(files['teachers.csv']!);
    expect(asUtf8).not.toContain('鲁平');
    const { scenario } = await read(scenarioDir(files));
    expect(scenario.teachers.map((t) => t.name)).toEqual(names);
  });

  it('no GBK-encoded Chinese header is valid UTF-8, so a Chinese header alone decides for GBK', () => {
    const valid = Object.values(COLUMNS).flat().filter((c) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(iconv.encode(c.zh, 'gbk'));
        return true;
      } catch {
        return false;
      }
    });
    expect(valid).toEqual([]);
  });

  it('--encoding gbk forces GBK on the same ambiguous bytes; --encoding utf8 forces the UTF-8 reading', async () => {
    const dir = scenarioDir(ambiguous());
    expect((await read(dir, { encoding: 'gbk' })).scenario.teachers[0]!.name).toBe('鲁平');
    expect((await read(dir, { encoding: 'utf8' })).scenario.teachers[0]!.name).not.toBe('鲁平');
  });
});

describe('cell spellings', () => {
  it('the three date spellings: 1980年5月3日, 2010/9/1 and 2002-08-01', async () => {
    const { scenario } = await read(ZH);
    expect(scenario.teachers[0]).toMatchObject({ birth_date: '1980-05-03', school_start_date: '2010-09-01', hire_date: '2002-08-01' });
    expect(scenario.history[0]).toMatchObject({ start_date: '2018-09-01', end_date: '2020-08-31' });
  });

  it('booleans: true/false, 1/0, 是/否, y/n (any case), yes/no; empty is false', async () => {
    const spellings = ['true', 'false', 'TRUE', '1', '0', '是', '否', 'y', 'n', 'Y', 'N', 'yes', 'no', ''];
    const files = texts(EN);
    files['schools.csv'] += spellings.map((v, i) => `X${i},测试${i},鹿城,primary,rural,,,${v},0,0,,,\n`).join('');
    const { scenario } = await read(scenarioDir(files));
    expect(scenario.schools.filter((s) => s.school_id.startsWith('X')).map((s) => s.weak))
      .toEqual([true, false, true, true, false, true, false, true, false, true, false, true, false, false]);
  });

  it('lists separated by ;  、 | (and the full-width ；) all read the same, blanks dropped', async () => {
    for (const sep of [';', '、', '|', '；', ' ; ']) {
      const files = texts(EN);
      files['teachers.csv'] = files['teachers.csv']!.replace('morality;history_society', `morality${sep}history_society${sep}`);
      files['teachers.csv'] = files['teachers.csv']!.replace('LC03;LC04', `LC03${sep}LC04`);
      const t = (await read(scenarioDir(files))).scenario.teachers[0]!;
      expect([t.qualified_subjects, t.preferences]).toEqual([['morality', 'history_society'], ['LC03', 'LC04']]);
    }
  });

  it('Chinese enum labels: 男/女, 城区/镇区/乡村, 语文…, 县级…, 无 or empty for none', async () => {
    const { scenario } = await read(ZH);
    const teacher = (id: string) => scenario.teachers.find((t) => t.teacher_id === id)!;
    expect(scenario.schools.map((s) => s.area)).toEqual(['urban', 'town', 'rural', 'urban', 'urban', 'rural']);
    expect(scenario.schools.map((s) => s.stage)).toEqual(['primary', 'junior', 'primary', 'primary', 'nine_year', 'primary']);
    expect([teacher('0101').gender, teacher('0102').gender]).toEqual(['M', 'F']);
    expect(scenario.teachers.map((t) => t.subject).slice(0, 5)).toEqual(['chinese', 'math', 'english', 'pe', 'music']);
    expect([teacher('0101').backbone, teacher('0103').backbone, teacher('0105').backbone, teacher('0202').backbone]).toEqual(['county', 'municipal', 'school', 'provincial']);
    expect([teacher('0102').backbone, teacher('0104').backbone]).toEqual(['none', 'none']);
    expect(scenario.locks.map((l) => l.action)).toEqual(['keep', 'pin', 'forbid']);
  });

  it('a stray quote inside a cell is kept as written', async () => {
    const files = texts(EN);
    files['teachers.csv'] = files['teachers.csv']!.replace('0101,张伟', '0101,张"伟');
    expect((await read(scenarioDir(files))).scenario.teachers[0]!.name).toBe('张"伟');
  });

  it('ids are text: leading zeros stay', () => {
    expect(reference.scenario.teachers.map((t) => t.teacher_id).slice(0, 3)).toEqual(['0101', '0102', '0103']);
  });
});

describe('rows: blank lines are skipped and rows keep their spreadsheet line numbers', () => {
  it('the lines of each row are counted with the blank lines (header = 1)', async () => {
    const { scenario } = await read(ZH);
    expect(scenario.source?.lines.schools).toEqual([2, 4, 5, 6, 7, 9]);
    expect(scenario.source?.lines.teachers?.slice(0, 5)).toEqual([2, 3, 4, 6, 7]);
  });

  it('an error after blank lines names the line a clerk sees, and the column as headed in the file', async () => {
    const files = texts(ZH);
    files['schools.csv'] = files['schools.csv']!.replace('OH02,泽雅镇小学,瓯海,乡村', 'OH02,泽雅镇小学,瓯海,山区');
    expect(await problemsOf(scenarioDir(files))).toEqual([
      'schools.csv, row 9, column 城乡类别 (D): "山区" 不是可用的值 / is not one of: urban 城区, town 镇区, rural 乡村',
    ]);
  });
});

describe('policy: policy.json and --set overrides', () => {
  it('without policy.json every key has its default', () => {
    expect(reference.scenario.policy.rotation).toMatchObject({ min_share: 0.1, max_share: 0.2, backbone_min_share: 0.2, backbone_level: 'county' });
    expect(reference.scenario.policy.eligibility).toEqual({ min_years_at_school: 6, max_age: { M: 55, F: 50 }, cooldown_years: 3 });
    expect(reference.scenario.policy.term).toEqual({ start: '09-01', years: 1 });
  });

  it('--set rotation.min_share=0.15 overrides the default and leaves the other keys alone', async () => {
    const { scenario } = await read(EN, { set: ['rotation.min_share=0.15'] });
    expect(scenario.policy.rotation.min_share).toBe(0.15);
    expect({ ...scenario.policy, rotation: { ...scenario.policy.rotation, min_share: 0.1 } }).toEqual(reference.scenario.policy);
  });

  it('--set wins over policy.json, which wins over the defaults', async () => {
    const files = { ...texts(EN), 'policy.json': '{ "rotation": { "min_share": 0.12 }, "term": { "start": "08-15" } }' };
    const dir = scenarioDir(files);
    expect((await read(dir)).scenario.policy.rotation.min_share).toBe(0.12);
    const { scenario } = await read(dir, { set: ['rotation.min_share=0.15', 'eligibility.max_age.F=55'] });
    expect([scenario.policy.rotation.min_share, scenario.policy.term.start, scenario.policy.eligibility.max_age]).toEqual([0.15, '08-15', { M: 55, F: 55 }]);
  });

  it('a bad --set names itself; a __proto__ key is refused and pollutes nothing', async () => {
    expect(await problemsOf(EN, { set: ['rotation.min_share'] })).toEqual(['--set: "rotation.min_share" 应写成 key=value / must be key=value, e.g. rotation.min_share=0.15']);
    expect(await problemsOf(EN, { set: ['rotation.min_share=high'] })).toEqual(['--set, column rotation.min_share: 类型不对 / must be number']);
    expect(await problemsOf(EN, { set: ['__proto__.polluted=1'] })).toEqual(['--set, column __proto__.polluted: 不是设置项 / not a policy key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an unknown top-level key is an error naming the key and the file, not a warning (issue 15)', async () => {
    const dir = scenarioDir({ ...texts(EN), 'policy.json': '{ "rotaton": { "min_share": 0.5 } }' });
    expect(await problemsOf(dir)).toEqual(['policy.json, column rotaton: 未知的设置项 / unknown key']);
  });
});

describe('an .xlsx workbook with the same tables', () => {
  const DATE_COLUMNS = new Set(['birth_date', 'school_start_date', 'hire_date', 'start_date', 'end_date']);
  const NUMBER_COLUMNS = new Set(['tier', 'students', 'classes', 'lat', 'lon', 'rural_months', 'title_target_year', 'teachers', 'priority']);

  /** A cell as Excel would hold it: dates as real dates, numbers as numbers, ids (and all else) as text. */
  function cell(column: string, text: string): ExcelJS.CellValue {
    if (text === '') return null;
    if (DATE_COLUMNS.has(column)) return new Date(`${text}T00:00:00Z`);
    if (NUMBER_COLUMNS.has(column)) return Number(text);
    if (text === 'true' || text === 'false') return text === 'true';
    return text;
  }

  async function workbook(policyRows: (string | number)[][], sheetName = (table: string) => table): Promise<string> {
    const wb = new ExcelJS.Workbook();
    for (const [file, text] of Object.entries(texts(EN))) {
      const table = parseCsv(text, file);
      const ws = wb.addWorksheet(sheetName(file.replace('.csv', '')));
      ws.addRow([...table.headers]);
      for (const row of table.rows) ws.addRow(row.map((v, i) => cell(table.headers[i]!, v)));
    }
    if (policyRows.length > 0) wb.addWorksheet('policy').addRows(policyRows);
    const path = join(TMP, `book${++folders}.xlsx`);
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('reads the same scenario as the CSV folder (policy sheet of key,value rows = the same --set)', async () => {
    const path = await workbook([['key', 'value'], ['rotation.min_share', 0.15], ['eligibility.cooldown_years', 2]]);
    const fromCsv = await read(EN, { set: ['rotation.min_share=0.15', 'eligibility.cooldown_years=2'] });
    expect(content((await read(path)).scenario)).toEqual(content(fromCsv.scenario));
  });

  it('a real Excel date cell reads as YYYY-MM-DD and a text id keeps its leading zeros', async () => {
    const path = await workbook([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet('teachers')!;
    expect(sheet.getCell('D2').value).toBeInstanceOf(Date);
    expect(sheet.getCell('A2').value).toBe('0101');
    const { scenario } = await read(path);
    expect(scenario.teachers[0]).toMatchObject({ teacher_id: '0101', birth_date: '1980-05-03' });
    expect(scenario.source?.files.teachers).toMatch(/\.xlsx#teachers$/);
  });

  it('sheet names are matched as a clerk types them (Teachers, NEEDS)', async () => {
    const typed: Record<string, string> = { schools: 'Schools', teachers: 'TEACHERS', needs: ' needs ', history: 'history', locks: 'Locks' };
    const path = await workbook([['rotation.min_share', 0.15]], (t) => typed[t]!);
    expect(content((await read(path)).scenario)).toEqual(content((await read(EN, { set: ['rotation.min_share=0.15'] })).scenario));
  });

  it('the policy sheet may leave out its key,value header row', async () => {
    const path = await workbook([['rotation.min_share', 0.15]]);
    expect((await read(path)).scenario.policy.rotation.min_share).toBe(0.15);
  });

  /** The workbook with `edit` applied to its sheets. */
  async function edited(edit: (wb: ExcelJS.Workbook) => void, policyRows: (string | number)[][] = []): Promise<string> {
    const path = await workbook(policyRows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    edit(wb);
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('issue 15: a formula without a computed value in an optional column is a warning naming its cells; the cell reads as blank', async () => {
    const path = await edited((wb) => {
      const ws = wb.getWorksheet('teachers')!;
      ws.getCell('L2').value = { formula: 'K2*0' }; // rural_months
      ws.getCell('L3').value = { formula: 'K3*0' };
      ws.getCell('L4').value = { formula: 'K4*0', result: 7 }; // computed: read as its value, no word
    });
    const { scenario, warnings } = await read(path);
    const file = path.split('/').at(-1)!;
    expect(warnings).toEqual([`${file}#teachers, row 2, 3, column rural_months (L): 公式没有计算结果，按空白（默认值）读取 / `
      + 'formula with no computed value (e.g. =K2*0) read as blank, so the default applies: open and save the file in Excel to use its values']);
    expect(scenario.teachers.slice(0, 3).map((t) => t.rural_months)).toEqual([0, 0, 7]);
  });

  it('issue 15: a formula without a computed value in a required column, in the header or on the policy sheet is rejected, naming the cell', async () => {
    const path = await edited((wb) => {
      const ws = wb.getWorksheet('teachers')!;
      ws.getCell('D3').value = { formula: 'DATE(1985,11,20)' }; // birth_date, required
      wb.getWorksheet('schools')!.getCell('B1').value = { formula: '"name"' };
      wb.getWorksheet('policy')!.getCell('B2').value = { formula: '0.1+0.05' };
    }, [['key', 'value'], ['rotation.min_share', 0.15]]);
    const file = path.split('/').at(-1)!;
    const problems = await problemsOf(path);
    expect(problems).toContain(`${file}#teachers, row 3, column birth_date (D): 公式 =DATE(1985,11,20) 没有计算结果（文件由不计算公式的程序保存），请在 Excel 中打开并保存，或直接填入数值 / `
      + 'the formula =DATE(1985,11,20) has no computed value (the file was saved by a program that does not calculate): open and save it in Excel, or type the value');
    expect(problems.filter((p) => p.startsWith(`${file}#schools, row 1, column ? (B): 表头单元格的公式 ="name" 没有计算结果`))).toHaveLength(1);
    expect(problems.filter((p) => p.startsWith(`${file}#policy, row 2, column B: 公式没有计算结果`))).toHaveLength(1);
    // The blank the formula left is not reported a second time as a missing value.
    expect(problems.filter((p) => p.includes('#teachers, row 3'))).toHaveLength(1);
  });

  it('a problem in a sheet names workbook#sheet, row and column', async () => {
    const path = await workbook([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.getWorksheet('teachers')!.getCell('C3').value = 'X';
    await wb.xlsx.writeFile(path);
    const file = path.split('/').at(-1)!;
    expect(await problemsOf(path)).toEqual([`${file}#teachers, row 3, column gender (C): "X" 不是可用的值 / is not one of: M 男, F 女`]);
  });
});

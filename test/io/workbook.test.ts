import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BACKBONE_LEVELS, lookupCode, TITLES } from '../../src/domain/codes.js';
import type { Plan } from '../../src/domain/plan.js';
import { subjectList } from '../../src/domain/tables.js';
import { planCsvFiles } from '../../src/io/export/plan-csv.js';
import { planWorkbookBuffer } from '../../src/io/export/workbook.js';
import { planReport } from '../../src/report/plan-report.js';
import { sampleScenario, samplePlan } from '../report/sample.js';

type Raw = ExcelJS.CellValue;
interface Section { title: string | null; header: string[]; rows: Record<string, Raw>[]; cells: ExcelJS.Cell[][] }

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** A sheet as blocks of rows separated by empty rows; every block after the first starts with its title. */
function sections(ws: ExcelJS.Worksheet): Section[] {
  const blocks: ExcelJS.Cell[][][] = [[]];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: ExcelJS.Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(row.getCell(c));
    if (cells.every((c) => c.value === null || c.value === undefined)) blocks.push([]);
    else blocks.at(-1)!.push(cells);
  }
  return blocks.filter((b) => b.length > 0).map((block, i) => {
    const title = i === 0 ? null : String(block[0]![0]!.value);
    const [head, ...body] = i === 0 ? block : block.slice(1);
    const header = head!.map((c) => (c.value === null ? '' : String(c.value))).filter((h) => h !== '');
    return { title, header, cells: body, rows: body.map((cells) => Object.fromEntries(header.map((h, k) => [h, cells[k]!.value]))) };
  });
}

const text = (v: Raw): string => {
  expect(typeof v).toBe('string');
  return v as string;
};
const optText = (v: Raw): string | null => (v === null || v === undefined ? null : text(v));
const num = (v: Raw): number => {
  expect(typeof v).toBe('number');
  return v as number;
};
const optNum = (v: Raw): number | null => (v === null || v === undefined ? null : num(v));
const date = (v: Raw): string => {
  expect(v).toBeInstanceOf(Date);
  return (v as Date).toISOString().slice(0, 10);
};
const bool = (v: Raw): boolean => {
  expect(['是', '否']).toContain(v);
  return v === '是';
};

const scenario = sampleScenario();
const plan = samplePlan(scenario);
const input = { scenario, plan, report: planReport(scenario, plan) };
const subjects = subjectList({});
const KIND_BACK: Record<string, string> = { 补缺: 'gap', 超额派出: 'extra' };

describe('plan.xlsx (Chinese, the default)', async () => {
  const wb = await load(await planWorkbookBuffer(input));
  const sheet = (name: string) => sections(wb.getWorksheet(name)!);

  it('has the twelve sheets in order, each with a frozen header row (公示 under its title and preamble)', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '轮岗名单', '派出学校配额', '学科缺口', '接收学校骨干', '津贴', '职称预警', '收入对比', '未满足事项', '编制测算', '均衡', '公示']);
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: ws.name === '公示' ? 4 : 1 });
    expect(wb.getWorksheet('轮岗名单')!.autoFilter).toBeTruthy();
  });

  it('轮岗名单 reads back as the plan’s assignments, every field', () => {
    const [main] = sheet('轮岗名单');
    const back = main!.rows.map((r) => ({
      teacher_id: text(r['教师编号']), name: text(r['姓名']), from_school: text(r['派出学校代码']), to_school: text(r['接收学校代码']),
      subject: lookupCode(subjects, text(r['任教学科'])), backbone: lookupCode(BACKBONE_LEVELS, text(r['骨干等级'])),
      start_date: date(r['开始日期']), end_date: date(r['结束日期']), distance_km: optNum(r['距离（公里）']),
      pinned: bool(r['指定']), reasons: text(r['理由']).split('; '), kind: KIND_BACK[text(r['类型'])], score: num(r['优先分']),
      rural_months_before: num(r['乡村任教月数（轮岗前）']), rural_months_after: num(r['乡村任教月数（轮岗后）']),
    }));
    expect(back).toEqual(plan.assignments);
    expect(main!.rows.map((r) => [r['姓名'], r['派出学校'], r['接收学校']])).toEqual([['=1+1', '城关第一小学', '@山区小学'], ['王芳', '城关第一小学', '城西小学']]);
  });

  it('轮岗名单 ends with each teacher\'s 县市区, 性别, 职称 and 年龄 (full years on the term\'s first day); 派出学校配额 ends with R1\'s cap', () => {
    const [main] = sheet('轮岗名单');
    expect(main!.header.slice(-4)).toEqual(['县市区', '性别', '职称', '年龄']);
    const t = scenario.teachers.find((x) => x.teacher_id === '007')!;
    expect(main!.rows[0]).toMatchObject({ 县市区: '鹿城区', 性别: t.gender === 'F' ? '女' : '男', 职称: '二级' });
    const born = new Date(`${t.birth_date}T00:00:00Z`);
    const age = 2019 - born.getUTCFullYear() - (born.getUTCMonth() > 8 || (born.getUTCMonth() === 8 && born.getUTCDate() > 1) ? 1 : 0);
    expect(num(main!.rows[0]!['年龄'])).toBe(age);
    const [senders] = sheet('派出学校配额');
    expect(senders!.header.at(-1)).toBe('派出上限（R1 上限）');
    // R1 cap = ceil(20 % × eligible).
    expect(senders!.rows.map((r) => num(r['派出上限（R1 上限）']))).toEqual(plan.senders.map((s) => Math.ceil((s.eligible * 20) / 100)));
  });

  it('a teacher named "=1+1" reads back as that text, not a formula; ids keep their leading zeros', () => {
    const [main] = sheet('轮岗名单');
    const nameCell = main!.cells[0]![1]!;
    expect(nameCell.type).toBe(ExcelJS.ValueType.String);
    expect(nameCell.value).toBe('=1+1');
    expect(nameCell.formula).toBeUndefined();
    const idCell = main!.cells[0]![0]!;
    expect(idCell.type).toBe(ExcelJS.ValueType.String);
    expect(idCell.value).toBe('007');
    expect(idCell.numFmt).toBe('@');
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('dates are real dates (yyyy-mm-dd) and money is yuan', () => {
    const [main] = sheet('轮岗名单');
    expect(main!.cells[0]![8]!.numFmt).toBe('yyyy-mm-dd');
    const [teachers] = sheet('津贴');
    expect(teachers!.cells[0]![teachers!.header.indexOf('合计（元）')]!.numFmt).toBe('"¥"#,##0.00');
  });

  it('派出学校配额, 学科缺口, 接收学校骨干 and 未满足事项 read back as the plan', () => {
    const [senders] = sheet('派出学校配额');
    expect(senders!.rows.map((r) => ({
      school_id: text(r['学校代码']), eligible: num(r['符合交流条件人数']), required: num(r['应派人数']), sent: num(r['实派人数']),
      backbone_sent: num(r['骨干实派']), backbone_required: num(r['骨干应派']), met: bool(r['达标']), why: optText(r['说明']),
    }))).toEqual(plan.senders);
    const [gaps] = sheet('学科缺口');
    expect(gaps!.rows.map((r) => ({
      school_id: text(r['学校代码']), subject: lookupCode(subjects, text(r['学科'])), needed: num(r['缺编人数（净）']), filled: num(r['已补']), unfilled: num(r['未补']),
    }))).toEqual(plan.gaps);
    const [receivers] = sheet('接收学校骨干');
    expect(receivers!.rows.map((r) => ({
      school_id: text(r['学校代码']), county_backbone_before: num(r['县级以上骨干（轮岗前）']), county_backbone_after: num(r['县级以上骨干（轮岗后）']),
    }))).toEqual(plan.receivers);
    expect(receivers!.rows.map((r) => r['艰苦程度'])).toEqual([1, 3, 0]);
    const [shortfalls] = sheet('未满足事项');
    expect(shortfalls!.rows.map((r) => ({ rule: text(r['规则']), school_id: text(r['学校代码']), detail: text(r['说明']) }))).toEqual(plan.shortfalls);
  });

  it('津贴 reads back as the plan’s allowances, then the totals per school and per county', () => {
    const [teachers, schools, counties] = sheet('津贴');
    const itemsOf = (r: Record<string, Raw>) => Object.fromEntries(['乡村教师生活补助', '交流轮岗补贴', '乡镇工作补贴', '特岗津贴']
      .filter((n) => r[n] !== null && r[n] !== undefined).map((n) => [n, num(r[n])]));
    expect(teachers!.rows.map((r) => ({
      teacher_id: text(r['教师编号']), school_id: text(r['学校代码']), tier: num(r['艰苦程度']), months: num(r['月数']),
      monthly: num(r['月标准（元）']), total: num(r['合计（元）']), items: itemsOf(r), rotated: bool(r['轮岗']),
    }))).toEqual(plan.allowances);
    expect(schools!.title).toBe('按学校合计');
    expect(schools!.rows.map((r) => [text(r['学校代码']), num(r['人数']), num(r['合计（元）'])])).toEqual(input.report.allowanceTotals.schools.map((s) => [s.school_id, s.teachers, s.total]));
    expect(counties!.title).toBe('按县市区合计');
    expect(counties!.rows.map((r) => [r['县市区'], num(r['合计（元）']), itemsOf(r)])).toEqual([['鹿城区', input.report.allowanceTotals.all.total, input.report.allowanceTotals.all.items]]);
  });

  it('职称预警 lists the title warnings; 收入对比 the parity rows; 说明 the figures, every allowance tier and the stats', () => {
    const [titles] = sheet('职称预警');
    expect(titles!.rows.map((r) => [text(r['教师编号']), lookupCode(TITLES, text(r['现职称'])), num(r['拟申报年份']), bool(r['符合交流条件']), text(r['原因'])]))
      .toEqual(input.report.titleWarnings.map((w) => [w.teacher_id, w.title, w.title_target_year, w.eligible, w.why_text.zh]));
    expect(titles!.rows).toHaveLength(1);
    const [income] = sheet('收入对比');
    expect(income!.rows).toHaveLength(18);
    expect(income!.rows.filter((r) => r['乡村更高'] === '否').map((r) => [r['职称'], r['艰苦程度'], r['差额']])).toHaveLength(6);
    expect(income!.rows.filter((r) => r['乡村更高'] === '否').map((r) => [r['职称'], r['艰苦程度'], r['差额']])).toEqual(
      input.report.income!.rows.filter((r) => !r.ok).map((r) => [TITLES.zh[r.title], r.tier, r.difference]));
    const [facts, rates, note] = sheet('说明');
    const fact = new Map(facts!.rows.map((r) => [r['项目'], r['内容']]));
    expect(fact.get('场景')).toBe('lucheng-sample');
    expect(date(fact.get('轮岗期开始')!)).toBe('2019-09-01');
    expect(fact.get('最低派出比例（R1）')).toBe('10%');
    expect(fact.get('津贴合计（元）')).toBe(input.report.allowanceTotals.all.total);
    expect(fact.get('求解器')).toBe('highs');
    expect(fact.get('模型变量数')).toBe(18);
    expect(fact.get('已证明最优')).toBe('是');
    expect(rates!.rows.map((r) => [r['名称'], r['0档（非艰苦）'], r['1档（乡镇）'], r['2档（村）'], r['3档（偏远山区、海岛）']])).toEqual(
      scenario.policy.allowances.items.map((i) => [i.name, ...i.monthly]));
    expect(String(note!.rows[0]!['说明'])).toMatch(/占位数.*各县（市、区）须/);
  });

  it('column widths fit the content, CJK characters counting double', () => {
    const ws = wb.getWorksheet('轮岗名单')!;
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(10); // 教师编号 = 8 + padding
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(14); // 城关第一小学 = 12 + padding
  });
});

describe('plan.xlsx in English', async () => {
  const wb = await load(await planWorkbookBuffer(input, { lang: 'en' }));

  it('has English sheet names and headers, yes/no booleans and code values', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Notes', 'Assignments', 'Senders', 'Gaps', 'Receivers', 'Allowances', 'Title warnings', 'Income parity', 'Shortfalls', 'Staffing norms', 'Balance', 'Notice']);
    const [main] = sections(wb.getWorksheet('Assignments')!);
    expect(main!.header.slice(0, 3)).toEqual(['Teacher ID', 'Name', 'From school ID']);
    expect(main!.rows.map((r) => [r['Subject'], r['Pinned'], r['Kind']])).toEqual([['math', 'yes', 'gap'], ['chinese', 'no', 'extra']]);
  });
});

describe('收入对比 without base pay', () => {
  it('says that base_pay is not set', async () => {
    const s = sampleScenario({});
    const p: Plan = samplePlan(s);
    const wb = await load(await planWorkbookBuffer({ scenario: s, plan: p, report: planReport(s, p) }));
    const [only] = sections(wb.getWorksheet('收入对比')!);
    expect(only!.rows).toEqual([{ 说明: '未设置 income.base_pay（各职称基本工资），不作收入对比。' }]);
  });
});

describe('CSV files', () => {
  const files = planCsvFiles(input);

  it('one per sheet, UTF-8 with a BOM and the Chinese headers', () => {
    expect(files.map((f) => f.name)).toEqual(['说明.csv', '轮岗名单.csv', '派出学校配额.csv', '学科缺口.csv', '接收学校骨干.csv', '津贴.csv', '职称预警.csv', '收入对比.csv', '未满足事项.csv', '编制测算.csv', '均衡.csv', '公示.csv']);
    for (const f of files) expect(f.text.startsWith('\uFEFF')).toBe(true);
    const lines = files[1]!.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('教师编号,姓名,派出学校代码,派出学校,接收学校代码,接收学校,任教学科,骨干等级,开始日期,结束日期,距离（公里）,指定,类型,优先分,理由,乡村任教月数（轮岗前）,乡村任教月数（轮岗后）,县市区,性别,职称,年龄');
    expect(lines[1]).toBe("007,'=1+1,0101,城关第一小学,0202,'@山区小学,数学,县级,2019-09-01,2020-08-31,12.3,是,补缺,132,'+填补数学缺口; county backbone for R5,0,12,鹿城区,女,二级,34");
  });

  it('neutralises formula-looking text with a quote but writes negative numbers plain', () => {
    expect(files[2]!.text).toContain(",'=无可派教师");
    const income = files[7]!.text;
    expect(income).toMatch(/,-\d+\.\d\d,否/);
    expect(income).not.toContain("'-");
  });

  it('津贴.csv carries the per-teacher rows, then the school and county totals under their titles', () => {
    const text = files[5]!.text;
    expect(text).toContain('\r\n\r\n按学校合计\r\n学校代码,学校名称,县市区,艰苦程度,人数,月数合计,');
    expect(text).toContain('\r\n\r\n按县市区合计\r\n县市区,学校数,人数,月数合计,');
  });
});

/**
 * A scenario without needs.csv plans from the staffing norms, and the plan
 * says so (stats.needs_mode / needs_from_norms); `rotation check` re-derives
 * the same needs from the scenario; plan.xlsx's 均衡 sheet carries plan.json's
 * `balance` numbers. The commands run in-process through yargs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../../src/cli/check.js';
import { planCommand } from '../../src/cli/plan.js';
import { validateCommand } from '../../src/cli/validate.js';
import { InputError } from '../../src/domain/errors.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { commandRunner } from './run-commands.js';

const SUBJECTS = ['chinese', 'math', 'english', 'science', 'pe', 'music', 'art', 'it', 'morality'];
const root = mkdtempSync(join(tmpdir(), 'rotation-norms-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** U1 (urban, 36 teachers of every subject, all eligible) sends; R1 (90 pupils) and R2 (150) receive, each 6 classes. */
function scenarioDir(name: string, needs: string | null): string {
  const dir = join(root, name);
  const teachers = ['teacher_id,school_id,gender,birth_date,subject,school_start_date,backbone,education'];
  for (let i = 0; i < 36; i++) teachers.push(`U${100 + i},U1,F,1980-01-01,${SUBJECTS[i % SUBJECTS.length]},2008-09-01,${i < 4 ? 'county' : 'none'},bachelor`);
  teachers.push('A1,R1,M,1980-01-01,chinese,2010-09-01,none,college', 'A2,R1,M,1980-01-01,chinese,2010-09-01,none,secondary', 'A3,R1,F,1985-01-01,math,2012-09-01,none,bachelor');
  teachers.push('B1,R2,M,1980-01-01,chinese,2010-09-01,none,bachelor', 'B2,R2,M,1980-01-01,chinese,2010-09-01,none,bachelor', 'B3,R2,F,1985-01-01,math,2012-09-01,none,bachelor', 'B4,R2,F,1985-01-01,math,2012-09-01,none,bachelor', 'B5,R2,F,1985-01-01,english,2012-09-01,none,bachelor');
  const files: Record<string, string> = {
    'schools.csv': 'school_id,name,county,stage,area,students,classes,lat,lon\nU1,城关小学,鹿城区,primary,urban,800,20,28.0,120.65\nR1,山村小学,鹿城区,primary,rural,90,6,28.1,120.5\nR2,溪口小学,鹿城区,primary,rural,150,6,28.1,120.55\n',
    'teachers.csv': `${teachers.join('\n')}\n`,
  };
  if (needs !== null) files['needs.csv'] = needs;
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** Runs `rotation <args>` in-process; returns what it wrote and the exit code it set. */
const rotation = commandRunner(planCommand, checkCommand, validateCommand);

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { stats: Record<string, unknown>; gaps: { school_id: string; subject: string; needed: number }[]; balance: Record<string, unknown>[] };

describe('a scenario without needs.csv', () => {
  const dir = scenarioDir('no-needs', null);
  const out = join(root, 'no-needs-plan');

  it('the reader requires needs.csv unless told the needs come from the norms', async () => {
    await expect(readScenario(dir)).rejects.toThrow(InputError);
    await expect(readScenario(dir)).rejects.toThrow(/needs\.csv: 缺少必需的文件 \/ required file is missing/);
    expect((await readScenario(dir, { optionalNeeds: true })).scenario.needs).toEqual([]);
  });

  it('plans from the norms: every receiver\'s needs are derived, and plan.json says so', async () => {
    const run = await rotation('plan', dir, '--year', '2019', '--out', out, '--quiet');
    expect([0, 2]).toContain(run.code);
    const plan = readJson(join(out, 'plan.json'));
    expect(plan.stats).toMatchObject({ needs_mode: 'auto', needs_from_norms: ['R1', 'R2'], check: 'passed' });
    // R1 (6 classes, 16 periods a load): 13 posts required, 2 Chinese + 1 maths on hand → 10 needed;
    // R2: 2 Chinese, 2 maths, 1 English on hand → chinese 1, science 1, pe 2, music, art, it, morality 1 each = 8.
    const needed = (school: string) => plan.gaps.filter((g) => g.school_id === school).reduce((n, g) => n + g.needed, 0);
    expect(needed('R1')).toBe(10);
    expect(needed('R2')).toBe(8);
    expect(plan.gaps.find((g) => g.school_id === 'R2' && g.subject === 'pe')!.needed).toBe(2);
  });

  it('rotation check re-derives the same needs (plan.json says auto) and finds no violation', async () => {
    const run = await rotation('check', dir, join(out, 'plan.json'));
    expect(run.stdout).toContain('计划有效');
    expect(run.code).toBe(0);
  });

  it('--needs file wants needs.csv: plan and check exit 1 naming the file', async () => {
    const plan = await rotation('plan', dir, '--year', '2019', '--out', join(root, 'never'), '--needs', 'file', '--quiet');
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('needs.csv');
    const check = await rotation('check', dir, join(out, 'plan.json'), '--needs', 'file');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('needs.csv');
  });

  it('plan.xlsx has a 均衡 sheet with plan.json\'s balance numbers, and a 编制测算 sheet', async () => {
    const plan = readJson(join(out, 'plan.json'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'plan.xlsx'));
    const ws = wb.getWorksheet('均衡')!;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const at = (r: number, h: string) => ws.getRow(r).getCell(header.indexOf(h) + 1).value;
    expect(plan.balance).toHaveLength(3);
    plan.balance.forEach((b, i) => {
      expect(at(i + 2, '县市区')).toBe(b['county']);
      expect(at(i + 2, '差异系数（轮岗前）')).toBe(b['before']);
      expect(at(i + 2, '差异系数（轮岗后）')).toBe(b['after']);
      expect(at(i + 2, '国家标准')).toBe(b['limit']);
      expect(at(i + 2, '温州目标')).toBe(0.3);
    });
    expect(ws.rowCount).toBe(1 + plan.balance.length);
    expect(wb.getWorksheet('编制测算')!.rowCount).toBe(1 + 9 + 9);
  });
});

describe('--needs norms over a needs.csv', () => {
  const dir = scenarioDir('with-needs', 'school_id,subject,teachers,priority\nR1,music,1,1\nR2,art,1,1\n');
  const out = join(root, 'with-needs-plan');

  it('replaces every needs.csv row; check follows the plan\'s mode, and --needs file then finds the gaps unreported', async () => {
    await rotation('plan', dir, '--year', '2019', '--out', out, '--needs', 'norms', '--quiet');
    const plan = readJson(join(out, 'plan.json'));
    expect(plan.stats).toMatchObject({ needs_mode: 'norms', needs_from_norms: ['R1', 'R2'] });
    expect(plan.gaps.reduce((n, g) => n + g.needed, 0)).toBe(18);
    expect((await rotation('check', dir, join(out, 'plan.json'))).code).toBe(0);
    expect((await rotation('check', dir, join(out, 'plan.json'), '--needs', 'file')).code).toBe(2);
  });

  it('auto (the default) keeps the needs.csv rows of receivers that have them', async () => {
    const auto = join(root, 'with-needs-auto');
    await rotation('plan', dir, '--year', '2019', '--out', auto, '--quiet');
    const plan = readJson(join(auto, 'plan.json'));
    expect(plan.stats).toMatchObject({ needs_mode: 'auto', needs_from_norms: [] });
    expect(plan.gaps.map((g) => `${g.school_id}:${g.subject}:${g.needed}`).sort()).toEqual(['R1:music:1', 'R2:art:1']);
  });

  it('rotation validate --needs prints the derivation per school and subject', async () => {
    const run = await rotation('validate', dir, '--year', '2019', '--needs');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('编制测算');
    expect(run.stdout).toMatch(/R1\s+山村小学.*语文\s+44\s+2\.75\s+3\s+2\s+0\s+0\s+2\s+1/);
    const json = JSON.parse((await rotation('validate', dir, '--year', '2019', '--needs', '--json')).stdout) as { norms: { school_id: string; need: number }[] };
    expect(json.norms.map((n) => [n.school_id, n.need])).toEqual([['R1', 10], ['R2', 8]]);
  });
});

describe('schools.csv classes_by_grade (各年级班数)', () => {
  const write = (name: string, cells: string) => {
    const dir = scenarioDir(name, '学校代码,学科,缺编人数\n');
    const schools = `学校代码,县市区,学段,城乡类别,学生数,班级数,各年级班数\nU1,鹿城区,小学,城区,800,20,\nR1,鹿城区,小学,乡村,90,6,${cells}\nR2,鹿城区,九年一贯制,乡村,150,6,\n`;
    writeFileSync(join(dir, 'schools.csv'), schools);
    return dir;
  };

  it('one whole number per grade of the stage, read as a list', async () => {
    const { scenario } = await readScenario(write('grades-ok', '1;1;1;1;1;2'));
    expect(scenario.schools.find((s) => s.school_id === 'R1')!.classes_by_grade).toEqual([1, 1, 1, 1, 1, 2]);
    expect(scenario.schools.find((s) => s.school_id === 'R2')!.classes_by_grade).toBeUndefined();
  });

  it('a count that does not match the stage is an error naming file, row and column', async () => {
    const err = await readScenario(write('grades-bad', '2;2;2')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems).toEqual([expect.objectContaining({ file: 'schools.csv', row: 3, column: '各年级班数 (G)' })]);
    expect((err as InputError).message).toContain('must give 6 numbers, one per grade 1–6, not 3');
  });
});

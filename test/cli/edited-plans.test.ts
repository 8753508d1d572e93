/**
 * The test bar of issue 17: plans made with `--set`, edited by hand (plan.json
 * and plan.xlsx) and re-checked. A plan checks as it was made (plan.json
 * records its policy overrides and check, suggest, replan and diff use them);
 * an edit that breaks no rule passes with its stale figures as notes; an edit
 * that breaks one fails naming it; the balance indicator pushed over its
 * national limit is a warning, not a breach.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check.js';
import { diffCommand } from '../../src/cli/diff.js';
import { planCommand } from '../../src/cli/plan.js';
import { replanCommand } from '../../src/cli/replan.js';
import { suggestCommand } from '../../src/cli/suggest.js';
import type { Plan } from '../../src/domain/plan.js';
import { commandRunner } from './run-commands.js';

const DEMO = fileURLToPath(new URL('../../scenarios/lucheng-demo', import.meta.url));
const rotation = commandRunner(planCommand, checkCommand, suggestCommand, replanCommand, diffCommand);

let dir = '';
/** The demo planned with --set rotation.min_share=0.15, and with the scenario's own policy. */
let made = '';
let plain = '';
let plainRun = { stdout: '', stderr: '', code: 0 };
const planOf = async (folder: string): Promise<Plan> => JSON.parse(await readFile(join(folder, 'plan.json'), 'utf8')) as Plan;
const json = (stdout: string) => JSON.parse(stdout) as { valid: boolean; violations: { rule: string; message: string }[]; notes: { rule: string; message: string }[]; policy_overrides?: unknown; recomputed_from?: string };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotation-edited-'));
  made = join(dir, 'made');
  plain = join(dir, 'plain');
  const run = await rotation('plan', DEMO, '--year', '2019', '--out', made, '--set', 'rotation.min_share=0.15', '--quiet', '--jobs', '1');
  expect(run.code).toBe(0);
  plainRun = await rotation('plan', DEMO, '--year', '2019', '--out', plain, '--quiet', '--jobs', '1');
}, 120_000);
afterAll(async () => { if (dir !== '') await rm(dir, { recursive: true, force: true }); });

/** A copy of the made plan's folder (plan.json + plan.xlsx), to edit. */
async function copyOfMade(name: string): Promise<string> {
  const to = join(dir, name);
  await mkdir(to, { recursive: true });
  for (const f of ['plan.json', 'plan.xlsx']) await copyFile(join(made, f), join(to, f));
  return to;
}

describe('a plan made with --set checks as it was made', () => {
  it('plan.json records policy_overrides; check applies them, says so, and passes', async () => {
    expect((await planOf(made)).policy_overrides).toEqual({ 'rotation.min_share': 0.15 });
    expect((await planOf(plain)).policy_overrides).toBeUndefined();
    const run = await rotation('check', DEMO, join(made, 'plan.json'), '--json');
    expect(run.stderr).toContain("using the plan's policy overrides (plan.json policy_overrides): rotation.min_share=0.15");
    expect(run.code).toBe(0);
    expect(json(run.stdout)).toMatchObject({ valid: true, violations: [], notes: [], policy_overrides: { 'rotation.min_share': 0.15 } });
  });

  it('--no-plan-policy judges by the scenario\'s policy alone: the required figures differ (notes) and it says it left them out', async () => {
    const run = await rotation('check', DEMO, join(made, 'plan.json'), '--json', '--no-plan-policy');
    expect(run.stderr).toContain('not applying');
    expect(json(run.stdout).notes.some((n) => /required is 2 in the plan, 1 by count/.test(n.message))).toBe(true);
  });

  it('suggest judges candidates under the plan\'s policy (no candidate fails on the made plan\'s own quotas)', async () => {
    const run = await rotation('suggest', DEMO, join(made, 'plan.json'), '--school', 'LC-P008', '--subject', 'art', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('rotation.min_share=0.15');
    const { candidates } = JSON.parse(run.stdout) as { candidates: { violations: string[] }[] };
    expect(candidates.length).toBeGreaterThan(0);
    // Only real rule changes of the move remain (at most the sender's cap), not the totals a different policy would give.
    for (const c of candidates) expect(c.violations.filter((v) => v.includes('required')).length).toBe(0);
  });

  it('replan --from the made plan plans under the same overrides and records them; the final plan checks', async () => {
    const out = join(dir, 'final');
    const run = await rotation('replan', DEMO, '--from', join(made, 'plan.json'), '--out', out, '--quiet');
    expect(run.stderr).toContain('rotation.min_share=0.15');
    expect((await planOf(out)).policy_overrides).toEqual({ 'rotation.min_share': 0.15 });
    // Changes are listed with the teacher's name (the demo's objections change at least one teacher).
    const changes = (await planOf(out))['changes'] as { teacher_id: string }[];
    expect(changes.length).toBeGreaterThan(0);
    const roster = (await readFile(join(DEMO, 'teachers.csv'), 'utf8')).split('\n').map((l) => l.split(','));
    for (const c of changes) {
      const name = roster.find((r) => r[0] === c.teacher_id)![1]!;
      expect(run.stdout).toMatch(new RegExp(`${c.teacher_id}\\s+${name}`));
    }
    expect((await rotation('check', DEMO, join(out, 'plan.json'))).code).toBe(0);
  });

  it('diff names the teachers and says when the two plans were made under different overrides', async () => {
    const run = await rotation('diff', join(plain, 'plan.json'), join(made, 'plan.json'), '--lang', 'en');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('different policy overrides');
    expect(run.stdout).toContain('(无 none) → rotation.min_share=0.15');
    const names = (await planOf(made)).assignments.map((a) => a['name'] as string);
    expect(names.every((n) => typeof n === 'string' && n !== '')).toBe(true);
    const d = JSON.parse((await rotation('diff', join(plain, 'plan.json'), join(made, 'plan.json'), '--json')).stdout) as { teachers: { name: string | null }[]; policy_overrides: unknown };
    expect(d.teachers.length).toBeGreaterThan(0);
    expect(d.teachers.every((t) => t.name !== null && t.name !== '')).toBe(true);
    expect(d.policy_overrides).toEqual({ before: {}, after: { 'rotation.min_share': 0.15 } });
  });
});

const STRONG = new Set(['county', 'municipal', 'provincial']);

/**
 * Two gap-filling assignments of the same subject at different receivers, one
 * county-level backbone teacher and one not, whose receivers both keep a
 * backbone teacher after the swap: a swap that breaks no rule but leaves the
 * distances and county_backbone_after stale.
 */
function sameSubjectPair(plan: Plan): [number, number] {
  const after = new Map(plan.receivers.map((r) => [r.school_id, r.county_backbone_after]));
  for (let i = 0; i < plan.assignments.length; i++) {
    for (let j = 0; j < plan.assignments.length; j++) {
      const [a, b] = [plan.assignments[i]!, plan.assignments[j]!];
      if (a.subject !== b.subject || a.to_school === b.to_school || a.kind !== 'gap' || b.kind !== 'gap') continue;
      if (STRONG.has(a.backbone) && !STRONG.has(b.backbone) && (after.get(a.to_school) ?? 0) >= 2) return [i, j];
    }
  }
  throw new Error('no same-subject pair in the demo plan');
}

describe('plan.json edited by hand', () => {
  it('swapping the receivers of two same-subject teachers breaks no rule: exit 0, the stale distances and R5 counts are notes; --strict fails on them', async () => {
    const folder = await copyOfMade('json-swap');
    const plan = await planOf(folder);
    const [i, j] = sameSubjectPair(plan);
    const [a, b] = [plan.assignments[i]!, plan.assignments[j]!];
    [a.to_school, b.to_school] = [b.to_school, a.to_school];
    await writeFile(join(folder, 'plan.json'), JSON.stringify(plan, null, 2));
    const run = await rotation('check', DEMO, join(folder, 'plan.json'), '--json');
    const out = json(run.stdout);
    expect(out.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(out.notes.some((n) => n.rule === 'distance')).toBe(true);
    expect(out.notes.some((n) => /county_backbone_after/.test(n.message))).toBe(true);
    const text = await rotation('check', DEMO, join(folder, 'plan.json'));
    expect(text.stdout).toContain('计划有效 / the plan breaks no rule');
    expect(text.stdout).toContain('bookkeeping note(s)');
    expect((await rotation('check', DEMO, join(folder, 'plan.json'), '--strict')).code).toBe(2);
    // suggest on the edited plan judges moves as check does: the stale figures count against no candidate.
    const sug = await rotation('suggest', DEMO, join(folder, 'plan.json'), '--school', 'LC-P008', '--subject', 'art', '--json');
    const { candidates } = JSON.parse(sug.stdout) as { candidates: { violations: string[] }[] };
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(c.violations.filter((v) => /plan states|in the plan, \d+ by count/.test(v))).toEqual([]);
  });

  it('sending a teacher to a school that does not receive breaks a rule: exit 2, naming it', async () => {
    const folder = await copyOfMade('json-bad');
    const plan = await planOf(folder);
    plan.assignments[0]!.to_school = plan.assignments[0]!.from_school;
    await writeFile(join(folder, 'plan.json'), JSON.stringify(plan, null, 2));
    const run = await rotation('check', DEMO, join(folder, 'plan.json'), '--json');
    expect(run.code).toBe(2);
    expect(json(run.stdout).violations.some((v) => v.rule === 'county')).toBe(true);
  });
});

/** Opens a plan.xlsx, lets `edit` change its 轮岗名单 (or Assignments) sheet, and saves it under `name` in the same folder. */
async function editWorkbook(folder: string, name: string, edit: (ws: ExcelJS.Worksheet, col: (header: string) => number) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(folder, 'plan.xlsx'));
  const ws = wb.getWorksheet('轮岗名单') ?? wb.getWorksheet('Assignments')!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  edit(ws, (h) => {
    const i = headers.indexOf(h);
    if (i < 1) throw new Error(`no column ${h}`);
    return i;
  });
  const path = join(folder, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('plan.xlsx edited in Excel (轮岗名单)', () => {
  it('check reads the sheet, recomputes from HR\'s decisions, and passes a swap of two same-subject teachers with the stale distances as notes', async () => {
    const folder = await copyOfMade('xlsx-swap');
    const [i, j] = sameSubjectPair(await planOf(folder));
    const path = await editWorkbook(folder, 'edited.xlsx', (ws, col) => {
      const [ri, rj] = [ws.getRow(i + 2), ws.getRow(j + 2)];
      for (const h of ['接收学校代码', '接收学校']) {
        const c = col(h);
        const x = ri.getCell(c).value;
        ri.getCell(c).value = rj.getCell(c).value;
        rj.getCell(c).value = x;
      }
    });
    const run = await rotation('check', DEMO, path, '--json');
    const out = json(run.stdout);
    expect(run.stderr).toContain('recomputing the plan from edited.xlsx#轮岗名单 (13 row(s))');
    expect(run.stderr).toContain('rotation.min_share=0.15');
    expect(out.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(out.recomputed_from).toBe('edited.xlsx#轮岗名单');
    expect(out.notes.filter((n) => n.rule === 'distance')).toHaveLength(2);
  });

  it('an unchanged workbook checks clean: no violation, no note', async () => {
    const run = await rotation('check', DEMO, join(made, 'plan.xlsx'), '--json');
    expect(run.code).toBe(0);
    expect(json(run.stdout)).toMatchObject({ valid: true, violations: [], notes: [] });
  });

  it('a row HR adds with only 教师编号, 接收学校代码 and 任教学科 (in Chinese) is checked like the others; an ineligible teacher is an R3 violation', async () => {
    const folder = await copyOfMade('xlsx-add');
    const plan = await planOf(folder);
    const away = new Set(plan.assignments.map((a) => a.teacher_id));
    // A teacher of a receiving school cannot rotate (R3: only teachers of sending schools are eligible).
    const csv = await readFile(join(DEMO, 'teachers.csv'), 'utf8');
    const rural = csv.split('\n').find((l) => /,LC-P00[6-9],/.test(l) && !away.has(l.split(',')[0]!))!.split(',')[0]!;
    const path = await editWorkbook(folder, 'added.xlsx', (ws, col) => {
      const row = ws.getRow(plan.assignments.length + 2);
      row.getCell(col('教师编号')).value = rural;
      row.getCell(col('接收学校代码')).value = 'LC-P004';
      row.getCell(col('任教学科')).value = '语文';
      row.commit();
    });
    const run = await rotation('check', DEMO, path, '--json');
    expect(run.code).toBe(2);
    expect(json(run.stdout).violations.some((v) => v.rule === 'R3' && v.message.includes(rural))).toBe(true);
  });

  it('an unknown subject is bad input naming the sheet, line and column (exit 1)', async () => {
    const folder = await copyOfMade('xlsx-bad-subject');
    const path = await editWorkbook(folder, 'bad.xlsx', (ws, col) => { ws.getRow(3).getCell(col('任教学科')).value = '书法'; });
    const run = await rotation('check', DEMO, path).catch((e: Error) => ({ stdout: '', stderr: e.message, code: 1 }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.xlsx#轮岗名单, row 3, column 任教学科 \([A-Z]+\): "书法" 不是学科/);
  });

  it('a workbook without plan.json beside it takes the year from its start dates; one without an assignments sheet lists the sheets it has', async () => {
    const lone = join(dir, 'lone');
    await mkdir(lone, { recursive: true });
    await copyFile(join(plain, 'plan.xlsx'), join(lone, 'plan.xlsx'));
    const run = await rotation('check', DEMO, join(lone, 'plan.xlsx'), '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ plan_year: 2019, valid: true });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['a']);
    await wb.xlsx.writeFile(join(lone, 'empty.xlsx'));
    const bad = await rotation('check', DEMO, join(lone, 'empty.xlsx')).catch((e: Error) => ({ stdout: '', stderr: e.message, code: 1 }));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"Sheet1"');
  });

  it('an English workbook (--lang en: Assignments, English headers) is read the same way', async () => {
    const en = join(dir, 'en');
    expect((await rotation('plan', DEMO, '--year', '2019', '--out', en, '--lang', 'en', '--quiet', '--jobs', '1')).code).toBe(0);
    const run = await rotation('check', DEMO, join(en, 'plan.xlsx'), '--json');
    expect(run.code).toBe(0);
    expect(json(run.stdout)).toMatchObject({ valid: true, notes: [], recomputed_from: 'plan.xlsx#Assignments' });
  }, 60_000);
});

describe('the balance indicator over its national limit is a warning, not a breach', () => {
  it('the demo plan: primary backbone 差异系数 0.358 → 1.359 (limit 0.5) is printed and listed in plan.json warnings; exit code 0, 0 shortfalls', async () => {
    expect(plainRun.code).toBe(0);
    expect(plainRun.stdout).toContain('0 shortfalls');
    expect(plainRun.stdout).toMatch(/警告 warning 鹿城区 小学县级以上骨干教师差异系数 0\.358 → 1\.359，计划后超过国家标准 0\.5/);
    const plan = await planOf(plain);
    expect(plan.warnings).toContainEqual(expect.objectContaining({ kind: 'balance_limit', stage: 'primary', indicator: 'backbone', limit: 0.5 }));
    expect(plan.shortfalls).toEqual([]);
    // The checker does not count it as a violation.
    expect((await rotation('check', DEMO, join(plain, 'plan.json'))).code).toBe(0);
  });
});

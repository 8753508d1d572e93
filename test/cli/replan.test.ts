/**
 * `rotation replan` and `rotation suggest` on the bundled demo county with its
 * objections.csv: the final plan honours the objections, lists its changes
 * (plan.json `changes`, the 变动 sheet), and passes `rotation check`; bad
 * objections exit 1 and write nothing.
 */
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check.js';
import { replanCommand } from '../../src/cli/replan.js';
import { suggestCommand } from '../../src/cli/suggest.js';
import { planScenario } from '../../src/engine/plan.js';
import { loadSolver } from '../../src/engine/solvers.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { planJsonText } from '../../src/io/export/write-plan.js';
import { applyNeedsMode } from '../../src/policy/norms.js';
import { extendPlan } from '../../src/report/plan-report.js';
import { termOf } from '../../src/policy/term.js';
import { commandRunner } from './run-commands.js';

const DEMO = fileURLToPath(new URL('../../scenarios/lucheng-demo', import.meta.url));

const rotation = commandRunner(replanCommand, checkCommand, suggestCommand);

let dir = '';
let provisional = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotation-replan-'));
  const { scenario } = await readScenario(DEMO);
  provisional = join(dir, 'provisional.json');
  await writeFile(provisional, planJsonText(extendPlan(scenario, planScenario(scenario, 2019, { solver: await loadSolver('auto') }).plan)));
});

describe('rotation replan on lucheng-demo', () => {
  it('honours the four bundled objections, lists every change with its objection row, and the final plan passes check', async () => {
    const out = join(dir, 'final');
    const run = await rotation('replan', DEMO, '--from', provisional, '--out', out, '--quiet');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/采纳异议 4 条；暂定名单 11 人中变动 \d+ 人/);
    const plan = JSON.parse(await readFile(join(out, 'plan.json'), 'utf8'));
    const at = (id: string) => plan.assignments.find((a: { teacher_id: string }) => a.teacher_id === id);
    expect(at('T000097')).toBeUndefined(); // row 2: keep
    expect(at('T000041')?.to_school).not.toBe('LC-P008'); // row 3: not_to
    expect(at('T000079')?.to_school).toBe('LC-J003'); // row 4: to
    expect([at('T000026')?.to_school, at('T000002')?.to_school]).toEqual(['LC-P009', 'LC-P006']); // row 5: swap
    expect(plan.changes.length).toBe(plan.stats.changed);
    expect(plan.changes.every((c: { objection_row: number | null }) => c.objection_row !== null)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'plan.xlsx'));
    expect(wb.getWorksheet('变动')?.rowCount).toBe(plan.changes.length + 1);
    const check = await rotation('check', DEMO, join(out, 'plan.json'));
    expect(check.stdout).toContain('计划有效');
    expect(check.stdout).not.toContain('not part of the plan format'); // every field replan writes is known to the check
    expect(check.code).toBe(0);
  });

  it('a swap of two teachers neither of whom is in the provisional plan: exit 1, objections.csv row named, nothing written', async () => {
    const scenario = join(dir, 'bad-scenario');
    await cp(DEMO, scenario, { recursive: true });
    await writeFile(join(scenario, 'objections.csv'), 'teacher_id,kind,other_teacher_id\nT000001,swap,T000006\n');
    const out = join(dir, 'bad-out');
    const run = await rotation('replan', scenario, '--from', provisional, '--out', out, '--quiet');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('objections.csv, row 2, column other_teacher_id (C)');
    await expect(stat(out)).rejects.toThrow();
  });

  it('takes its needs where the provisional plan did: a plan from the staffing norms replans unchanged without objections', async () => {
    const { scenario } = await readScenario(DEMO);
    const { objections: _, ...without } = scenario;
    const normed = applyNeedsMode(without, termOf(2019, scenario.policy), 'norms').scenario;
    const prov = extendPlan(normed, planScenario(normed, 2019, { solver: await loadSolver('auto') }).plan);
    expect(prov.stats['needs_mode']).toBe('norms');
    const folder = join(dir, 'no-objections');
    await cp(DEMO, folder, { recursive: true });
    await rm(join(folder, 'objections.csv'));
    const from = join(dir, 'normed.json');
    await writeFile(from, planJsonText(prov));
    const run = await rotation('replan', folder, '--from', from, '--out', join(dir, 'normed-final'), '--quiet');
    expect(run.stdout).toContain(`暂定名单 ${prov.assignments.length} 人中变动 0 人`);
    const final = JSON.parse(await readFile(join(dir, 'normed-final', 'plan.json'), 'utf8'));
    expect(final.stats.needs_mode).toBe('norms');
    expect(final.stats.gaps_needed).toBe(prov.stats.gaps_needed);
  });

  it('suggest --json lists candidates for an open post with their effects and the check verdict', async () => {
    const run = await rotation('suggest', DEMO, provisional, '--school', 'LC-P008', '--subject', '美术', '--top', '3', '--json');
    expect(run.code).toBe(0);
    const { candidates } = JSON.parse(run.stdout);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThanOrEqual(3);
    for (const c of candidates) {
      expect(c.subject).toBe('art');
      expect(typeof c.passes_check).toBe('boolean');
      expect(c.effects.length).toBeGreaterThan(0);
    }
  });
});

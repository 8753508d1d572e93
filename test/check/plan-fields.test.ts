/**
 * Issue 15: `rotation check` lists the fields of a hand-edited plan.json that
 * are not part of the plan format — a note, not a violation — so a reviewer
 * sees what the check did not read. Every field the planner writes is known.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownFieldText, unknownPlanFields } from '../../src/domain/plan-fields.js';
import { checkCommand } from '../../src/cli/check.js';
import { planCommand } from '../../src/cli/plan.js';
import { commandRunner } from '../cli/run-commands.js';

const DEMO = fileURLToPath(new URL('../../scenarios/lucheng-demo', import.meta.url));
const rotation = commandRunner(planCommand, checkCommand);
let dir = '';
let written = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotation-fields-'));
  const run = await rotation('plan', DEMO, '--year', '2019', '--out', join(dir, 'out'), '--quiet', '--set', 'balance.backbone_weight=0.02');
  expect(run.code).toBe(0);
  written = await readFile(join(dir, 'out', 'plan.json'), 'utf8');
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('unknownPlanFields', () => {
  it('a plan as the planner writes it has none', () => {
    expect(unknownPlanFields(JSON.parse(written))).toEqual([]);
  });

  it('names each unknown field once, with the items it is in; open maps (allowance items, objective levels) take any name', () => {
    const plan = JSON.parse(written) as { assignments: Record<string, unknown>[]; allowances: { items: Record<string, number> }[]; period: Record<string, unknown> } & Record<string, unknown>;
    plan.assignments[0]!['to_shcool'] = 'X';
    plan.assignments[2]!['to_shcool'] = 'Y';
    plan.period['note'] = 'hand edit';
    plan['reviewer'] = '王';
    plan.allowances[0]!.items['新补贴'] = 100;
    expect(unknownPlanFields(plan)).toEqual([
      { path: 'period.note', items: [] },
      { path: 'assignments[].to_shcool', items: [1, 3] },
      { path: 'reviewer', items: [] },
    ]);
    expect(unknownFieldText({ path: 'assignments[].x', items: [1, 2, 3, 4, 5, 6, 7] })).toBe('assignments[].x (items 1, 2, 3, 4, 5 … 7 in all)');
  });
});

describe('rotation check on a hand-edited plan with unknown fields', () => {
  it('lists them in a note; the verdict and exit code are those of the rules alone', async () => {
    const plan = JSON.parse(written) as { assignments: Record<string, unknown>[] } & Record<string, unknown>;
    plan.assignments[1]!['comment'] = '家长同意';
    plan['approved_by'] = '人事科';
    const path = join(dir, 'edited.json');
    await writeFile(path, JSON.stringify(plan));
    const run = await rotation('check', DEMO, path);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('计划有效');
    expect(run.stdout).toContain('注 / note: edited.json 中有 2 个字段不属于计划格式，检查未读取 / 2 fields are not part of the plan format and were not checked:');
    expect(run.stdout).toContain('  assignments[].comment (item 2)\n  approved_by\n');
    const json = JSON.parse((await rotation('check', DEMO, path, '--json')).stdout) as { valid: boolean; unknown_fields: unknown };
    expect(json).toMatchObject({ valid: true, unknown_fields: [{ path: 'assignments[].comment', items: [2] }, { path: 'approved_by', items: [] }] });
  });

  it('the plan as written gets no note', async () => {
    const run = await rotation('check', DEMO, join(dir, 'out', 'plan.json'));
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('note');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, ROOT, rotation } from '../cli/built-cli.js';
import { assignment, ouhaiPlan } from './fixtures.js';

/** test/fixtures/check/ouhai: ouhai() as CSV, with 张伟 renamed "=1+1" and given the id 007 (beside 0007). */
const scenarioDir = join(ROOT, 'test', 'fixtures', 'check', 'ouhai');
let dir = '';

beforeAll(() => {
  buildCli('cli/check.js');
  dir = mkdtempSync(join(tmpdir(), 'rotation-check-'));
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function check(planText: string, ...flags: string[]) {
  const path = join(dir, 'plan.json');
  writeFileSync(path, planText);
  return rotation('check', scenarioDir, path, ...flags);
}

const valid = ouhaiPlan({ assignments: [assignment('007', 'OH-P001', 'OH-R001', 'math', { backbone: 'county', distance_km: 11.12, kind: 'gap' })] });

describe('rotation check exit codes', () => {
  it('0 and "计划有效" for a plan that breaks no rule', () => {
    const r = check(JSON.stringify(valid, null, 2));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('计划有效');
    expect(r.code).toBe(0);
  });

  it('2 and a list naming rule, school and teacher for a plan that breaks a rule', () => {
    const late = { ...valid, assignments: [{ ...valid.assignments[0]!, end_date: '2020-09-30' }] };
    const r = check(JSON.stringify(late));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('period');
    expect(r.stdout).toContain('OH-R001');
    expect(r.stdout).toContain('=1+1 (007)');
  });

  it('--json prints { valid, violations, notes } and keeps the exit code', () => {
    const wrongId = { ...valid, assignments: [{ ...valid.assignments[0]!, teacher_id: '0007' }] };
    const r = check(JSON.stringify(wrongId), '--json');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { valid: boolean; violations: { rule: string; teacher_id?: string }[] };
    expect(out.valid).toBe(false);
    expect(out.violations).toContainEqual(expect.objectContaining({ rule: 'qualification', teacher_id: '0007' }));
    expect(JSON.parse(check(JSON.stringify(valid), '--json').stdout)).toEqual({ valid: true, violations: [], notes: [] });
  });

  it('1 for a plan.json that is not JSON, naming the file', () => {
    const r = check('{ not json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('plan.json');
    expect(r.stderr).toContain('not valid JSON');
    expect(r.stdout).toBe('');
  });

  it('1 for a plan.json that does not fit the format, naming row and JSON path', () => {
    const r = check(JSON.stringify({ ...valid, assignments: [{ ...valid.assignments[0]!, pinned: 'yes' }] }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('plan.json, row 1, column assignments[0].pinned');
  });

  it('--set overrides the policy the plan is checked against', () => {
    const r = check(JSON.stringify(valid), '--set', 'assignment.max_distance_km=5');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('distance');
  });
});

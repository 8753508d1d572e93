import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/io/read/plan-json.js';
import { InputError } from '../../src/domain/errors.js';
import { ouhaiPlan } from './fixtures.js';

function problemsOf(text: string) {
  try {
    parsePlanText(text, 'plan.json');
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('plan.json is read through planSchema', () => {
  it('a plan written as JSON (with a BOM and extra fields) reads back', () => {
    const text = `\uFEFF${JSON.stringify({ ...ouhaiPlan(), note: 'edited by hand' })}`;
    expect(parsePlanText(text, 'plan.json').assignments[0]!.teacher_id).toBe('T01');
  });

  it('text that is not JSON names the file', () => {
    const [p, ...rest] = problemsOf('{"plan_year": 2019,');
    expect(rest).toEqual([]);
    expect(p!.file).toBe('plan.json');
    expect(p!.message).toContain('not valid JSON');
  });

  it('a field of the wrong type names its JSON path, and the assignment\'s number as the row', () => {
    const plan = ouhaiPlan();
    const bad = { ...plan, assignments: [plan.assignments[0], { ...plan.assignments[0], distance_km: 'far' }] };
    const problems = problemsOf(JSON.stringify(bad));
    expect(problems).toEqual([expect.objectContaining({ file: 'plan.json', row: 2, column: 'assignments[1].distance_km' })]);
  });

  it('a missing table names it, without a row', () => {
    const { stats: _stats, ...noStats } = ouhaiPlan();
    const problems = problemsOf(JSON.stringify(noStats));
    expect(problems).toEqual([expect.objectContaining({ file: 'plan.json', column: 'stats' })]);
    expect(problems[0]!.row).toBeUndefined();
  });
});

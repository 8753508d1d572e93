import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/domain/policy.js';
import { countyInputs } from '../../src/engine/county.js';
import { decompose, EXTRA, extrasIntoOpenPosts, type Move } from '../../src/engine/decompose.js';
import { buildCountyModel } from '../../src/engine/model.js';
import { eligibilityAll } from '../../src/policy/eligibility.js';
import { termOf } from '../../src/policy/term.js';
import { rural, scenario, staff, urban } from './builders.js';

// One sender of 30 (R1 needs 3), one receiver needing 2 math teachers.
function county() {
  const s = scenario({
    schools: [urban('U1'), rural('R1')],
    teachers: staff('U1-', 'U1', 30, ['chinese', 'math']),
    needs: [{ school_id: 'R1', subject: 'math', teachers: 2, priority: 1 }],
  });
  const term = termOf(2019, s.policy);
  const [input] = countyInputs(s, term, eligibilityAll(s, term));
  return input!;
}

describe('extra teachers at a receiver with an open post in their subject fill it (a plan cut short by the time limit)', () => {
  it('relabels as many as the post has room for, and nothing else', () => {
    const input = county();
    const math = input.classes.find((c) => c.main === 'math')!;
    const chinese = input.classes.find((c) => c.main === 'chinese')!;
    const move = (i: number, cls: typeof math, role: string): Move => ({ teacher: cls.members[i]!, cls, receiver: 'R1', role, r5: false });
    const moves = [move(0, math, 'math'), move(1, math, EXTRA), move(2, math, EXTRA), move(0, chinese, EXTRA)];
    const out = extrasIntoOpenPosts(moves, input);
    expect(out.map((m) => m.role)).toEqual(['math', 'math', EXTRA, EXTRA]);
    expect(out.map((m) => m.teacher.teacher_id)).toEqual(moves.map((m) => m.teacher.teacher_id));
  });

  it('leaves an optimal plan as it is', () => {
    const input = county();
    const model = buildCountyModel(input, defaultPolicy());
    // Two math teachers fill the posts, one more teacher is an extra (R1 needs 3).
    const values = new Map<string, number>();
    for (const v of model.variables) values.set(v.name, 0);
    const math = input.classes.find((c) => c.main === 'math')!;
    const chinese = input.classes.find((c) => c.main === 'chinese')!;
    const a = (cls: typeof math, role: string) => model.classVars.get(cls.id)!.find((x) => x.role === role && x.receiver === null)!.name;
    const z = (sender: string, role: string) => model.flows.get(sender)!.find((f) => f.role === role && f.receiver === 'R1')!.name;
    values.set(a(math, 'math'), 2);
    values.set(z('U1', 'math'), 2);
    values.set(a(chinese, EXTRA), 1);
    values.set(z('U1', EXTRA), 1);
    const moves = decompose(model, values);
    expect(extrasIntoOpenPosts(moves, input)).toEqual(moves);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/domain/policy.js';
import { decompose, EXTRA, extrasIntoOpenPosts, type Move } from '../../src/engine/decompose.js';
import { buildCountyModel } from '../../src/engine/model.js';
import { inputsOf, rural, scenario, staff, urban } from './builders.js';

// One sender of 30 (R1 needs 3), one receiver needing 2 math teachers.
function county() {
  const s = scenario({
    schools: [urban('U1'), rural('R1')],
    teachers: staff('U1-', 'U1', 30, ['chinese', 'math']),
    needs: [{ school_id: 'R1', subject: 'math', teachers: 2, priority: 1 }],
  });
  return inputsOf(s)[0]!;
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

  it('decompose applies it: a solution with an extra math teacher beside an open math post names them for the post', () => {
    const input = county();
    const model = buildCountyModel(input, defaultPolicy());
    const math = input.classes.find((c) => c.main === 'math')!;
    const chinese = input.classes.find((c) => c.main === 'chinese')!;
    const a = (cls: typeof math, role: string) => model.classVars.get(cls.id)!.find((x) => x.role === role && x.receiver === null)!.name;
    const z = (role: string) => model.flows.get('U1')!.find((f) => f.role === role && f.receiver === 'R1')!.name;
    // Not optimal (as a time-out may leave it): one math teacher fills a post, one is an extra, one Chinese extra.
    const values = new Map<string, number>([[a(math, 'math'), 1], [z('math'), 1], [a(math, EXTRA), 1], [a(chinese, EXTRA), 1], [z(EXTRA), 2]]);
    const moves = decompose(model, values);
    expect(moves.map((m) => [m.cls.main, m.role]).sort()).toEqual([['chinese', EXTRA], ['math', 'math'], ['math', 'math']]);
  });
});

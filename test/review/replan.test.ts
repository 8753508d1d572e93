/** rotation replan: each objection kind is a hard rule, and the final plan changes as few provisional assignments as R1/R2 allow. */
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import { InputError } from '../../src/domain/errors.js';
import type { Plan } from '../../src/domain/plan.js';
import type { Scenario } from '../../src/domain/scenario.js';
import type { Objection } from '../../src/domain/tables.js';
import { planScenario } from '../../src/engine/plan.js';
import { extendPlan } from '../../src/report/plan-report.js';
import { scenarioForCheck } from '../../src/review/plan-locks.js';
import { replanScenario } from '../../src/review/replan.js';
import { rural, scenario, staff, urban } from '../engine/builders.js';

/** Two senders of 10 (chinese/math alternating), three receivers each lacking one chinese and one math teacher. */
function county(): Scenario {
  return scenario({
    schools: [urban('U1'), urban('U2', { lat: 28.02 }), rural('R1'), rural('R2', { lat: 28.12 }), rural('R3', { lat: 28.14 })],
    teachers: [...staff('A', 'U1', 10), ...staff('B', 'U2', 10)],
    needs: [
      { school_id: 'R1', subject: 'chinese', teachers: 1, priority: 1 }, { school_id: 'R2', subject: 'math', teachers: 1, priority: 1 },
      { school_id: 'R3', subject: 'chinese', teachers: 1, priority: 2 }, { school_id: 'R3', subject: 'math', teachers: 1, priority: 3 },
    ],
  });
}

const objection = (o: Partial<Objection> & Pick<Objection, 'teacher_id' | 'kind'>): Objection => ({ school_id: null, other_teacher_id: null, reason: '', ...o });
const places = (p: Plan) => p.assignments.map((a) => `${a.teacher_id}>${a.to_school}:${a.subject}`).sort();

function provisional(s: Scenario): Plan {
  return extendPlan(s, planScenario(s, 2019).plan);
}

function replan(s: Scenario, objections: Objection[]) {
  const prov = provisional(s);
  const result = replanScenario({ ...s, objections }, prov, 2019);
  expect(checkPlan(result.scenario, result.plan)).toEqual([]);
  return { prov, result };
}

describe('rotation replan', () => {
  it('no objections: the final plan is the provisional plan, nothing changed', () => {
    const { prov, result } = replan(county(), []);
    expect(places(result.plan)).toEqual(places(prov));
    expect(result.changes).toEqual([]);
  });

  it('keep: the teacher stays home; the one replacement R1 needs comes from the same sender (2 changes)', () => {
    const s = county();
    const prov = provisional(s);
    const a = prov.assignments[0]!;
    const result = replanScenario({ ...s, objections: [objection({ teacher_id: a.teacher_id, kind: 'keep' })] }, prov, 2019);
    expect(checkPlan(result.scenario, result.plan)).toEqual([]);
    expect(result.plan.assignments.some((x) => x.teacher_id === a.teacher_id)).toBe(false);
    const removed = result.changes.find((c) => c.teacher_id === a.teacher_id)!;
    expect(removed).toMatchObject({ change: 'removed', objection_row: 2 });
    expect(result.changes).toHaveLength(2);
    const added = result.changes.find((c) => c.change === 'added')!;
    expect(added.from_school).toBe(a.from_school);
    expect(added.objection_row).toBe(2);
    expect(added.cause).toContain(a.teacher_id);
    // The newcomer's assignment says why it changed.
    expect(result.plan.assignments.find((x) => x.teacher_id === added.teacher_id)!.reasons.at(-1)).toMatch(/^变动 \(added\)/);
  });

  it('not_to: the teacher goes elsewhere (one change), never to that school', () => {
    const s = county();
    const prov = provisional(s);
    const a = prov.assignments[0]!;
    const result = replanScenario({ ...s, objections: [objection({ teacher_id: a.teacher_id, kind: 'not_to', school_id: a.to_school })] }, prov, 2019);
    expect(checkPlan(result.scenario, result.plan)).toEqual([]);
    expect(result.plan.assignments.find((x) => x.teacher_id === a.teacher_id)?.to_school).not.toBe(a.to_school);
    expect(result.changes.length).toBeLessThanOrEqual(2);
    expect(result.changes.find((c) => c.teacher_id === a.teacher_id)?.objection_row).toBe(2);
  });

  it('to: a teacher not in the plan is placed at the school asked for', () => {
    const s = county();
    const prov = provisional(s);
    const idle = s.teachers.find((t) => t.school_id === 'U1' && t.subject === 'math' && !prov.assignments.some((a) => a.teacher_id === t.teacher_id))!;
    const result = replanScenario({ ...s, objections: [objection({ teacher_id: idle.teacher_id, kind: 'to', school_id: 'R3' })] }, prov, 2019);
    expect(checkPlan(result.scenario, result.plan)).toEqual([]);
    expect(result.plan.assignments.find((x) => x.teacher_id === idle.teacher_id)?.to_school).toBe('R3');
    expect(result.changes.find((c) => c.teacher_id === idle.teacher_id)).toMatchObject({ change: 'added', objection_row: 2 });
  });

  it('swap: two teachers in the plan exchange school and subject', () => {
    const s = county();
    const prov = provisional(s);
    const [a, b] = [prov.assignments.find((x) => x.from_school === 'U1')!, prov.assignments.find((x) => x.from_school === 'U2' && x.subject === prov.assignments.find((y) => y.from_school === 'U1')!.subject)];
    expect(b).toBeDefined();
    const result = replanScenario({ ...s, objections: [objection({ teacher_id: a.teacher_id, kind: 'swap', other_teacher_id: b!.teacher_id })] }, prov, 2019);
    expect(checkPlan(result.scenario, result.plan)).toEqual([]);
    const after = (id: string) => result.plan.assignments.find((x) => x.teacher_id === id);
    expect(after(a.teacher_id)).toMatchObject({ to_school: b!.to_school, subject: b!.subject });
    expect(after(b!.teacher_id)).toMatchObject({ to_school: a.to_school, subject: a.subject });
    expect(result.changes.map((c) => c.teacher_id).sort()).toEqual([a.teacher_id, b!.teacher_id].sort());
  });

  it('swap with a teacher not in the plan: that one takes the place, the other stays home', () => {
    const s = county();
    const prov = provisional(s);
    const a = prov.assignments.find((x) => x.from_school === 'U1')!;
    const idle = s.teachers.find((t) => t.school_id === 'U1' && t.subject === a.subject && !prov.assignments.some((x) => x.teacher_id === t.teacher_id))!;
    const result = replanScenario({ ...s, objections: [objection({ teacher_id: idle.teacher_id, kind: 'swap', other_teacher_id: a.teacher_id })] }, prov, 2019);
    expect(checkPlan(result.scenario, result.plan)).toEqual([]);
    expect(result.plan.assignments.find((x) => x.teacher_id === idle.teacher_id)).toMatchObject({ to_school: a.to_school, subject: a.subject });
    expect(result.plan.assignments.some((x) => x.teacher_id === a.teacher_id)).toBe(false);
    expect(result.changes).toHaveLength(2);
  });

  it('a swap of two teachers neither of whom is in the plan is bad input naming objections.csv and the row', () => {
    const s = county();
    const prov = provisional(s);
    const idle = s.teachers.filter((t) => !prov.assignments.some((x) => x.teacher_id === t.teacher_id));
    const objections = [objection({ teacher_id: idle[0]!.teacher_id, kind: 'swap', other_teacher_id: idle[1]!.teacher_id })];
    expect(() => replanScenario({ ...s, objections }, prov, 2019)).toThrow(InputError);
    try {
      replanScenario({ ...s, objections }, prov, 2019);
    } catch (err) {
      expect((err as InputError).problems[0]).toMatchObject({ file: 'objections.csv', row: 2, column: 'other_teacher_id' });
    }
  });

  it('a `to` for a teacher who is not eligible this year is bad input', () => {
    const s = county();
    const young = { ...s, teachers: s.teachers.map((t) => (t.teacher_id === 'A010' ? { ...t, school_start_date: '2017-09-01' } : t)) };
    const prov = provisional(young);
    expect(() => replanScenario({ ...young, objections: [objection({ teacher_id: 'A010', kind: 'to', school_id: 'R1' })] }, prov, 2019)).toThrow(/not eligible/);
  });

  it('rotation check uses the objection locks of a final plan, and refuses locks that objections.csv does not hold', () => {
    const s = county();
    const prov = provisional(s);
    const a = prov.assignments[0]!;
    const withObjection = { ...s, objections: [objection({ teacher_id: a.teacher_id, kind: 'keep' })] };
    const { plan } = replanScenario(withObjection, prov, 2019);
    expect(checkPlan(scenarioForCheck(withObjection, plan), plan)).toEqual([]);
    expect(() => scenarioForCheck({ ...s, objections: [] }, plan)).toThrow(/does not match objections.csv row 2/);
  });
});

/**
 * rotation replan on random small counties: no objections → the same plan;
 * random objections → every one honoured and the plan passes check; on tiny
 * counties no plan that honours the objections with the same R1–R5 values
 * changes fewer assignments (exhaustive enumeration).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import { InputError } from '../../src/domain/errors.js';
import { objectionProblems } from '../../src/domain/objections.js';
import type { Plan } from '../../src/domain/plan.js';
import type { Scenario } from '../../src/domain/scenario.js';
import type { Objection } from '../../src/domain/tables.js';
import { planScenario } from '../../src/engine/plan.js';
import { type ReplanResult, replanScenario } from '../../src/review/replan.js';
import { bruteContext, compare } from '../engine/brute-force.js';
import { scenarioArb, type Size } from '../engine/random-scenario.js';

const places = (p: Plan) => p.assignments.map((a) => `${a.teacher_id}>${a.to_school}:${a.subject}`).sort();

function planOrNull(s: Scenario): Plan | null {
  try {
    return planScenario(s, 2019).plan;
  } catch (err) {
    if (err instanceof InputError) return null;
    throw err;
  }
}

const pickArb = fc.array(fc.record({ kind: fc.constantFrom('keep' as const, 'not_to' as const, 'to' as const, 'swap' as const), i: fc.nat(), j: fc.nat(), r: fc.nat() }), { minLength: 1, maxLength: 3 });

/** Objections built from random picks: about teachers in the plan (keep, not_to, swap) or anyone eligible-looking (to, swap); one per teacher, none on a locked teacher. */
function objectionsFor(s: Scenario, plan: Plan, picks: readonly { kind: Objection["kind"]; i: number; j: number; r: number }[]): Objection[] {
  const movable = s.teachers.filter((t) => t.school_id.startsWith('S') && !s.locks.some((l) => l.teacher_id === t.teacher_id));
  const placed = plan.assignments.filter((a) => movable.some((t) => t.teacher_id === a.teacher_id));
  const receivers = s.schools.filter((x) => x.area === 'rural').map((x) => x.school_id);
  const used = new Set<string>();
  const out: Objection[] = [];
  for (const p of picks) {
    const base = { school_id: null, other_teacher_id: null, reason: '' };
    let o: Objection | null = null;
    if ((p.kind === 'keep' || p.kind === 'not_to') && placed.length > 0) {
      const a = placed[p.i % placed.length]!;
      o = p.kind === 'keep' ? { ...base, teacher_id: a.teacher_id, kind: 'keep' } : { ...base, teacher_id: a.teacher_id, kind: 'not_to', school_id: a.to_school };
    } else if (p.kind === 'to' && movable.length > 0) {
      o = { ...base, teacher_id: movable[p.i % movable.length]!.teacher_id, kind: 'to', school_id: receivers[p.r % receivers.length]! };
    } else if (p.kind === 'swap' && placed.length > 0 && movable.length > 1) {
      const a = placed[p.i % placed.length]!.teacher_id;
      const b = movable[p.j % movable.length]!.teacher_id;
      if (a !== b) o = { ...base, teacher_id: a, kind: 'swap', other_teacher_id: b };
    }
    if (o === null || used.has(o.teacher_id) || (o.other_teacher_id !== null && used.has(o.other_teacher_id))) continue;
    used.add(o.teacher_id);
    if (o.other_teacher_id !== null) used.add(o.other_teacher_id);
    out.push(o);
  }
  return out;
}

/** The replan, or null when the objections are bad input for this plan (an ineligible teacher asked for, unsatisfiable pins). */
function replanOrNull(s: Scenario, plan: Plan): ReplanResult | null {
  if (objectionProblems(s).length > 0) return null;
  try {
    return replanScenario(s, plan, 2019);
  } catch (err) {
    if (err instanceof InputError) return null;
    throw err;
  }
}

function expectHonoured(o: Objection, prov: Plan, final: Plan): void {
  const at = (p: Plan, id: string) => p.assignments.find((a) => a.teacher_id === id);
  if (o.kind === 'keep') expect(at(final, o.teacher_id)).toBeUndefined();
  if (o.kind === 'not_to') expect(at(final, o.teacher_id)?.to_school).not.toBe(o.school_id);
  if (o.kind === 'to') expect(at(final, o.teacher_id)?.to_school).toBe(o.school_id);
  if (o.kind === 'swap') {
    const [a, b] = [o.teacher_id, o.other_teacher_id!];
    const [pa, pb] = [at(prov, a), at(prov, b)];
    expect(at(final, a)?.to_school).toBe(pb?.to_school);
    expect(at(final, b)?.to_school).toBe(pa?.to_school);
  }
}

describe('rotation replan: properties', () => {
  it('no objections: the final plan has exactly the provisional assignments', () => {
    let compared = 0;
    fc.assert(fc.property(scenarioArb({ senders: 2, receivers: 3, teachersPerSender: 6 }), (s) => {
      const prov = planOrNull(s);
      if (prov === null) return;
      const result = replanScenario({ ...s, objections: [] }, prov, 2019);
      expect(places(result.plan)).toEqual(places(prov));
      expect(result.changes).toEqual([]);
      compared++;
    }), { numRuns: 60, seed: 606 });
    expect(compared).toBeGreaterThan(30);
  });

  it('random objections: every one is honoured, every change is listed, and the final plan passes check', () => {
    let replanned = 0;
    fc.assert(fc.property(scenarioArb({ senders: 2, receivers: 3, teachersPerSender: 6 }), pickArb, (s, picks) => {
      const prov = planOrNull(s);
      if (prov === null) return;
      const objections = objectionsFor(s, prov, picks);
      const result = replanOrNull({ ...s, objections }, prov);
      if (result === null) return;
      replanned++;
      for (const o of objections) expectHonoured(o, prov, result.plan);
      expect(checkPlan(result.scenario, result.plan)).toEqual([]);
      const changedIds = result.changes.map((c) => c.teacher_id).sort();
      const differ = [...new Set([...prov.assignments, ...result.plan.assignments].map((a) => a.teacher_id))]
        .filter((id) => {
          const [x, y] = [prov.assignments.find((a) => a.teacher_id === id), result.plan.assignments.find((a) => a.teacher_id === id)];
          return x?.to_school !== y?.to_school || x?.subject !== y?.subject;
        }).sort();
      expect(changedIds).toEqual(differ);
    }), { numRuns: 80, seed: 6060 });
    expect(replanned).toBeGreaterThan(30);
  });

  it('tiny counties: no plan honouring the objections with the same R1–R5 values changes fewer assignments (exhaustive search)', () => {
    let compared = 0;
    const size: Size = { senders: 2, receivers: 2, teachersPerSender: 4 };
    fc.assert(fc.property(scenarioArb(size), pickArb, (s, picks) => {
      const prov = planOrNull(s);
      if (prov === null) return;
      const objections = objectionsFor(s, prov, picks);
      const result = replanOrNull({ ...s, objections }, prov);
      if (result === null) return;
      const ctx = bruteContext(result.scenario, 2019);
      // A change is a teacher added, removed, or sent to another school or subject.
      const before = new Map(prov.assignments.map((a) => [a.teacher_id, `${a.to_school}:${a.subject}`]));
      const changes = (plan: readonly { teacher: { teacher_id: string }; to: string; subject: string }[]) => {
        const after = new Map(plan.map((p) => [p.teacher.teacher_id, `${p.to}:${p.subject}`]));
        return [...new Set([...before.keys(), ...after.keys()])].filter((id) => before.get(id) !== after.get(id)).length;
      };
      // R1, R2, R4 by priority, R5, then fewer changes.
      const key = (score: number[], n: number) => [...score.slice(0, 6), -n];
      let best: number[] | null = null;
      ctx.forEachPlan((plan, score) => {
        const k = key(score, changes(plan));
        if (best === null || compare(k, best) > 0) best = k;
      });
      const mine = result.plan.assignments.map((a) => ({ teacher: s.teachers.find((t) => t.teacher_id === a.teacher_id)!, to: a.to_school, subject: a.subject }));
      const score = ctx.score(mine);
      expect(score, 'the final plan breaks a hard rule of the brute force').not.toBeNull();
      expect(key(score!, result.changes.length)).toEqual(best);
      compared++;
    }), { numRuns: 150, seed: 60606 });
    expect(compared).toBeGreaterThan(60);
  });
});

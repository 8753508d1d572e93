/**
 * Accepted objections → hard rules for `rotation replan`. keep → a keep lock,
 * not_to → a forbid, to → a pin; a swap (A, B) pins A to B's provisional
 * school and B to A's, and aims each at the other's subject; when only one of
 * them is in the provisional plan, that one stays home (keep) and the other
 * takes the place. Alongside the locks come the targets: every teacher's
 * place in the provisional plan, which the replan keeps where it can.
 */
import { InputError, type InputProblem } from '../domain/errors.js';
import { objectionProblem, objectionRow } from '../domain/objections.js';
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import type { Lock, Objection } from '../domain/tables.js';
import type { Target } from '../engine/county.js';
import { distanceKm, roundKm } from '../domain/distance.js';
import { eligibilityAll } from '../policy/eligibility.js';
import type { Term } from '../policy/term.js';
import { withLocks } from './plan-locks.js';

/** A lock that comes from objections.csv (written to plan.json as `objection_locks`). */
export interface ObjectionLock extends Lock {
  /** Spreadsheet line of the objection in objections.csv. */
  readonly objection_row: number;
}

export interface ResolvedObjections {
  readonly locks: readonly ObjectionLock[];
  /** Teacher of the provisional plan → the place the replan keeps if it can (the provisional one, or the swapped one); null when an objection took it away. */
  readonly targets: ReadonlyMap<string, Target | null>;
  /** The scenario with the objection locks added to locks.csv's. */
  readonly scenario: Scenario;
}

/** Each teacher's place in a plan. */
function placesOf(plan: Plan): Map<string, Target & { from: string }> {
  return new Map(plan.assignments.map((a) => [a.teacher_id, { receiver: a.to_school, subject: a.subject, from: a.from_school }]));
}

/**
 * Resolves the objections against the provisional plan. Throws InputError
 * naming objections.csv's row when an objection cannot be a hard rule: a swap
 * of two teachers neither of whom is in the plan, a `to` or swap for a teacher
 * who is not eligible this year, or a school beyond the distance cap.
 */
export function resolveObjections(scenario: Scenario, provisional: Plan, term: Term): ResolvedObjections {
  const places = placesOf(provisional);
  const targets = new Map<string, Target | null>([...places].map(([id, p]) => [id, { receiver: p.receiver, subject: p.subject }]));
  const locks: ObjectionLock[] = [];
  const problems: InputProblem[] = [];
  const pinsOf = new Map<string, number>();
  const objections = scenario.objections ?? [];
  const lock = (i: number, teacher_id: string, action: Lock['action'], school_id: string | null, o: Objection) => {
    locks.push({ teacher_id, action, school_id, reason: o.reason || `objections.csv row ${objectionRow(scenario, i)}`, objection_row: objectionRow(scenario, i) });
    if (action === 'pin') pinsOf.set(teacher_id, i);
  };
  objections.forEach((o, i) => {
    const a = places.get(o.teacher_id);
    if (o.kind === 'keep') {
      lock(i, o.teacher_id, 'keep', null, o);
      targets.set(o.teacher_id, null);
    } else if (o.kind === 'not_to') {
      lock(i, o.teacher_id, 'forbid', o.school_id, o);
      if (a?.receiver === o.school_id) targets.set(o.teacher_id, null);
    } else if (o.kind === 'to') {
      lock(i, o.teacher_id, 'pin', o.school_id, o);
      // Moved anyway: which subject they teach there is left to the usual objective.
      if (a !== undefined && a.receiver !== o.school_id) targets.set(o.teacher_id, null);
    } else {
      const otherId = o.other_teacher_id!;
      const b = places.get(otherId);
      if (a === undefined && b === undefined) {
        problems.push(objectionProblem(scenario, i, 'other_teacher_id', `${o.teacher_id} 和 ${otherId} 都不在暂定名单中，无可对调 / neither teacher is in the provisional plan: nothing to swap`));
        return;
      }
      // Each takes the other's place; one not in the plan leaves the other nothing to take, so that one stays home.
      for (const [who, place] of [[o.teacher_id, b], [otherId, a]] as const) {
        if (place === undefined) {
          lock(i, who, 'keep', null, o);
          targets.set(who, null);
        } else {
          lock(i, who, 'pin', place.receiver, o);
          targets.set(who, { receiver: place.receiver, subject: place.subject });
        }
      }
    }
  });
  const merged = withLocks(scenario, locks);
  // A pin is a hard rule only for a teacher who may rotate, within the distance cap.
  const elig = new Map(eligibilityAll(merged, term).map((e) => [e.teacher_id, e]));
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const teachers = new Map(scenario.teachers.map((t) => [t.teacher_id, t]));
  const maxKm = scenario.policy.assignment.max_distance_km;
  for (const l of locks) {
    if (l.action !== 'pin') continue;
    const i = pinsOf.get(l.teacher_id)!;
    const key = objections[i]!.teacher_id === l.teacher_id ? 'teacher_id' : 'other_teacher_id';
    const e = elig.get(l.teacher_id);
    if (e !== undefined && !e.eligible) {
      problems.push(objectionProblem(scenario, i, key, `教师 ${l.teacher_id} 今年不符合交流条件，不能派往 ${l.school_id} / not eligible this year, cannot go to ${l.school_id}: ${e.reasons.join('; ')}`));
      continue;
    }
    const home = schools.get(teachers.get(l.teacher_id)?.school_id ?? '');
    const to = schools.get(l.school_id!);
    const d = home && to ? distanceKm(home, to) : null;
    if (maxKm !== null && d !== null && d > maxKm) {
      problems.push(objectionProblem(scenario, i, key, `${l.school_id} 距离 ${roundKm(d)} km，超过上限 ${maxKm} km / beyond assignment.max_distance_km`));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { locks, targets, scenario: merged };
}

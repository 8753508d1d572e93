/**
 * Derives, for one county, everything the model needs from the scenario:
 * senders with their quotas, receivers with their net needs and backbone,
 * and the movable teachers grouped into classes of interchangeable people.
 * Rotation never crosses a county line, so each county is its own problem.
 */
import { InputError } from '../domain/errors.js';
import { isReceiver, isSender, type Scenario } from '../domain/scenario.js';
import type { Lock, School, Teacher } from '../domain/tables.js';
import { type Eligibility, groupBy, isRunning } from '../policy/eligibility.js';
import { comparePriority, needsTitleService, type Points, pointsOf } from '../policy/points.js';
import { netNeed, runningCover } from '../policy/net-needs.js';
import { r1Quota } from '../policy/quotas.js';
import { countsForR2 } from '../policy/r2-backbone.js';
import { countsForR5 } from '../policy/r5-backbone.js';
import type { Term } from '../policy/term.js';
import { BALANCE_BACKBONE_LEVEL, balanceTermInputs, type BalanceTermInput, sameBackboneLevel } from './balance-term.js';
import { bindingCouples, tooFar } from './couples.js';
import { distanceKm, roundKm } from '../domain/distance.js';

export interface SenderInput {
  readonly school: School;
  readonly eligible: readonly Teacher[];
  readonly required: number;
  /** Most it may send (R1 cap, raised to the number of pins when HR pinned more). */
  readonly cap: number;
  /** Teachers present (not away on a running rotation), per main subject. */
  readonly present: ReadonlyMap<string, number>;
  /** Most teachers of each main subject that may leave: present − 1 (one stays), or the pins if more. */
  readonly mayLeave: ReadonlyMap<string, number>;
  readonly keepLocked: number;
}

export interface GapInput {
  readonly subject: string;
  /** Net of running rotations (docs/format.md). */
  readonly needed: number;
  readonly gross: number;
  readonly priority: number;
}

export interface ReceiverInput {
  readonly school: School;
  readonly gaps: readonly GapInput[];
  /** Residents and running rotations at R5 level or above. */
  readonly backboneBefore: number;
}

/** Teachers interchangeable for every term of the objective. */
export interface TeacherClass {
  readonly id: string;
  readonly sender: string;
  readonly main: string;
  /** Main subject first, then the qualified ones. */
  readonly subjects: readonly string[];
  readonly r2Backbone: boolean;
  readonly r5Backbone: boolean;
  readonly titleNeed: boolean;
  readonly preferences: readonly string[];
  readonly forbidden: ReadonlySet<string>;
  readonly pin: string | null;
  /** Receivers this class may go to (same county, within the distance cap, not forbidden). */
  readonly receivers: readonly string[];
  /** Members, best priority score first. */
  readonly members: readonly Teacher[];
  /**
   * `rotation replan`: this one teacher's place in the provisional plan (or
   * the place a swap gives them); null when they were in the provisional plan
   * but an objection took that place away; absent for everyone else.
   */
  readonly target?: Target | null;
  /**
   * Couples (policy `couples`, couples.ts): this one teacher's spouse, when both could rotate this year. In one
   * county the model pairs them (coupleRows); `held` when the spouse is in an earlier county: kept home this year.
   */
  readonly couple?: { readonly spouse: string; readonly held: boolean };
}

export interface CountyInput {
  readonly county: string;
  readonly senders: readonly SenderInput[];
  readonly receivers: readonly ReceiverInput[];
  readonly classes: readonly TeacherClass[];
  /** km between a sender and a receiver, or null when unknown. */
  readonly distance: ReadonlyMap<string, number | null>;
  readonly teachers: number;
  /** Set by `rotation replan`: the provisional plan's teachers and places; the model then minimises the changes (model.ts). */
  readonly targets?: ReadonlyMap<string, Target | null>;
  /** Priority points of every teacher (policy.json `points`), by teacher id. */
  readonly points: ReadonlyMap<string, Points>;
  /** Set when policy balance.backbone_weight > 0: the backbone-CV term's figures (balance-term.ts). */
  readonly balance?: BalanceTermInput;
}

/** A place in a plan: receiver and the subject taught there. */
export interface Target { readonly receiver: string; readonly subject: string }

export const pairKey = (sender: string, receiver: string) => `${sender}>${receiver}`;

/** Published order (src/policy/points.ts): more points first, then the earlier birth date, then the smaller teacher id. */
function byScore(points: ReadonlyMap<string, Points>) {
  return (a: Teacher, b: Teacher): number =>
    comparePriority({ teacher: a, points: points.get(a.teacher_id)! }, { teacher: b, points: points.get(b.teacher_id)! });
}


function lockProblem(scenario: Scenario, lock: Lock, message: string): InputError {
  const index = scenario.locks.indexOf(lock);
  const h = scenario.source?.headers.locks?.teacher_id;
  return new InputError([{
    file: scenario.source?.files.locks ?? 'locks.csv', row: scenario.source?.lines.locks?.[index] ?? index + 2,
    ...(h ? { column: `${h.header} (${h.column})` } : {}), message,
  }]);
}

/** Builds the model input of every county, in county order of the schools table. */
export function countyInputs(scenario: Scenario, term: Term, eligibility: readonly Eligibility[], targets?: ReadonlyMap<string, Target | null>): CountyInput[] {
  const policy = scenario.policy;
  const elig = new Map(eligibility.map((e) => [e.teacher_id, e]));
  // Teacher-id order, so that no map (and no model row) follows the order of teachers.csv.
  const teachersBySchool = groupBy([...scenario.teachers].sort((a, b) => (a.teacher_id < b.teacher_id ? -1 : a.teacher_id > b.teacher_id ? 1 : 0)), (t) => t.school_id);
  const teacherById = new Map(scenario.teachers.map((t) => [t.teacher_id, t]));
  const locksByTeacher = groupBy(scenario.locks, (l) => l.teacher_id);
  const needsBySchool = groupBy(scenario.needs, (n) => n.school_id);
  const running = scenario.history.filter((r) => isRunning(r, term));
  const runningAt = groupBy(running, (r) => r.to_school);
  const cover = runningCover(scenario, term);
  const maxKm = policy.assignment.max_distance_km;
  const points = new Map(scenario.teachers.filter((t) => elig.has(t.teacher_id))
    .map((t) => [t.teacher_id, pointsOf(t, elig.get(t.teacher_id)!, term, policy)]));
  const order = byScore(points);
  const balanceTerm = policy.balance.backbone_weight > 0 ? balanceTermInputs(scenario, term) : null;
  const couples = bindingCouples(scenario, eligibility, new Set(scenario.schools.filter(isSender).map((x) => x.school_id)));
  // The term counts backbone teachers with the model's R5 counters, so both must mean balance.ts's "county level or above".
  if (balanceTerm !== null && !sameBackboneLevel(policy.rotation.r5_backbone_level)) {
    throw new InputError([{ file: 'policy.json', column: 'balance.backbone_weight', message: `balance.backbone_weight 需要 rotation.r5_backbone_level = "${BALANCE_BACKBONE_LEVEL}"（与差异系数的骨干口径一致）/ needs rotation.r5_backbone_level "${BALANCE_BACKBONE_LEVEL}", the backbone level of the balance review` }]);
  }

  return [...groupBy(scenario.schools, (s) => s.county)].map(([county, schools]): CountyInput => {
    const receivers = schools.filter(isReceiver).sort((a, b) => a.school_id.localeCompare(b.school_id));
    const sendersSchools = schools.filter(isSender).sort((a, b) => a.school_id.localeCompare(b.school_id));
    const distance = new Map<string, number | null>();
    for (const s of sendersSchools) for (const r of receivers) distance.set(pairKey(s.school_id, r.school_id), distanceKm(s, r));
    const reachable = (s: string, r: string) => {
      const d = distance.get(pairKey(s, r));
      return maxKm === null || d === null || d === undefined || d <= maxKm;
    };

    const receiverInputs = receivers.map((r): ReceiverInput => {
      const runningHere = (runningAt.get(r.school_id) ?? []).map((h) => teacherById.get(h.teacher_id)).filter((t) => t !== undefined);
      const gaps = (needsBySchool.get(r.school_id) ?? []).map((n): GapInput => {
        return { subject: n.subject, gross: n.teachers, needed: netNeed(n.teachers, cover(r.school_id, n.subject)), priority: n.priority };
      }).sort((a, b) => a.subject.localeCompare(b.subject));
      const r5 = (t: Teacher) => countsForR5(t.backbone, policy);
      const residents = (teachersBySchool.get(r.school_id) ?? []).filter((t) => elig.get(t.teacher_id)?.away === null);
      return { school: r, gaps, backboneBefore: residents.filter(r5).length + runningHere.filter(r5).length };
    });

    const classes: TeacherClass[] = [];
    const senders = sendersSchools.map((s): SenderInput => {
      const staff = teachersBySchool.get(s.school_id) ?? [];
      const present = new Map<string, number>();
      for (const t of staff) if (elig.get(t.teacher_id)?.away === null) present.set(t.subject, (present.get(t.subject) ?? 0) + 1);
      const eligible = staff.filter((t) => elig.get(t.teacher_id)?.eligible).sort(order);
      const pins = new Map<string, number>();
      const byKey = new Map<string, Teacher[]>();
      const keyInfo = new Map<string, Omit<TeacherClass, 'id' | 'members'>>();
      for (const t of eligible) {
        const locks = locksByTeacher.get(t.teacher_id) ?? [];
        const pinLock = locks.find((l) => l.action === 'pin');
        const forbidden = new Set(locks.filter((l) => l.action === 'forbid').map((l) => l.school_id!));
        const pin = pinLock?.school_id ?? null;
        if (pinLock && pin !== null && !reachable(s.school_id, pin)) {
          throw lockProblem(scenario, pinLock, `教师 ${t.teacher_id} 被指定到 ${pin}，但距离 ${roundKm(distance.get(pairKey(s.school_id, pin)) ?? null)} km 超过上限 ${maxKm} km / the pinned school is beyond assignment.max_distance_km`);
        }
        if (pin !== null) pins.set(t.subject, (pins.get(t.subject) ?? 0) + 1);
        const info = {
          sender: s.school_id, main: t.subject, subjects: [t.subject, ...t.qualified_subjects.filter((q) => q !== t.subject).sort()],
          r2Backbone: countsForR2(t.backbone, policy),
          r5Backbone: countsForR5(t.backbone, policy),
          titleNeed: needsTitleService(t, term, policy),
          preferences: t.preferences.filter((p) => receivers.some((r) => r.school_id === p) && reachable(s.school_id, p) && !forbidden.has(p)),
          forbidden, pin,
          receivers: pin !== null ? [pin] : receivers.map((r) => r.school_id).filter((r) => reachable(s.school_id, r) && !forbidden.has(r)),
        };
        // A teacher of the provisional plan is a class of one: replan weighs keeping that person's own place.
        const provisional = targets?.has(t.teacher_id) === true;
        const target = targets?.get(t.teacher_id) ?? null;
        if (provisional) Object.assign(info, { target: target !== null && info.receivers.includes(target.receiver) ? target : null });
        // A spouse under the couple rule is a class of one too (personal variables, couples.ts).
        const spouse = couples.spouse.get(t.teacher_id) ?? couples.held.get(t.teacher_id);
        if (spouse !== undefined) {
          const held = couples.held.has(t.teacher_id);
          Object.assign(info, { couple: { spouse, held }, ...(held ? { receivers: [], preferences: [] } : {}) });
        }
        const key = pin !== null ? `pin:${t.teacher_id}` : provisional ? `one:${t.teacher_id}` : spouse !== undefined ? `couple:${t.teacher_id}` : JSON.stringify([info.main, info.subjects, info.r2Backbone, info.r5Backbone, info.titleNeed, info.preferences, [...forbidden].sort()]);
        const list = byKey.get(key) ?? [];
        list.push(t);
        byKey.set(key, list);
        keyInfo.set(key, info);
      }
      for (const [key, members] of byKey) {
        classes.push({ id: `c${classes.length}`, ...keyInfo.get(key)!, members });
      }
      const pinned = [...pins.values()].reduce((a, b) => a + b, 0);
      const { required, cap } = r1Quota(eligible.length, policy);
      const mayLeave = new Map<string, number>();
      for (const [k, n] of present) mayLeave.set(k, Math.max(n - 1, pins.get(k) ?? 0));
      const keepLocked = staff.filter((t) => (locksByTeacher.get(t.teacher_id) ?? []).some((l) => l.action === 'keep')).length;
      return { school: s, eligible, required, cap: Math.max(cap, pinned), present, mayLeave, keepLocked };
    });
    for (const l of scenario.locks) {
      if (l.action !== 'pin') continue;
      const t = teacherById.get(l.teacher_id);
      if (t === undefined || !sendersSchools.some((s) => s.school_id === t.school_id)) {
        if (t !== undefined && schools.some((s) => s.school_id === t.school_id)) {
          throw lockProblem(scenario, l, `教师 ${l.teacher_id} 被指定派出，但所在学校不是派出学校 / pinned, but the teacher's school does not send`);
        }
        continue;
      }
      const e = elig.get(t.teacher_id)!;
      if (!e.eligible) throw lockProblem(scenario, l, `教师 ${l.teacher_id} 被指定派出，但不符合交流条件 / pinned, but not eligible: ${e.reasons.join('; ')}`);
    }
    pinsKeepCouples(scenario, classes, new Map(receivers.map((r) => [r.school_id, r])));
    const teachers = schools.reduce((n, s) => n + (teachersBySchool.get(s.school_id)?.length ?? 0), 0);
    return {
      county, senders, receivers: receiverInputs, classes, distance, teachers, points, ...(targets !== undefined ? { targets } : {}),
      ...(balanceTerm !== null ? { balance: balanceTerm.get(county)! } : {}),
    };
  });
}

/** HR's pins must not break the couple rule themselves: both spouses pinned under not_both, or pinned too far apart under together. */
function pinsKeepCouples(scenario: Scenario, classes: readonly TeacherClass[], receivers: ReadonlyMap<string, School>): void {
  const { rule, max_km: maxKm } = scenario.policy.couples;
  const pinOf = new Map(classes.filter((c) => c.pin !== null && c.couple !== undefined).map((c) => [c.members[0]!.teacher_id, c]));
  for (const [id, c] of pinOf) {
    const other = pinOf.get(c.couple!.spouse);
    if (other === undefined || id > c.couple!.spouse) continue;
    const broken = rule === 'not_both' || (c.pin !== other.pin && (maxKm === 0 || tooFar(receivers.get(c.pin!)!, receivers.get(other.pin!)!, maxKm)));
    if (!broken) continue;
    const locks = scenario.locks.filter((l) => l.action === 'pin' && (l.teacher_id === id || l.teacher_id === c.couple!.spouse));
    const rule_ = rule === 'not_both' ? '夫妻不同年交流 / never both in one year' : `夫妻同去一校${maxKm > 0 ? `或相距不超过 ${maxKm} km` : ''} / together${maxKm > 0 ? ` within ${maxKm} km` : ' at one school'}`;
    throw new InputError(locks.map((l) => {
      const index = scenario.locks.indexOf(l);
      const h = scenario.source?.headers.locks?.school_id;
      return {
        file: scenario.source?.files.locks ?? 'locks.csv', row: scenario.source?.lines.locks?.[index] ?? index + 2, ...(h ? { column: `${h.header} (${h.column})` } : {}),
        message: `夫妻 ${id} 与 ${c.couple!.spouse} 的指定派出 (${c.pin} / ${other.pin}) 违反配偶规则 couples.rule = ${rule}：${rule_}`,
      };
    }));
  }
}

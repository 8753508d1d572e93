/**
 * `rotation suggest`: who could fill one receiver's open post by hand. The
 * candidates are the county's eligible teachers qualified for the subject,
 * within the distance cap, neither forbidden there nor pinned elsewhere —
 * teachers not in the plan, and teachers the plan sends elsewhere (moving
 * them leaves their post open). Each candidate's move is applied to the plan
 * and re-checked by the independent checker; the list is ranked by the
 * plan's own objective order: does the plan still pass, R1/R2, posts filled
 * by priority, R5, extras, title need, preference, group, distance.
 */
import { checkEditedPlan } from '../check/check.js';
import { SUBJECTS } from '../domain/codes.js';
import type { Plan } from '../domain/plan.js';
import { isReceiver, isSender, type Scenario } from '../domain/scenario.js';
import type { Teacher } from '../domain/tables.js';
import { distanceKm, roundKm } from '../domain/distance.js';
import { preferenceWeight } from '../engine/model.js';
import { eligibilityAll } from '../policy/eligibility.js';
import { needsTitleService } from '../policy/points.js';
import { termOf } from '../policy/term.js';
import { applyMove, type Move, movedPlan } from './apply-move.js';

export interface Candidate {
  readonly teacher_id: string;
  readonly name: string;
  readonly from_school: string;
  readonly to_school: string;
  /** The subject they would teach at the receiver (the open post's). */
  readonly subject: string;
  /** Their current place in the plan, if the plan sends them elsewhere. */
  readonly currently: { readonly to_school: string; readonly subject: string } | null;
  readonly distance_km: number | null;
  /** What the move changes, in plain words (Chinese / English). */
  readonly effects: readonly string[];
  /** Objective change, level by level (the plan's order), positive = better. */
  readonly delta: {
    readonly r1_shortfall: number; readonly r2_shortfall: number; readonly posts: readonly [number, number, number];
    readonly r5: number; readonly extras: number; readonly title: number; readonly preference: number; readonly group: number; readonly distance_km: number;
  };
  /** True when the plan with this move passes `rotation check`. */
  readonly passes_check: boolean;
  /** The rules the plan with the move would break (empty when it passes). */
  readonly violations: readonly string[];
}

export interface SuggestOptions {
  readonly school: string;
  /** The open post's subject; default: every subject with an unfilled post at the school. */
  readonly subject?: string;
  readonly year?: number;
  readonly limit?: number;
}

const zhSubject = (k: string) => (SUBJECTS.zh as Record<string, string>)[k] ?? k;

/** Ranking key: higher is better, compared left to right. */
function rankKey(c: Candidate): number[] {
  return [c.passes_check ? 1 : 0, -c.violations.length, ...effectKey(c)];
}

/** The part of the ranking key that does not need the check: the plan's objective order. */
function effectKey(c: Pick<Candidate, 'delta'>): number[] {
  const d = c.delta;
  return [d.r1_shortfall, d.r2_shortfall, ...d.posts, d.r5, d.extras, d.title, d.preference, d.group, -Math.round(d.distance_km * 10)];
}

/** The subjects of `school` that the plan leaves open, or `subject` when given. */
function openSubjects(plan: Plan, school: string, subject: string | undefined): string[] {
  if (subject !== undefined) return [subject];
  return plan.gaps.filter((g) => g.school_id === school && g.unfilled > 0).map((g) => g.subject);
}

/**
 * The best candidates for the open post(s) of `school`, best first.
 * @example suggestCandidates(scenario, plan, { school: 'LC-P008', subject: 'art' })[0].teacher_id
 */
export function suggestCandidates(scenario: Scenario, plan: Plan, options: SuggestOptions): Candidate[] {
  const policy = scenario.policy;
  const year = options.year ?? plan.plan_year;
  const term = termOf(year, policy);
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const receiver = schools.get(options.school);
  if (receiver === undefined || !isReceiver(receiver)) return [];
  const elig = new Map(eligibilityAll(scenario, term).map((e) => [e.teacher_id, e]));
  const placed = new Map(plan.assignments.map((a) => [a.teacher_id, a]));
  const maxKm = policy.assignment.max_distance_km;
  const before = { r1: shortOf(plan, 'R1'), r2: shortOf(plan, 'R2') };
  const out: { candidate: Omit<Candidate, 'passes_check' | 'violations'>; move: Move }[] = [];
  for (const subject of openSubjects(plan, options.school, options.subject)) {
    const gap = plan.gaps.find((g) => g.school_id === options.school && g.subject === subject && g.needed > 0);
    for (const t of scenario.teachers) {
      const home = schools.get(t.school_id);
      if (home === undefined || !isSender(home) || home.county !== receiver.county || !elig.get(t.teacher_id)?.eligible) continue;
      // Outside their main subject a teacher may only fill a gap (an extra teacher teaches their own subject).
      if (t.subject !== subject && (gap === undefined || !t.qualified_subjects.includes(subject))) continue;
      const locks = scenario.locks.filter((l) => l.teacher_id === t.teacher_id);
      if (locks.some((l) => (l.action === 'forbid' && l.school_id === options.school) || (l.action === 'pin' && l.school_id !== options.school) || l.action === 'keep')) continue;
      const d = distanceKm(home, receiver);
      if (maxKm !== null && d !== null && d > maxKm) continue;
      const current = placed.get(t.teacher_id);
      if (current?.to_school === options.school && current.subject === subject) continue;
      const move = { teacher_id: t.teacher_id, to_school: options.school, subject };
      out.push({ candidate: describe(scenario, plan, movedPlan(scenario, plan, move), t, subject, current, gap?.priority as number | undefined, roundKm(d), before), move });
    }
  }
  // Every candidate's effects come from the recounted plan (milliseconds each). The check of a whole plan takes
  // 0.2–0.4 s at 6,000 teachers, so it runs in ranking order only until `limit` candidates pass: those are the list.
  // Only when fewer pass is every candidate checked, to rank the rest by how many rules each breaks.
  const limit = options.limit ?? 10;
  out.sort((a, b) => compareKeys(effectKey(a.candidate), effectKey(b.candidate)) || a.candidate.teacher_id.localeCompare(b.candidate.teacher_id));
  const checked: Candidate[] = [];
  let passing = 0;
  for (const { candidate, move } of out) {
    if (passing >= limit) break;
    // As `rotation check` judges it: rules broken; figures a hand edit left stale (notes) do not count against a move.
    const violations = checkEditedPlan(scenario, applyMove(scenario, plan, move)).violations.map((v) => `${v.rule}: ${v.message}`);
    checked.push({ ...candidate, passes_check: violations.length === 0, violations });
    if (violations.length === 0) passing++;
  }
  return checked.sort((a, b) => compareKeys(rankKey(a), rankKey(b)) || a.teacher_id.localeCompare(b.teacher_id)).slice(0, limit);
}

/** Higher keys first, compared left to right. */
function compareKeys(ka: readonly number[], kb: readonly number[]): number {
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
  return 0;
}

function shortOf(plan: Plan, rule: 'R1' | 'R2'): number {
  return plan.senders.reduce((n, s) => n + Math.max(0, rule === 'R1' ? s.required - s.sent : s.backbone_required - s.backbone_sent), 0);
}

function describe(
  scenario: Scenario, plan: Plan, after: Plan, t: Teacher, subject: string, current: Plan['assignments'][number] | undefined,
  priority: number | undefined, km: number | null, before: { r1: number; r2: number },
): Omit<Candidate, 'passes_check' | 'violations'> {
  const policy = scenario.policy;
  const school = plan.gaps.find((g) => g.school_id === current?.to_school && g.subject === current?.subject);
  const effects: string[] = [];
  const posts: [number, number, number] = [0, 0, 0];
  const filledBefore = (p: Plan, id: string, k: string) => p.gaps.find((g) => g.school_id === id && g.subject === k)?.filled ?? 0;
  const newTo = after.assignments.find((a) => a.teacher_id === t.teacher_id)!.to_school;
  if (priority !== undefined && filledBefore(after, newTo, subject) > filledBefore(plan, newTo, subject)) {
    posts[priority - 1]! += 1;
    effects.push(`填补优先级 ${priority} 的${zhSubject(subject)}岗位 / fills a priority-${priority} ${subject} post`);
  } else {
    effects.push(`无空缺可补，作为额外教师 / no open post: goes as an extra teacher`);
  }
  if (current !== undefined) {
    effects.push(`原定 ${current.to_school} (${current.subject})，将改派 / moves from ${current.to_school} (${current.subject})`);
    if (school !== undefined && filledBefore(after, current.to_school, current.subject) < school.filled) {
      const p = (school as { priority?: number }).priority ?? 3;
      posts[p - 1]! -= 1;
      effects.push(`${current.to_school} 的${zhSubject(current.subject)}岗位将空出 (优先级 ${p}) / leaves a priority-${p} ${current.subject} post at ${current.to_school} open`);
    }
  }
  const r5Before = plan.receivers.filter((r) => r.county_backbone_after > 0).length;
  const r5After = after.receivers.filter((r) => r.county_backbone_after > 0).length;
  const covered = (p: Plan, id: string | undefined) => (p.receivers.find((r) => r.school_id === id)?.county_backbone_after ?? 0) > 0;
  if (covered(after, newTo) && !covered(plan, newTo)) effects.push(`为 ${newTo} 提供县级以上骨干教师 (R5) / gives ${newTo} its R5 backbone teacher`);
  if (current !== undefined && covered(plan, current.to_school) && !covered(after, current.to_school)) {
    effects.push(`${current.to_school} 将失去县级以上骨干教师 (R5) / ${current.to_school} loses its R5 backbone teacher`);
  }
  if (current === undefined) effects.push(...senderEffects(scenario, after, t));
  const titleNeed = needsTitleService(t, termOf(plan.plan_year, policy), policy);
  if (titleNeed && current === undefined) effects.push(`需乡村任教经历申报职称 / needs rural service for a title`);
  const rank = t.preferences.indexOf(newTo);
  if (rank >= 0) effects.push(`第 ${rank + 1} 意向学校 / their preference #${rank + 1}`);
  const oldKm = current?.distance_km ?? 0;
  if (km !== null) effects.push(`距离 ${km} km / distance ${km} km`);
  const sameGroup = (sid: string) => {
    const g = scenario.schools.find((s) => s.school_id === sid)?.group ?? '';
    return g !== '' && g === scenario.schools.find((s) => s.school_id === t.school_id)?.group ? 1 : 0;
  };
  const extrasOf = (p: Plan) => p.assignments.length - p.gaps.reduce((n, g) => n + g.filled, 0);
  return {
    teacher_id: t.teacher_id, name: t.name, from_school: t.school_id, to_school: newTo, subject,
    currently: current ? { to_school: current.to_school, subject: current.subject } : null, distance_km: km,
    effects,
    delta: {
      r1_shortfall: before.r1 - shortOf(after, 'R1'), r2_shortfall: before.r2 - shortOf(after, 'R2'), posts,
      r5: r5After - r5Before, extras: extrasOf(plan) - extrasOf(after), title: titleNeed && current === undefined ? 1 : 0,
      preference: rank >= 0 ? preferenceWeight(rank) - (current && t.preferences.includes(current.to_school) ? preferenceWeight(t.preferences.indexOf(current.to_school)) : 0) : 0,
      group: sameGroup(newTo) - (current ? sameGroup(current.to_school) : 0),
      distance_km: Math.round(((km ?? 0) - oldKm) * 10) / 10,
    },
  };
}

/** What sending one more teacher does to their school: R1 cap, the subject that must keep a teacher, R2. */
function senderEffects(scenario: Scenario, after: Plan, t: Teacher): string[] {
  const sender = after.senders.find((s) => s.school_id === t.school_id);
  if (sender === undefined) return [];
  const out: string[] = [];
  const id = t.school_id;
  const cap = (sender as { cap?: number }).cap;
  out.push(cap !== undefined && sender.sent > cap
    ? `超出 ${id} 的派出上限 (${sender.sent} > ${cap}) / breaks ${id}'s R1 cap (${sender.sent} > ${cap})`
    : `${id} 派出 ${sender.sent} 人${cap !== undefined ? ` (上限 ${cap})` : ''} / ${id} sends ${sender.sent}${cap !== undefined ? ` of at most ${cap}` : ''}`);
  // A rotation still running on the term's first day keeps its teacher away from home.
  const away = new Set(scenario.history.filter((h) => h.end_date > after.period.start).map((h) => h.teacher_id));
  const subjectOf = new Map(scenario.teachers.map((x) => [x.teacher_id, x.subject]));
  const present = scenario.teachers.filter((x) => x.school_id === id && x.subject === t.subject && !away.has(x.teacher_id)).length;
  const leaving = after.assignments.filter((a) => a.from_school === id && subjectOf.get(a.teacher_id) === t.subject).length;
  if (leaving >= present) out.push(`${id} 将没有${zhSubject(t.subject)}教师留校 / leaves ${id} without a ${t.subject} teacher (one must stay)`);
  const r2 = `${sender.backbone_sent}/${sender.backbone_required}`;
  out.push(sender.backbone_sent >= sender.backbone_required
    ? `${id} 骨干 ${r2}，R2 仍满足 / R2 at ${id} still met (${r2} backbone)`
    : `${id} 骨干 ${r2}，R2 不满足 / R2 at ${id} no longer met (${r2} backbone)`);
  return out;
}

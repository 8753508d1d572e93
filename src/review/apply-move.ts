/**
 * A plan edited by hand: place one teacher at one receiver (taking them off
 * their old place, if any) and bring every count of the plan — senders, gaps,
 * receivers, stats, shortfalls, allowances — back in line with the
 * assignments, so that `rotation check` judges the move and not stale totals.
 */
import { bilingual, MOVE, SHORTFALL } from '../domain/messages.js';
import { subjectName } from '../engine/explain.js';
import type { BackboneLevel } from '../domain/codes.js';
import type { Assignment, Plan, Shortfall } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { distanceKm, roundKm } from '../domain/distance.js';
import { extendPlan } from '../report/plan-report.js';
import { backboneAfter, gapFilled, planTotals, senderCounts } from '../policy/plan-counts.js';

export interface Move {
  readonly teacher_id: string;
  readonly to_school: string;
  readonly subject: string;
}

const level = (v: string) => v as BackboneLevel;

/** The plan's senders, gaps, receivers, stats and shortfalls recounted from its assignments. */
export function recount(scenario: Scenario, plan: Plan): Plan {
  const policy = scenario.policy;
  const teachers = new Map(scenario.teachers.map((t) => [t.teacher_id, t]));
  const backbone = (a: Assignment) => level(teachers.get(a.teacher_id)?.backbone ?? a.backbone);
  const shortfalls: Shortfall[] = [];
  // A shortfall the plan already listed keeps its explanation; a new one says it comes from the edit.
  const keepOr = (rule: Shortfall['rule'], school: string, detail: string) => {
    shortfalls.push(plan.shortfalls.find((s) => s.rule === rule && s.school_id === school) ?? { rule, school_id: school, detail });
  };
  const senders = plan.senders.map((s) => {
    const { sent, backbone_sent: backboneSent, backbone_required: backboneRequired } = senderCounts(plan.assignments, s.school_id, policy, backbone);
    if (sent < s.required) keepOr('R1', s.school_id, bilingual(SHORTFALL.editedR1(s.school_id, s.required, sent)));
    if (backboneSent < backboneRequired) keepOr('R2', s.school_id, bilingual(SHORTFALL.editedR2(s.school_id, sent, backboneRequired, backboneSent)));
    const met = sent >= s.required && backboneSent >= backboneRequired;
    return { ...s, sent, backbone_sent: backboneSent, backbone_required: backboneRequired, met, why: met ? null : s.why ?? bilingual(SHORTFALL.edited()) };
  });
  const gaps = plan.gaps.map((g) => {
    const filled = gapFilled(plan.assignments, g.school_id, g.subject, g.needed);
    if (filled < g.needed) {
      const was = plan.shortfalls.find((s) => s.rule === 'R4' && s.school_id === g.school_id && s.detail.includes(` ${g.subject} `));
      shortfalls.push(was ?? { rule: 'R4', school_id: g.school_id, detail: bilingual(SHORTFALL.editedR4(g.school_id, subjectName(g.subject), g.subject, g.needed - filled)) });
    }
    return { ...g, filled, unfilled: g.needed - filled };
  });
  const receivers = plan.receivers.map((r) => {
    const after = backboneAfter(plan.assignments, r.school_id, r.county_backbone_before, policy, backbone);
    if (after === 0) keepOr('R5', r.school_id, `${r.school_id}: no backbone teacher (edited by hand)`);
    return { ...r, county_backbone_after: after };
  });
  const totals = planTotals({ assignments: plan.assignments, senders, gaps });
  const order = (s: Shortfall) => plan.shortfalls.indexOf(s) < 0 ? plan.shortfalls.length : plan.shortfalls.indexOf(s);
  return {
    ...plan, senders, gaps, receivers, shortfalls: shortfalls.sort((a, b) => order(a) - order(b)),
    // Only what an edit changes: eligible and needed posts stay as the plan gave them.
    stats: { ...plan.stats, sent: totals.sent, gaps_filled: totals.gaps_filled },
  };
}

/** The plan with `move` applied (the teacher's old assignment, if any, removed), recounted and extended. */
export function applyMove(scenario: Scenario, plan: Plan, move: Move): Plan {
  return extendPlan(scenario, movedPlan(scenario, plan, move));
}

/** The plan with `move` applied and recounted (senders, gaps, receivers, shortfalls), not extended: what `applyMove` does, but the report parts. */
export function movedPlan(scenario: Scenario, plan: Plan, move: Move): Plan {
  const t = scenario.teachers.find((x) => x.teacher_id === move.teacher_id);
  const from = scenario.schools.find((s) => s.school_id === t?.school_id);
  const to = scenario.schools.find((s) => s.school_id === move.to_school);
  if (t === undefined || from === undefined || to === undefined) throw new Error(`applyMove: unknown teacher or school in ${JSON.stringify(move)}`);
  const fillsGap = plan.gaps.some((g) => g.school_id === move.to_school && g.subject === move.subject && g.needed > 0);
  const assignment: Assignment = {
    teacher_id: t.teacher_id, from_school: t.school_id, to_school: move.to_school, subject: move.subject, backbone: t.backbone,
    start_date: plan.period.start, end_date: plan.period.end, distance_km: roundKm(distanceKm(from, to)), pinned: false,
    reasons: [bilingual(MOVE.placedByHand())], kind: fillsGap ? 'gap' : 'extra',
  };
  const assignments = [...plan.assignments.filter((a) => a.teacher_id !== t.teacher_id), assignment]
    .sort((a, b) => a.from_school.localeCompare(b.from_school) || a.teacher_id.localeCompare(b.teacher_id));
  return recount(scenario, { ...plan, assignments });
}

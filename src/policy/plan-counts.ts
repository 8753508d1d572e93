/**
 * The counts a plan's `senders`, `gaps` and `receivers` rows and its stats
 * report, from the plan's assignments: one rule for the planner
 * (engine/plan.ts) and for a plan edited by hand (review/apply-move.ts).
 * The checker (check/tally.ts) counts the same way with code of its own, on
 * purpose: it shares nothing with the planner.
 */
import type { BackboneLevel } from '../domain/codes.js';
import type { Assignment, GapReport, SenderReport } from '../domain/plan.js';
import type { Policy } from '../domain/policy.js';
import { countsForR2, r2Required } from './r2-backbone.js';
import { countsForR5 } from './r5-backbone.js';

/** A teacher's backbone level as the counts read it (the roster's, where it knows the teacher). */
export type BackboneOf = (a: Assignment) => BackboneLevel;

const assignmentBackbone: BackboneOf = (a) => a.backbone as BackboneLevel;

/**
 * R1 / R2 at one sender: teachers sent, backbone teachers among them (R2's
 * level) and how many R2 requires of that many.
 *
 * @example senderCounts(plan.assignments, 'U01', policy) // { sent: 3, backbone_sent: 1, backbone_required: 1 }
 */
export function senderCounts(assignments: readonly Assignment[], schoolId: string, policy: Policy, backboneOf: BackboneOf = assignmentBackbone) {
  const mine = assignments.filter((a) => a.from_school === schoolId);
  const sent = mine.length;
  return { sent, backbone_sent: mine.filter((a) => countsForR2(backboneOf(a), policy)).length, backbone_required: r2Required(sent, policy) };
}

/**
 * R4 at one receiver and subject: placements teaching the subject there, at most the (net) need.
 *
 * @example gapFilled(plan.assignments, 'R01', 'math', 2) // 1
 */
export function gapFilled(assignments: readonly Assignment[], schoolId: string, subject: string, needed: number): number {
  return Math.min(needed, assignments.filter((a) => a.to_school === schoolId && a.subject === subject).length);
}

/**
 * R5 at one receiver: its backbone teachers (R5's level) before the plan plus those placed there.
 *
 * @example backboneAfter(plan.assignments, 'R01', 0, policy) // 1
 */
export function backboneAfter(assignments: readonly Assignment[], schoolId: string, before: number, policy: Policy, backboneOf: BackboneOf = assignmentBackbone): number {
  return before + assignments.filter((a) => a.to_school === schoolId && countsForR5(backboneOf(a), policy)).length;
}

/**
 * The plan's totals in `stats`: teachers sent and eligible, needed and filled posts.
 *
 * @example planTotals(plan) // { sent: 11, eligible: 96, gaps_needed: 11, gaps_filled: 11 }
 */
export function planTotals({ assignments, senders, gaps }: { readonly assignments: readonly Assignment[]; readonly senders: readonly SenderReport[]; readonly gaps: readonly GapReport[] }) {
  return {
    sent: assignments.length,
    eligible: senders.reduce((n, s) => n + s.eligible, 0),
    gaps_needed: gaps.reduce((n, g) => n + g.needed, 0),
    gaps_filled: gaps.reduce((n, g) => n + g.filled, 0),
  };
}

/**
 * The independent checker: Plan + Scenario → the rules the plan breaks. It
 * re-derives eligibility, terms, quotas, needs and distances itself and shares
 * no code with the optimiser, so a plan from either — or edited by hand — is
 * judged the same way.
 */
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { factsOf, type Facts } from './facts.js';
import {
  distanceRecorded, fromSchoolRecorded, knownTeacherOnceFromHome, locksObeyed, onlyEligibleRotate, pinnedRecorded, qualifiedSubject, receiverInHomeCounty,
  runningRotationsStay, termDatesMatch, withinDistance,
} from './rules/assignments.js';
import { couplesKept } from './rules/couples.js';
import { itinerantCovers, itinerantSubsidyPaid } from './rules/itinerant.js';
import { extrasWithinLimit, gapsFilled, offSubjectOnlyForGaps } from './rules/needs.js';
import { backboneAtEveryReceiver } from './rules/receivers.js';
import { allowancesAddUp, backboneRecorded, gapsReported, receiversReported, sendersReported, statsReported } from './rules/reports.js';
import { backboneShareSent, sendsAtLeastRequired, sendsAtMostCap, subjectKeptAtHome } from './rules/senders.js';
import { listedShortfallsApply } from './rules/shortfalls.js';
import { volunteerSubsidyAddsUp, volunteersPlacedRightly, volunteersReported } from './rules/volunteers.js';
import type { Violation } from './violation.js';

export type { RuleId, Violation } from './violation.js';

/** A named rule: its one-line intent is the TSDoc of the function. */
export type RuleCheck = (f: Facts) => Violation[];

/**
 * Every rule, in the order violations are listed: the assignment's own facts, then senders, receivers, reports.
 *
 * @example RULES.length // one check per rule family
 */
export const RULES: readonly RuleCheck[] = [
  termDatesMatch,
  knownTeacherOnceFromHome,
  fromSchoolRecorded,
  onlyEligibleRotate,
  runningRotationsStay,
  locksObeyed,
  pinnedRecorded,
  receiverInHomeCounty,
  qualifiedSubject,
  withinDistance,
  distanceRecorded,
  couplesKept,
  sendsAtLeastRequired,
  sendsAtMostCap,
  backboneShareSent,
  subjectKeptAtHome,
  offSubjectOnlyForGaps,
  extrasWithinLimit,
  gapsFilled,
  backboneAtEveryReceiver,
  listedShortfallsApply,
  volunteersPlacedRightly,
  backboneRecorded,
  sendersReported,
  gapsReported,
  receiversReported,
  statsReported,
  allowancesAddUp,
  itinerantCovers,
  itinerantSubsidyPaid,
  volunteerSubsidyAddsUp,
  volunteersReported,
];

/**
 * Every rule `plan` breaks under `scenario`; empty when it breaks none. A
 * shortfall the plan lists and counting confirms is not a violation.
 *
 * @example checkPlan(scenario, plan) // [{ rule: 'R1', school_id: 'OH-P001', message: 'R1 瓯海实验小学 (OH-P001): 派出 1 人…' }]
 */
export function checkPlan(scenario: Scenario, plan: Plan): Violation[] {
  const facts = factsOf(scenario, plan);
  return RULES.flatMap((rule) => rule(facts));
}

/**
 * Bookkeeping: what the plan states about itself (from_school, distances, `pinned`, each
 * assignment's backbone, the senders/gaps/receivers/stats/allowance figures).
 * A plan edited by hand leaves these stale without breaking any rule.
 */
const BOOKKEEPING: ReadonlySet<RuleCheck> = new Set([
  fromSchoolRecorded, pinnedRecorded, distanceRecorded, backboneRecorded, sendersReported, gapsReported, receiversReported, statsReported, allowancesAddUp,
  volunteerSubsidyAddsUp, volunteersReported,
]);

export interface CheckOutcome {
  /** Rules the plan breaks. */
  readonly violations: Violation[];
  /** Figures the plan states that counting does not give: stale after an edit, but no rule broken. */
  readonly notes: Violation[];
}

/**
 * The check of a plan someone may have edited: the rules it breaks, and apart
 * from them the stale bookkeeping as notes. `checkPlan` = both together.
 *
 * @example checkEditedPlan(scenario, plan).notes // [{ rule: 'distance', message: 'distance … 计划写 3.2 km，实为 7.41 km …' }]
 */
export function checkEditedPlan(scenario: Scenario, plan: Plan): CheckOutcome {
  const facts = factsOf(scenario, plan);
  const violations: Violation[] = [];
  const notes: Violation[] = [];
  for (const rule of RULES) (BOOKKEEPING.has(rule) ? notes : violations).push(...rule(facts));
  return { violations, notes };
}

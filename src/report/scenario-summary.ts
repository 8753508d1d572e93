/** What `rotation validate` shows: per county, the senders' quotas and the receivers' needs. */
import { isReceiver, isSender, type Scenario } from '../domain/scenario.js';
import { eligibilityAll, groupBy, type Eligibility } from '../policy/eligibility.js';
import { netNeed, runningCover } from '../policy/net-needs.js';
import { r1Quota } from '../policy/quotas.js';
import { countsForR2, r2Required } from '../policy/r2-backbone.js';
import type { Term } from '../policy/term.js';

export interface SenderSummary {
  school_id: string; name: string; teachers: number; eligible: number; eligible_backbone: number;
  required: number; cap: number; backbone_required: number;
}
export interface CountySummary {
  county: string; schools: number; senders: number; receivers: number; teachers: number; eligible: number;
  required: number;
  /** Needed posts as needs.csv gives them (gross). */
  needs: number;
  /** Of them filled already by running rotations (one post of the teacher's main subject each): the plan counts needs − this. */
  needs_running: number;
  /** Needed posts net of running rotations: what `plan` reports as needed. */
  needs_net: number;
  sender_list: SenderSummary[];
}
export interface ScenarioSummary {
  scenario: string; year: number; term: Term; teachers: number; eligible: number; counties: CountySummary[];
}

/** Per-county summary for the term. */
export function summarize(scenario: Scenario, term: Term, eligibility: readonly Eligibility[] = eligibilityAll(scenario, term)): ScenarioSummary {
  const elig = new Map(eligibility.map((e) => [e.teacher_id, e]));
  const bySchool = groupBy(scenario.teachers, (t) => t.school_id);
  const needsBySchool = groupBy(scenario.needs, (n) => n.school_id);
  const cover = runningCover(scenario, term);
  const netOf = (school: string) => (needsBySchool.get(school) ?? []).reduce((n, x) => n + netNeed(x.teachers, cover(school, x.subject)), 0);
  const counties = [...groupBy(scenario.schools, (s) => s.county)].map(([county, schools]): CountySummary => {
    const senders = schools.filter(isSender).map((s): SenderSummary => {
      const staff = bySchool.get(s.school_id) ?? [];
      const eligible = staff.filter((t) => elig.get(t.teacher_id)?.eligible);
      const { required, cap } = r1Quota(eligible.length, scenario.policy);
      return {
        school_id: s.school_id, name: s.name, teachers: staff.length, eligible: eligible.length,
        eligible_backbone: eligible.filter((t) => countsForR2(t.backbone, scenario.policy)).length,
        required, cap, backbone_required: r2Required(required, scenario.policy),
      };
    });
    const receivers = schools.filter(isReceiver);
    const needs = receivers.reduce((n, s) => n + (needsBySchool.get(s.school_id) ?? []).reduce((m, x) => m + x.teachers, 0), 0);
    const needsNet = receivers.reduce((n, s) => n + netOf(s.school_id), 0);
    return {
      county, schools: schools.length, senders: senders.length, receivers: receivers.length,
      teachers: schools.reduce((n, s) => n + (bySchool.get(s.school_id)?.length ?? 0), 0),
      eligible: senders.reduce((n, s) => n + s.eligible, 0),
      required: senders.reduce((n, s) => n + s.required, 0),
      needs, needs_running: needs - needsNet, needs_net: needsNet,
      sender_list: senders,
    };
  });
  return {
    scenario: scenario.name, year: term.year, term, teachers: scenario.teachers.length,
    eligible: counties.reduce((n, c) => n + c.eligible, 0), counties,
  };
}

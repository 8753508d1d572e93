/**
 * Title prerequisites (四(二)1 二: rural service precedes intermediate and
 * senior titles). Who means to apply within `assignment.title_horizon_years`
 * and will still lack `assignment.title_rural_months` after this plan — and
 * whether the plan could have sent them, and why it did not.
 */
import { joinTexts, type Text, TITLE } from '../domain/messages.js';
import type { Plan, TitleWarning } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { subjectList, type School, type Teacher } from '../domain/tables.js';
import { eligibilityAll, groupBy, type Eligibility } from './eligibility.js';
import { monthSlices, monthsServed } from './pay-period.js';
import { r1Quota } from './quotas.js';
import { planTerm, termStints, type Stint } from './service.js';

export interface RuralMonths {
  readonly teacher_id: string;
  /** teachers.csv `rural_months`: rural service done before the term. */
  readonly before: number;
  /** Whole months served at rural schools during the term. */
  readonly gained: number;
  readonly after: number;
}

/**
 * Rural months before and after the term for every teacher. Only service at a
 * school whose `area` is rural counts (a weak urban receiver is not 乡村任教);
 * residents of rural schools gain the term too. Part months are dropped.
 */
export function ruralMonths(scenario: Scenario, plan: Plan, stints: readonly Stint[] = termStints(scenario, plan)): Map<string, RuralMonths> {
  const rural = new Set(scenario.schools.filter((s) => s.area === 'rural').map((s) => s.school_id));
  const byTeacher = groupBy(stints.filter((s) => rural.has(s.school_id)), (s) => s.teacher_id);
  return new Map(scenario.teachers.map((t) => {
    const served = monthsServed((byTeacher.get(t.teacher_id) ?? []).flatMap((s) => monthSlices(s.from, s.to)));
    const gained = Math.floor(served + 1e-9);
    return [t.teacher_id, { teacher_id: t.teacher_id, before: t.rural_months, gained, after: t.rural_months + gained }];
  }));
}

/** One row of plan.json `title_warnings` (its schema: domain/plan.ts). */
export type { TitleWarning };

/** Why an eligible teacher was left home: the facts of the plan that explain it. */
function notChosen(t: Teacher, scenario: Scenario, plan: Plan, elig: ReadonlyMap<string, Eligibility>, sent: ReadonlySet<string>, home: School | undefined): Text {
  const facts: Text[] = [];
  const names = subjectList(scenario.policy.subjects).zh;
  const subjectName = (code: string) => names[code] ?? code;
  const sender = plan.senders.find((s) => s.school_id === t.school_id);
  const cap = sender ? r1Quota(sender.eligible, scenario.policy).cap : null;
  if (sender && cap !== null && sender.sent >= cap) {
    facts.push(TITLE.quotaFilled(t.school_id, sender.sent, cap));
  }
  const sameSubject = scenario.teachers.filter((o) => o.school_id === t.school_id && o.subject === t.subject
    && elig.get(o.teacher_id)?.away === null && !sent.has(o.teacher_id));
  if (sameSubject.length <= 1) facts.push(TITLE.lastOfSubject(subjectName(t.subject), t.school_id));
  const subjects = [t.subject, ...t.qualified_subjects];
  const forbidden = new Set(scenario.locks.filter((l) => l.teacher_id === t.teacher_id && l.action === 'forbid').map((l) => l.school_id));
  const county = new Set(scenario.schools.filter((s) => s.county === home?.county).map((s) => s.school_id));
  const open = plan.gaps.filter((g) => g.unfilled > 0 && county.has(g.school_id) && subjects.includes(g.subject) && !forbidden.has(g.school_id));
  if (open.length === 0) {
    facts.push(TITLE.noOpenPost(subjects.map(subjectName).join('/'), home?.county ?? '?'));
  } else if (facts.length === 0) {
    const km = scenario.policy.assignment.max_distance_km;
    facts.push(TITLE.preferredOthers(open.map((g) => `${g.school_id} ${subjectName(g.subject)}`).join(', '), km));
  }
  return TITLE.notChosen(joinTexts(facts));
}

/**
 * Teachers applying for a title within the horizon who will still lack the
 * rural months after this plan, sorted by target year, school and id.
 * @example titleWarnings(scenario, plan)[0].why → 'not eligible: 4 years 2 months at school < 6'
 */
export function titleWarnings(scenario: Scenario, plan: Plan, months: ReadonlyMap<string, RuralMonths> = ruralMonths(scenario, plan),
  eligibility: readonly Eligibility[] = eligibilityAll(scenario, planTerm(plan))): TitleWarning[] {
  const { title_horizon_years: horizon, title_rural_months: required } = scenario.policy.assignment;
  const elig = new Map(eligibility.map((e) => [e.teacher_id, e]));
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const assignedTo = new Map(plan.assignments.map((a) => [a.teacher_id, a.to_school]));
  const sent = new Set(assignedTo.keys());
  const out: TitleWarning[] = [];
  for (const t of scenario.teachers) {
    const year = t.title_target_year;
    const m = months.get(t.teacher_id);
    if (year === null || m === undefined || year < plan.plan_year || year - plan.plan_year > horizon || m.after >= required) continue;
    const e = elig.get(t.teacher_id);
    const to = assignedTo.get(t.teacher_id) ?? null;
    let why: Text;
    if (to !== null) why = TITLE.stillShort(to, m.before, m.gained, required, schools.get(to)?.area === 'rural');
    else if (!e?.eligible) why = TITLE.notEligible(e ? joinTexts(e.texts) : TITLE.unknownTeacher());
    else why = notChosen(t, scenario, plan, elig, sent, schools.get(t.school_id));
    out.push({
      teacher_id: t.teacher_id, name: t.name, school_id: t.school_id, title: t.title, title_target_year: year,
      rural_months_before: m.before, rural_months_after: m.after, required, assigned_to: to,
      eligible: e?.eligible ?? false, eligibility: [...(e?.reasons ?? [])], why: why.en, why_text: why, eligibility_text: [...(e?.texts ?? [])],
    });
  }
  return out.sort((a, b) => a.title_target_year - b.title_target_year || a.school_id.localeCompare(b.school_id) || a.teacher_id.localeCompare(b.teacher_id));
}

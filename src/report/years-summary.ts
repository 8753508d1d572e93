/**
 * The summary of a multi-year run (`rotation plan --years`): per sender,
 * who was eligible and who was sent each year and the cumulative share of
 * its eligible teachers who have served; per receiver, the gaps filled each
 * year; per county, the year's totals. Pure; no timing, so the same plans
 * give the same summary.
 */
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';

/** One planned year: the scenario as it stood that year, its (checked) plan, and who was eligible. */
export interface PlannedYear {
  readonly scenario: Scenario;
  readonly plan: Plan;
  readonly eligible: readonly string[];
  /** Violations the independent checker found (0 = passed). */
  readonly violations: number;
}

export interface SenderYears {
  readonly school_id: string; readonly name: string; readonly county: string;
  readonly eligible: number[]; readonly required: number[]; readonly sent: number[]; readonly backbone_sent: number[];
  readonly met: boolean[];
  /** Distinct teachers eligible in at least one year so far. */
  readonly eligible_so_far: number[];
  /** Of those, how many have been sent in one of these years. */
  readonly served_so_far: number[];
  /** served_so_far / eligible_so_far, 4 decimals (0 when none was eligible). */
  readonly served_share: number[];
}

export interface ReceiverYears {
  readonly school_id: string; readonly name: string; readonly county: string;
  readonly needed: number[]; readonly filled: number[]; readonly backbone_after: number[];
}

export interface CountyYear {
  readonly county: string; readonly year: number; readonly teachers: number; readonly senders: number;
  readonly eligible: number; readonly required: number; readonly sent: number; readonly backbone_sent: number;
  readonly senders_met: number; readonly gaps_needed: number; readonly gaps_filled: number; readonly shortfalls: number;
  readonly optimal: boolean;
}

export interface YearTotal {
  readonly year: number; readonly teachers: number; readonly eligible: number; readonly sent: number;
  readonly gaps_needed: number; readonly gaps_filled: number; readonly shortfalls: number;
  readonly optimal: boolean; readonly check: 'passed' | 'failed';
}

export interface YearsSummary {
  readonly years: number[];
  readonly totals: YearTotal[];
  readonly counties: CountyYear[];
  readonly senders: SenderYears[];
  readonly receivers: ReceiverYears[];
}

const share = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10_000) / 10_000);

/** The summary of consecutive planned years, first year first. */
export function yearsSummary(years: readonly PlannedYear[]): YearsSummary {
  const first = years[0];
  if (first === undefined) return { years: [], totals: [], counties: [], senders: [], receivers: [] };
  const schools = first.scenario.schools;
  const home = new Map(first.scenario.teachers.map((t) => [t.teacher_id, t.school_id]));
  const senderIds = new Set(years.flatMap((y) => y.plan.senders.map((s) => s.school_id)));
  const receiverIds = new Set(years.flatMap((y) => y.plan.receivers.map((r) => r.school_id)));

  const everEligible = new Map<string, Set<string>>();
  const everServed = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, school: string, id: string) => {
    const set = m.get(school) ?? new Set<string>();
    set.add(id);
    m.set(school, set);
  };
  const senders: SenderYears[] = schools.filter((s) => senderIds.has(s.school_id)).map((s) => ({
    school_id: s.school_id, name: s.name, county: s.county,
    eligible: [], required: [], sent: [], backbone_sent: [], met: [], eligible_so_far: [], served_so_far: [], served_share: [],
  }));
  const receivers: ReceiverYears[] = schools.filter((s) => receiverIds.has(s.school_id)).map((s) => ({
    school_id: s.school_id, name: s.name, county: s.county, needed: [], filled: [], backbone_after: [],
  }));
  const counties: CountyYear[] = [];
  const totals: YearTotal[] = [];

  for (const y of years) {
    for (const id of y.eligible) add(everEligible, home.get(id) ?? '', id);
    for (const a of y.plan.assignments) add(everServed, a.from_school, a.teacher_id);
    const reports = new Map(y.plan.senders.map((r) => [r.school_id, r]));
    for (const s of senders) {
      const r = reports.get(s.school_id);
      const ever = everEligible.get(s.school_id)?.size ?? 0;
      const served = everServed.get(s.school_id)?.size ?? 0;
      s.eligible.push(r?.eligible ?? 0); s.required.push(r?.required ?? 0); s.sent.push(r?.sent ?? 0);
      s.backbone_sent.push(r?.backbone_sent ?? 0); s.met.push(r?.met ?? true);
      s.eligible_so_far.push(ever); s.served_so_far.push(served); s.served_share.push(share(served, ever));
    }
    for (const rec of receivers) {
      const gaps = y.plan.gaps.filter((g) => g.school_id === rec.school_id);
      rec.needed.push(gaps.reduce((n, g) => n + g.needed, 0));
      rec.filled.push(gaps.reduce((n, g) => n + g.filled, 0));
      rec.backbone_after.push(y.plan.receivers.find((r) => r.school_id === rec.school_id)?.county_backbone_after ?? 0);
    }
    counties.push(...countyYears(y));
    const s = y.plan.stats;
    totals.push({
      year: y.plan.plan_year, teachers: s.teachers, eligible: s.eligible, sent: s.sent, gaps_needed: s.gaps_needed,
      gaps_filled: s.gaps_filled, shortfalls: y.plan.shortfalls.length, optimal: s.optimal, check: y.violations === 0 ? 'passed' : 'failed',
    });
  }
  return { years: years.map((y) => y.plan.plan_year), totals, counties, senders, receivers };
}

/** One row per county of the year, in the schools table's county order. */
function countyYears(y: PlannedYear): CountyYear[] {
  const countyOf = new Map(y.scenario.schools.map((s) => [s.school_id, s.county]));
  const names = [...new Set(y.scenario.schools.map((s) => s.county))];
  const status = new Map((y.plan.stats.counties ?? []).map((c) => [c.county, c.status]));
  return names.map((county): CountyYear => {
    const inCounty = (id: string) => countyOf.get(id) === county;
    const senders = y.plan.senders.filter((s) => inCounty(s.school_id));
    const gaps = y.plan.gaps.filter((g) => inCounty(g.school_id));
    const sum = <T>(rows: readonly T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0);
    return {
      county, year: y.plan.plan_year, teachers: y.scenario.teachers.filter((t) => inCounty(t.school_id)).length, senders: senders.length,
      eligible: sum(senders, (s) => s.eligible), required: sum(senders, (s) => s.required), sent: sum(senders, (s) => s.sent),
      backbone_sent: sum(senders, (s) => s.backbone_sent), senders_met: senders.filter((s) => s.met).length,
      gaps_needed: sum(gaps, (g) => g.needed), gaps_filled: sum(gaps, (g) => g.filled),
      shortfalls: y.plan.shortfalls.filter((f) => inCounty(f.school_id)).length, optimal: (status.get(county) ?? 'optimal') === 'optimal',
    };
  });
}

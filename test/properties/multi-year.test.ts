import { differenceInCalendarDays, parseISO, subYears } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import { InputError } from '../../src/domain/errors.js';
import type { Plan } from '../../src/domain/plan.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { planScenario } from '../../src/engine/plan.js';
import { nextYearScenario } from '../../src/policy/next-year.js';
import { extendPlan } from '../../src/report/plan-report.js';
import { yearsSummary, type PlannedYear } from '../../src/report/years-summary.js';
import { rural, scenario, staff, urban } from '../engine/builders.js';
import { scenarioArb } from '../engine/random-scenario.js';

const YEARS = [2019, 2020, 2021];

/** Three years planned in turn as `rotation plan --years` does; null when the random input is rejected (a contradicted pin). */
function planThreeYears(first: Scenario): PlannedYear[] | null {
  const out: PlannedYear[] = [];
  let s = first;
  for (const year of YEARS) {
    let result;
    try {
      result = planScenario(s, year);
    } catch (err) {
      if (err instanceof InputError) return null;
      throw err;
    }
    const plan = extendPlan(s, result.plan);
    out.push({ scenario: s, plan, eligible: result.eligibility.filter((e) => e.eligible).map((e) => e.teacher_id), violations: checkPlan(s, plan).length });
    s = nextYearScenario(s, plan);
  }
  return out;
}

const withCooldown = (s: Scenario, years: number): Scenario => ({ ...s, policy: { ...s.policy, eligibility: { ...s.policy.eligibility, cooldown_years: years } } });
const starts = (plans: readonly Plan[], id: string) => plans.flatMap((p) => p.assignments.filter((a) => a.teacher_id === id).map((a) => a.start_date)).sort();

describe('three years planned in turn (rotation plan --years)', () => {
  it('R3 cooldown: no teacher is sent twice within cooldown_years, and every year passes the independent checker', () => {
    let planned = 0;
    let repeats = 0;
    fc.assert(fc.property(scenarioArb({ senders: 2, receivers: 3, teachersPerSender: 6 }), fc.constantFrom(1, 2, 3), (base, cooldown) => {
      const years = planThreeYears(withCooldown(base, cooldown));
      if (years === null) return;
      planned++;
      for (const y of years) expect(y.violations).toBe(0);
      const plans = years.map((y) => y.plan);
      for (const id of new Set(plans.flatMap((p) => p.assignments.map((a) => a.teacher_id)))) {
        const s = starts(plans, id);
        if (s.length > 1) repeats++;
        // A rotation started within cooldown_years before a term's first day makes the teacher ineligible (FORMAT.md).
        for (let i = 1; i < s.length; i++) expect(parseISO(s[i - 1]!) <= subYears(parseISO(s[i]!), cooldown)).toBe(true);
      }
    }), { numRuns: 30, seed: 2018 });
    expect(planned).toBeGreaterThan(15);
    expect(repeats).toBeGreaterThan(0); // with a one-year cooldown some teachers do go again: the property is not vacuous
  }, 60_000);

  it('history grows by each year\'s rotations, which end by the next term; rural months grow by the months served', () => {
    fc.assert(fc.property(scenarioArb({ senders: 2, receivers: 2, teachersPerSender: 5 }), (base) => {
      const years = planThreeYears(base);
      if (years === null) return;
      for (const [i, y] of years.slice(1).entries()) {
        const before = years[i]!;
        expect(y.scenario.history.length).toBe(before.scenario.history.length + before.plan.assignments.length);
        expect(y.scenario.locks.every((l) => l.action === 'forbid')).toBe(true);
        for (const a of before.plan.assignments) {
          expect(differenceInCalendarDays(parseISO(`${y.plan.plan_year}-09-01`), parseISO(a.end_date))).toBe(1);
          const t = y.scenario.teachers.find((x) => x.teacher_id === a.teacher_id)!;
          expect(t.rural_months).toBe((a['rural_months_after'] as number));
        }
      }
    }), { numRuns: 15, seed: 7 });
  }, 60_000);

  it('example: a sender of 30 eligible teachers (6 backbone) sends 3 a year, 9 different teachers in three years; the summary counts them', () => {
    const s = scenario({
      schools: [urban('U1'), rural('R1')],
      teachers: staff('A', 'U1', 30, ['chinese', 'math', 'music'], (i) => ({ backbone: i % 5 === 0 ? 'county' : 'none' })),
      needs: [{ school_id: 'R1', subject: 'math', teachers: 1, priority: 1 }],
    });
    const years = planThreeYears(s)!;
    const summary = yearsSummary(years);
    expect(summary.years).toEqual(YEARS);
    expect(summary.totals.map((t) => t.check)).toEqual(['passed', 'passed', 'passed']);
    const u1 = summary.senders.find((x) => x.school_id === 'U1')!;
    expect(u1.eligible).toEqual([30, 27, 24]); // R3: last year's rotations are in their cooldown
    expect(u1.sent).toEqual([3, 3, 3]); // R1: ceil(10 % × eligible)
    expect(u1.met).toEqual([true, true, true]); // R2: one backbone teacher each year
    expect(u1.served_so_far).toEqual([3, 6, 9]);
    expect(u1.served_share).toEqual([0.1, 0.2, 0.3]);
    expect(summary.receivers.find((r) => r.school_id === 'R1')!.filled).toEqual([1, 1, 1]);
    expect(new Set(years.flatMap((y) => y.plan.assignments.map((a) => a.teacher_id))).size).toBe(9);
  });
});

/**
 * 走教 on random counties: covers never exceed a school's spare periods nor what the rotation leaves open at a
 * receiver (its uncovered periods, at most its gap's unfilled posts × a full load), the
 * per-teacher limits and the distance limit are never broken, every plan passes the independent checker; and
 * without per-teacher limits binding, the periods covered equal the maximum flow of the district's
 * transportation problem (computed here by a plain augmenting-path max flow), so the MILP's optimum is the optimum.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import { InputError } from '../../src/domain/errors.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { distanceKm } from '../../src/domain/distance.js';
import { gapsWithCovers, planCovers } from '../../src/engine/itinerant.js';
import { loadHighsSolver } from '../../src/engine/highs.js';
import { planScenario } from '../../src/engine/plan.js';
import { extendPlan } from '../../src/report/plan-report.js';
import { balanceKey, coverNeed, periodBalances } from '../../src/policy/itinerant-periods.js';
import { termOf } from '../../src/policy/term.js';
import { scenarioWithNeeds } from '../../src/pipeline.js';
import { scenarioArb } from '../engine/random-scenario.js';
import { runs, timeAllowed } from './runs.js';

const withDistricts = fc.tuple(
  scenarioArb({ senders: 3, receivers: 4, teachersPerSender: 8 }),
  fc.array(fc.constantFrom(undefined, 'D1', 'D1', 'D2'), { minLength: 7, maxLength: 7 }),
  fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 7, maxLength: 7 }),
  fc.record({ max_distance_km: fc.constantFrom(null, 10, 25), max_schools: fc.integer({ min: 1, max: 3 }), max_periods: fc.integer({ min: 1, max: 12 }), loose: fc.boolean() }),
// Needs from the staffing norms for every receiver: many gaps, some left open by the rotation.
).map(([s, districts, classes, limits]): Scenario => scenarioWithNeeds({
  ...s,
  // Small schools, so that some have periods to spare and some lack them.
  schools: s.schools.map((x, i) => {
    const { district: _, ...rest } = x;
    const d = districts[i % districts.length];
    return { ...rest, classes: classes[i % classes.length]!, ...(d === undefined ? {} : { district: d }) };
  }),
  policy: {
    ...s.policy,
    itinerant: {
      ...s.policy.itinerant, max_distance_km: limits.max_distance_km,
      // loose: limits that never bind, for the max-flow comparison
      max_schools: limits.loose ? 50 : limits.max_schools, max_periods: limits.loose ? 10_000 : limits.max_periods,
    },
  },
}, 2019, 'norms'));

/** Max flow of a small network by augmenting paths (BFS); capacities as a map of maps. */
function maxFlow(cap: Map<string, Map<string, number>>, source: string, sink: string): number {
  const residual = new Map<string, Map<string, number>>();
  const edge = (a: string) => { if (!residual.has(a)) residual.set(a, new Map()); return residual.get(a)!; };
  for (const [a, out] of cap) for (const [b, c] of out) { edge(a).set(b, (edge(a).get(b) ?? 0) + c); edge(b).set(a, edge(b).get(a) ?? 0); }
  let flow = 0;
  for (;;) {
    const prev = new Map<string, string>([[source, '']]);
    const queue = [source];
    while (queue.length > 0 && !prev.has(sink)) {
      const a = queue.shift()!;
      for (const [b, c] of residual.get(a) ?? []) if (c > 0 && !prev.has(b)) { prev.set(b, a); queue.push(b); }
    }
    if (!prev.has(sink)) return flow;
    let push = Infinity;
    for (let b = sink; b !== source; b = prev.get(b)!) push = Math.min(push, residual.get(prev.get(b)!)!.get(b)!);
    for (let b = sink; b !== source; b = prev.get(b)!) {
      const a = prev.get(b)!;
      residual.get(a)!.set(b, residual.get(a)!.get(b)! - push);
      residual.get(b)!.set(a, residual.get(b)!.get(a)! + push);
    }
    flow += push;
  }
}

describe('走教 on random counties', () => {
  it('covers stay within spare and uncovered periods and every limit, pass the checker, and are a maximum flow when the limits do not bind', async () => {
    const solver = await loadHighsSolver();
    let covered = 0;
    let compared = 0;
    fc.assert(fc.property(withDistricts, (s) => {
      let rotation;
      try {
        rotation = planScenario(s, 2019, { solver }).plan;
      } catch (err) {
        if (err instanceof InputError) return;
        throw err;
      }
      const term = termOf(2019, s.policy);
      const report = planCovers(s, rotation, term, solver)!;
      expect(report.stats.optimal).toBe(true);
      const plan = extendPlan(s, { ...rotation, gaps: gapsWithCovers(s, rotation, report, term), itinerant: report });
      expect(checkPlan(s, plan)).toEqual([]);
      const balances = periodBalances(s, rotation, term);
      const schools = new Map(s.schools.map((x) => [x.school_id, x]));
      const sum = (k: (c: (typeof report.covers)[number]) => string) => {
        const m = new Map<string, number>();
        for (const c of report.covers) m.set(k(c), (m.get(k(c)) ?? 0) + c.periods);
        return m;
      };
      for (const [k, n] of sum((c) => balanceKey(c.home_school, c.subject))) expect(n).toBeLessThanOrEqual(balances.get(k)!.spare);
      const unfilled = new Map(rotation.gaps.map((g) => [balanceKey(g.school_id, g.subject), g.unfilled]));
      const need = (k: string) => coverNeed(balances.get(k), unfilled.get(k) ?? 0);
      for (const [k, n] of sum((c) => balanceKey(c.school_id, c.subject))) {
        expect(n).toBeLessThanOrEqual(balances.get(k)!.uncovered);
        expect(n).toBeLessThanOrEqual(need(k));
      }
      for (const [, n] of sum((c) => c.teacher_id)) expect(n).toBeLessThanOrEqual(s.policy.itinerant.max_periods);
      for (const c of report.covers) {
        const [h, r] = [schools.get(c.home_school)!, schools.get(c.school_id)!];
        expect(h.district !== undefined && h.district === r.district && h.county === r.county).toBe(true);
        const km = distanceKm(h, r)!;
        if (s.policy.itinerant.max_distance_km !== null) expect(km).toBeLessThanOrEqual(s.policy.itinerant.max_distance_km);
        expect(new Set(report.covers.filter((x) => x.teacher_id === c.teacher_id).map((x) => x.school_id)).size).toBeLessThanOrEqual(s.policy.itinerant.max_schools);
      }
      covered += report.stats.periods_covered;
      if (s.policy.itinerant.max_periods >= 10_000) {
        // The transportation problem: source → (home, subject) spare → (receiver, subject) where reachable → uncovered → sink.
        const cap = new Map<string, Map<string, number>>([['src', new Map()]]);
        const limit = s.policy.itinerant.max_distance_km;
        for (const g of balances.values()) {
          const home = schools.get(g.school_id)!;
          if (g.spare <= 0 || home.district === undefined || g.staff.every((t) => t.exempt !== '')) continue; // exempt teachers do not walk
          const out = new Map<string, number>();
          for (const n of balances.values()) {
            const r = schools.get(n.school_id)!;
            const km = distanceKm(home, r);
            const sink = need(balanceKey(n.school_id, n.subject));
            if (n.subject !== g.subject || sink <= 0 || r === home || r.district !== home.district || r.county !== home.county || km === null || (limit !== null && km > limit)) continue;
            out.set(`in:${n.school_id}:${n.subject}`, Infinity);
            cap.set(`in:${n.school_id}:${n.subject}`, new Map([['sink', sink]]));
          }
          cap.get('src')!.set(`out:${g.school_id}:${g.subject}`, g.spare);
          cap.set(`out:${g.school_id}:${g.subject}`, out);
        }
        expect(report.stats.periods_covered).toBe(maxFlow(cap, 'src', 'sink'));
        compared++;
      }
    }), { numRuns: runs(60), seed: 1313 });
    expect(covered).toBeGreaterThan(20); // covers were planned: the properties were exercised
    expect(compared).toBeGreaterThan(10);
  }, timeAllowed(300_000));
});

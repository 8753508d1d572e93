/**
 * 银龄讲学 on random counties: volunteers near every boundary (age 65/66 on the term's first day, availability
 * ending before / starting after the term, another county, not healthy), placed after rotation. Properties: the
 * plan passes the independent checker; no volunteer is placed outside their county, dates or age, unhealthy or
 * off-subject; never more volunteers on a post than rotation leaves open; rotation itself is unchanged; and as
 * many volunteers are placed as a maximum bipartite matching (augmenting paths, written here) allows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/check.js';
import { InputError } from '../../src/domain/errors.js';
import type { Plan } from '../../src/domain/plan.js';
import type { Scenario } from '../../src/domain/scenario.js';
import type { Volunteer } from '../../src/domain/tables.js';
import { planScenario } from '../../src/engine/plan.js';
import { extendPlan } from '../../src/report/plan-report.js';
import { scenarioArb } from '../engine/random-scenario.js';
import { runs, timeAllowed } from './runs.js';

const SUBJECTS = ['chinese', 'math', 'music', 'art'] as const;

const volunteerArb = (i: number): fc.Arbitrary<Volunteer> => fc.record({
  subject: fc.constantFrom(...SUBJECTS),
  qualified: fc.subarray([...SUBJECTS], { maxLength: 2 }),
  birth: fc.constantFrom('1953-09-01', '1953-09-02', '1953-08-31', '1954-09-01', '1960-01-15', '1950-03-01'),
  county: fc.constantFrom('测试县', '测试县', '测试县', '别县'),
  from: fc.constantFrom(null, null, '2019-06-01', '2019-10-16', '2020-09-01'),
  to: fc.constantFrom(null, null, '2019-08-31', '2020-01-31', '2021-06-30'),
  health: fc.constantFrom(true, true, true, false),
  prefs: fc.subarray(['R1', 'R2', 'R3', 'R4'], { maxLength: 2 }),
  backbone: fc.constantFrom('none', 'none', 'county', 'school'),
}).map((g): Volunteer => ({
  volunteer_id: `V${i}`, name: '', subject: g.subject, qualified_subjects: g.qualified, birth_date: g.birth, gender: null, county: g.county,
  available_from: g.from, available_to: g.from !== null && g.to !== null && g.to < g.from ? null : g.to, health_ok: g.health,
  preferred_schools: g.prefs, backbone_level: g.backbone as Volunteer['backbone_level'],
}));

const withVolunteers = fc.tuple(scenarioArb({ senders: 2, receivers: 4, teachersPerSender: 6 }), fc.integer({ min: 0, max: 7 }))
  .chain(([s, n]) => fc.tuple(...Array.from({ length: n }, (_, i) => volunteerArb(i + 1))).map((vs): Scenario => ({
    ...s,
    volunteers: vs.map((v) => ({ ...v, preferred_schools: v.preferred_schools.filter((p) => s.schools.some((x) => x.school_id === p)) })),
  })));

/** The largest number of volunteers that fit the open posts at all (Kuhn's augmenting paths). */
function maxMatching(edges: ReadonlyMap<string, readonly string[]>, open: ReadonlyMap<string, number>): number {
  const slots = new Map<string, string[]>(); // post → volunteers on it
  const tryPlace = (v: string, seen: Set<string>): boolean => {
    for (const p of edges.get(v) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      const on = slots.get(p) ?? [];
      if (on.length < (open.get(p) ?? 0)) { slots.set(p, [...on, v]); return true; }
      for (const [k, w] of on.entries()) {
        if (tryPlace(w, seen)) { on[k] = v; return true; }
      }
    }
    return false;
  };
  let n = 0;
  for (const v of edges.keys()) if (tryPlace(v, new Set())) n++;
  return n;
}

describe('volunteers on random counties', () => {
  it('placed only where allowed, never beyond the open posts, rotation unchanged, as many as a maximum matching', () => {
    let placedSeen = 0;
    let refusedSeen = 0;
    fc.assert(fc.property(withVolunteers, (s) => {
      let bare: Plan;
      try {
        bare = planScenario(s, 2019).plan;
      } catch (err) {
        if (err instanceof InputError) return; // a random pin the input contradicts
        throw err;
      }
      const plan = extendPlan(s, bare);
      const { volunteers: _v, ...plain } = s;
      expect(checkPlan(s, plan)).toEqual([]);
      expect(plan.assignments.map((a) => [a.teacher_id, a.to_school, a.subject])).toEqual(extendPlan(plain, bare).assignments.map((a) => [a.teacher_id, a.to_school, a.subject]));
      const open = new Map(bare.gaps.filter((g) => g.unfilled > 0).map((g) => [`${g.school_id}|${g.subject}`, g.unfilled]));
      const on = new Map<string, number>();
      const edges = new Map<string, string[]>();
      for (const v of s.volunteers ?? []) {
        const row = plan.volunteers!.find((r) => r.volunteer_id === v.volunteer_id)!;
        const age = 2019 - Number(v.birth_date.slice(0, 4)) - (v.birth_date.slice(5) > '09-01' ? 1 : 0);
        const from = v.available_from ?? '2019-09-01';
        const to = v.available_to ?? '2020-08-31';
        const may = v.county === '测试县' && v.health_ok && age <= 65 && from <= '2020-08-31' && to >= '2019-09-01';
        const subjects = [v.subject, ...v.qualified_subjects];
        if (may) edges.set(v.volunteer_id, [...open.keys()].filter((k) => subjects.includes(k.split('|')[1]!)));
        if (row.to_school === null) { refusedSeen++; continue; }
        placedSeen++;
        expect(may, `${v.volunteer_id} placed though county/health/age/dates forbid`).toBe(true);
        expect(subjects).toContain(row.subject);
        expect(row.start_date! >= from && row.end_date! <= to && row.start_date! >= '2019-09-01' && row.end_date! <= '2020-08-31').toBe(true);
        const key = `${row.to_school}|${row.subject}`;
        on.set(key, (on.get(key) ?? 0) + 1);
      }
      for (const [key, n] of on) expect(n).toBeLessThanOrEqual(open.get(key) ?? 0);
      const placed = [...on.values()].reduce((a, b) => a + b, 0);
      expect(placed).toBeLessThanOrEqual([...open.values()].reduce((a, b) => a + b, 0));
      // Posts filled lexicographically by priority still fill as many as possible: matchable post sets form a matroid.
      expect(placed).toBe(maxMatching(edges, open));
    }), { numRuns: runs(60), seed: 1313 });
    expect(placedSeen).toBeGreaterThan(5);
    expect(refusedSeen).toBeGreaterThan(5);
  }, timeAllowed(300_000));
});

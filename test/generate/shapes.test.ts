/** The generator's village shape (many small rural schools, needs above what senders may give) and that the default stays as it was. */
import { describe, expect, it } from 'vitest';
import { isReceiver, isSender, type Scenario } from '../../src/domain/scenario.js';
import { generateScenario, generateWenzhou } from '../../src/generate/index.js';
import { eligibilityAll, groupBy } from '../../src/policy/eligibility.js';
import { r1Quota } from '../../src/policy/quotas.js';
import { termOf } from '../../src/policy/term.js';

const YEAR = 2019;

/** Per county: schools, senders, receivers, receivers with needs, need rows, subjects, posts and the senders' total R1 cap. */
function figures(s: Scenario) {
  const term = termOf(YEAR, s.policy);
  const schoolOf = new Map(s.teachers.map((t) => [t.teacher_id, t.school_id]));
  const eligible = groupBy(eligibilityAll(s, term).filter((e) => e.eligible), (e) => schoolOf.get(e.teacher_id)!);
  const staff = groupBy(s.teachers, (t) => t.school_id);
  return [...groupBy(s.schools, (x) => x.county)].map(([county, local]) => {
    const receivers = local.filter(isReceiver);
    const ids = new Set(receivers.map((r) => r.school_id));
    const needs = s.needs.filter((n) => ids.has(n.school_id));
    const rural = local.filter((x) => x.area === 'rural');
    const people = local.flatMap((x) => staff.get(x.school_id) ?? []);
    return {
      county, schools: local.length, rural: rural.length, senders: local.filter(isSender).length, receivers: receivers.length,
      asking: new Set(needs.map((n) => n.school_id)).size, rows: needs.length, subjects: new Set(needs.map((n) => n.subject)).size,
      posts: needs.reduce((a, n) => a + n.teachers, 0),
      cap: local.filter(isSender).reduce((a, x) => a + r1Quota(eligible.get(x.school_id)?.length ?? 0, s.policy).cap, 0),
      ruralStaff: rural.map((x) => staff.get(x.school_id)?.length ?? 0),
      second: people.filter((t) => t.qualified_subjects.length > 0).length / people.length,
    };
  });
}

describe('generate: shape default', () => {
  it('is the generator without a shape, value for value (the default output does not move)', () => {
    expect(generateScenario({ counties: 2, teachers: 900, seed: 4, year: YEAR, shape: 'default' })).toEqual(generateScenario({ counties: 2, teachers: 900, seed: 4, year: YEAR }));
    expect(generateWenzhou({ seed: 2, year: YEAR, scale: 0.1, shape: 'default' })).toEqual(generateWenzhou({ seed: 2, year: YEAR, scale: 0.1 }));
  });
});

describe('generate: shape village (the hard shape)', () => {
  for (const [teachers, seed] of [[2000, 7], [6000, 7], [6000, 3]] as const) {
    it(`${teachers} teachers, seed ${seed}: small rural schools, 2–3 receivers per sender, needs in most of them at 120–150 % of the senders' cap`, () => {
      const s = generateScenario({ counties: 1, teachers, seed, year: YEAR, shape: 'village' });
      expect(s.teachers).toHaveLength(teachers);
      const [f] = figures(s);
      expect(f!.schools).toBeGreaterThan(teachers / 45);
      expect(Math.min(...f!.ruralStaff)).toBeGreaterThanOrEqual(5);
      expect(Math.max(...f!.ruralStaff)).toBeLessThanOrEqual(30);
      expect(f!.receivers / f!.senders).toBeGreaterThanOrEqual(2);
      expect(f!.receivers / f!.senders).toBeLessThanOrEqual(3);
      expect(f!.asking / f!.receivers).toBeGreaterThan(0.8);
      expect(f!.subjects).toBeGreaterThanOrEqual(10);
      expect(f!.rows / f!.asking).toBeGreaterThan(3);
      expect(f!.posts / f!.cap).toBeGreaterThanOrEqual(1.19);
      expect(f!.posts / f!.cap).toBeLessThanOrEqual(1.51);
      expect(f!.second).toBeGreaterThan(0.29);
      expect(f!.second).toBeLessThan(0.39);
      expect(s.schools.some((x) => x.name.endsWith('教学点'))).toBe(true);
    });
  }

  it('is deterministic for a seed', () => {
    expect(generateScenario({ counties: 1, teachers: 800, seed: 9, year: YEAR, shape: 'village' })).toEqual(generateScenario({ counties: 1, teachers: 800, seed: 9, year: YEAR, shape: 'village' }));
  });

  it('Wenzhou: 58,400 teachers in 1,548 schools of which about 926 rural, every county asking above its senders\' cap', () => {
    const s = generateWenzhou({ seed: 1, year: YEAR, shape: 'village' });
    expect(s.teachers).toHaveLength(58_400);
    expect(s.schools).toHaveLength(1_548);
    const rural = s.schools.filter((x) => x.area === 'rural').length;
    expect(rural).toBeGreaterThan(880);
    expect(rural).toBeLessThan(970);
    for (const f of figures(s)) {
      expect(f.posts / f.cap, f.county).toBeGreaterThanOrEqual(1.19);
      expect(f.posts / f.cap, f.county).toBeLessThanOrEqual(1.51);
      expect(Math.max(...f.ruralStaff), f.county).toBeLessThanOrEqual(30);
    }
  });
});

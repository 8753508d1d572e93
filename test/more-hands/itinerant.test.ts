import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { writeScenario } from '../../src/io/export/write-scenario.js';
import { writeScenarioWorkbook } from '../../src/io/export/write-scenario-xlsx.js';
import { checkPlan } from '../../src/check/check.js';
import type { Plan } from '../../src/domain/plan.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { planYear, replanYear, scenarioWithNeeds } from '../../src/pipeline.js';
import { itinerantPosts } from '../../src/policy/itinerant-periods.js';
import { rural, staff, teacher } from '../engine/builders.js';
import { township } from './township.js';
import { volunteer } from './volunteer-builders.js';

async function planned(s: Scenario): Promise<{ plan: Plan; scenario: Scenario }> {
  const withNeeds = scenarioWithNeeds(s, 2019, 'norms');
  const { plan, violations } = await planYear(withNeeds, 2019, { jobs: 1 });
  expect(violations).toEqual([]);
  return { plan, scenario: withNeeds };
}

describe('走教 inside a school district (四(二)2 二)', () => {
  it('a 3-class village school is covered by 走教 from its central school: 6 periods of music, the post made whole, the subsidy paid', async () => {
    const { plan, scenario: s } = await planned(township());
    const it = plan.itinerant!;
    expect(it.covers).toEqual([expect.objectContaining({ teacher_id: 'CM1', home_school: 'C', school_id: 'V', subject: 'music', periods: 6, district: '南岙学区', placed: false })]);
    expect(it.covers[0]!.distance_km).toBeGreaterThan(5);
    expect(it.covers[0]!.reasons!.join('\n')).toContain('8 spare');
    expect(it.stats).toMatchObject({ optimal: true, periods_covered: 6 });
    const music = plan.gaps.find((g) => g.school_id === 'V' && g.subject === 'music')!;
    expect(music).toMatchObject({ unfilled: 1, itinerant_periods: 6, itinerant_posts: 1 });
    // Rotation is untouched: the plan without a district has the same assignments and gap figures.
    const without = await planned(township({ v: { district: undefined }, c: { district: undefined } }));
    expect(without.plan.itinerant).toBeUndefined();
    expect(plan.assignments.map((a) => a.teacher_id)).toEqual(without.plan.assignments.map((a) => a.teacher_id));
    // The subsidy: tier 2 (the village), 300 yuan a month for the term's 12 months.
    const paid = plan.allowances.find((a) => a.teacher_id === 'CM1' && a.school_id === 'V')!;
    expect(paid).toMatchObject({ tier: 2, monthly: 300, total: 3600, items: { 走教补贴: 3600 }, itinerant: true });
    expect(checkPlan(s, plan)).toEqual([]);
  });

  it('the subsidy follows the term: a term from 15 September pays part months pro rata, or not at all under whole_months', async () => {
    for (const part_month of ['pro_rata', 'whole_months'] as const) {
      const base = township();
      const s = { ...base, policy: { ...base.policy, term: { ...base.policy.term, start: '09-15' }, allowances: { ...base.policy.allowances, part_month } } };
      const { plan } = await planned(s);
      const paid = plan.allowances.find((a) => a['itinerant'] === true)!;
      // 15 Sep – 14 Sep: 16/30 of September, 11 whole months (October – August), 14/30 of September next year.
      expect(paid.total).toBe(part_month === 'pro_rata' ? 3600 : 3300);
    }
  });

  it('covers stop at max_distance_km and say why the periods stay open', async () => {
    const base = township();
    const { plan } = await planned({ ...base, policy: { ...base.policy, itinerant: { ...base.policy.itinerant, max_distance_km: 2 } } });
    expect(plan.itinerant!.covers).toEqual([]);
    const open = plan.itinerant!.open!.find((o) => o.school_id === 'V' && o.subject === 'music')!;
    expect(open).toMatchObject({ uncovered: 6, covered: 0, left: 6 });
    expect(open.why).toContain('beyond 2 km');
  });

  it('max_periods per teacher splits the 6 periods over both music teachers (4 + 2: the one in id order first)', async () => {
    const base = township();
    const { plan } = await planned({ ...base, policy: { ...base.policy, itinerant: { ...base.policy.itinerant, max_periods: 4 } } });
    expect(plan.itinerant!.covers.map((c) => [c.teacher_id, c.periods])).toEqual([['CM1', 4], ['CM2', 2]]);
  });

  it('a school in another district, or another county, is never covered', async () => {
    const { plan } = await planned(township({ v: { district: '北岙学区' } }));
    expect(plan.itinerant!.covers).toEqual([]);
    expect(plan.itinerant!.open!.find((o) => o.subject === 'music')!.why).toContain('no school of the district has spare music periods');
    const other = await planned(township({ v: { county: '瓯海区' } }));
    expect(other.plan.itinerant!.covers).toEqual([]);
  });

  it('itinerant.enabled = false: no covers and no itinerant field', async () => {
    const base = township();
    const { plan } = await planned({ ...base, policy: { ...base.policy, itinerant: { ...base.policy.itinerant, enabled: false } } });
    expect(plan.itinerant).toBeUndefined();
    expect(plan.gaps.every((g) => !('itinerant_periods' in g))).toBe(true);
  });

  it('a teacher the rotation places at a receiver covers a school of its district (placed: true)', async () => {
    // The central school has no music teacher; the urban school U sends one of its two music teachers (it keeps one
    // at home) to one village, where 6 of the 16 periods are needed: the other 10 cover the second village's 6.
    const base = township();
    const s: Scenario = {
      ...base,
      schools: [...base.schools, { ...rural('V2', { classes: 3, students: 40, lat: 28.07, lon: 120.6 }), district: '南岙学区' }],
      teachers: [
        ...base.teachers.filter((t) => t.subject !== 'music'),
        teacher('UM1', 'U', { subject: 'music' }), teacher('UM2', 'U', { subject: 'music' }),
        ...staff('W', 'V2', 2, ['chinese', 'math'], () => ({ school_start_date: '2018-08-25' })),
      ],
    };
    const { plan } = await planned(s);
    const sent = plan.assignments.find((a) => a.subject === 'music')!;
    const other = sent.to_school === 'V' ? 'V2' : 'V';
    expect(plan.itinerant!.covers.filter((c) => c.subject === 'music')).toEqual([
      expect.objectContaining({ teacher_id: sent.teacher_id, home_school: sent.to_school, school_id: other, periods: 6, placed: true }),
    ]);
    expect(plan.itinerant!.covers.find((c) => c.subject === 'music')!.reasons!.join('\n')).toContain('placed at');
    expect(plan.gaps.find((g) => g.school_id === other && g.subject === 'music')).toMatchObject({ unfilled: 1, itinerant_periods: 6, itinerant_posts: 1 });
  });
});

describe('rotation → 走教 → volunteers', () => {
  it('a volunteer does not take the music post 走教 makes whole; with 走教 off the volunteer takes it', async () => {
    const base = township();
    const withVolunteer = { ...base, volunteers: [volunteer('VM')] };
    const { plan } = await planned(withVolunteer);
    expect(plan.gaps.find((g) => g.school_id === 'V' && g.subject === 'music')).toMatchObject({ unfilled: 1, itinerant_posts: 1, volunteers: 0 });
    expect(plan.volunteers![0]).toMatchObject({ volunteer_id: 'VM', to_school: null });
    const off = await planned({ ...withVolunteer, policy: { ...base.policy, itinerant: { ...base.policy.itinerant, enabled: false } } });
    expect(off.plan.volunteers![0]).toMatchObject({ volunteer_id: 'VM', to_school: 'V', subject: 'music' });
  });

  it('rotation check: a volunteer on the post 走教 made whole is a violation', async () => {
    const base = township();
    const s = scenarioWithNeeds({ ...base, volunteers: [volunteer('VM')] }, 2019, 'norms');
    const off = (await planYear({ ...s, policy: { ...s.policy, itinerant: { ...s.policy.itinerant, enabled: false } } }, 2019, { jobs: 1 })).plan;
    const on = (await planYear(s, 2019, { jobs: 1 })).plan;
    // The plan with covers, but the volunteer placed as if 走教 were off.
    const edited = { ...on, volunteers: off.volunteers, gaps: on.gaps.map((g) => ({ ...g, volunteers: g.school_id === 'V' && g.subject === 'music' ? 1 : 0 })) };
    expect(checkPlan(s, edited).map((v) => v.message).join('\n')).toMatch(/V \(V\) music: 1 名志愿者 \(VM\)/);
  });
});

describe('走教 in the final list (rotation replan)', () => {
  it('covers are planned anew on the final list and the subsidy paid; the final plan checks', async () => {
    const { plan, scenario: s } = await planned(township());
    const final = await replanYear({ ...s, objections: [] }, plan, { needs: 'norms' });
    expect(final.violations).toEqual([]);
    expect(final.plan.itinerant!.covers.map((c) => [c.teacher_id, c.school_id, c.periods])).toEqual([['CM1', 'V', 6]]);
    expect(final.plan.allowances.find((a) => a['itinerant'] === true)).toMatchObject({ teacher_id: 'CM1', total: 3600 });
  });
});

describe('schools.csv district (学区)', () => {
  it('is written only when some school has it, read back from CSV (学区 header) and from a workbook, with --set itinerant.*', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotation-district-'));
    try {
      await writeScenario(join(dir, 'zh'), township(), { lang: 'zh' });
      expect((await readFile(join(dir, 'zh', 'schools.csv'), 'utf8')).split('\n')[0]).toContain('学区');
      const { scenario: back } = await readScenario(join(dir, 'zh'), { set: ['itinerant.max_periods=6'], optionalNeeds: true });
      expect(back.schools.map((s) => s.district ?? null)).toEqual([null, '南岙学区', '南岙学区']);
      expect(back.policy.itinerant.max_periods).toBe(6);
      await writeScenarioWorkbook(join(dir, 'xlsx'), township(), { lang: 'zh' });
      const fromBook = await readScenario(join(dir, 'xlsx', 'scenario.xlsx'), { optionalNeeds: true });
      expect(fromBook.scenario.schools.map((s) => s.district ?? null)).toEqual([null, '南岙学区', '南岙学区']);
      await writeScenario(join(dir, 'none'), township({ c: { district: undefined }, v: { district: undefined } }), { lang: 'en' });
      expect((await readFile(join(dir, 'none', 'schools.csv'), 'utf8')).split('\n')[0]).not.toContain('district');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('itinerantPosts: the posts of a gap the covers make whole', () => {
  it('whole posts by periods, never more than the gap\'s unfilled posts', () => {
    expect(itinerantPosts({ unfilled: 1, uncovered: 6, covered: 6, load: 16 })).toBe(1);
    expect(itinerantPosts({ unfilled: 1, uncovered: 6, covered: 4, load: 16 })).toBe(0); // 2 periods still lack a teacher
    expect(itinerantPosts({ unfilled: 2, uncovered: 20, covered: 6, load: 16 })).toBe(1); // 20 periods = 2 posts' worth; 14 left = 1
    expect(itinerantPosts({ unfilled: 2, uncovered: 20, covered: 3, load: 16 })).toBe(0); // 17 left: still 2 posts' worth
    expect(itinerantPosts({ unfilled: 1, uncovered: 40, covered: 30, load: 16 })).toBe(1); // capped by unfilled
    expect(itinerantPosts({ unfilled: 0, uncovered: 6, covered: 6, load: 16 })).toBe(0);
  });
});


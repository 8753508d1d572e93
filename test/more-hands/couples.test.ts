import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { writeScenario } from '../../src/io/export/write-scenario.js';
import { checkPlan } from '../../src/check/check.js';
import { InputError } from '../../src/domain/errors.js';
import type { Plan } from '../../src/domain/plan.js';
import type { Scenario } from '../../src/domain/scenario.js';
import type { Teacher } from '../../src/domain/tables.js';
import { countyParts } from '../../src/engine/parallel.js';
import { mergeCountyPlans, planCounties, planScenario } from '../../src/engine/plan.js';
import { rural, scenario, staff, teacher, urban } from '../engine/builders.js';

type Rule = 'together' | 'not_both' | 'ignore';

/**
 * U1 (10 eligible: R1 asks 1, its cap is 2) has a married couple, A (chinese, county backbone) and B (maths), the
 * only eligible teachers of their subjects; R1 (rural) needs a chinese teacher, R2, 11 km from R1, a maths teacher.
 */
function couple(rule: Rule, maxKm = 0, extra: Partial<Scenario> = {}): Scenario {
  const recent = { school_start_date: '2018-08-25' }; // present, not eligible: the subject keeps a teacher at home
  const s = scenario({
    schools: [urban('U1'), rural('R1'), rural('R2', { lat: 28.2 })],
    teachers: [
      teacher('A', 'U1', { subject: 'chinese', backbone: 'county', spouse_id: 'B' }), teacher('B', 'U1', { subject: 'math', spouse_id: 'A' }),
      teacher('C9', 'U1', { subject: 'chinese', ...recent }), teacher('M9', 'U1', { subject: 'math', ...recent }),
      ...staff('E', 'U1', 8, ['english']),
      teacher('RB1', 'R1', { backbone: 'county', ...recent }), teacher('RB2', 'R2', { backbone: 'county', ...recent }),
    ],
    needs: [{ school_id: 'R1', subject: 'chinese', teachers: 1, priority: 1 }, { school_id: 'R2', subject: 'math', teachers: 1, priority: 1 }],
  });
  return { ...s, policy: { ...s.policy, couples: { rule, max_km: maxKm } }, ...extra };
}

const placed = (plan: Plan) => Object.fromEntries(plan.assignments.map((a) => [a.teacher_id, a.to_school]));

describe('couples (teachers.csv spouse_id, policy couples)', () => {
  it('ignore: the couple is split over R1 and R2, both posts filled', () => {
    const { plan } = planScenario(couple('ignore'), 2019);
    expect(placed(plan)).toEqual({ A: 'R1', B: 'R2' });
    expect(checkPlan(couple('ignore'), plan)).toEqual([]);
  });

  it('together (default, max_km 0): both may not go to different schools, so one goes (the backbone teacher, for R2) and one post stays open', () => {
    const s = couple('together');
    const { plan } = planScenario(s, 2019);
    expect(placed(plan)).toEqual({ A: 'R1' });
    expect(plan.stats.gaps_filled).toBe(1);
    expect(plan.assignments[0]!.reasons.join('\n')).toContain('spouse B is not sent this year (couples.rule = together)');
    expect(checkPlan(s, plan)).toEqual([]);
  });

  it('together with max_km 20: R1 and R2 are 11 km apart, so both go and both posts are filled', () => {
    const s = couple('together', 20);
    const { plan } = planScenario(s, 2019);
    expect(placed(plan)).toEqual({ A: 'R1', B: 'R2' });
    expect(plan.assignments.find((a) => a.teacher_id === 'B')!.reasons.join('\n')).toContain('within couples.max_km = 20 km');
    expect(checkPlan(s, plan)).toEqual([]);
  });

  it('together with max_km 5: 11 km is too far, one goes', () => {
    const { plan } = planScenario(couple('together', 5), 2019);
    expect(Object.keys(placed(plan))).toHaveLength(1);
  });

  it('together: with a post for each at one school, both go there', () => {
    const s = couple('together');
    const both = { ...s, needs: [...s.needs, { school_id: 'R1', subject: 'math', teachers: 1, priority: 1 }] };
    const { plan } = planScenario(both, 2019);
    expect(placed(plan)).toEqual({ A: 'R1', B: 'R1' });
    expect(plan.assignments[0]!.reasons.join('\n')).toContain('goes with spouse B to the same school');
    expect(checkPlan(both, plan)).toEqual([]);
  });

  it('not_both: never both in one year, even where one school needs both', () => {
    const s = couple('not_both');
    const both = { ...s, needs: [...s.needs, { school_id: 'R1', subject: 'math', teachers: 1, priority: 1 }] };
    const { plan } = planScenario(both, 2019);
    expect(Object.keys(placed(plan))).toEqual(['A']);
    expect(plan.assignments[0]!.reasons.join('\n')).toContain('couples.rule = not_both');
    expect(checkPlan(both, plan)).toEqual([]);
  });

  it('spouses in two counties: under together the one in the later county stays home this year; under ignore both may go', () => {
    const s = couple('together');
    const spouseB = (t: Teacher): Teacher => (t.teacher_id === 'B' ? { ...t, school_id: 'V1' } : t);
    const twoCounties: Scenario = {
      ...s,
      schools: [...s.schools, urban('V1', { county: '瓯海区' }), rural('W1', { county: '瓯海区' })],
      teachers: [...s.teachers.map(spouseB), teacher('M8', 'V1', { subject: 'math', school_start_date: '2018-08-25' }), ...staff('F', 'V1', 8, ['english'])],
      needs: [...s.needs, { school_id: 'W1', subject: 'math', teachers: 1, priority: 1 }],
    };
    expect(placed(planScenario(twoCounties, 2019).plan)).toEqual({ A: 'R1', F001: 'W1' });
    const ignore = { ...twoCounties, policy: { ...twoCounties.policy, couples: { rule: 'ignore' as const, max_km: 0 } } };
    expect(placed(planScenario(ignore, 2019).plan)).toMatchObject({ A: 'R1', B: 'W1' });
    expect(checkPlan(twoCounties, planScenario(twoCounties, 2019).plan)).toEqual([]);
    // Planned county by county (rotation plan --jobs N): the same plan, though B's part lacks A's row.
    const parts = countyParts(twoCounties, 2019).flatMap((x) => planCounties(x, 2019));
    const strip = (p: unknown) => JSON.stringify(p, (k, v) => (k === 'solve_ms' || k === 'solve_ms_summed' ? 0 : v));
    expect(strip(mergeCountyPlans(twoCounties, 2019, parts).plan)).toBe(strip(planScenario(twoCounties, 2019).plan));
  });

  it('pins that break the rule are bad input naming both lock rows', () => {
    const s = couple('not_both');
    const pinned = { ...s, locks: [{ teacher_id: 'A', action: 'pin' as const, school_id: 'R1', reason: '' }, { teacher_id: 'B', action: 'pin' as const, school_id: 'R2', reason: '' }] };
    try {
      planScenario(pinned, 2019);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems.map((p) => p.row)).toEqual([2, 3]);
      expect((err as InputError).problems[0]!.message).toContain('couples.rule = not_both');
    }
  });
});

describe('rotation check catches a broken couple rule in a hand-edited plan', () => {
  const split = planScenario(couple('ignore'), 2019).plan; // A → R1, B → R2

  it('together: the couple at two schools 11 km apart (max_km 0, and max_km 5)', () => {
    for (const km of [0, 5]) {
      const v = checkPlan(couple('together', km), split).filter((x) => x.rule === 'couples');
      expect(v).toHaveLength(1);
      expect(v[0]!.message).toContain('A and spouse B go to different receivers');
    }
    expect(checkPlan(couple('together', 20), split).filter((x) => x.rule === 'couples')).toEqual([]);
  });

  it('not_both: both placed in one year', () => {
    const v = checkPlan(couple('not_both'), split).filter((x) => x.rule === 'couples');
    expect(v.map((x) => x.message)).toEqual([expect.stringContaining('both placed this year (couples.rule = not_both)')]);
  });
});

describe('spouse_id in files', () => {
  it('written as 配偶教师编号 only when some teacher has a spouse, and read back; --set couples.rule=not_both', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'couples-'));
    try {
      await writeScenario(dir, couple('together'), { lang: 'zh' });
      expect((await readFile(join(dir, 'teachers.csv'), 'utf8')).split('\n')[0]).toContain('配偶教师编号');
      const { scenario: back } = await readScenario(dir, { set: ['couples.rule=not_both'] });
      expect(back.teachers.filter((t) => t.spouse_id !== undefined).map((t) => [t.teacher_id, t.spouse_id])).toEqual([['A', 'B'], ['B', 'A']]);
      expect(back.policy.couples).toEqual({ rule: 'not_both', max_km: 0 });
      expect(Object.keys(placed(planScenario(back, 2019).plan))).toHaveLength(1);
      const single = { ...back, teachers: back.teachers.map(({ spouse_id: _, ...t }) => t) };
      await writeScenario(dir, single, { lang: 'en' });
      expect((await readFile(join(dir, 'teachers.csv'), 'utf8')).split('\n')[0]).not.toContain('spouse_id');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The review page's school view carries the plan's new hands: 银龄讲学
 * volunteers placed at the school (plan.json `volunteers`) and 走教 covers at
 * or from it (plan.json `itinerant.covers`); a plan without them shows none.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.js';
import { countyResults, schoolView } from '../../src/server/views.js';
import { planned, volunteer, withVolunteers } from '../more-hands/volunteer-builders.js';

describe('the school page: volunteers and 走教 covers', () => {
  it('lists the volunteers placed at a receiver, and the gaps they fill', () => {
    const s = withVolunteers([volunteer('V1'), volunteer('V2')]);
    const plan = planned(s);
    const placed = (plan.volunteers ?? []).filter((v) => v.to_school !== null);
    expect(placed.length).toBeGreaterThan(0);
    const at = placed[0]!.to_school!;
    const view = schoolView(s, plan, at)!;
    expect(view.volunteers.map((v) => v.volunteer_id).sort()).toEqual(placed.filter((v) => v.to_school === at).map((v) => v.volunteer_id).sort());
    expect(view.gaps.some((g) => (g.volunteers ?? 0) > 0)).toBe(true);
    // The totals the result page shows come with the plan.
    expect(plan.stats.volunteers).toBe(2);
    expect(plan.stats.volunteers_placed).toBe(placed.length);
    expect(schoolView(s, plan, 'U1')!.volunteers).toEqual([]);
    expect(countyResults(s, plan).length).toBeGreaterThan(0);
  });

  it('lists 走教 covers at the school covered and at the teacher\'s home school', () => {
    const s = withVolunteers([]);
    const base = planned(s);
    const cover = { teacher_id: 'RB1', name: 'RB1', home_school: 'R1', school_id: 'R2', subject: 'music', periods: 4, distance_km: 5, district: 'D', placed: false, reasons: ['同学区 / same district'] };
    const plan = { ...base, itinerant: { covers: [cover], open: [], stats: {} } } as unknown as Plan;
    expect(schoolView(s, plan, 'R2')!.itinerant).toEqual([cover]);
    expect(schoolView(s, plan, 'R1')!.itinerant).toEqual([cover]);
    expect(schoolView(s, plan, 'U1')!.itinerant).toEqual([]);
    expect(schoolView(s, base, 'R2')!.itinerant).toEqual([]);
  });
});

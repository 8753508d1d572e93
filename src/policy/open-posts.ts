/**
 * The posts a plan leaves open, for the stages that come after rotation's
 * lexicographic levels: rotation → 走教 (itinerant covers) → 银龄讲学
 * (volunteers). Those stages fill only what is open here, so they never
 * change R1–R5 for rotated teachers.
 */
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';

/** One receiver-and-subject pair with posts open. */
export interface OpenPost {
  readonly school_id: string;
  readonly subject: string;
  readonly county: string;
  readonly tier: number;
  /** needs.csv priority, 1 (highest) to 3. */
  readonly priority: number;
  /** Posts still open (whole teachers). */
  readonly open: number;
}

/**
 * The posts open after rotation and 走教: each gap row's `unfilled` (needs less running rotations less the rotated
 * teachers placed there) less its `itinerant_posts`, in plan.gaps order.
 *
 * THE ONE PLACE later stages take open posts from. 走教 covers come before volunteers: the posts their
 * covers make whole (a gap row's `itinerant_posts`, decided by itinerantPosts in itinerant-periods.ts) are
 * subtracted here, so that volunteers see only what rotation and 走教 leave open.
 *
 * @example openPostsAfterRotation(scenario, plan) // [{ school_id: 'R1', subject: 'music', county: '鹿城区', tier: 2, priority: 1, open: 1 }]
 */
export function openPostsAfterRotation(scenario: Scenario, plan: Plan): OpenPost[] {
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const out: OpenPost[] = [];
  for (const g of plan.gaps) {
    const school = schools.get(g.school_id);
    const open = g.unfilled - (g.itinerant_posts ?? 0);
    if (school === undefined || open <= 0) continue;
    const priority = g.priority ?? 3;
    out.push({ school_id: g.school_id, subject: g.subject, county: school.county, tier: school.tier, priority, open });
  }
  return out;
}

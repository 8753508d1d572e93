/**
 * What the 银龄讲学 placement (engine/volunteers.ts) adds to a plan: plan.json
 * `volunteers`, each gap row's `volunteers` (posts volunteers fill there),
 * each receiver's `volunteer_backbone`, the volunteers' subsidy as allowance
 * rows, and the stats. A scenario without volunteers.csv adds nothing.
 */
import type { Plan, VolunteerReport } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { placeVolunteers } from '../engine/volunteers.js';
import type { AllowanceRow } from '../policy/allowances.js';

/** The allowance item the subsidy is paid as (plan.json `allowances[].items`), and its English key. */
export const VOLUNTEER_ITEM = { name: '银龄讲学补助', key: 'volunteer_subsidy' } as const;

/** An allowance row of a volunteer (extension `volunteer: true`). */
export type VolunteerAllowance = AllowanceRow & { readonly volunteer: true };

export interface VolunteerExtension {
  /** Fields to spread over the plan: `volunteers`, `gaps`, `receivers` (none without volunteers.csv). */
  readonly fields: Partial<Pick<Plan, 'gaps' | 'receivers'>> & { volunteers?: VolunteerReport[] };
  readonly allowances: VolunteerAllowance[];
  readonly stats: Record<string, number | boolean>;
}

const key = (school: string, subject: string) => `${school}|${subject}`;

/**
 * The plan's volunteer parts, placed afresh on the posts the plan's rotation leaves open (any `volunteers`
 * already in the plan are replaced, so an edited or re-counted plan is placed again).
 *
 * @example withVolunteers(scenario, plan).stats.volunteers_placed // 2
 */
export function withVolunteers(scenario: Scenario, plan: Plan): VolunteerExtension {
  if (scenario.volunteers === undefined) return { fields: {}, allowances: [], stats: {} };
  const placement = placeVolunteers(scenario, plan);
  const placed = placement.rows.filter((r) => r.to_school !== null);
  const allowances = placed.map((r): VolunteerAllowance => ({
    teacher_id: r.volunteer_id, school_id: r.to_school!, tier: r.tier!, months: r.months, monthly: r.monthly, total: r.subsidy,
    items: { [VOLUNTEER_ITEM.name]: r.subsidy }, rotated: false, volunteer: true,
  }));
  const posts = [...placement.filled.values()].reduce((a, b) => a + b, 0);
  return {
    fields: {
      volunteers: placement.rows,
      gaps: plan.gaps.map((g) => ({ ...g, volunteers: placement.filled.get(key(g.school_id, g.subject)) ?? 0 })),
      receivers: plan.receivers.map((r) => {
        const n = placement.backbone.get(r.school_id);
        const { volunteer_backbone: _old, ...rest } = r as typeof r & { volunteer_backbone?: number };
        return n === undefined ? rest : { ...rest, volunteer_backbone: n };
      }),
    },
    allowances,
    stats: { volunteers: placement.rows.length, volunteers_placed: placed.length, gaps_filled_by_volunteers: posts, volunteers_optimal: placement.optimal },
  };
}

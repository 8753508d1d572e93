/**
 * policy.json `points`: the published priority points (积分) that choose among
 * interchangeable teachers — who of a sender's like teachers goes first. Each
 * part is a number a teacher can check from their own row; the total is
 * Σ weight × part. The defaults (months at the home school only) are the rule
 * the planner has always used, so plans do not change unless a county
 * publishes other weights. Kept beside policy.ts so that file stays a list of keys.
 */
import { z } from 'zod';

const weight = z.number().finite();

export const pointsPolicySchema = z.strictObject({
  /** Full months at the home school on the term's first day (the longest-serving go first). */
  months_at_school: weight.default(1),
  /** Full months since 参加工作日期 (hire_date) on the term's first day; 0 when hire_date is empty. */
  service_months: weight.default(0),
  /** Age in full years on the term's first day. */
  age_years: weight.default(0),
  /** Backbone level: 0 none, 1 校级, 2 县级, 3 市级, 4 省级. */
  backbone: weight.default(0),
  /** 1 when the teacher needs rural service for a title application (assignment.title_horizon_years / title_rural_months), else 0. */
  title_need: weight.default(0),
  /** Rural months already served (乡村任教月数); a negative weight puts those with less rural service first. */
  rural_months: weight.default(0),
});

export type PointsPolicy = z.infer<typeof pointsPolicySchema>;
export type PointsPart = keyof PointsPolicy;
/** The parts in the order they are printed. */
export const POINTS_PARTS = Object.keys(pointsPolicySchema.shape) as PointsPart[];

/** Names of the parts, for tables and the formula. */
export const POINTS_PART_LABELS: Readonly<Record<PointsPart, { zh: string; en: string }>> = {
  months_at_school: { zh: '本校月数', en: 'months at school' },
  service_months: { zh: '工作月数', en: 'months of service' },
  age_years: { zh: '年龄', en: 'age' },
  backbone: { zh: '骨干等级', en: 'backbone level' },
  title_need: { zh: '职称需乡村任教', en: 'title needs rural service' },
  rural_months: { zh: '乡村任教月数', en: 'rural months' },
};

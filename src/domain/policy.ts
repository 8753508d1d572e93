/**
 * policy.json: every number the rules use, with the Wenzhou 2018 defaults and
 * the clause of the action plan each comes from. A county overrides any key.
 */
import { isExists } from 'date-fns';
import { z } from 'zod';
import { allowancePolicySchema, incomePolicySchema } from './allowance-policy.js';
import { BACKBONE_LEVELS } from './codes.js';
import { balancePolicySchema, normsPolicySchema } from './norms-policy.js';
import { pointsPolicySchema } from './points-policy.js';

const share = z.number().min(0).max(1);
const backboneLevel = z.enum(BACKBONE_LEVELS.codes as ['none', 'school', 'county', 'municipal', 'provincial']);
/** A day every year has (so not 02-29 nor 02-30): the term must start on a real date each year. */
const monthDay = z.string().refine((v) => /^\d\d-\d\d$/.test(v) && isExists(2001, Number(v.slice(0, 2)) - 1, Number(v.slice(3))),
  '须为每年都有的日期 MM-DD，如 09-01 / must be MM-DD of a day every year has, e.g. 09-01');

export const rotationPolicySchema = z.strictObject({
  /** 四(二)1: at least 10 % of the teachers who meet the exchange conditions, rounded up. */
  min_share: share.default(0.1),
  /** Not in the plan: a cap so that no sending school is stripped (rounded up). */
  max_share: share.default(0.2),
  /** 四(二)1: backbone teachers at least 20 % of those sent, rounded up. */
  backbone_min_share: share.default(0.2),
  /** Lowest backbone level that counts for R2. */
  backbone_level: backboneLevel.default('county'),
  /** 四(二)1 四: "至少有一名县级以上骨干教师" — lowest level that counts for R5. */
  r5_backbone_level: backboneLevel.default('county'),
}).refine((r) => r.max_share >= r.min_share, { message: 'max_share 不能小于 min_share / max_share must be at least min_share', path: ['max_share'] });

export const eligibilityPolicySchema = z.strictObject({
  /** Full years at the home school on the term's first day. */
  min_years_at_school: z.number().int().min(0).default(6),
  /** Younger than this on the term's first day (more than 5 years from retirement at 60/55). */
  max_age: z.strictObject({ M: z.number().int().positive().default(55), F: z.number().int().positive().default(50) }).default({ M: 55, F: 50 }),
  /** No rotation started within this many years before the term's first day. */
  cooldown_years: z.number().int().min(0).default(3),
});

export const termPolicySchema = z.strictObject({
  /** The school year starts on this day (MM-DD). */
  start: monthDay.default('09-01'),
  /** A rotation lasts this many school years. */
  years: z.number().int().positive().default(1),
});

export const assignmentPolicySchema = z.strictObject({
  /** Longest allowed great-circle distance home school → receiver, km; null = no cap. */
  max_distance_km: z.number().positive().nullable().default(null),
  /** Most teachers sent beyond a receiver's needs (to meet R1) per receiver; null = no cap. */
  max_extra_per_receiver: z.number().int().min(0).nullable().default(null),
  /** A teacher needs rural service for a title when applying within this many years… */
  title_horizon_years: z.number().int().min(0).default(2),
  /** …and has fewer rural months than this (四(二)1 二: rural service precedes intermediate/senior titles). */
  title_rural_months: z.number().int().min(0).default(12),
});

export const policySchema = z.strictObject({
  rotation: rotationPolicySchema.default(rotationPolicySchema.parse({})),
  eligibility: eligibilityPolicySchema.default(eligibilityPolicySchema.parse({})),
  term: termPolicySchema.default(termPolicySchema.parse({})),
  assignment: assignmentPolicySchema.default(assignmentPolicySchema.parse({})),
  /** 四(二)1 三: rural allowances per tier (placeholder amounts: each county sets its own; see allowance-policy.ts). */
  allowances: allowancePolicySchema.default(allowancePolicySchema.parse({})),
  /** 四(二)1 三: base pay and urban-only items for the income-parity report; base_pay null = no report. */
  income: incomePolicySchema.default(incomePolicySchema.parse({})),
  /** Published priority points (积分) among interchangeable teachers: weight per part (see points-policy.ts). */
  points: pointsPolicySchema.default(pointsPolicySchema.parse({})),
  /** Staffing norms: needed posts of a receiver without needs.csv rows (norms-policy.ts). */
  norms: normsPolicySchema.default(normsPolicySchema.parse({})),
  /** The county balance review (差异系数): limits and target (norms-policy.ts). */
  balance: balancePolicySchema.default(balancePolicySchema.parse({})),
  /** Extra subject codes a county teaches, code → Chinese name. */
  subjects: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string()).default({}),
});

export type Policy = z.infer<typeof policySchema>;

/** The Wenzhou 2018 defaults. */
export function defaultPolicy(): Policy {
  return policySchema.parse({});
}

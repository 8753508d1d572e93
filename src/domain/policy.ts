/**
 * policy.json: every number the rules use, with the Wenzhou 2018 defaults and
 * the clause of the action plan each comes from. A county overrides any key.
 */
import { isExists } from 'date-fns/isExists';
import { z } from 'zod';
import { allowancePolicySchema, incomePolicySchema } from './allowance-policy.js';
import { BACKBONE_LEVELS } from './codes.js';
import { itinerantPolicySchema } from './itinerant-policy.js';
import { balancePolicySchema, normsPolicySchema } from './norms-policy.js';
import { pointsPolicySchema } from './points-policy.js';

/** How R2 reads when a sender has too few backbone teachers (rotation.r2_when_short). */
const R2_READINGS = ['least_shortfall', 'excuse'] as const;

const share = z.number().min(0).max(1);
const backboneLevel = z.enum(BACKBONE_LEVELS.codes as ['none', 'school', 'county', 'municipal', 'provincial']);
/** A day every year has (so not 02-29 nor 02-30): the term must start on a real date each year. */
const monthDay = z.string().refine((v) => /^\d\d-\d\d$/.test(v) && isExists(2001, Number(v.slice(0, 2)) - 1, Number(v.slice(3))),
  '须为每年都有的日期 MM-DD，如 09-01 / must be MM-DD of a day every year has, e.g. 09-01');

const rotationPolicySchema = z.strictObject({
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
  /**
   * The R2 reading when a sender cannot meet R2 by counting (fewer eligible backbone teachers who can go than
   * ceil(20 % × the fewest it may send)): "least_shortfall" keeps its R2 shortfall least, so it may send fewer
   * than its cap; "excuse" excuses it from the ratio — it still sends every backbone teacher it can — and lets
   * it send up to its cap.
   */
  r2_when_short: z.enum(R2_READINGS).default('least_shortfall'),
}).refine((r) => r.max_share >= r.min_share, { message: 'max_share 不能小于 min_share / max_share must be at least min_share', path: ['max_share'] });

const eligibilityPolicySchema = z.strictObject({
  /** Full years at the home school on the term's first day. */
  min_years_at_school: z.number().int().min(0).default(6),
  /** Younger than this on the term's first day (more than 5 years from retirement at 60/55). */
  max_age: z.strictObject({ M: z.number().int().positive().default(55), F: z.number().int().positive().default(50) }).default({ M: 55, F: 50 }),
  /** No rotation started within this many years before the term's first day. */
  cooldown_years: z.number().int().min(0).default(3),
});

const termPolicySchema = z.strictObject({
  /** The school year starts on this day (MM-DD). */
  start: monthDay.default('09-01'),
  /** A rotation lasts this many school years. */
  years: z.number().int().positive().default(1),
});

const assignmentPolicySchema = z.strictObject({
  /** Longest allowed great-circle distance home school → receiver, km; null = no cap. */
  max_distance_km: z.number().positive().nullable().default(null),
  /** Most teachers sent beyond a receiver's needs (to meet R1) per receiver; null = no cap. */
  max_extra_per_receiver: z.number().int().min(0).nullable().default(null),
  /** A teacher needs rural service for a title when applying within this many years… */
  title_horizon_years: z.number().int().min(0).default(2),
  /** …and has fewer rural months than this (四(二)1 二: rural service precedes intermediate/senior titles). */
  title_rural_months: z.number().int().min(0).default(12),
});

/** The public notice (公示) of the rotation list: how long objections are taken and where. */
const noticePolicySchema = z.strictObject({
  /** Working days the list is posted for objections (5 is the usual 公示 period). */
  days: z.number().int().min(1).max(60).default(5),
  /** Where objections go: office, telephone, address, as printed on the notice ("" prints a blank to fill in by hand). */
  contact: z.string().max(200).default(''),
});

/** Married teachers (teachers.csv spouse_id): what the plan may do when both could rotate in one year. */
const COUPLE_RULES = ['together', 'not_both', 'ignore'] as const;
const couplesPolicySchema = z.strictObject({
  /**
   * "together": when both are sent in one year they go to the same receiver (or, with max_km > 0, to receivers at
   * most that far apart); "not_both": never both in one year; "ignore": no rule.
   */
  rule: z.enum(COUPLE_RULES).default('together'),
  /** "together": the most km between the two receivers (great circle); 0 = the same receiver. */
  max_km: z.number().min(0).default(0),
});

/** Yuan, at most two decimals (fen). */
const yuan = z.number().finite().min(0).refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '金额最多两位小数 / at most two decimals (fen)');

/**
 * 银龄讲学 (四(二)2 三: "支持乐于奉献、身体健康的优秀退休教师到乡村学校支教 … 在工作条件、待遇等方面予以保障"):
 * retired teachers of volunteers.csv, placed on the posts rotation leaves open.
 */
export const volunteersPolicySchema = z.strictObject({
  /** false: volunteers.csv is read and listed, nobody is placed. */
  enabled: z.boolean().default(true),
  /** Oldest age (full years on the term's first day) at which a volunteer is placed: 65 places a 65-year-old, not a 66-year-old. */
  max_age: z.number().int().positive().default(65),
  /**
   * Monthly subsidy in yuan at the receiver's tier 0, 1, 2, 3, pro-rated by the days served like the
   * allowances. PLACEHOLDER amounts, not Wenzhou's: the plan sets none (待遇予以保障); they are of the order of
   * the national 银龄讲学计划's grant (about 20 000 yuan a volunteer a year). Each county sets its own.
   */
  subsidy_monthly: z.tuple([yuan, yuan, yuan, yuan]).default([1500, 1700, 1800, 2000]).superRefine((m, ctx) => {
    for (let t = 1; t < 4; t++) {
      if (m[t]! < m[t - 1]!) {
        ctx.addIssue({ code: 'custom', path: [t], message: `第${t}档 ${m[t]} 元低于第${t - 1}档 ${m[t - 1]} 元，违反“越往艰苦地区补助水平越高” / tier ${t} pays ${m[t]}, less than ${m[t - 1]} at tier ${t - 1}: a harder tier must not pay less` });
      }
    }
  }),
});

/**
 * The zod schema of a complete policy (policy.json with every default filled in; docs/policy.md).
 *
 * @example policySchema.parse(defaultPolicy()).rotation.min_share // 0.1
 */
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
  /** Couples (teachers.csv spouse_id): together, not_both or ignore. */
  couples: couplesPolicySchema.default(couplesPolicySchema.parse({})),
  /** 走教 inside a school district (schools.csv district): limits and subsidy (itinerant-policy.ts). */
  itinerant: itinerantPolicySchema.default(itinerantPolicySchema.parse({})),
  /** 银龄讲学 (volunteers.csv): age limit and subsidy (四(二)2 三). */
  volunteers: volunteersPolicySchema.default(volunteersPolicySchema.parse({})),
  /** Staffing norms: needed posts of a receiver without needs.csv rows (norms-policy.ts). */
  norms: normsPolicySchema.default(normsPolicySchema.parse({})),
  /** The county balance review (差异系数): limits and target (norms-policy.ts). */
  balance: balancePolicySchema.default(balancePolicySchema.parse({})),
  /** The public notice sheet 公示 of plan.xlsx: objection window and contact. */
  notice: noticePolicySchema.default(noticePolicySchema.parse({})),
  /** Extra subject codes a county teaches, code → Chinese name. */
  subjects: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string()).default({}),
});

export type Policy = z.infer<typeof policySchema>;

/**
 * The Wenzhou 2018 defaults.
 *
 * @example defaultPolicy().eligibility.cooldown_years // 3
 */
export function defaultPolicy(): Policy {
  return policySchema.parse({});
}

/**
 * The objective's fixed numbers: not policy.json keys (a county cannot change
 * them), but named here with where each comes from, so the engine holds no
 * bare numbers.
 */
export const OBJECTIVE_DEFAULTS = {
  /**
   * needs.csv 优先级: 1 (highest) to 3; an empty cell is 3. R4 (四(二)1 四,
   * 开齐开足国家规定课程) fills priority-1 posts first, then 2, then 3: one
   * objective level each.
   */
  needPriorities: [1, 2, 3] as const,
  /**
   * teachers.csv 意向学校 (most wanted first): points for being sent to the
   * first, the second, and any later choice. The plan asks to respect the
   * teacher's wishes without weighing them; 3/2/1 is this planner's choice.
   */
  preferenceWeights: [3, 2, 1] as const,
  /**
   * Distances in the objective's last level and in published plans are whole
   * units of 0.1 km (10 per km): shorter travel is the last tie-break.
   */
  distanceUnitsPerKm: 10,
} as const;

/**
 * plan.json, exactly as docs/format.md gives it (snake_case, stable field names),
 * plus optional extensions. The checker reads plans through this schema, so a
 * plan edited by hand is validated too.
 */
import { z } from 'zod';

const rule = z.enum(['R1', 'R2', 'R3', 'R4', 'R5']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The zod schema of one move of plan.json `assignments` (docs/format.md); extra fields are kept.
 *
 * @example assignmentSchema.safeParse(row).success
 */
export const assignmentSchema = z.object({
  teacher_id: z.string(),
  from_school: z.string(),
  to_school: z.string(),
  /** The subject taught at the receiver. */
  subject: z.string(),
  /** The teacher's backbone level. */
  backbone: z.string(),
  start_date: isoDate,
  end_date: isoDate,
  distance_km: z.number().nullable(),
  pinned: z.boolean(),
  reasons: z.array(z.string()),
  /** Extension: "gap" when the move fills a need of `subject`, "extra" when it is sent beyond needs to meet R1. */
  kind: z.enum(['gap', 'extra']).optional(),
  /** Extension: the published priority score used to choose among interchangeable teachers. */
  score: z.number().optional(),
  /** Extension: the teacher's name, so that diff, replan and a reader of plan.json see who, not only an id. */
  name: z.string().optional(),
  /** Extension: months taught in rural schools before the term and after it (the title rule's count). */
  rural_months_before: z.number().optional(),
  rural_months_after: z.number().optional(),
}).loose();

/**
 * The zod schema of one row of `senders` (R1/R2 per sending school) (docs/format.md); extra fields are kept.
 *
 * @example senderSchema.safeParse(row).success
 */
export const senderSchema = z.object({
  school_id: z.string(),
  eligible: z.number().int(),
  required: z.number().int(),
  sent: z.number().int(),
  backbone_sent: z.number().int(),
  backbone_required: z.number().int(),
  met: z.boolean(),
  why: z.string().nullable(),
  /** Extension: R1's cap, at most this many teachers leave the school. */
  cap: z.number().int().optional(),
  /** Extension: the school's name and county, for a reader of plan.json. */
  name: z.string().optional(),
  county: z.string().optional(),
  /** Extension: R2 excused under `rotation.r2_when_short` (docs/more-hands.md). */
  r2_excused: z.boolean().optional(),
}).loose();

/**
 * The zod schema of one row of `gaps` (R4 per receiver and subject) (docs/format.md); extra fields are kept.
 *
 * @example gapSchema.safeParse(row).success
 */
export const gapSchema = z.object({
  school_id: z.string(), subject: z.string(),
  needed: z.number().int(), filled: z.number().int(), unfilled: z.number().int(),
  /** Extension: the need's priority in needs.csv (1 first). */
  priority: z.number().int().optional(),
  /** Extension: the need as needs.csv gives it, before running rotations are taken off (`needed` is net). */
  gross: z.number().int().optional(),
  /** Extension (with volunteers.csv): of the posts rotation leaves open (`unfilled`), how many volunteers (银龄讲学) fill. */
  volunteers: z.number().int().optional(),
  /** Extension (走教 on): periods a week 走教 covers at this receiver and subject. */
  itinerant_periods: z.number().int().optional(),
  /** Extension (走教 on): posts of `unfilled` the covers make whole (itinerantPosts); volunteers see only the rest. */
  itinerant_posts: z.number().int().optional(),
}).loose();

/**
 * The zod schema of one row of `receivers` (R5) (docs/format.md); extra fields are kept.
 *
 * @example receiverSchema.safeParse(row).success
 */
export const receiverSchema = z.object({
  school_id: z.string(), county_backbone_before: z.number().int(), county_backbone_after: z.number().int(),
  /** Extension: placed volunteers (银龄讲学) of rotation.r5_backbone_level or above; absent when none. */
  volunteer_backbone: z.number().int().optional(),
}).loose();

/**
 * The zod schema of one row of `allowances` (docs/format.md); extra fields are kept.
 *
 * @example allowanceSchema.safeParse(row).success
 */
export const allowanceSchema = z.object({
  teacher_id: z.string(), school_id: z.string(), tier: z.number().int(), months: z.number(),
  monthly: z.number(), total: z.number(), items: z.record(z.string(), z.number()),
  /** Extension: true for a rotated teacher, false for a resident of a hard-place school. */
  rotated: z.boolean().optional(),
  /** Extension: true for a volunteer's subsidy (银龄讲学); teacher_id is then the volunteer id. */
  volunteer: z.boolean().optional(),
  /** Extension: true for a 走教 subsidy row (the teacher at the school covered). */
  itinerant: z.boolean().optional(),
}).loose();

/**
 * The zod schema of one row of `shortfalls` (docs/format.md); extra fields are kept.
 *
 * @example shortfallSchema.safeParse(row).success
 */
export const shortfallSchema = z.object({ rule, school_id: z.string(), detail: z.string() }).loose();

/**
 * The zod schema of one row of `volunteers` (银龄讲学, extension): every volunteer of volunteers.csv, placed
 * (to_school, subject, dates, subsidy) or not (not_placed: why). Extra fields are kept.
 *
 * @example volunteerSchema.safeParse(row).success
 */
export const volunteerSchema = z.object({
  volunteer_id: z.string(),
  to_school: z.string().nullable(),
  subject: z.string().nullable(),
  start_date: isoDate.nullable(),
  end_date: isoDate.nullable(),
  tier: z.number().int().nullable(),
  months: z.number(),
  monthly: z.number(),
  subsidy: z.number(),
  not_placed: z.array(z.string()),
  reasons: z.array(z.string()),
}).loose();

/**
 * The zod schema of plan.json `stats` (docs/format.md); extra fields are kept.
 *
 * @example statsSchema.safeParse(row).success
 */
export const statsSchema = z.object({
  teachers: z.number().int(), eligible: z.number().int(), sent: z.number().int(),
  gaps_needed: z.number().int(), gaps_filled: z.number().int(), solve_ms: z.number(), optimal: z.boolean(),
  /** Extension: one row per county: its model, solver, time and status. */
  counties: z.array(z.object({
    county: z.string(), status: z.string(), solver: z.string().optional(), solve_ms: z.number().optional(),
    /** Largest relative MIP gap any step reported (0 = every step proven optimal); null when the solver reports none. */
    mip_gap: z.number().nullable().optional(),
  }).loose()).optional(),
  /** Extension: where the needs came from (`auto`, `norms`, `file`), when the staffing norms took part. */
  needs_mode: z.string().optional(),
  /** Extension: receivers whose needs came from the staffing norms. */
  needs_from_norms: z.array(z.string()).optional(),
  /** Extension: the value the plan reached on each level of the lexicographic objective. */
  objective: z.record(z.string(), z.number()).optional(),
  /** Extension (the page): the checker's verdict on the plan, "passed" or "failed: …". */
  check: z.string().optional(),
  /** Extension (with volunteers.csv): volunteers listed, placed, posts they fill, whether the placement was proven optimal. */
  volunteers: z.number().int().optional(),
  volunteers_placed: z.number().int().optional(),
  gaps_filled_by_volunteers: z.number().int().optional(),
  volunteers_optimal: z.boolean().optional(),
}).loose();

const allowanceTotal = { teachers: z.number(), months: z.number(), total: z.number(), items: z.record(z.string(), z.number()) };

/**
 * The zod schema of plan.json `allowance_totals` (docs/format.md).
 *
 * @example allowanceTotalsSchema.parse(plan.allowance_totals).all.total
 */
export const allowanceTotalsSchema = z.object({
  schools: z.array(z.object({ ...allowanceTotal, school_id: z.string(), name: z.string(), county: z.string(), tier: z.number().int() })),
  counties: z.array(z.object({ ...allowanceTotal, county: z.string(), schools: z.number().int() })),
  all: z.object(allowanceTotal),
});

/**
 * The zod schema of one row of plan.json `balance` (docs/format.md): one county, stage and indicator.
 *
 * @example balanceRowSchema.safeParse(row).success
 */
export const balanceRowSchema = z.object({
  county: z.string(),
  stage: z.enum(['primary', 'junior']),
  indicator: z.enum(['education', 'backbone', 'pe_music_art']),
  /** Schools (stage parts) with students. */
  schools: z.number().int(),
  students: z.number(),
  /** County mean per 100 students, before and after (2 decimals). */
  per_100_before: z.number().nullable(),
  per_100_after: z.number().nullable(),
  /** Coefficient of variation (4 decimals); null when no teacher of the county meets the indicator. */
  before: z.number().nullable(),
  after: z.number().nullable(),
  /** National limit for the stage. */
  limit: z.number(),
  /** Wenzhou target. */
  target: z.number(),
  /** after ≤ limit; null when after is null. */
  within: z.boolean().nullable(),
  /** after ≤ target; null when after is null. */
  meets_target: z.boolean().nullable(),
});

const text = z.object({ zh: z.string(), en: z.string() });

/**
 * The zod schema of one row of plan.json `title_warnings` (docs/format.md): a
 * teacher who means to apply for a title and will still lack rural months after this plan.
 *
 * @example titleWarningSchema.safeParse(row).success
 */
export const titleWarningSchema = z.object({
  teacher_id: z.string(), name: z.string(), school_id: z.string(),
  /** The teacher's present title code. */
  title: z.string(),
  title_target_year: z.number().int(), rural_months_before: z.number(), rural_months_after: z.number(), required: z.number(),
  /** Receiver when the plan sends the teacher (and it is still not enough). */
  assigned_to: z.string().nullable(),
  eligible: z.boolean(),
  /** The eligibility check's reasons: the failing conditions, or the qualifying facts. */
  eligibility: z.array(z.string()),
  /** `why_text` in English. */
  why: z.string(),
  why_text: text,
  eligibility_text: z.array(text),
});

/**
 * The zod schema of plan.json `itinerant` (走教 covers after the rotation, docs/more-hands.md); extra fields are kept.
 *
 * @example itinerantSchema.safeParse(plan.itinerant).success
 */
export const itinerantSchema = z.object({
  covers: z.array(z.object({
    teacher_id: z.string(), home_school: z.string(), school_id: z.string(), subject: z.string(),
    periods: z.number().int().positive(), distance_km: z.number().nullable(), district: z.string(),
    placed: z.boolean().optional(), reasons: z.array(z.string()).optional(),
  }).loose()),
  open: z.array(z.object({
    school_id: z.string(), subject: z.string(), district: z.string().nullable(),
    unfilled: z.number().int().optional(), uncovered: z.number().int(), covered: z.number().int(), left: z.number().int(), why: z.string().nullable(),
  }).loose()).optional(),
  stats: z.object({}).loose().optional(),
}).loose();

/**
 * The zod schema of plan.json as a whole (docs/format.md); extra fields are kept.
 *
 * @example planSchema.parse(JSON.parse(text))
 */
export const planSchema = z.object({
  plan_year: z.number().int(),
  period: z.object({ start: isoDate, end: isoDate }),
  assignments: z.array(assignmentSchema),
  senders: z.array(senderSchema),
  gaps: z.array(gapSchema),
  receivers: z.array(receiverSchema),
  allowances: z.array(allowanceSchema),
  shortfalls: z.array(shortfallSchema),
  stats: statsSchema,
  /** Extension: the `--set` overrides the plan was made under, `{ "rotation.min_share": 0.15 }`; absent when none. */
  policy_overrides: z.record(z.string(), z.json()).optional(),
  /** Extension: things HR should know that break no rule (e.g. the balance indicator over its national limit). */
  warnings: z.array(z.object({ kind: z.string(), message: z.string() }).loose()).optional(),
  /** Extension: 走教 covers (schools.csv district, policy `itinerant`); absent when 走教 is off. */
  itinerant: itinerantSchema.optional(),
  /** Extension: the allowances summed per school, per county and over all. */
  allowance_totals: allowanceTotalsSchema.optional(),
  /** Extension: teachers whose rural months fall short of their next title's requirement. */
  title_warnings: z.array(titleWarningSchema).optional(),
  /** Extension: the county's 差异系数 (coefficient of variation) before and after the plan, per stage and indicator. */
  balance: z.array(balanceRowSchema).optional(),
  /** Extension: 银龄讲学 volunteers (volunteers.csv), placed on the posts rotation leaves open; absent without volunteers.csv. */
  volunteers: z.array(volunteerSchema).optional(),
}).loose();

export type Assignment = z.infer<typeof assignmentSchema>;
export type SenderReport = z.infer<typeof senderSchema>;
export type GapReport = z.infer<typeof gapSchema>;
export type ReceiverReport = z.infer<typeof receiverSchema>;
export type Allowance = z.infer<typeof allowanceSchema>;
export type Shortfall = z.infer<typeof shortfallSchema>;
export type PlanStats = z.infer<typeof statsSchema>;
export type VolunteerReport = z.infer<typeof volunteerSchema>;
export type Plan = z.infer<typeof planSchema>;
export type Itinerant = z.infer<typeof itinerantSchema>;
export type Rule = z.infer<typeof rule>;
export type AllowanceTotals = z.infer<typeof allowanceTotalsSchema>;
export type BalanceRow = z.infer<typeof balanceRowSchema>;
export type TitleWarning = z.infer<typeof titleWarningSchema>;

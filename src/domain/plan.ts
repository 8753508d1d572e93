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
}).loose();

/**
 * The zod schema of one row of `gaps` (R4 per receiver and subject) (docs/format.md); extra fields are kept.
 *
 * @example gapSchema.safeParse(row).success
 */
export const gapSchema = z.object({
  school_id: z.string(), subject: z.string(),
  needed: z.number().int(), filled: z.number().int(), unfilled: z.number().int(),
}).loose();

/**
 * The zod schema of one row of `receivers` (R5) (docs/format.md); extra fields are kept.
 *
 * @example receiverSchema.safeParse(row).success
 */
export const receiverSchema = z.object({
  school_id: z.string(), county_backbone_before: z.number().int(), county_backbone_after: z.number().int(),
}).loose();

/**
 * The zod schema of one row of `allowances` (docs/format.md); extra fields are kept.
 *
 * @example allowanceSchema.safeParse(row).success
 */
export const allowanceSchema = z.object({
  teacher_id: z.string(), school_id: z.string(), tier: z.number().int(), months: z.number(),
  monthly: z.number(), total: z.number(), items: z.record(z.string(), z.number()),
}).loose();

/**
 * The zod schema of one row of `shortfalls` (docs/format.md); extra fields are kept.
 *
 * @example shortfallSchema.safeParse(row).success
 */
export const shortfallSchema = z.object({ rule, school_id: z.string(), detail: z.string() }).loose();

/**
 * The zod schema of plan.json `stats` (docs/format.md); extra fields are kept.
 *
 * @example statsSchema.safeParse(row).success
 */
export const statsSchema = z.object({
  teachers: z.number().int(), eligible: z.number().int(), sent: z.number().int(),
  gaps_needed: z.number().int(), gaps_filled: z.number().int(), solve_ms: z.number(), optimal: z.boolean(),
}).loose();

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
    uncovered: z.number().int(), covered: z.number().int(), left: z.number().int(), why: z.string().nullable(),
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
}).loose();

export type Assignment = z.infer<typeof assignmentSchema>;
export type SenderReport = z.infer<typeof senderSchema>;
export type GapReport = z.infer<typeof gapSchema>;
export type ReceiverReport = z.infer<typeof receiverSchema>;
export type Allowance = z.infer<typeof allowanceSchema>;
export type Shortfall = z.infer<typeof shortfallSchema>;
export type PlanStats = z.infer<typeof statsSchema>;
export type Plan = z.infer<typeof planSchema>;
export type Itinerant = z.infer<typeof itinerantSchema>;
export type Rule = z.infer<typeof rule>;

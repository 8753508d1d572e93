/**
 * policy.json `norms` and `balance`: the staffing norms a receiver's needed
 * posts follow from when needs.csv says nothing about it (四(二)1 四 开齐开足国家规定课程,
 * 四(二)2 二 班师比与生师比相结合), and the limits of the county's balance review
 * (差异系数, 三). Kept beside policy.ts so that file stays a list of keys.
 */
import { z } from 'zod';

/** Weekly periods of grades 1–9; 0 where the subject is not taught in that grade. */
const gradePeriods = z.array(z.number().min(0)).length(9, '须为 1–9 年级共 9 个数 / must give 9 numbers, grades 1–9');
const subjectKey = z.string().regex(/^[a-z][a-z0-9_]*$/, 'subject code: lower-case letters, digits and _');

/**
 * The Zhejiang compulsory-education timetable (浙江省义务教育课程设置), periods per
 * week per class, grades 1–9. A county may override any subject in policy.json;
 * the subjects it does not give keep these numbers.
 */
const DEFAULT_CURRICULUM: Readonly<Record<string, readonly number[]>> = {
  chinese: [9, 9, 7, 7, 6, 6, 5, 5, 5],
  math: [5, 5, 4, 4, 4, 4, 5, 4, 4],
  english: [0, 0, 3, 3, 3, 3, 4, 4, 4],
  science: [0, 0, 2, 2, 3, 3, 4, 4, 4],
  pe: [4, 4, 3, 3, 3, 3, 3, 3, 3],
  music: [2, 2, 2, 2, 2, 2, 1, 1, 1],
  art: [2, 2, 2, 2, 2, 2, 1, 1, 1],
  it: [0, 0, 1, 1, 1, 1, 2, 2, 2],
  morality: [2, 2, 2, 2, 2, 2, 2, 2, 2],
  history_society: [0, 0, 0, 0, 0, 0, 3, 3, 3],
};

const perStage = (primary: number, junior: number) => z.strictObject({
  primary: z.number().positive().default(primary),
  junior: z.number().positive().default(junior),
}).default({ primary, junior });

export const normsPolicySchema = z.strictObject({
  /**
   * Subject → weekly periods in grades 1–9, merged over DEFAULT_CURRICULUM
   * (give a subject to change or add it; all zeros drops it).
   */
  curriculum: z.record(subjectKey, gradePeriods).default({})
    .transform((given) => ({ ...DEFAULT_CURRICULUM, ...given }) as Record<string, readonly number[]>),
  /** A full teaching load: periods per week per teacher (placeholder figures: each county sets its own). */
  load: perStage(16, 14),
  /** A school with at most this many students is small (乡村小规模学校: fewer than 100 pupils, 国办发〔2018〕27号). */
  small_school_max_students: z.number().int().min(0).default(100),
  /** 班师比: a small school has at least ceil(classes × ratio) teachers in all (placeholder figures). */
  class_teacher_ratio: perStage(2, 3),
});

const cvLimit = z.number().positive();

export const balancePolicySchema = z.strictObject({
  /** 县域义务教育均衡发展督导评估: the coefficient of variation may not exceed these (primary 0.50, junior 0.45). */
  limits: z.strictObject({ primary: cvLimit.default(0.5), junior: cvLimit.default(0.45) }).default({ primary: 0.5, junior: 0.45 }),
  /** Wenzhou action plan (三): county disparity coefficient below 0.30. */
  target: cvLimit.default(0.3),
  /**
   * Nine- and twelve-year schools count in both stages: a junior pupil weighs
   * this much against a primary pupil when a school's teachers are shared out.
   */
  junior_weight: z.number().positive().default(1.1),
  /**
   * Optional objective term (src/engine/balance-term.ts): w > 0 lowers the
   * backbone-per-100-students CV, one post filled being worth a drop of 1/w
   * in Σ_stages CV²; 0 (default) = off, the model is unchanged.
   */
  backbone_weight: z.number().min(0).default(0),
});


/** Where a plan's needs come from: `file` needs.csv only; `auto` norms for receivers without rows; `norms` norms for all. */
export type NeedsMode = 'file' | 'auto' | 'norms';
export const NEEDS_MODES: readonly NeedsMode[] = ['auto', 'norms', 'file'];

/** Carried by a scenario whose needs were (partly) derived from the norms. */
export interface NeedsOrigin {
  readonly mode: NeedsMode;
  /** Receivers whose needs came from the norms. */
  readonly fromNorms: readonly string[];
}

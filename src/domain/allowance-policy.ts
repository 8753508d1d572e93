/**
 * policy.json `allowances` and `income`: what a rural teacher is owed each
 * month (四(二)1 三: 任教津贴、特岗津贴、生活补助金、乡镇工作补贴, "越往基层、越往艰苦地区
 * 补助水平越高", so that a rural teacher earns more than an urban one of the same
 * rank). Kept beside policy.ts so that file stays a list of keys.
 */
import { z } from 'zod';
import { TITLES, type Title } from './codes.js';

/** Who an allowance item is paid to. */
const ALLOWANCE_KINDS = ['rural_staff', 'rotated', 'township', 'special_post'] as const;
export type AllowanceKind = (typeof ALLOWANCE_KINDS)[number];

/**
 * Lowest school tier at which each kind is paid: rural_staff and township from
 * tier 1 (乡镇), special_post from tier 2 (村); rotated at any receiver, also a
 * weak urban school (tier 0). A tier below the minimum is never paid, so its
 * amount must be 0 (the schema says so rather than ignore a number).
 */
export const KIND_MIN_TIER: Readonly<Record<AllowanceKind, number>> = { rural_staff: 1, rotated: 0, township: 1, special_post: 2 };

/** Chinese label of each kind, for the workbook. */
export const KIND_ZH: Readonly<Record<AllowanceKind, string>> = {
  rural_staff: '乡村学校在岗教师', rotated: '交流轮岗教师', township: '乡镇及以下学校教师', special_post: '村及以下艰苦学校教师',
};

/** Yuan, at most two decimals (fen). */
const yuan = z.number().finite().min(0).refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '金额最多两位小数 / at most two decimals (fen)');

const itemKey = z.string().regex(/^[a-z][a-z0-9_]*$/, 'key: lower-case letters, digits and _ (e.g. rural_living)');

const allowanceItemSchema = z.strictObject({
  key: itemKey,
  /** Chinese name, as the allowance is called in the county's documents (the key of plan.json `items`). */
  name: z.string().trim().min(1),
  /** Monthly amount in yuan at tier 0, 1, 2, 3 (docs/format.md schools.tier). */
  monthly: z.tuple([yuan, yuan, yuan, yuan]),
  applies_to: z.enum(ALLOWANCE_KINDS),
}).superRefine((item, ctx) => {
  const label = `津贴「${item.name}」(${item.key})`;
  for (let t = 1; t < 4; t++) {
    const [easier, harder] = [item.monthly[t - 1]!, item.monthly[t]!];
    if (harder < easier) {
      ctx.addIssue({
        code: 'custom', path: ['monthly', t],
        message: `${label} 第${t}档 ${harder} 元低于第${t - 1}档 ${easier} 元，违反“越往艰苦地区补助水平越高” / allowance "${item.key}" (${item.name}) pays ${harder} at tier ${t}, less than ${easier} at tier ${t - 1}: a harder tier must not pay less (四(二)1 三)`,
      });
    }
  }
  const min = KIND_MIN_TIER[item.applies_to];
  for (let t = 0; t < min; t++) {
    if (item.monthly[t] !== 0) {
      ctx.addIssue({
        code: 'custom', path: ['monthly', t],
        message: `${label} 适用于第${min}档及以上，第${t}档应为 0 / allowance "${item.key}" (${item.name}) applies to ${item.applies_to} from tier ${min}: its tier-${t} amount is never paid and must be 0`,
      });
    }
  }
});
export type AllowanceItem = z.infer<typeof allowanceItemSchema>;

/**
 * PLACEHOLDER amounts, not Wenzhou's: the action plan sets no figures. They sit
 * in the range of a neighbouring province (Fujian: 乡村教师生活补助 at least 300
 * yuan a month on average, graded by hardship). Each county must set its own.
 */
const PLACEHOLDER_ITEMS: AllowanceItem[] = [
  { key: 'rural_living', name: '乡村教师生活补助', monthly: [0, 300, 500, 800], applies_to: 'rural_staff' },
  { key: 'rotation', name: '交流轮岗补贴', monthly: [0, 400, 500, 600], applies_to: 'rotated' },
  { key: 'township', name: '乡镇工作补贴', monthly: [0, 200, 250, 300], applies_to: 'township' },
  { key: 'special_post', name: '特岗津贴', monthly: [0, 0, 200, 400], applies_to: 'special_post' },
];

export const allowancePolicySchema = z.strictObject({
  /** A month served in part pays pro rata by its days, or nothing ('whole_months'); whole months always pay the rate. */
  part_month: z.enum(['pro_rata', 'whole_months']).default('pro_rata'),
  items: z.array(allowanceItemSchema).default(PLACEHOLDER_ITEMS).superRefine((items, ctx) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      for (const [field, value] of [['key', item.key], ['name', item.name]] as const) {
        const id = `${field}\u0000${value}`;
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i, field], message: `津贴 ${field} "${value}" 重复 (item ${seen.get(id)}) / duplicate allowance ${field} "${value}"` });
        else seen.set(id, i);
      }
    });
  }),
});

const titleAmounts = z.strictObject(Object.fromEntries(TITLES.codes.map((t) => [t, yuan])) as Record<Title, typeof yuan>);

/**
 * Income parity (四(二)1 三: a rural teacher's income above an urban teacher's
 * of the same rank). Without `base_pay` there is no parity report.
 * `urban_items`: monthly allowances only urban teachers get (e.g. a city
 * subsidy), each a single amount for every title or an amount per title:
 * `[{ "name": "城区补贴", "monthly": 200 }, { "name": "绩效差", "monthly": { "none": 0, … } }]`.
 */
export const incomePolicySchema = z.strictObject({
  /** Monthly base pay per title, yuan; null = no parity report. */
  base_pay: titleAmounts.nullable().default(null),
  urban_items: z.array(z.strictObject({ name: z.string().trim().min(1), monthly: z.union([yuan, titleAmounts]) })).default([]),
});

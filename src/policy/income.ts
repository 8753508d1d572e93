/**
 * Income parity (四(二)1 三): with the county's base pay per title, a rural
 * teacher's monthly income (base + the rural items of each tier 1–3) set
 * against an urban teacher's of the same title (base + urban-only items).
 * Every title and tier where the rural teacher does not earn more is flagged.
 */
import { TITLES, type Title } from '../domain/codes.js';
import type { Policy } from '../domain/policy.js';
import { itemApplies } from './allowances.js';
import { toFen, toYuan } from './pay-period.js';

export interface IncomeRow {
  readonly title: Title;
  readonly tier: 1 | 2 | 3;
  readonly base: number;
  /** Rural items (not the rotation subsidy: a resident rural teacher's income), name → yuan a month. */
  readonly rural_items: Record<string, number>;
  readonly rural: number;
  /** Urban-only items, name → yuan a month. */
  readonly urban_items: Record<string, number>;
  readonly urban: number;
  /** rural − urban, yuan a month. */
  readonly difference: number;
  /** The rural teacher earns more (the clause holds here). */
  readonly ok: boolean;
}

export interface IncomeParity {
  readonly rows: IncomeRow[];
  /** One message per row that is not ok. */
  readonly flags: string[];
}

const TIERS = [1, 2, 3] as const;
const sumFen = (values: readonly number[]) => values.reduce((s, v) => s + toFen(v), 0);

/**
 * Rural against urban monthly income per title and tier; null when the
 * policy sets no `income.base_pay`.
 * @example incomeParity(policy)?.flags → ['一级 tier 1: rural 5200.00 ≤ urban 5300.00 (−100.00)']
 */
export function incomeParity(policy: Policy): IncomeParity | null {
  const base = policy.income.base_pay;
  if (base === null) return null;
  const rows: IncomeRow[] = [];
  for (const title of TITLES.codes) {
    const urban_items = Object.fromEntries(policy.income.urban_items.map((u) => [u.name, typeof u.monthly === 'number' ? u.monthly : u.monthly[title]]));
    const urban = toYuan(toFen(base[title]) + sumFen(Object.values(urban_items)));
    for (const tier of TIERS) {
      const rural_items = Object.fromEntries(policy.allowances.items
        .filter((i) => i.applies_to !== 'rotated' && itemApplies(i, tier, false))
        .map((i) => [i.name, i.monthly[tier]!]));
      const rural = toYuan(toFen(base[title]) + sumFen(Object.values(rural_items)));
      const difference = toYuan(toFen(rural) - toFen(urban));
      rows.push({ title, tier, base: base[title], rural_items, rural, urban_items, urban, difference, ok: difference > 0 });
    }
  }
  const flags = rows.filter((r) => !r.ok).map((r) =>
    `${TITLES.zh[r.title]} (${r.title}) 第${r.tier}档 tier ${r.tier}: 乡村 rural ${r.rural.toFixed(2)} ≤ 城区 urban ${r.urban.toFixed(2)} (${r.difference.toFixed(2)})`);
  return { rows, flags };
}

/**
 * The national review of balanced compulsory education (差异系数 ≤ 0.50
 * primary, 0.45 junior, `balance.limits`): a plan that pushes a county's
 * indicator over the limit, or further over it, breaks no rotation rule,
 * but HR must know before signing it. These are warnings, never shortfalls.
 */
import type { BalanceIndicator, BalanceRow } from './balance.js';

// A type alias, not an interface: plan.json's loose schema needs an index-signature-compatible row.
export type PlanWarning = {
  /** `balance_limit`: a 差异系数 over the national limit after the plan. */
  readonly kind: 'balance_limit';
  readonly county: string;
  readonly stage: BalanceRow['stage'];
  readonly indicator: BalanceIndicator;
  readonly before: number | null;
  readonly after: number;
  readonly limit: number;
  /** "中文 / English", with the numbers. */
  readonly message: string;
};

const INDICATOR: Readonly<Record<BalanceIndicator, [zh: string, en: string]>> = {
  education: ['学历达标教师', 'teachers above the required education'],
  backbone: ['县级以上骨干教师', 'county-level-or-above backbone teachers'],
  pe_music_art: ['体音美教师', 'PE, music and art teachers'],
};
const STAGE: Readonly<Record<BalanceRow['stage'], [zh: string, en: string]>> = { primary: ['小学', 'primary'], junior: ['初中', 'junior'] };

/**
 * One warning per county, stage and indicator whose CV after the plan is over
 * the limit and either was within it before or grows: the plan makes the
 * county fail the indicator, or fail it worse.
 *
 * @example balanceWarnings(plan.balance)[0].message // '鹿城区 小学 县级以上骨干教师 差异系数 0.358 → 1.359，超过国家标准 0.5 / …'
 */
export function balanceWarnings(rows: readonly BalanceRow[]): PlanWarning[] {
  return rows.flatMap((r): PlanWarning[] => {
    if (r.after === null || r.after <= r.limit) return [];
    if (r.before !== null && r.before > r.limit && r.after <= r.before) return [];
    const [stageZh, stageEn] = STAGE[r.stage];
    const [zh, en] = INDICATOR[r.indicator];
    const was = r.before === null ? '—' : r.before.toFixed(3);
    const worse = r.before !== null && r.before > r.limit;
    return [{
      kind: 'balance_limit', county: r.county, stage: r.stage, indicator: r.indicator, before: r.before, after: r.after, limit: r.limit,
      message: `${r.county} ${stageZh}${zh}差异系数 ${was} → ${r.after.toFixed(3)}，${worse ? '原已超标，计划后更高' : '计划后超过'}国家标准 ${r.limit}（均衡发展督导评估）`
        + ` / ${r.county} ${stageEn} ${en}: coefficient of variation ${was} → ${r.after.toFixed(3)}, above the national limit ${r.limit} after the plan${worse ? ' (above it before, higher now)' : ''} (balanced-development review)`,
    }];
  });
}

import { describe, expect, it } from 'vitest';
import type { BalanceRow } from '../../src/policy/balance.js';
import { balanceWarnings } from '../../src/policy/balance-warnings.js';

const row = (before: number | null, after: number | null, over: Partial<BalanceRow> = {}): BalanceRow => ({
  county: '鹿城区', stage: 'primary', indicator: 'backbone', schools: 9, students: 3000, per_100_before: 0.5, per_100_after: 0.59,
  before, after, limit: 0.5, target: 0.3, within: after === null ? null : after <= 0.5, meets_target: after === null ? null : after <= 0.3, ...over,
});

describe('balance warnings: a 差异系数 over the national limit after the plan', () => {
  it('the demo\'s primary backbone CV 0.358 → 1.359 (limit 0.50) is a warning with both numbers and the limit', () => {
    const [w] = balanceWarnings([row(0.358, 1.3593)]);
    expect(w).toMatchObject({ kind: 'balance_limit', county: '鹿城区', stage: 'primary', indicator: 'backbone', before: 0.358, after: 1.3593, limit: 0.5 });
    expect(w!.message).toContain('0.358 → 1.359');
    expect(w!.message).toContain('国家标准 0.5');
  });
  it('within the limit after the plan: no warning (also exactly at it)', () => {
    expect(balanceWarnings([row(0.2, 0.45), row(0.6, 0.5), row(null, null)])).toEqual([]);
  });
  it('already over before: a warning only when the plan makes it worse', () => {
    expect(balanceWarnings([row(0.7, 0.6)])).toEqual([]);
    expect(balanceWarnings([row(0.7, 0.8)])[0]!.message).toContain('原已超标');
  });
  it('junior has its own limit (0.45)', () => {
    expect(balanceWarnings([row(0.3, 0.46, { stage: 'junior', limit: 0.45 })])).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { policySchema } from '../../src/domain/policy.js';
import { incomeParity } from '../../src/policy/income.js';

const base = { none: 5000, level3: 5000, level2: 5000, level1: 5000, senior: 5000, professor: 5000 };

describe('income parity (四(二)1 三: rural income above urban of the same rank)', () => {
  it('without base_pay there is no report', () => {
    expect(incomeParity(policySchema.parse({}))).toBeNull();
  });

  it('rural = base + the rural items of the tier; urban = base + urban-only items; a tier where rural is not higher is flagged', () => {
    const policy = policySchema.parse({ income: { base_pay: base, urban_items: [{ name: '城区补贴', monthly: 600 }] } });
    const parity = incomeParity(policy)!;
    expect(parity.rows).toHaveLength(6 * 3);
    const level1 = parity.rows.filter((r) => r.title === 'level1');
    expect(level1.map((r) => [r.tier, r.rural, r.urban, r.difference, r.ok])).toEqual([
      [1, 5000 + 300 + 200, 5600, -100, false],
      [2, 5000 + 500 + 250 + 200, 5600, 350, true],
      [3, 5000 + 800 + 300 + 400, 5600, 900, true],
    ]);
    expect(level1[1]!.rural_items).toEqual({ 乡村教师生活补助: 500, 乡镇工作补贴: 250, 特岗津贴: 200 });
    expect(level1[0]!.urban_items).toEqual({ 城区补贴: 600 });
    expect(parity.flags).toHaveLength(6); // tier 1 of every title
    expect(parity.flags[3]).toBe('一级 (level1) 第1档 tier 1: 乡村 rural 5500.00 ≤ 城区 urban 5600.00 (-100.00)');
  });

  it('urban items may differ per title; equal income is flagged too (rural must be higher)', () => {
    const perTitle = { none: 0, level3: 0, level2: 0, level1: 0, senior: 1500, professor: 0 };
    const parity = incomeParity(policySchema.parse({ income: { base_pay: base, urban_items: [{ name: '绩效', monthly: perTitle }] } }))!;
    const flagged = parity.rows.filter((r) => !r.ok).map((r) => [r.title, r.tier, r.difference]);
    expect(flagged).toEqual([['senior', 1, -1000], ['senior', 2, -550], ['senior', 3, 0]]);
  });

  it('a base_pay missing a title is rejected with the key', () => {
    const r = policySchema.safeParse({ income: { base_pay: { level1: 5000 } } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain('income.base_pay.none');
  });
});

import { describe, expect, it } from 'vitest';
import { planPolicy, recordOverrides } from '../../src/io/read/plan-overrides.js';
import { warningLines } from '../../src/cli/plan-policy.js';
import type { Plan } from '../../src/domain/plan.js';
import { applyOverrides, overridesRecord, overrideSets } from '../../src/io/read/policy-file.js';

const bare = (): Plan => ({
  plan_year: 2019, period: { start: '2019-09-01', end: '2020-08-31' }, assignments: [], senders: [], gaps: [], receivers: [], allowances: [], shortfalls: [],
  stats: { teachers: 0, eligible: 0, sent: 0, gaps_needed: 0, gaps_filled: 0, solve_ms: 0, optimal: true },
});

describe('plan.json policy_overrides', () => {
  it('records --set values as JSON (numbers, null, text; the last set of a key wins) and reads back to the same overrides', () => {
    const sets = ['rotation.min_share=0.15', 'assignment.max_distance_km=null', 'rotation.backbone_level=municipal', 'rotation.min_share=0.2'];
    const record = overridesRecord(sets);
    expect(record).toEqual({ 'rotation.min_share': 0.2, 'assignment.max_distance_km': null, 'rotation.backbone_level': 'municipal' });
    expect(applyOverrides({}, overrideSets(record))).toEqual(applyOverrides({}, sets));
  });
  it('a plan made without --set records nothing', () => {
    expect(recordOverrides(bare(), []).policy_overrides).toBeUndefined();
  });
  it('the plan\'s overrides come first, the command\'s own --set after them (and win); --no-plan-policy drops them and says so', () => {
    const plan = recordOverrides(bare(), ['rotation.min_share=0.15']);
    expect(planPolicy(plan, ['rotation.min_share=0.3'], true)).toMatchObject({ sets: ['rotation.min_share=0.15', 'rotation.min_share=0.3'] });
    const off = planPolicy(plan, [], false);
    expect(off.sets).toEqual([]);
    expect(off.note).toContain('--no-plan-policy');
    expect(planPolicy(bare(), ['x=1'], true)).toEqual({ sets: ['x=1'], note: null });
  });
});

describe('warning lines', () => {
  it('prints six warnings in full and counts the rest', () => {
    const plan = { ...bare(), warnings: Array.from({ length: 9 }, (_, i) => ({ kind: 'balance_limit', message: `w${i}` })) };
    const text = warningLines(plan);
    expect(text.split('\n').filter((l) => l !== '')).toHaveLength(7);
    expect(text).toContain('w5');
    expect(text).not.toContain('w6');
    expect(text).toContain('3 more in plan.json warnings');
    expect(warningLines(bare())).toBe('');
  });
});

/**
 * Two lists of plan.json's fields must not drift apart: what the plan's schema
 * declares (domain/plan.ts, the contract and the extensions read back) is
 * known to the list `rotation check` notes unknown fields by
 * (domain/plan-fields.ts). A field added to the schema only would be called
 * unknown on every plan the planner writes.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { planSchema } from '../../src/domain/plan.js';
import { unknownPlanFields } from '../../src/domain/plan-fields.js';

/** A value with every field the schema declares, at every depth (each array with one item). */
function sample(schema: z.ZodType): unknown {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };
  switch (def.type) {
    case 'optional': case 'nullable': case 'default': return sample(def.innerType!);
    case 'object': return Object.fromEntries(Object.entries(def.shape!).map(([k, v]) => [k, sample(v)]));
    case 'array': return [sample(def.element!)];
    default: return 0;
  }
}

describe('plan.json fields: the schema and the known-fields list agree', () => {
  it('every field planSchema declares, at every depth, is a known field', () => {
    expect(unknownPlanFields(sample(planSchema))).toEqual([]);
  });

  it('the sample reaches the extensions (the walk does go deep)', () => {
    const plan = sample(planSchema) as { stats: Record<string, unknown>; balance: Record<string, unknown>[]; gaps: Record<string, unknown>[] };
    expect(Object.keys(plan.stats)).toContain('needs_from_norms');
    expect(Object.keys(plan.balance[0]!)).toContain('meets_target');
    expect(Object.keys(plan.gaps[0]!)).toContain('gross');
  });
});

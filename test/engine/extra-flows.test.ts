import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/domain/policy.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { buildCountyModel } from '../../src/engine/model.js';
import { planScenario } from '../../src/engine/plan.js';
import { inputsOf, rural, scenario, staff, urban } from './builders.js';

// One sender with 30 eligible teachers (R1 needs 3) and no needs at all: every teacher sent is an extra.
// R1 (north, 5 km) is nearest; R2 (same education group, 20 km) is best by group; R2 and R4 (10 km) have a
// county backbone teacher, R1 and R3 (30 km) have none.
function county(backbone: boolean, maxExtra: number | null = null): Scenario {
  const s = scenario({
    schools: [
      urban('U1', { lat: 28.0, lon: 120.65, group: 'G' }),
      rural('R1', { lat: 28.045, lon: 120.65 }), rural('R2', { lat: 28.18, lon: 120.65, group: 'G' }),
      rural('R3', { lat: 28.27, lon: 120.65 }), rural('R4', { lat: 28.09, lon: 120.65 }),
    ],
    teachers: [
      ...staff('U1-', 'U1', 30, ['chinese', 'math'], (i) => (backbone && i === 0 ? { backbone: 'county' } : {})),
      ...staff('R2-', 'R2', 1, ['chinese'], () => ({ backbone: 'county' })),
      ...staff('R4-', 'R4', 1, ['chinese'], () => ({ backbone: 'county' })),
    ],
  });
  return { ...s, policy: { ...defaultPolicy(), assignment: { ...defaultPolicy().assignment, max_extra_per_receiver: maxExtra } } };
}

function extraFlowReceivers(s: Scenario): string[] {
  const model = buildCountyModel(inputsOf(s)[0]!, s.policy);
  return [...new Set([...model.flows.values()].flat().filter((f) => f.role === '*').map((f) => f.receiver))].sort();
}

describe('extra teachers: flows only where a lexicographic optimum can send them', () => {
  it('without a cap per receiver: the receiver best for group, then distance', () => {
    expect(extraFlowReceivers(county(false))).toEqual(['R2']);
  });

  it('a backbone class may also go to every receiver still without a county backbone teacher (R5)', () => {
    expect(extraFlowReceivers(county(true))).toEqual(['R1', 'R2', 'R3']);
  });

  it('with assignment.max_extra_per_receiver, senders compete for room: every receiver in reach', () => {
    expect(extraFlowReceivers(county(false, 2))).toEqual(['R1', 'R2', 'R3', 'R4']);
  });

  it('the plan sends the backbone teacher where R5 needs one and the others to the same-group school', () => {
    const { plan } = planScenario(county(true), 2019);
    expect(plan.stats.sent).toBe(3);
    const to = plan.assignments.map((a) => [a.teacher_id, a.to_school]);
    expect(to.filter(([, r]) => r === 'R2').length).toBe(2);
    expect(to.find(([id]) => id === 'U1-001')?.[1]).toBe('R1'); // R5 first, then the nearer of R1 and R3
  });
});

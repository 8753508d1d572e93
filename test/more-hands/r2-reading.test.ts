import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/compare.js';
import { writeScenario } from '../../src/io/export/write-scenario.js';
import { commandRunner } from '../cli/run-commands.js';
import { checkPlan } from '../../src/check/check.js';
import type { Plan } from '../../src/domain/plan.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { planScenario } from '../../src/engine/plan.js';
import { rural, scenario, staff, urban } from '../engine/builders.js';

/** U1: 30 eligible teachers (R1 3, cap 6), `backbone` of them county backbone; R1 and R2 (rural) need 6 posts between them. */
function shortOfBackbone(backbone: number, reading: 'least_shortfall' | 'excuse', eligible = 30): Scenario {
  const s = scenario({
    schools: [urban('U1'), rural('R1'), rural('R2', { lat: 28.12 })],
    teachers: staff('T', 'U1', eligible, ['chinese', 'math'], (i) => ({ backbone: i < backbone ? 'county' : 'none' })),
    needs: [
      { school_id: 'R1', subject: 'chinese', teachers: 3, priority: 1 }, { school_id: 'R2', subject: 'math', teachers: 3, priority: 1 },
      { school_id: 'R2', subject: 'chinese', teachers: 6, priority: 2 },
    ],
  });
  return { ...s, policy: { ...s.policy, rotation: { ...s.policy.rotation, r2_when_short: reading } } };
}

const sender = (plan: Plan) => plan.senders.find((x) => x.school_id === 'U1')!;

describe('rotation.r2_when_short (the R2 reading)', () => {
  it('least_shortfall (default): no backbone teacher → sends 5 of its cap 6 (a 6th would make the R2 shortfall 2)', () => {
    const s = shortOfBackbone(0, 'least_shortfall');
    const { plan } = planScenario(s, 2019);
    expect(sender(plan)).toMatchObject({ required: 3, cap: 6, sent: 5, backbone_sent: 0, backbone_required: 1 });
    expect(sender(plan)['r2_excused']).toBeUndefined();
    expect(plan.stats['r2_when_short']).toBe('least_shortfall');
    expect(plan.stats.gaps_filled).toBe(5);
    expect(checkPlan(s, plan)).toEqual([]);
  });

  it('excuse: the same school is excused from R2 and sends up to its cap; the R2 shortfall is still listed and says so', () => {
    const s = shortOfBackbone(0, 'excuse');
    const { plan } = planScenario(s, 2019);
    expect(sender(plan)).toMatchObject({ sent: 6, backbone_sent: 0, backbone_required: 2, met: false, r2_excused: true });
    expect(plan.stats['r2_when_short']).toBe('excuse');
    expect(plan.stats.gaps_filled).toBe(6);
    const r2 = plan.shortfalls.find((f) => f.rule === 'R2')!;
    expect(r2.detail).toContain('excused from the ratio');
    expect(checkPlan(s, plan)).toEqual([]);
  });

  it('excuse: a school that can meet R2 at its R1 minimum is not excused (the ratio still caps what it sends)', () => {
    // 30 eligible, 1 backbone: R2 at 3 sent asks 1 → met by counting; sending 6 would ask 2.
    const s = shortOfBackbone(1, 'excuse');
    const { plan } = planScenario(s, 2019);
    expect(sender(plan)).toMatchObject({ sent: 5, backbone_sent: 1, backbone_required: 1, met: true });
    expect(sender(plan)['r2_excused']).toBeUndefined();
    expect(checkPlan(s, plan)).toEqual([]);
  });

  it('excuse: an excused school still sends every backbone teacher who can go (60 eligible, 1 backbone: R2 at 6 asks 2)', () => {
    const s = shortOfBackbone(1, 'excuse', 60);
    const { plan } = planScenario(s, 2019);
    expect(sender(plan)).toMatchObject({ required: 6, sent: 12, backbone_sent: 1, r2_excused: true });
    expect(plan.assignments.map((a) => a.teacher_id)).toContain('T001');
    expect(checkPlan(s, plan)).toEqual([]);
  });
});

describe('rotation check reads the R2 reading the plan states', () => {
  it('a plan that states no reading is checked as least_shortfall, whatever the scenario says', () => {
    const { plan } = planScenario(shortOfBackbone(0, 'excuse'), 2019);
    const { r2_when_short: _, ...stats } = plan.stats;
    const unstated = { ...plan, stats } as Plan;
    const rules = checkPlan(shortOfBackbone(0, 'excuse'), unstated).map((v) => v.rule);
    expect(rules).toContain('R2'); // 6 sent, short by 2: more than the unavoidable 1
  });

  it('least_shortfall: a hand-edited plan that sends the 6th teacher (shortfall 2) is caught', () => {
    const s = shortOfBackbone(0, 'least_shortfall');
    const excused = planScenario(shortOfBackbone(0, 'excuse'), 2019).plan;
    const edited = { ...excused, stats: { ...excused.stats, r2_when_short: 'least_shortfall' } } as Plan;
    const v = checkPlan(s, edited);
    expect(v.map((x) => x.rule)).toContain('R2');
    expect(v.find((x) => x.rule === 'R2')!.message).toContain('more than the unavoidable');
  });

  it('excuse: an excused school that keeps its backbone teacher home is caught', () => {
    const s = shortOfBackbone(1, 'excuse', 60);
    const { plan } = planScenario(s, 2019);
    const backbone = plan.assignments.find((a) => a.teacher_id === 'T001')!;
    const withoutBackbone = plan.assignments.filter((a) => a !== backbone);
    const edited: Plan = {
      ...plan, assignments: withoutBackbone,
      senders: plan.senders.map((x) => (x.school_id === 'U1' ? { ...x, sent: 11, backbone_sent: 0, backbone_required: 3 } : x)),
    };
    const v = checkPlan(s, edited).filter((x) => x.rule === 'R2');
    expect(v.map((x) => x.message).join('\n')).toContain('must still send every backbone teacher');
  });
});

describe('rotation compare --set rotation.r2_when_short=excuse', () => {
  it('shows the difference: one more teacher sent, one more post filled, one sender excused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'r2-reading-'));
    try {
      const base = shortOfBackbone(0, 'least_shortfall');
      await writeScenario(dir, base, { lang: 'zh' });
      const { stdout, code } = await commandRunner(compareCommand)('compare', dir, '--year', '2019', '--quiet', '--jobs', '1', '--json', '--set', 'rotation.r2_when_short=excuse');
      expect(code).toBe(0);
      const { columns } = JSON.parse(stdout) as { columns: { figures: { sent: number; gaps_filled: number; r2_excused: number }; check: string }[] };
      expect(columns.map((c) => [c.figures.sent, c.figures.gaps_filled, c.figures.r2_excused])).toEqual([[5, 5, 0], [6, 6, 1]]);
      expect(columns.map((c) => c.check)).toEqual(['passed', 'passed']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

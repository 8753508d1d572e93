import { describe, expect, it } from 'vitest';
import { backboneAtLeast } from '../../src/domain/codes.js';
import { isReceiver, isSender } from '../../src/domain/scenario.js';
import { generateScenario } from '../../src/generate/index.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { eligibilityAll, isRunning } from '../../src/policy/eligibility.js';
import { summarize } from '../../src/report/scenario-summary.js';
import { termOf } from '../../src/policy/term.js';

describe('scenarios/lucheng-demo (hand-made)', async () => {
  const { scenario: s, warnings } = await readScenario('scenarios/lucheng-demo');
  const term = termOf(2019, s.policy);
  const eligibility = eligibilityAll(s, term);
  const elig = new Map(eligibility.map((e) => [e.teacher_id, e]));
  const schools = new Map(s.schools.map((x) => [x.school_id, x]));

  it('reads without problems or warnings: one county, 13 schools, 158 teachers, max distance 60 km', () => {
    expect(warnings).toEqual([]);
    expect(new Set(s.schools.map((x) => x.county))).toEqual(new Set(['鹿城区']));
    expect(s.schools).toHaveLength(13);
    expect(s.teachers).toHaveLength(158);
    expect(s.policy.assignment.max_distance_km).toBe(60);
  });
  it('60 % of the teachers of urban senders are eligible in 2019', () => {
    const urban = s.teachers.filter((t) => schools.get(t.school_id)!.area === 'urban' && isSender(schools.get(t.school_id)!));
    expect(urban.filter((t) => elig.get(t.teacher_id)!.eligible).length / urban.length).toBeCloseTo(0.6, 2);
  });
  it('R1 and R2 can be met: every sender has an eligible county-level backbone teacher, and caps cover the needs', () => {
    const summary = summarize(s, term, eligibility).counties[0]!;
    for (const x of summary.sender_list) expect(x.eligible_backbone).toBeGreaterThanOrEqual(x.backbone_required);
    const caps = summary.sender_list.reduce((n, x) => n + x.cap, 0);
    const running = s.history.filter((r) => isRunning(r, term)).length;
    expect(summary.needs - running).toBeLessThanOrEqual(caps);
    expect(summary.needs - running).toBeGreaterThanOrEqual(summary.required);
  });
  it('R5 matters: three rural schools have no county-level backbone teacher', () => {
    const without = s.schools.filter(isReceiver).filter((r) => !s.teachers.some((t) => t.school_id === r.school_id && backboneAtLeast(t.backbone, 'county')));
    expect(without.map((r) => r.school_id).sort()).toEqual(['LC-P007', 'LC-P008', 'LC-P009']);
  });
  it('history: one rotation running in 2019, one ended in 2018 (cooldown); locks: pin, forbid, keep; the pinned teacher is eligible', () => {
    expect(s.history.filter((r) => isRunning(r, term)).map((r) => r.teacher_id)).toEqual(['T000005']);
    expect(elig.get('T000057')!.reasons.join()).toMatch(/cooldown/);
    expect(s.locks.map((l) => l.action)).toEqual(['pin', 'forbid', 'keep']);
    expect(elig.get('T000003')!.eligible).toBe(true);
  });
});

describe('scenarios/generated-county', () => {
  it('is exactly what `rotation generate --counties 1 --teachers 700 --seed 7` writes', async () => {
    const { scenario, warnings } = await readScenario('scenarios/generated-county');
    const fresh = generateScenario({ counties: 1, teachers: 700, seed: 7, year: 2019 });
    expect(warnings).toEqual([]);
    for (const k of ['schools', 'teachers', 'needs', 'history', 'locks', 'policy'] as const) expect(scenario[k]).toEqual(fresh[k]);
  });
});

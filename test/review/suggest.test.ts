/** rotation suggest: candidates for one open post, ranked, each with its effects and the checker's verdict on the plan with the move. */
import { describe, expect, it } from 'vitest';
import { checkEditedPlan } from '../../src/check/check.js';
import type { Plan } from '../../src/domain/plan.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { planScenario } from '../../src/engine/plan.js';
import { extendPlan } from '../../src/report/plan-report.js';
import { applyMove } from '../../src/review/apply-move.js';
import { suggestCandidates } from '../../src/review/suggest.js';
import { loadHighsSolver } from '../../src/engine/highs.js';
import { generateScenario } from '../../src/generate/index.js';
import { rural, scenario, staff, teacher, urban } from '../engine/builders.js';

/** Two senders of 10 (cap 2 each), art teachers at U1 (one county-level backbone) and an art-qualified one at U2; R1 lacks a math teacher. */
function county(): { s: Scenario; plan: Plan } {
  const s = scenario({
    schools: [urban('U1'), urban('U2', { lat: 28.02 }), rural('R1'), rural('R2', { lat: 28.12 })],
    teachers: [
      ...staff('A', 'U1', 8), teacher('A009', 'U1', { subject: 'art' }), teacher('A010', 'U1', { subject: 'art', backbone: 'county' }),
      ...staff('B', 'U2', 10, ['chinese', 'math'], (i) => (i === 0 ? { qualified_subjects: ['art'] } : {})),
    ],
    needs: [{ school_id: 'R1', subject: 'math', teachers: 1, priority: 1 }],
  });
  const plan = extendPlan(s, planScenario(s, 2019).plan);
  // The post HR wants to fill by hand: R2 lacks an art teacher (needs.csv updated after the plan was made).
  const withPost = { ...s, needs: [...s.needs, { school_id: 'R2', subject: 'art', teachers: 1, priority: 2 }] };
  const open: Plan = {
    ...plan,
    gaps: [...plan.gaps, { school_id: 'R2', subject: 'art', needed: 1, filled: 0, unfilled: 1, priority: 2, gross: 1 }],
    shortfalls: [...plan.shortfalls, { rule: 'R4', school_id: 'R2', detail: 'R2 美术 缺 1 人未补 / 1 art post(s) unfilled' }],
    stats: { ...plan.stats, gaps_needed: plan.stats.gaps_needed + 1 },
  };
  return { s: withPost, plan: open };
}

describe('rotation suggest', () => {
  it('ranks the qualified teachers of the county: those whose move passes check first, the best filling the post; the verdict is the checker\'s on the applied move', () => {
    const { s, plan } = county();
    const list = suggestCandidates(s, plan, { school: 'R2', subject: 'art' });
    expect(list.map((c) => c.teacher_id).sort()).toEqual(['A009', 'A010', 'B001']);
    const best = list[0]!;
    expect(best.passes_check).toBe(true);
    expect(best.delta.posts).toEqual([0, 1, 0]);
    expect(best.effects[0]).toContain('fills a priority-2 art post');
    expect(list.findIndex((c) => !c.passes_check)).toBeGreaterThan(list.findLastIndex((c) => c.passes_check));
    for (const c of list) {
      const after = applyMove(s, plan, { teacher_id: c.teacher_id, to_school: 'R2', subject: 'art' });
      expect(checkEditedPlan(s, after).violations.length === 0).toBe(c.passes_check);
    }
  });

  it('moving the teacher who gave another receiver its R5 backbone teacher says so; the last art teacher of a school cannot go', () => {
    const { s, plan } = county();
    const list = suggestCandidates(s, plan, { school: 'R2', subject: 'art' });
    const giver = plan.assignments.find((a) => a.teacher_id === 'A010');
    expect(giver?.to_school).toBe('R1'); // the plan sends the county-level backbone art teacher to R1 (R5 there)
    const a010 = list.find((c) => c.teacher_id === 'A010')!;
    expect(a010.currently).toEqual({ to_school: 'R1', subject: 'art' });
    expect(a010.effects).toEqual(expect.arrayContaining(['R1 将失去县级以上骨干教师 (R5) / R1 loses its R5 backbone teacher', '为 R2 提供县级以上骨干教师 (R5) / gives R2 its R5 backbone teacher']));
    const a009 = list.find((c) => c.teacher_id === 'A009')!;
    expect(a009.passes_check).toBe(false);
    expect(a009.violations[0]).toMatch(/^subject_keep/);
  });

  it('a candidate whose move breaks a rule is listed after the ones that pass, with the rule it breaks', () => {
    const { s, plan } = county();
    expect(plan.assignments.some((a) => a.teacher_id === 'B001')).toBe(false);
    // Fill U2 up to its R1 cap (20 % of 10 = 2): then sending B001 too would break it.
    const idle = s.teachers.filter((t) => t.school_id === 'U2' && t.teacher_id !== 'B001' && !plan.assignments.some((a) => a.teacher_id === t.teacher_id));
    let full = plan;
    while (full.senders.find((x) => x.school_id === 'U2')!.sent < 2) {
      const t = idle.shift()!;
      full = applyMove(s, full, { teacher_id: t.teacher_id, to_school: 'R2', subject: t.subject });
    }
    const list = suggestCandidates(s, full, { school: 'R2', subject: 'art' });
    const b = list.find((c) => c.teacher_id === 'B001')!;
    expect(b.passes_check).toBe(false);
    expect(b.effects).toContain("超出 U2 的派出上限 (3 > 2) / breaks U2's R1 cap (3 > 2)");
    expect(b.violations.some((v) => v.startsWith('R1'))).toBe(true);
    expect(list.findIndex((c) => c.teacher_id === 'B001')).toBeGreaterThan(list.findLastIndex((c) => c.passes_check));
  });

  it('a teacher forbidden at the school, kept home, or not qualified (or qualified off-subject where there is no gap) is never a candidate', () => {
    const { s, plan } = county();
    const locked: Scenario = { ...s, locks: [{ teacher_id: 'A010', action: 'forbid', school_id: 'R2', reason: '' }, { teacher_id: 'A009', action: 'keep', school_id: null, reason: '' }] };
    expect(suggestCandidates(locked, plan, { school: 'R2', subject: 'art' }).map((c) => c.teacher_id)).toEqual(['B001']);
    expect(suggestCandidates(s, plan, { school: 'R2', subject: 'music' })).toEqual([]);
    // Without an open art post at R1 only art teachers could go there (as extras): B001 may teach art only to fill a gap.
    expect(suggestCandidates(s, plan, { school: 'R1', subject: 'art' }).map((c) => c.teacher_id)).not.toContain('B001');
  });

  it('checks in ranking order only until the list is full, and lists what checking every candidate would list', async () => {
    // A generated county with open posts and many candidates per post; limit Infinity checks every candidate.
    const s = generateScenario({ counties: 1, teachers: 500, seed: 4, year: 2019, shape: 'village' });
    const plan = planScenario(s, 2019, { solver: await loadHighsSolver() }).plan;
    const open = plan.gaps.filter((g) => g.unfilled > 0).slice(0, 4);
    expect(open.length).toBeGreaterThan(0);
    for (const g of open) {
      const all = suggestCandidates(s, plan, { school: g.school_id, subject: g.subject, limit: Infinity });
      for (const limit of [1, 3, 10]) {
        expect(suggestCandidates(s, plan, { school: g.school_id, subject: g.subject, limit }), `${g.school_id} ${g.subject} limit ${limit}`).toEqual(all.slice(0, limit));
      }
      // Each verdict is the checker's on the applied move.
      for (const c of all.slice(0, 3)) {
        const after = applyMove(s, plan, { teacher_id: c.teacher_id, to_school: g.school_id, subject: g.subject });
        expect(c.passes_check).toBe(checkEditedPlan(s, after).violations.length === 0);
      }
    }
  }, 300_000);
});

/**
 * planDiff: who was added, removed or moved between two plans, and how the
 * R1/R2/R4/R5 figures changed. A plan against itself is empty; diff(b, a)
 * mirrors diff(a, b).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan.js';
import { diffSheet } from '../../src/io/export/diff-sheet.js';
import { sheetsWorkbookBuffer } from '../../src/io/export/workbook.js';
import { isEmptyDiff, planDiff, type PlanDiff } from '../../src/report/diff.js';
import { assignment, plan } from './fixture.js';
import { samplePlan, sampleScenario } from './sample.js';

/** diff(a, b) with the roles of a and b exchanged. */
function mirror(d: PlanDiff): PlanDiff {
  const swap = <T extends { before: unknown; after: unknown }>(x: T): T => ({ ...x, before: x.after, after: x.before });
  const kinds = { added: 'removed', removed: 'added', moved: 'moved' } as const;
  const totals = Object.fromEntries(Object.entries(d.totals).map(([k, t]) => [k, { before: t.after, after: t.before, delta: t.before - t.after }]));
  return {
    teachers: d.teachers.map((t) => ({ ...swap(t), kind: kinds[t.kind] })),
    senders: d.senders.map(swap), gaps: d.gaps.map(swap), receivers: d.receivers.map(swap),
    totals: totals as PlanDiff['totals'], changed: d.changed,
  };
}

const SENDERS = ['S1', 'S2', 'S3'];
const RECEIVERS = ['R1', 'R2'];
const SUBJECTS = ['math', 'chinese'];

/** A random plan over a small pool of teachers and schools, so two draws overlap. */
const planArb: fc.Arbitrary<Plan> = fc.record({
  posts: fc.dictionary(fc.constantFrom('T1', 'T2', 'T3', 'T4', 'T5', 'T6'), fc.record({
    from: fc.constantFrom(...SENDERS), to: fc.constantFrom(...RECEIVERS), subject: fc.constantFrom(...SUBJECTS),
    named: fc.boolean(),
  })),
  senders: fc.subarray(SENDERS).chain((ids) => fc.tuple(...ids.map((id) => fc.record({
    school_id: fc.constant(id), eligible: fc.nat(20), required: fc.nat(3), sent: fc.nat(4), backbone_sent: fc.nat(2),
  })))),
  gaps: fc.subarray(RECEIVERS.flatMap((r) => SUBJECTS.map((s) => [r, s] as const))).chain((keys) => fc.tuple(...keys.map(([r, s]) => fc.record({
    school_id: fc.constant(r), subject: fc.constant(s), needed: fc.nat(3), filled: fc.nat(3),
  })))),
  receivers: fc.subarray(RECEIVERS).chain((ids) => fc.tuple(...ids.map((id) => fc.record({
    school_id: fc.constant(id), county_backbone_before: fc.nat(1), county_backbone_after: fc.nat(2),
  })))),
  shortfalls: fc.nat(3),
}).map((p) => plan({
  assignments: Object.entries(p.posts).map(([id, x]) => ({
    ...assignment({ teacher_id: id, from_school: x.from, to_school: x.to, subject: x.subject }), ...(x.named ? { name: `教师${id}` } : {}),
  })),
  senders: p.senders.map((s) => ({ ...s, backbone_required: 0, met: true, why: null })),
  gaps: p.gaps.map((g) => ({ ...g, unfilled: Math.max(0, g.needed - g.filled) })),
  receivers: p.receivers,
  shortfalls: Array.from({ length: p.shortfalls }, () => ({ rule: 'R1' as const, school_id: 'S1', detail: '' })),
}));

describe('planDiff', () => {
  it('a plan against itself is empty', () => {
    const p = samplePlan();
    expect(isEmptyDiff(planDiff(p, p))).toBe(true);
    fc.assert(fc.property(planArb, (q) => {
      const d = planDiff(q, structuredClone(q));
      expect(d.teachers).toEqual([]);
      expect(isEmptyDiff(d)).toBe(true);
    }));
  });

  it('diff(b, a) mirrors diff(a, b)', () => {
    fc.assert(fc.property(planArb, planArb, (a, b) => {
      expect(planDiff(b, a)).toEqual(mirror(planDiff(a, b)));
    }));
  });

  it('every teacher in either plan is either unchanged or listed once', () => {
    fc.assert(fc.property(planArb, planArb, (a, b) => {
      const d = planDiff(a, b);
      const ids = d.teachers.map((t) => t.teacher_id);
      expect(new Set(ids).size).toBe(ids.length);
      const added = d.teachers.filter((t) => t.kind === 'added').length;
      const removed = d.teachers.filter((t) => t.kind === 'removed').length;
      expect(d.totals.assigned.delta).toBe(added - removed);
    }));
  });

  it('one added, one removed, one moved teacher with the exact R1/R2/R4/R5 changes', () => {
    const senders = (s1: number, bb1: number, s2: number) => [
      { school_id: 'S1', eligible: 20, required: 2, sent: s1, backbone_sent: bb1, backbone_required: 1, met: true, why: null },
      { school_id: 'S2', eligible: 10, required: 1, sent: s2, backbone_sent: 0, backbone_required: 1, met: s2 >= 1, why: null },
    ];
    const a = plan({
      assignments: [
        assignment({ teacher_id: 'T1', from_school: 'S1', to_school: 'R1', subject: 'math', backbone: 'county' }),
        assignment({ teacher_id: 'T2', from_school: 'S1', to_school: 'R1', subject: 'chinese' }),
        assignment({ teacher_id: 'T3', from_school: 'S2', to_school: 'R2', subject: 'math' }),
      ],
      senders: senders(2, 1, 1),
      gaps: [
        { school_id: 'R1', subject: 'math', needed: 1, filled: 1, unfilled: 0 },
        { school_id: 'R1', subject: 'chinese', needed: 1, filled: 1, unfilled: 0 },
        { school_id: 'R2', subject: 'math', needed: 2, filled: 1, unfilled: 1 },
      ],
      receivers: [{ school_id: 'R1', county_backbone_before: 0, county_backbone_after: 1 }, { school_id: 'R2', county_backbone_before: 0, county_backbone_after: 0 }],
    });
    // Final list: T1 (county backbone) moved R1 → R2, T2 removed, T4 (S2) added to R1's chinese post, T3 unchanged.
    const b = plan({
      assignments: [
        { ...assignment({ teacher_id: 'T1', from_school: 'S1', to_school: 'R2', subject: 'math', backbone: 'county' }), name: '王芳' },
        assignment({ teacher_id: 'T3', from_school: 'S2', to_school: 'R2', subject: 'math' }),
        assignment({ teacher_id: 'T4', from_school: 'S2', to_school: 'R1', subject: 'chinese' }),
      ],
      senders: senders(1, 1, 2),
      gaps: [
        { school_id: 'R1', subject: 'math', needed: 1, filled: 0, unfilled: 1 },
        { school_id: 'R1', subject: 'chinese', needed: 1, filled: 1, unfilled: 0 },
        { school_id: 'R2', subject: 'math', needed: 2, filled: 2, unfilled: 0 },
      ],
      receivers: [{ school_id: 'R1', county_backbone_before: 0, county_backbone_after: 0 }, { school_id: 'R2', county_backbone_before: 0, county_backbone_after: 1 }],
    });
    const d = planDiff(a, b);
    expect(d.teachers).toEqual([
      { kind: 'moved', teacher_id: 'T1', name: '王芳', before: { from_school: 'S1', to_school: 'R1', subject: 'math' }, after: { from_school: 'S1', to_school: 'R2', subject: 'math' } },
      { kind: 'removed', teacher_id: 'T2', name: null, before: { from_school: 'S1', to_school: 'R1', subject: 'chinese' }, after: null },
      { kind: 'added', teacher_id: 'T4', name: null, before: null, after: { from_school: 'S2', to_school: 'R1', subject: 'chinese' } },
    ]);
    expect(d.changed).toBe(3);
    // R1: S1 sends 2 → 1, S2 1 → 2; R2: S1's backbone count stays 1, so only `sent` moves.
    expect(d.senders).toEqual([
      { school_id: 'S1', before: { eligible: 20, required: 2, sent: 2, backbone_sent: 1 }, after: { eligible: 20, required: 2, sent: 1, backbone_sent: 1 } },
      { school_id: 'S2', before: { eligible: 10, required: 1, sent: 1, backbone_sent: 0 }, after: { eligible: 10, required: 1, sent: 2, backbone_sent: 0 } },
    ]);
    // R4: R1's chinese post is still filled (by T4 instead of T2): unchanged, not listed.
    expect(d.gaps).toEqual([
      { school_id: 'R1', subject: 'math', before: { needed: 1, filled: 1 }, after: { needed: 1, filled: 0 } },
      { school_id: 'R2', subject: 'math', before: { needed: 2, filled: 1 }, after: { needed: 2, filled: 2 } },
    ]);
    expect(d.receivers).toEqual([
      { school_id: 'R1', before: { county_backbone_after: 1 }, after: { county_backbone_after: 0 } },
      { school_id: 'R2', before: { county_backbone_after: 0 }, after: { county_backbone_after: 1 } },
    ]);
    expect(d.totals.sent).toEqual({ before: 3, after: 3, delta: 0 });
    expect(d.totals.backbone_sent).toEqual({ before: 1, after: 1, delta: 0 });
    expect(d.totals.gaps_filled).toEqual({ before: 3, after: 3, delta: 0 });
    expect(d.totals.r5_covered).toEqual({ before: 1, after: 1, delta: 0 });
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('the 变动 sheet: one row per changed teacher with names from the scenario, figures as "before → after"', async () => {
    const scenario = sampleScenario();
    const a = samplePlan(scenario);
    const b = { ...a, assignments: a.assignments.filter((x) => x.teacher_id !== '0012'),
      senders: a.senders.map((s) => (s.school_id === '0101' ? { ...s, sent: 1 } : s)) };
    const sheet = diffSheet(planDiff(a, b), 'zh', scenario);
    expect([sheet.key, sheet.zh]).toEqual(['changes', '变动']);
    const [teachers, senders, , , totals] = sheet.sections;
    expect(teachers!.rows).toEqual([{
      kind: '移出', teacher_id: '0012', name: '王芳', from_school: '0101', to_before: '城西小学 (0301)', subject_before: '语文', to_after: null, subject_after: null,
    }]);
    expect(senders!.rows).toEqual([{ school: '城关第一小学 (0101)', eligible: '12', required: '2', sent: '2 → 1', backbone_sent: '1' }]);
    expect(totals!.rows.find((r) => r.figure === '轮岗人数')).toMatchObject({ before: 2, after: 1, delta: -1 });
    const en = diffSheet(planDiff(a, b), 'en');
    // Without a scenario the name comes from the plan itself (plan.json assignments[].name, written by extendPlan).
    expect(en.sections[0]!.rows[0]).toMatchObject({ kind: 'removed', name: '王芳', to_before: '0301', subject_before: 'chinese' });
    // The workbook writer renders it like any plan sheet.
    expect((await sheetsWorkbookBuffer([sheet], 'zh', '2019-09-01')).length).toBeGreaterThan(1000);
  });
});

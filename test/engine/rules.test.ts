import { describe, expect, it } from 'vitest';
import { planScenario } from '../../src/engine/plan.js';
import { rural, scenario, staff, teacher, urban } from './builders.js';

describe('worked examples of POLICY.md', () => {
  it('R1: 23 eligible teachers → at least 3 sent', () => {
    const s = scenario({ schools: [urban('U1'), rural('R1')], teachers: staff('T', 'U1', 23, ['chinese', 'math'], (i) => ({ backbone: i < 5 ? 'county' : 'none' })) });
    const { plan } = planScenario(s, 2019);
    const sender = plan.senders.find((x) => x.school_id === 'U1')!;
    expect(sender).toMatchObject({ eligible: 23, required: 3, sent: 3, met: true });
    expect(plan.shortfalls).toEqual([]);
  });

  it('R1: 70 eligible → 7 required, not 8 (integer arithmetic)', () => {
    const s = scenario({ schools: [urban('U1'), rural('R1')], teachers: staff('T', 'U1', 70, ['chinese', 'math'], (i) => ({ backbone: i < 10 ? 'county' : 'none' })) });
    expect(planScenario(s, 2019).plan.senders[0]).toMatchObject({ eligible: 70, required: 7, sent: 7 });
  });

  it('R2: 3 sent → at least 1 backbone teacher among them', () => {
    const s = scenario({ schools: [urban('U1'), rural('R1')], teachers: staff('T', 'U1', 23, ['chinese', 'math'], (i) => ({ backbone: i === 20 ? 'municipal' : 'none' })) });
    const { plan } = planScenario(s, 2019);
    expect(plan.senders[0]).toMatchObject({ sent: 3, backbone_sent: 1, backbone_required: 1, met: true });
    expect(plan.assignments.map((a) => a.teacher_id)).toContain('T021');
  });

  it('R2: a sender with no eligible backbone teacher → an R2 shortfall, not a crash; R1 still met', () => {
    const s = scenario({ schools: [urban('U1'), rural('R1')], teachers: staff('T', 'U1', 23) });
    const { plan } = planScenario(s, 2019);
    expect(plan.senders[0]).toMatchObject({ sent: 3, backbone_sent: 0, backbone_required: 1, met: false });
    expect(plan.shortfalls).toHaveLength(2); // R2 at U1, R5 at R1 (nobody can give it a backbone teacher)
    const r2 = plan.shortfalls.find((f) => f.rule === 'R2')!;
    expect(r2.school_id).toBe('U1');
    expect(r2.detail).toContain('only 0 eligible backbone');
  });

  it('R3: a school keeps at least one teacher of every subject it teaches', () => {
    const s = scenario({
      schools: [urban('U1'), rural('R1')],
      teachers: [...staff('T', 'U1', 9, ['chinese']), teacher('M1', 'U1', { subject: 'music', backbone: 'county' })],
      needs: [{ school_id: 'R1', subject: 'music', teachers: 1, priority: 1 }],
    });
    const { plan } = planScenario(s, 2019);
    expect(plan.assignments.map((a) => a.teacher_id)).not.toContain('M1');
    expect(plan.gaps[0]).toMatchObject({ subject: 'music', needed: 1, filled: 0, unfilled: 1 });
  });

  it('R4: a qualified teacher fills a gap in a subject other than the main one; priority 1 before priority 3', () => {
    const s = scenario({
      schools: [urban('U1'), rural('R1'), rural('R2')],
      teachers: [...staff('T', 'U1', 9, ['chinese', 'math'], (i) => ({ backbone: i === 0 ? 'county' : 'none' })), teacher('X1', 'U1', { qualified_subjects: ['music'] })],
      needs: [{ school_id: 'R1', subject: 'music', teachers: 1, priority: 3 }, { school_id: 'R2', subject: 'music', teachers: 1, priority: 1 }],
    });
    const { plan } = planScenario(s, 2019);
    expect(plan.senders[0]!.required).toBe(1);
    const x1 = plan.assignments.find((a) => a.teacher_id === 'X1');
    expect(x1).toMatchObject({ to_school: 'R2', subject: 'music', kind: 'gap' });
  });

  it('R5: a backbone teacher goes to the receiver that has none', () => {
    const s = scenario({
      schools: [urban('U1'), rural('R1'), rural('R2')],
      teachers: [...staff('T', 'U1', 10, ['chinese', 'math'], (i) => ({ backbone: i === 3 ? 'county' : 'none' })), teacher('B1', 'R1', { backbone: 'provincial' })],
    });
    const { plan } = planScenario(s, 2019);
    expect(plan.assignments).toHaveLength(1);
    expect(plan.assignments[0]).toMatchObject({ teacher_id: 'T004', to_school: 'R2' });
    expect(plan.assignments[0]!.reasons.join(' ')).toContain('R5');
    expect(plan.receivers.find((r) => r.school_id === 'R2')).toMatchObject({ county_backbone_before: 0, county_backbone_after: 1 });
  });

  it('locks: pin obeyed, forbid never placed, keep stays home (and is not counted eligible)', () => {
    const s = scenario({
      schools: [urban('U1'), rural('R1'), rural('R2')],
      teachers: staff('T', 'U1', 20, ['chinese', 'math'], (i) => ({ backbone: i < 6 ? 'county' : 'none' })),
      locks: [
        { teacher_id: 'T010', action: 'pin', school_id: 'R2', reason: '' },
        { teacher_id: 'T001', action: 'forbid', school_id: 'R1', reason: '' },
        { teacher_id: 'T002', action: 'keep', school_id: null, reason: '照顾老人' },
      ],
    });
    const { plan } = planScenario(s, 2019);
    expect(plan.senders[0]!.eligible).toBe(19);
    expect(plan.assignments.find((a) => a.teacher_id === 'T010')).toMatchObject({ to_school: 'R2', pinned: true });
    expect(plan.assignments.find((a) => a.teacher_id === 'T001' && a.to_school === 'R1')).toBeUndefined();
    expect(plan.assignments.find((a) => a.teacher_id === 'T002')).toBeUndefined();
  });

  it('running rotation: the teacher stays where they are and fills the receiver\'s need', () => {
    const s = { ...scenario({
      schools: [urban('U1'), rural('R1')],
      teachers: [...staff('T', 'U1', 10, ['chinese', 'math'], (i) => ({ backbone: i === 0 ? 'county' : 'none' })), teacher('A1', 'U1', { subject: 'art' }), teacher('A2', 'U1', { subject: 'art' })],
      needs: [{ school_id: 'R1', subject: 'art', teachers: 1, priority: 1 }],
    }), history: [{ teacher_id: 'A1', from_school: 'U1', to_school: 'R1', start_date: '2018-09-01', end_date: '2020-08-31' }] };
    const { plan } = planScenario(s, 2019);
    expect(plan.gaps[0]).toMatchObject({ needed: 0, filled: 0, unfilled: 0 });
    expect(plan.assignments.find((a) => a.teacher_id === 'A1')).toBeUndefined();
    expect(plan.senders[0]!.eligible).toBe(11);
  });

  it('the same input gives a byte-identical plan (apart from timing)', () => {
    const s = scenario({ schools: [urban('U1'), urban('U2', { lat: 28.02 }), rural('R1'), rural('R2', { lat: 28.2 })], teachers: [...staff('A', 'U1', 30, ['chinese', 'math', 'music'], (i) => ({ backbone: i % 7 === 0 ? 'county' : 'none' })), ...staff('B', 'U2', 25)] });
    const strip = (p: unknown) => JSON.stringify(p, (k, v) => (k.startsWith('solve_ms') ? 0 : v));
    expect(strip(planScenario(s, 2019).plan)).toBe(strip(planScenario(s, 2019).plan));
  });
});

/**
 * Needed posts from staffing norms (src/policy/norms.ts), worked by hand from
 * the default Zhejiang timetable and a full load of 16 periods (primary) and
 * 14 (junior) a week.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { policySchema } from '../../src/domain/policy.js';
import type { Rotation } from '../../src/domain/tables.js';
import { applyNeedsMode, needRowsOf, normsOfSchool, type SchoolNorms } from '../../src/policy/norms.js';
import { termOf } from '../../src/policy/term.js';
import { rural, scenario, staff, teacher, urban } from '../engine/builders.js';

const row = (n: SchoolNorms, subject: string) => n.rows.find((r) => r.subject === subject);
const pick = (n: SchoolNorms, key: 'required' | 'need' | 'on_hand') => Object.fromEntries(n.rows.map((r) => [r.subject, r[key]]));
const term = termOf(2019, policySchema.parse({}));

describe('a 6-class primary school (one class per grade, 270 pupils)', () => {
  const school = rural('R6', { students: 270, classes: 6 });
  const policy = policySchema.parse({});
  // Weekly periods over grades 1–6, ÷ 16, rounded up:
  //   chinese 9+9+7+7+6+6 = 44 → 2.75 → 3     math 5+5+4+4+4+4 = 26 → 1.625 → 2
  //   english 3×4 = 12 → 0.75 → 1             science 2+2+3+3 = 10 → 0.625 → 1
  //   pe 4+4+3×4 = 20 → 1.25 → 2              music 2×6 = 12 → 1, art 12 → 1, morality 12 → 1
  //   it 1×4 = 4 → 0.25 → 1                   history_society: not taught in grades 1–6 → no row
  // = 13 posts. 270 pupils > 100: not a small school, no 班师比 floor.
  it('requires 13 posts by the timetable', () => {
    const n = normsOfSchool(school, [], [], policy);
    expect(pick(n, 'required')).toEqual({ chinese: 3, math: 2, english: 1, science: 1, pe: 2, music: 1, art: 1, it: 1, morality: 1 });
    expect(row(n, 'chinese')).toMatchObject({ periods: 44, posts_exact: 2.75 });
    expect(row(n, 'history_society')).toBeUndefined();
    expect(n).toMatchObject({ small: false, floor: null, required: 13, need: 13, classes_by_grade: [1, 1, 1, 1, 1, 1] });
  });

  it('less the qualified teachers on hand: a surplus maths teacher covers science, an English teacher whose own subject needs them does not cover music', () => {
    // Residents: chinese ×2, math ×3 (one also qualified in science), english ×1 (also music), pe ×1;
    // a PE teacher on a running rotation here.
    const residents = [
      ...staff('C', 'R6', 2, ['chinese']),
      teacher('M1', 'R6', { subject: 'math' }), teacher('M2', 'R6', { subject: 'math' }), teacher('M3', 'R6', { subject: 'math', qualified_subjects: ['science'] }),
      teacher('E1', 'R6', { subject: 'english', qualified_subjects: ['music'] }),
      teacher('P1', 'R6', { subject: 'pe' }),
    ];
    const visiting = [teacher('V1', 'U1', { subject: 'pe' })];
    const n = normsOfSchool(school, residents, visiting, policy);
    // math: 3 on hand, 2 required → one spare, and M3 may teach science: science 0 + 1 covering = 1 = required.
    // english: 1 on hand = 1 required → E1 is not spare, music stays at 0 of 1.
    // pe: 1 resident + 1 running = 2 = required.
    expect(row(n, 'science')).toMatchObject({ residents: 0, covering: 1, on_hand: 1, need: 0 });
    expect(row(n, 'music')).toMatchObject({ covering: 0, on_hand: 0, need: 1 });
    expect(row(n, 'pe')).toMatchObject({ residents: 1, running: 1, on_hand: 2, need: 0 });
    expect(pick(n, 'need')).toEqual({ chinese: 1, math: 0, english: 0, science: 0, pe: 0, music: 1, art: 1, it: 1, morality: 1 });
    expect(n.need).toBe(5);
  });

  it('needs.csv rows are gross: the net need plus the running rotations of that subject; priority 2 where no teacher of the subject is on hand', () => {
    const visiting = [teacher('V1', 'U1', { subject: 'chinese' })];
    const n = normsOfSchool(school, staff('C', 'R6', 1, ['chinese']), visiting, policy);
    // chinese: 3 required, 1 resident + 1 running → need 1, gross 2 (the engine takes the running one off again).
    expect(needRowsOf(n).find((r) => r.subject === 'chinese')).toEqual({ school_id: 'R6', subject: 'chinese', teachers: 2, priority: 3 });
    expect(needRowsOf(n).find((r) => r.subject === 'math')).toEqual({ school_id: 'R6', subject: 'math', teachers: 2, priority: 2 });
  });
});

describe('a 3-class village school (45 pupils: 复式班, half a class per grade)', () => {
  const school = rural('V3', { students: 45, classes: 3 });
  const residents = [...staff('C', 'V3', 2, ['chinese']), teacher('M1', 'V3', { subject: 'math' })];
  // 0.5 class per grade, ÷ 16 and rounded up:
  //   chinese 22 → 1.375 → 2   math 13 → 0.8125 → 1   english 6 → 1   science 5 → 1   pe 10 → 1
  //   music 6 → 1   art 6 → 1   it 2 → 1   morality 6 → 1          = 10 posts
  it('keeps the timetable figure when it is above the 班师比 floor (3 classes × 2 = 6)', () => {
    const n = normsOfSchool(school, residents, [], policySchema.parse({}));
    expect(n).toMatchObject({ small: true, floor: 6, required: 10 });
    // On hand: chinese 2, math 1 → the other seven subjects lack one teacher each.
    expect(n.need).toBe(7);
    expect(row(n, 'chinese')).toMatchObject({ required: 2, need: 0 });
  });

  it('a higher 班师比 floor (3 × 4 = 12) adds its 2 posts to the busiest subjects: maths (0.81 per post), then Chinese (0.69)', () => {
    const policy = policySchema.parse({ norms: { class_teacher_ratio: { primary: 4 } } });
    const n = normsOfSchool(school, residents, [], policy);
    expect(n).toMatchObject({ floor: 12, required: 12 });
    expect(row(n, 'math')).toMatchObject({ required: 2, need: 1 });
    expect(row(n, 'chinese')).toMatchObject({ required: 3, need: 1 });
    expect(n.need).toBe(9);
  });
});

describe('classes per grade and stages', () => {
  it('a nine-year school with classes_by_grade 1×6 then 2×3: Chinese 44/16 + 30/14 = 4.89 → 5 posts', () => {
    const school = rural('N9', { stage: 'nine_year', students: 500, classes: 12, classes_by_grade: [1, 1, 1, 1, 1, 1, 2, 2, 2] });
    const n = normsOfSchool(school, [], [], policySchema.parse({}));
    expect(row(n, 'chinese')).toMatchObject({ periods: 74, posts_exact: 4.89, required: 5 });
    // history_society: 3 × 2 classes × 3 grades = 18 periods / 14 = 1.29 → 2.
    expect(row(n, 'history_society')).toMatchObject({ periods: 18, required: 2 });
  });

  it('the policy curriculum overrides one subject and keeps the others', () => {
    const policy = policySchema.parse({ norms: { curriculum: { it: [0, 0, 0, 0, 0, 0, 0, 0, 0] }, load: { primary: 12 } } });
    const n = normsOfSchool(rural('R6', { students: 270, classes: 6 }), [], [], policy);
    expect(row(n, 'it')).toBeUndefined();
    // chinese 44 / 12 = 3.67 → 4.
    expect(row(n, 'chinese')).toMatchObject({ required: 4 });
  });
});

describe('applyNeedsMode', () => {
  const base = scenario({
    schools: [urban('U1'), rural('R1', { students: 270, classes: 6 }), rural('R2', { students: 270, classes: 6 })],
    teachers: [...staff('U', 'U1', 10), ...staff('A', 'R1', 3), ...staff('B', 'R2', 3)],
    needs: [{ school_id: 'R1', subject: 'music', teachers: 1, priority: 1 }],
  });

  it('auto: needs.csv for R1, the norms for R2 (no rows); the scenario says so', () => {
    const a = applyNeedsMode(base, term, 'auto');
    expect(a.fromNorms).toEqual(['R2']);
    expect(a.scenario.needs.filter((n) => n.school_id === 'R1')).toEqual(base.needs);
    expect(a.scenario.needs.filter((n) => n.school_id === 'R2').reduce((s, n) => s + n.teachers, 0)).toBe(a.norms.find((n) => n.school_id === 'R2')!.need);
    expect(a.scenario.needsOrigin).toEqual({ mode: 'auto', fromNorms: ['R2'] });
  });

  it('norms: every receiver from the norms; file: needs.csv untouched', () => {
    expect(applyNeedsMode(base, term, 'norms').fromNorms).toEqual(['R1', 'R2']);
    expect(applyNeedsMode(base, term, 'norms').scenario.needs.some((n) => n.subject === 'music' && n.priority === 1)).toBe(false);
    expect(applyNeedsMode(base, term, 'file').scenario.needs).toEqual(base.needs);
  });

  it('a teacher away on a running rotation is not on hand at home; they count where they teach', () => {
    const away: Rotation = { teacher_id: 'A001', from_school: 'R1', to_school: 'R2', start_date: '2018-09-01', end_date: '2020-08-31' };
    const norms = applyNeedsMode({ ...base, history: [away] }, term, 'norms').norms;
    expect(row(norms.find((n) => n.school_id === 'R1')!, 'chinese')).toMatchObject({ residents: 1 });
    expect(row(norms.find((n) => n.school_id === 'R2')!, 'chinese')).toMatchObject({ residents: 2, running: 1 });
  });

  it('a curriculum subject that is no subject code is an input error naming policy.json and the key', () => {
    const policy = policySchema.parse({ norms: { curriculum: { calligraphy: [1, 1, 1, 1, 1, 1, 1, 1, 1] } } });
    expect(() => applyNeedsMode({ ...base, policy }, term, 'auto')).toThrow(InputError);
    expect(() => applyNeedsMode({ ...base, policy: { ...policy, subjects: { calligraphy: '书法' } } }, term, 'auto')).not.toThrow();
  });
});

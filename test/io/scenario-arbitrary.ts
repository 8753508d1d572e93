/**
 * fast-check arbitrary of small, consistent scenarios (they pass the
 * cross-table checks): awkward text (commas, quotes, Chinese, ids with
 * leading zeros), empty optionals, every code, a policy with a few keys set.
 */
import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import {
  AREAS, BACKBONE_LEVELS, EDUCATION, GENDERS, STAGES, SUBJECTS, TITLES,
} from '../../src/domain/codes.js';
import { policySchema } from '../../src/domain/policy.js';
import { isReceiver, type Scenario } from '../../src/domain/scenario.js';
import type { Lock, Need, Rotation, School, Teacher } from '../../src/domain/tables.js';

const day = (from: string, days: number) => format(addDays(parseISO(from), days), 'yyyy-MM-dd');

/** Trimmed text that may hold commas, quotes, Chinese and inner spaces. */
const text = fc.string({ unit: fc.constantFrom(...'aZ中文学校,"\' -()（）—·=+'), maxLength: 12 }).map((s) => s.trim());
const id = fc.stringMatching(/^([A-Z]{1,3}-)?[0-9]{1,5}$/);
const EXTRA_SUBJECT = 'calligraphy';

const schoolArb = fc.record({
  name: text, county: fc.constantFrom('鹿城区', '瑞安市', 'County, "A"'), stage: fc.constantFrom(...STAGES.codes),
  area: fc.constantFrom(...AREAS.codes), tier: fc.integer({ min: 0, max: 3 }), quality: fc.boolean(), weak: fc.boolean(),
  students: fc.nat(3000), classes: fc.nat(80),
  where: fc.option(fc.record({ lat: fc.integer({ min: -9_000_000, max: 9_000_000 }), lon: fc.integer({ min: -18_000_000, max: 18_000_000 }) })),
  group: text,
});

const teacherArb = fc.record({
  name: text, gender: fc.constantFrom(...GENDERS.codes), school: fc.nat(), subject: fc.nat(), qualified: fc.uniqueArray(fc.nat(11), { maxLength: 3 }),
  title: fc.constantFrom(...TITLES.codes), backbone: fc.constantFrom(...BACKBONE_LEVELS.codes),
  born: fc.integer({ min: 0, max: 15_000 }), hiredAfter: fc.option(fc.integer({ min: 6000, max: 12_000 })), joinedAfter: fc.integer({ min: 1, max: 9000 }),
  rural_months: fc.nat(400), title_target_year: fc.option(fc.integer({ min: 1990, max: 2035 })),
  education: fc.option(fc.constantFrom(...EDUCATION.codes)), exempt: text, preferences: fc.uniqueArray(fc.nat(), { maxLength: 3 }),
});

const raw = fc.record({
  schools: fc.uniqueArray(fc.tuple(id, schoolArb), { minLength: 1, maxLength: 6, selector: ([k]) => k }),
  teachers: fc.uniqueArray(fc.tuple(id.map((k) => `T${k}`), teacherArb), { minLength: 1, maxLength: 12, selector: ([k]) => k }),
  needs: fc.array(fc.record({ school: fc.nat(), subject: fc.nat(), teachers: fc.nat(9), priority: fc.integer({ min: 1, max: 3 }) }), { maxLength: 8 }),
  history: fc.array(fc.record({ teacher: fc.nat(), to: fc.nat(), start: fc.integer({ min: 0, max: 9000 }), length: fc.nat(800) }), { maxLength: 5 }),
  locks: fc.array(fc.record({ teacher: fc.nat(), action: fc.constantFrom('pin', 'forbid', 'keep'), school: fc.nat(), reason: text }), { maxLength: 6 }),
  policy: fc.record({
    min_share: fc.integer({ min: 0, max: 20 }).map((n) => n / 100),
    max_distance_km: fc.option(fc.integer({ min: 5, max: 120 })),
    backbone_level: fc.constantFrom('school', 'county', 'municipal'),
    extraSubject: fc.boolean(),
  }),
});

/** Small scenarios that readScenario accepts: every reference resolves, dates are in order, locks do not clash. */
export const scenarioArb: fc.Arbitrary<Scenario> = raw.map((r) => {
  const policy = policySchema.parse({
    rotation: { min_share: r.policy.min_share, backbone_level: r.policy.backbone_level },
    assignment: { max_distance_km: r.policy.max_distance_km },
    ...(r.policy.extraSubject ? { subjects: { [EXTRA_SUBJECT]: '书法' } } : {}),
  });
  const subjects = [...SUBJECTS.codes, ...(r.policy.extraSubject ? [EXTRA_SUBJECT] : [])];
  const schools: School[] = r.schools.map(([school_id, s], i) => ({
    school_id, name: s.name, county: s.county, stage: s.stage,
    // The first school always receives, so that needs, history and locks have somewhere to point.
    area: i === 0 ? 'rural' : s.area, tier: s.tier, quality: s.quality, weak: s.weak, students: s.students, classes: s.classes,
    lat: s.where === null ? null : (s.where.lat / 1e5 || 0), lon: s.where === null ? null : (s.where.lon / 1e5 || 0), group: s.group,
  }));
  const receivers = schools.filter(isReceiver);
  const teachers: Teacher[] = r.teachers.map(([teacher_id, t]) => {
    const birth = day('1955-01-01', t.born);
    const hire = t.hiredAfter === null ? null : day(birth, t.hiredAfter);
    const main = subjects[t.subject % subjects.length]!;
    return {
      teacher_id, name: t.name, gender: t.gender, birth_date: birth, school_id: schools[t.school % schools.length]!.school_id,
      subject: main, qualified_subjects: t.qualified.map((q) => subjects[q % subjects.length]!).filter((q, i, all) => all.indexOf(q) === i),
      title: t.title, backbone: t.backbone, school_start_date: day(hire ?? birth, t.joinedAfter + (hire === null ? 6000 : 0)),
      hire_date: hire, rural_months: t.rural_months, title_target_year: t.title_target_year, education: t.education, exempt: t.exempt,
      preferences: t.preferences.map((p) => receivers[p % receivers.length]!.school_id).filter((p, i, all) => all.indexOf(p) === i),
    };
  });
  const needKeys = new Set<string>();
  const needs: Need[] = r.needs.flatMap((n) => {
    const school_id = receivers[n.school % receivers.length]!.school_id;
    const subject = subjects[n.subject % subjects.length]!;
    if (needKeys.has(`${school_id}|${subject}`)) return [];
    needKeys.add(`${school_id}|${subject}`);
    return [{ school_id, subject, teachers: n.teachers, priority: n.priority }];
  });
  const history: Rotation[] = r.history.map((h) => {
    const t = teachers[h.teacher % teachers.length]!;
    const start_date = day('1995-09-01', h.start);
    return { teacher_id: t.teacher_id, from_school: t.school_id, to_school: receivers[h.to % receivers.length]!.school_id, start_date, end_date: day(start_date, h.length) };
  });
  const locked = new Set<string>();
  const locks: Lock[] = r.locks.flatMap((l): Lock[] => {
    const t = teachers[l.teacher % teachers.length]!;
    if (locked.has(t.teacher_id)) return [];
    locked.add(t.teacher_id);
    if (l.action === 'keep') return [{ teacher_id: t.teacher_id, action: 'keep', school_id: null, reason: l.reason }];
    const county = schools.find((s) => s.school_id === t.school_id)!.county;
    const local = receivers.filter((s) => s.county === county);
    const action = l.action === 'pin' && local.length > 0 ? 'pin' : 'forbid';
    const pool = action === 'pin' ? local : receivers;
    return [{ teacher_id: t.teacher_id, action, school_id: pool[l.school % pool.length]!.school_id, reason: l.reason }];
  });
  return { name: 'arbitrary', policy, schools, teachers, needs, history, locks };
});

/** The parts of a scenario that a file round trip must keep. */
export function rowsOf(s: Scenario) {
  return { policy: s.policy, schools: s.schools, teachers: s.teachers, needs: s.needs, history: s.history, locks: s.locks };
}

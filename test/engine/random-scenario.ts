/**
 * fast-check arbitrary of small one-county scenarios (built in memory), for
 * the engine's properties: 1–2 senders, 1–3 receivers, a handful of teachers,
 * needs, backbone, locks, running rotations, distances and caps.
 */
import fc from 'fast-check';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import type { Scenario } from '../../src/domain/scenario.js';
import type { Lock, Need, Rotation, School, Teacher } from '../../src/domain/tables.js';

const SUBJECTS = ['chinese', 'math', 'music', 'art'] as const;
const MAIN = ['chinese', 'chinese', 'math', 'math', 'music', 'art'] as const;
const LEVELS = ['none', 'none', 'school', 'county', 'municipal'] as const;

export interface Size { senders: number; receivers: number; teachersPerSender: number }

function school(id: string, area: 'urban' | 'rural', lat: number, lon: number, group: string, tier: number): School {
  return { school_id: id, name: `学校${id}`, county: '测试县', stage: 'primary', area, tier, quality: false, weak: false, students: 300, classes: 10, lat, lon, group };
}

const teacherArb = (id: string, schoolId: string) => fc.record({
  gender: fc.constantFrom('M' as const, 'F' as const),
  age: fc.oneof({ arbitrary: fc.integer({ min: 28, max: 48 }), weight: 8 }, { arbitrary: fc.constant(57), weight: 1 }),
  years: fc.oneof({ arbitrary: fc.integer({ min: 6, max: 14 }), weight: 8 }, { arbitrary: fc.constant(3), weight: 1 }),
  subject: fc.constantFrom(...MAIN),
  extra: fc.subarray([...SUBJECTS], { maxLength: 2 }),
  backbone: fc.constantFrom(...LEVELS),
  exempt: fc.constantFrom('', '', '', '', '产假'),
  titleYear: fc.constantFrom(null, null, 2020, 2021),
  rural: fc.constantFrom(0, 0, 24),
}).map(({ gender, age, years, subject, extra, backbone, exempt, titleYear, rural }): Teacher => ({
  teacher_id: id, name: `教师${id}`, gender, birth_date: `${2019 - age}-03-15`, school_id: schoolId, subject,
  qualified_subjects: extra.filter((k) => k !== subject), title: 'level2', backbone,
  school_start_date: `${2019 - years}-08-20`, hire_date: null, rural_months: rural, title_target_year: titleYear,
  education: null, exempt, preferences: [],
}));

/** A small random one-county scenario. */
export function scenarioArb(max: Size = { senders: 2, receivers: 3, teachersPerSender: 5 }): fc.Arbitrary<Scenario> {
  return fc.record({
    senders: fc.integer({ min: 1, max: max.senders }),
    receivers: fc.integer({ min: 1, max: max.receivers }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  }).chain(({ senders, receivers }) => {
    const senderIds = Array.from({ length: senders }, (_, i) => `S${i + 1}`);
    const receiverIds = Array.from({ length: receivers }, (_, i) => `R${i + 1}`);
    const staff = senderIds.flatMap((s) => Array.from({ length: max.teachersPerSender }, (_, j) => ({ s, id: `${s}T${j + 1}` })));
    return fc.record({
      coords: fc.array(fc.tuple(fc.double({ min: 27.9, max: 28.2, noNaN: true }), fc.double({ min: 120.5, max: 120.9, noNaN: true })), { minLength: senders + receivers, maxLength: senders + receivers }),
      groups: fc.array(fc.constantFrom('', 'G1'), { minLength: senders + receivers, maxLength: senders + receivers }),
      tiers: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: receivers, maxLength: receivers }),
      teacherCount: fc.array(fc.integer({ min: Math.min(3, max.teachersPerSender), max: max.teachersPerSender }), { minLength: senders, maxLength: senders }),
      teachers: fc.tuple(...staff.map((x) => teacherArb(x.id, x.s))),
      residentBackbone: fc.array(fc.boolean(), { minLength: receivers, maxLength: receivers }),
      needs: fc.array(fc.record({ r: fc.constantFrom(...receiverIds), k: fc.constantFrom(...SUBJECTS), n: fc.integer({ min: 0, max: 2 }), p: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
      prefs: fc.array(fc.tuple(fc.nat(), fc.subarray(receiverIds, { minLength: 1, maxLength: Math.min(2, receivers) })), { maxLength: 2 }),
      locks: fc.array(fc.record({ t: fc.nat(), action: fc.constantFrom('pin' as const, 'forbid' as const, 'keep' as const), r: fc.constantFrom(...receiverIds) }), { maxLength: 2 }),
      running: fc.option(fc.nat(), { nil: undefined }),
      policy: fc.record({
        max_distance_km: fc.constantFrom(null, null, 25),
        max_extra_per_receiver: fc.constantFrom(null, null, 1),
        min_share: fc.constantFrom(0.1, 0.1, 0.3),
      }),
    }).map((g): Scenario => {
      const schools: School[] = [
        ...senderIds.map((id, i) => school(id, 'urban', g.coords[i]![0], g.coords[i]![1], g.groups[i]!, 0)),
        ...receiverIds.map((id, i) => school(id, 'rural', g.coords[senders + i]![0], g.coords[senders + i]![1], g.groups[senders + i]!, g.tiers[i]!)),
      ];
      let teachers: Teacher[] = g.teachers.filter((t) => Number(t.teacher_id.split('T')[1]) <= g.teacherCount[Number(t.school_id.slice(1)) - 1]!);
      receiverIds.forEach((r, i) => teachers.push({
        teacher_id: `${r}T1`, name: `教师${r}`, gender: 'F', birth_date: '1980-01-01', school_id: r, subject: 'chinese',
        qualified_subjects: [], title: 'level1', backbone: g.residentBackbone[i] ? 'county' : 'none', school_start_date: '2010-09-01',
        hire_date: null, rural_months: 100, title_target_year: null, education: null, exempt: '', preferences: [],
      }));
      const movable = teachers.filter((t) => t.school_id.startsWith('S'));
      for (const [i, prefs] of g.prefs) {
        const t = movable[i % movable.length]!;
        teachers = teachers.map((x) => (x === t ? { ...x, preferences: prefs } : x));
      }
      const seen = new Set<string>();
      const needs: Need[] = g.needs.filter((n) => !seen.has(`${n.r}|${n.k}`) && seen.add(`${n.r}|${n.k}`))
        .map((n) => ({ school_id: n.r, subject: n.k, teachers: n.n, priority: n.p }));
      const history: Rotation[] = [];
      if (g.running !== undefined) {
        const t = movable[g.running % movable.length]!;
        history.push({ teacher_id: t.teacher_id, from_school: t.school_id, to_school: receiverIds[0]!, start_date: '2018-09-01', end_date: '2020-08-31' });
      }
      const locks: Lock[] = [];
      const locked = new Set<string>();
      for (const l of g.locks) {
        const t = movable[l.t % movable.length]!;
        if (locked.has(t.teacher_id) || history.some((h) => h.teacher_id === t.teacher_id)) continue;
        locked.add(t.teacher_id);
        locks.push({ teacher_id: t.teacher_id, action: l.action, school_id: l.action === 'keep' ? null : l.r, reason: '' });
      }
      const base = defaultPolicy();
      const policy: Policy = {
        ...base,
        rotation: { ...base.rotation, min_share: g.policy.min_share, max_share: Math.max(base.rotation.max_share, g.policy.min_share + 0.2) },
        assignment: { ...base.assignment, max_distance_km: g.policy.max_distance_km, max_extra_per_receiver: g.policy.max_extra_per_receiver },
      };
      return { name: 'random', policy, schools, teachers, needs, history, locks };
    });
  });
}

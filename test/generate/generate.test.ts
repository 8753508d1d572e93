import { addYears, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { isReceiver, isSender, type Scenario } from '../../src/domain/scenario.js';
import type { School } from '../../src/domain/tables.js';
import { generateScenario, SCARCE_SUBJECTS } from '../../src/generate/index.js';
import { eligibilityAll, groupBy, isRunning } from '../../src/policy/eligibility.js';
import { summarize } from '../../src/report/scenario-summary.js';
import { termOf } from '../../src/policy/term.js';

const YEAR = 2019;
const sample = (seed: number, counties = 2, teachers = 3000) => generateScenario({ counties, teachers, seed, year: YEAR });
const term = (s: Scenario) => termOf(YEAR, s.policy);
const schoolMap = (s: Scenario) => new Map(s.schools.map((x) => [x.school_id, x]));
const share = (part: number, whole: number) => part / whole;

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('generateScenario: deterministic for a seed', () => {
  it('the same seed gives the identical scenario', () => {
    expect(sample(11, 2, 800)).toEqual(sample(11, 2, 800));
  });
  it('another seed gives another scenario', () => {
    const a = sample(11, 2, 800);
    const b = sample(12, 2, 800);
    expect(b.teachers).not.toEqual(a.teachers);
    expect(b.schools).not.toEqual(a.schools);
  });
  it('asks for at least 10 teachers per county', () => {
    expect(() => generateScenario({ counties: 3, teachers: 29, seed: 1, year: YEAR })).toThrow(RangeError);
    expect(() => generateScenario({ counties: 0, teachers: 100, seed: 1, year: YEAR })).toThrow(RangeError);
    expect(generateScenario({ counties: 3, teachers: 30, seed: 1, year: YEAR }).teachers).toHaveLength(30);
  });
});

describe('generateScenario: the requested size', () => {
  it('1 county, 700 teachers: one county, 700 teachers, about 65 per school', () => {
    const s = sample(7, 1, 700);
    expect(new Set(s.schools.map((x) => x.county))).toEqual(new Set(['鹿城区']));
    expect(s.teachers).toHaveLength(700);
    expect(s.schools.length).toBeGreaterThanOrEqual(9);
    expect(s.schools.length).toBeLessThanOrEqual(13);
  });
  it('ids: schools like LC-P001, teachers like T000123', () => {
    const s = sample(3);
    for (const x of s.schools) expect(x.school_id).toMatch(/^[A-Z]{2}-[PJN]\d{3}$/);
    s.teachers.forEach((t, i) => expect(t.teacher_id).toBe(`T${String(i + 1).padStart(6, '0')}`));
  });
});

describe('generateScenario: realistic schools', () => {
  const s = sample(5, 3, 6000);
  const staff = groupBy(s.teachers, (t) => t.school_id);
  const mean = (list: School[]) => list.reduce((n, x) => n + (staff.get(x.school_id)?.length ?? 0), 0) / list.length;

  it('every county has urban, town and rural schools; rural ones are smaller', () => {
    for (const [, local] of groupBy(s.schools, (x) => x.county)) {
      for (const area of ['urban', 'town', 'rural'] as const) expect(local.some((x) => x.area === area)).toBe(true);
      expect(mean(local.filter((x) => x.area === 'rural'))).toBeLessThan(mean(local.filter((x) => x.area === 'urban')) / 2);
    }
  });
  it('tiers: urban and town 0, rural 1–3; weak only urban, quality only town', () => {
    for (const x of s.schools) {
      if (x.area === 'rural') expect([1, 2, 3]).toContain(x.tier);
      else expect(x.tier).toBe(0);
      if (x.weak) expect(x.area).toBe('urban');
      if (x.quality) expect(x.area).toBe('town');
    }
    expect(s.schools.some((x) => x.weak)).toBe(true);
    expect(s.schools.some((x) => x.quality)).toBe(true);
  });
  it('about 40 pupils per urban class, 10–30 per rural class', () => {
    for (const x of s.schools) {
      const perClass = x.students / x.classes;
      if (x.area === 'urban') expect(perClass).toBeGreaterThanOrEqual(37);
      if (x.area === 'urban') expect(perClass).toBeLessThanOrEqual(50);
      if (x.area === 'rural') expect(perClass).toBeGreaterThanOrEqual(10);
      if (x.area === 'rural') expect(perClass).toBeLessThanOrEqual(31);
    }
  });
  it('rural schools lie 5–60 km from the urban core, urban ones within 5 km', () => {
    for (const [, local] of groupBy(s.schools, (x) => x.county)) {
      const urban = local.filter((x) => x.area === 'urban');
      const core = { lat: urban.reduce((a, x) => a + x.lat!, 0) / urban.length, lon: urban.reduce((a, x) => a + x.lon!, 0) / urban.length };
      for (const x of urban) expect(km(core, { lat: x.lat!, lon: x.lon! })).toBeLessThan(8);
      for (const x of local.filter((y) => y.area === 'rural')) {
        expect(km(core, { lat: x.lat!, lon: x.lon! })).toBeGreaterThan(2);
        expect(km(core, { lat: x.lat!, lon: x.lon! })).toBeLessThan(64);
      }
    }
  });
  it('教育集团: each group joins one urban school with 1–3 rural schools', () => {
    const groups = groupBy(s.schools.filter((x) => x.group !== ''), (x) => x.group);
    expect(groups.size).toBeGreaterThan(0);
    for (const [, members] of groups) {
      expect(members.filter((x) => x.area === 'urban')).toHaveLength(1);
      const rural = members.filter((x) => x.area === 'rural').length;
      expect(rural).toBeGreaterThanOrEqual(1);
      expect(rural).toBeLessThanOrEqual(3);
      expect(members).toHaveLength(rural + 1);
    }
  });
});

describe('generateScenario: realistic staff', () => {
  const s = sample(9, 2, 6000);
  const schools = schoolMap(s);
  const eligibility = eligibilityAll(s, term(s));

  it('R3 base: 50–70 % of the teachers of urban sending schools are eligible', () => {
    for (const seed of [1, 2, 3, 4]) {
      const g = sample(seed);
      const at = schoolMap(g);
      const e = eligibilityAll(g, term(g));
      const urban = g.teachers.map((t, i) => ({ t, e: e[i]! })).filter(({ t }) => at.get(t.school_id)!.area === 'urban' && isSender(at.get(t.school_id)!));
      const rate = share(urban.filter((x) => x.e.eligible).length, urban.length);
      expect(rate).toBeGreaterThanOrEqual(0.5);
      expect(rate).toBeLessThanOrEqual(0.7);
    }
  });
  it('about 15 % backbone, a larger share at urban schools, every level present', () => {
    const backbone = s.teachers.filter((t) => t.backbone !== 'none');
    expect(share(backbone.length, s.teachers.length)).toBeGreaterThan(0.12);
    expect(share(backbone.length, s.teachers.length)).toBeLessThan(0.18);
    const rate = (area: string) => {
      const here = s.teachers.filter((t) => schools.get(t.school_id)!.area === area);
      return share(here.filter((t) => t.backbone !== 'none').length, here.length);
    };
    expect(rate('urban')).toBeGreaterThan(rate('rural'));
    expect(new Set(backbone.map((t) => t.backbone))).toEqual(new Set(['school', 'county', 'municipal', 'provincial']));
  });
  it('Chinese and maths most common; music, art, PE, IT, English scarcer at rural schools', () => {
    const count = groupBy(s.teachers, (t) => t.subject);
    const sorted = [...count].sort((a, b) => b[1].length - a[1].length).map(([k]) => k);
    expect(sorted.slice(0, 2).sort()).toEqual(['chinese', 'math']);
    const scarceShare = (area: string) => {
      const here = s.teachers.filter((t) => schools.get(t.school_id)!.area === area);
      return share(here.filter((t) => SCARCE_SUBJECTS.includes(t.subject)).length, here.length);
    };
    expect(scarceShare('rural')).toBeLessThan(scarceShare('urban') * 0.7);
  });
  it('about 20 % may teach 1–2 other subjects, never their own twice', () => {
    const more = s.teachers.filter((t) => t.qualified_subjects.length > 0);
    expect(share(more.length, s.teachers.length)).toBeGreaterThan(0.15);
    expect(share(more.length, s.teachers.length)).toBeLessThan(0.25);
    for (const t of more) {
      expect(t.qualified_subjects.length).toBeLessThanOrEqual(2);
      expect(t.qualified_subjects).not.toContain(t.subject);
    }
  });
  it('ages 23–59, women under 55, hired after 18, joined the school after being hired', () => {
    const start = term(s).start;
    for (const [i, t] of s.teachers.entries()) {
      const age = eligibility[i]!.age;
      expect(age).toBeGreaterThanOrEqual(23);
      expect(age).toBeLessThanOrEqual(t.gender === 'F' ? 54 : 59);
      expect(t.hire_date! > format(addYears(parseISO(t.birth_date), 18), 'yyyy-MM-dd')).toBe(true);
      expect(t.school_start_date >= t.hire_date!).toBe(true);
      expect(t.school_start_date <= start).toBe(true);
    }
  });
  it('more bachelors at urban schools; a few exempt; some plan a title within 2 years and lack rural service', () => {
    const bachelor = (area: string) => {
      const here = s.teachers.filter((t) => schools.get(t.school_id)!.area === area);
      return share(here.filter((t) => t.education === 'bachelor' || t.education === 'master').length, here.length);
    };
    expect(bachelor('urban')).toBeGreaterThan(bachelor('rural'));
    const exempt = s.teachers.filter((t) => t.exempt !== '').length;
    expect(exempt).toBeGreaterThan(0);
    expect(share(exempt, s.teachers.length)).toBeLessThan(0.05);
    const titleNeed = s.teachers.filter((t, i) => eligibility[i]!.eligible && t.title_target_year !== null
      && t.title_target_year - YEAR <= 2 && t.rural_months < 12);
    expect(titleNeed.length).toBeGreaterThan(5);
  });
  it('about 10 % name 1–3 preferred receivers of their own county', () => {
    const withPrefs = s.teachers.filter((t) => t.preferences.length > 0);
    expect(share(withPrefs.length, s.teachers.length)).toBeGreaterThan(0.06);
    expect(share(withPrefs.length, s.teachers.length)).toBeLessThan(0.14);
    for (const t of withPrefs) {
      expect(t.preferences.length).toBeLessThanOrEqual(3);
      for (const p of t.preferences) {
        expect(isReceiver(schools.get(p)!)).toBe(true);
        expect(schools.get(p)!.county).toBe(schools.get(t.school_id)!.county);
      }
    }
  });
});

describe('generateScenario: needs, history and locks', () => {
  const s = sample(21, 3, 6000);
  const schools = schoolMap(s);
  const t = term(s);
  const eligibility = eligibilityAll(s, t);

  it('each county needs 1–1.5 × what R1 requires of its senders', () => {
    for (const c of summarize(s, t, eligibility).counties) {
      expect(c.needs).toBeGreaterThanOrEqual(c.required);
      expect(c.needs).toBeLessThanOrEqual(Math.ceil(c.required * 1.5));
    }
  });
  it('needs sit at receivers, mostly in the scarce subjects, priorities 1–3', () => {
    const posts = s.needs.reduce((n, x) => n + x.teachers, 0);
    const scarce = s.needs.filter((x) => SCARCE_SUBJECTS.includes(x.subject)).reduce((n, x) => n + x.teachers, 0);
    expect(share(scarce, posts)).toBeGreaterThan(0.7);
    for (const x of s.needs) expect(isReceiver(schools.get(x.school_id)!)).toBe(true);
    expect(new Set(s.needs.map((x) => x.priority))).toEqual(new Set([1, 2, 3]));
  });
  it('history: ended rotations, some within the cooldown, a few still running; all from home to a receiver of the county', () => {
    const running = s.history.filter((r) => isRunning(r, t));
    const cooling = s.history.filter((r) => !isRunning(r, t) && r.start_date > `${YEAR - 3}-09-01`);
    const old = s.history.filter((r) => r.start_date <= `${YEAR - 3}-09-01`);
    for (const part of [running, cooling, old]) expect(part.length).toBeGreaterThan(0);
    const teachers = new Map(s.teachers.map((x) => [x.teacher_id, x]));
    for (const r of s.history) {
      const teacher = teachers.get(r.teacher_id)!;
      expect(r.from_school).toBe(teacher.school_id);
      expect(r.start_date >= teacher.school_start_date).toBe(true);
      expect(isReceiver(schools.get(r.to_school)!)).toBe(true);
      expect(schools.get(r.to_school)!.county).toBe(schools.get(r.from_school)!.county);
    }
  });
  it('locks: pins only for eligible teachers, to a receiver of their county; keep and forbid present', () => {
    const byId = new Map(eligibility.map((e) => [e.teacher_id, e]));
    const teachers = new Map(s.teachers.map((x) => [x.teacher_id, x]));
    expect(new Set(s.locks.map((l) => l.action))).toEqual(new Set(['pin', 'forbid', 'keep']));
    for (const l of s.locks.filter((x) => x.action === 'pin')) {
      expect(byId.get(l.teacher_id)!.eligible).toBe(true);
      const to = schools.get(l.school_id!)!;
      expect(isReceiver(to)).toBe(true);
      expect(to.county).toBe(schools.get(teachers.get(l.teacher_id)!.school_id)!.county);
    }
    for (const l of s.locks.filter((x) => x.action === 'keep')) expect(byId.get(l.teacher_id)!.eligible).toBe(false);
  });
});

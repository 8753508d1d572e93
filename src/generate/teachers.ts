/**
 * A school's staff: subjects by stage (music, art, PE, IT and English scarce
 * at rural schools), gender, age 23–59 (women retire at 55), education,
 * service years and years at the school spread so that about 60 % of urban
 * teachers meet the exchange conditions, titles by service, ~15 % backbone
 * (more at urban schools), a few exemptions and title plans.
 */
import { addDays } from 'date-fns/addDays';
import { lightFormat } from 'date-fns/lightFormat';
import { subYears } from 'date-fns/subYears';
import type { BackboneLevel, Education, Gender, Title } from '../domain/codes.js';
import type { School, Teacher } from '../domain/tables.js';
import { personName } from './names.js';
import { apportion, type Rng } from './random.js';

/** The subjects that rural schools lack most (四(二)1 四: 开齐开足). */
export const SCARCE_SUBJECTS: readonly string[] = ['music', 'art', 'pe', 'it', 'english'];

const PRIMARY_MIX: Record<string, number> = { chinese: 30, math: 24, english: 9, science: 6, morality: 5, pe: 8, music: 5, art: 5, it: 3, practice: 3 };
const JUNIOR_MIX: Record<string, number> = { chinese: 17, math: 17, english: 15, science: 15, history_society: 8, morality: 6, pe: 8, music: 3, art: 3, it: 5, practice: 3 };

/** Subjects a teacher of the key subject is often also certified for. */
const RELATED: Record<string, readonly string[]> = {
  chinese: ['morality', 'history_society', 'practice'], math: ['science', 'it'], english: ['chinese'],
  science: ['math', 'it', 'practice'], morality: ['chinese', 'history_society'], history_society: ['morality', 'chinese'],
  pe: ['practice', 'morality'], music: ['art'], art: ['music', 'practice'], it: ['math', 'science', 'practice'],
  practice: ['science', 'art'],
};

export interface StaffContext {
  readonly rng: Rng;
  /** First day of the plan year's term: the roster is as of that day. */
  readonly termStart: Date;
  readonly year: number;
  /** Hands out the next teacher id (T000001…). */
  readonly nextId: () => string;
  /** Share of teachers qualified in a subject besides their own (default 0.2). */
  readonly secondSubjectShare?: number;
}

function subjectMix(rng: Rng, school: School): Map<string, number> {
  const out = new Map<string, number>();
  const scarceFactor = school.area !== 'rural' ? 1 : school.tier >= 3 ? 0.25 : 0.35;
  for (const k of new Set([...Object.keys(PRIMARY_MIX), ...Object.keys(JUNIOR_MIX)])) {
    const p = PRIMARY_MIX[k] ?? 0;
    const j = JUNIOR_MIX[k] ?? 0;
    const base = school.stage === 'primary' ? p : school.stage === 'nine_year' ? (2 * p + j) / 3 : j;
    if (base > 0) out.set(k, base * (SCARCE_SUBJECTS.includes(k) ? scarceFactor : 1) * rng.real(0.8, 1.25));
  }
  return out;
}

/** A date exactly `years` full years (plus 0–364 days, often 0) before `day`, as YYYY-MM-DD. */
function yearsBefore(rng: Rng, day: Date, years: number, onTheDay: number): string {
  const back = rng.chance(onTheDay) ? 0 : rng.int(1, 364);
  return lightFormat(addDays(subYears(day, years), -back), 'yyyy-MM-dd');
}

/** A birth date making the teacher exactly `age` on `day`. */
function birthDate(rng: Rng, day: Date, age: number): string {
  return lightFormat(addDays(subYears(day, age + 1), rng.int(1, 365)), 'yyyy-MM-dd');
}

function ageOf(rng: Rng, gender: Gender): number {
  const band = rng.weighted([[23, 29], [30, 39], [40, 49], [50, 59]] as const, [0.24, 0.3, 0.3, 0.16]);
  const age = rng.int(band[0], band[1]);
  return gender === 'F' && age >= 55 ? rng.int(23, 54) : age;
}

function educationOf(rng: Rng, area: School['area'], age: number): Education {
  const row = age < 35 ? 0 : age <= 45 ? 1 : 2;
  const table: Record<School['area'], number[][]> = {
    urban: [[0, 0.05, 0.8, 0.15], [0, 0.2, 0.75, 0.05], [0.1, 0.4, 0.5, 0]],
    town: [[0, 0.15, 0.8, 0.05], [0.05, 0.35, 0.6, 0], [0.2, 0.45, 0.35, 0]],
    rural: [[0, 0.33, 0.65, 0.02], [0.1, 0.45, 0.45, 0], [0.3, 0.45, 0.25, 0]],
  };
  return rng.weighted<Education>(['secondary', 'college', 'bachelor', 'master'], table[area][row]!);
}

const HIRE_AGE: Record<Education, number> = { secondary: 19, college: 21, bachelor: 22, master: 25, doctor: 28 };

/** Full years at the home school: most urban teachers have stayed long; some moved in recently. */
function yearsAtSchool(rng: Rng, area: School['area'], service: number): number {
  if (service < 6) return rng.chance(0.75) ? service : rng.int(0, service);
  if (rng.chance(area === 'rural' ? 0.3 : 0.12)) return rng.int(0, 5);
  return rng.chance(0.45) ? service : rng.int(6, service);
}

function titleOf(rng: Rng, area: School['area'], service: number, education: Education): Title {
  if (service < 1) return 'none';
  if (service < 5) return (education === 'college' || education === 'secondary') && rng.chance(0.4) ? 'level3' : 'level2';
  if (service < 12) return rng.chance(0.55) ? 'level1' : 'level2';
  const senior = { urban: 0.3, town: 0.22, rural: 0.12 }[area] * (service >= 20 ? 1.3 : 1);
  return rng.chance(senior) ? 'senior' : rng.chance(0.9) ? 'level1' : 'level2';
}

function backboneOf(rng: Rng, area: School['area'], service: number): BackboneLevel {
  if (service < 5 || !rng.chance({ urban: 0.21, town: 0.17, rural: 0.11 }[area])) return 'none';
  const level = rng.weighted<BackboneLevel>(['school', 'county', 'municipal', 'provincial'], [0.45, 0.35, 0.15, 0.05]);
  return level === 'provincial' && service < 12 ? 'municipal' : level;
}

function qualifiedOf(rng: Rng, subject: string, share: number): string[] {
  if (!rng.chance(share)) return [];
  const pool = [...(RELATED[subject] ?? []), ...(rng.chance(0.3) ? SCARCE_SUBJECTS : [])].filter((s) => s !== subject);
  const first = rng.pick(pool);
  const rest = pool.filter((s) => s !== first);
  return rng.chance(0.3) && rest.length > 0 ? [first, rng.pick(rest)] : [first];
}

/** Months already taught at rural schools: a rural school's own years, and earlier posts for some others. */
function ruralMonthsOf(rng: Rng, area: School['area'], service: number, atSchool: number): number {
  const before = service - atSchool;
  const earlier = before > 0 && rng.chance(area === 'rural' ? 0.2 : area === 'town' ? 0.35 : 0.4) ? Math.min(before, rng.int(1, 6)) * 12 : 0;
  return (area === 'rural' ? atSchool * 12 : 0) + earlier;
}

function exemptOf(rng: Rng, gender: Gender, age: number, stage: School['stage']): string {
  if (!rng.chance(0.02)) return '';
  const reasons = ['病假', '借调教育局', '援疆支教', '照顾重病家属', ...(stage === 'primary' ? [] : ['毕业班教学'])];
  return rng.pick(gender === 'F' && age < 42 ? ['产假', '哺乳期', '孕期', '病假'] : reasons);
}

function teacherAt(ctx: StaffContext, school: School, subject: string): Teacher {
  const { rng, termStart, year } = ctx;
  const pFemale = { primary: 0.78, junior: 0.6, nine_year: 0.68, twelve_year: 0.6 }[school.stage]
    * ({ pe: 0.4, it: 0.6, math: 0.85, music: 1.15, art: 1.1, english: 1.15 }[subject] ?? 1);
  const gender: Gender = rng.chance(Math.min(0.92, pFemale)) ? 'F' : 'M';
  const age = ageOf(rng, gender);
  const education = educationOf(rng, school.area, age);
  const service = Math.max(0, age - HIRE_AGE[education] - rng.int(0, 1));
  const atSchool = yearsAtSchool(rng, school.area, service);
  const hire = yearsBefore(rng, termStart, service, 0.7);
  const title = titleOf(rng, school.area, service, education);
  const backbone = backboneOf(rng, school.area, service);
  const planned = (title === 'level2' || title === 'level1') && service >= 3 && rng.chance(0.1);
  return {
    teacher_id: ctx.nextId(), name: personName(rng, gender), gender, birth_date: birthDate(rng, termStart, age),
    school_id: school.school_id, subject, qualified_subjects: qualifiedOf(rng, subject, ctx.secondSubjectShare ?? 0.2),
    title: backbone === 'provincial' && service >= 25 && rng.chance(0.3) ? 'professor' : title, backbone,
    school_start_date: atSchool === service ? hire : yearsBefore(rng, termStart, atSchool, 0.6),
    hire_date: hire, rural_months: ruralMonthsOf(rng, school.area, service, atSchool),
    title_target_year: planned ? year + rng.int(0, 3) : null, education,
    exempt: exemptOf(rng, gender, age, school.stage), preferences: [],
  };
}

/** The `n` teachers of a school, as of the term's first day. */
export function schoolStaff(ctx: StaffContext, school: School, n: number): Teacher[] {
  const mix = subjectMix(ctx.rng, school);
  const subjects = [...mix.keys()];
  const counts = apportion(n, subjects.map((k) => mix.get(k)!));
  const roster = subjects.flatMap((k, i) => Array<string>(counts[i]!).fill(k));
  return ctx.rng.shuffle(roster).map((subject) => teacherAt(ctx, school, subject));
}

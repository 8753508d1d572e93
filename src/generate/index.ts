/**
 * Synthetic scenarios for demos, tests and benchmarks: realistic counties of
 * urban, town and rural schools, their staff, history, locks and needs.
 * Pure and deterministic: the same options give the same scenario.
 */
import { parseISO } from 'date-fns/parseISO';
import { defaultPolicy } from '../domain/policy.js';
import { isReceiver, isSender, type Scenario } from '../domain/scenario.js';
import type { Lock, Need, School, Teacher } from '../domain/tables.js';
import { eligibilityAll, groupBy } from '../policy/eligibility.js';
import { r1Quota } from '../policy/quotas.js';
import { termOf } from '../policy/term.js';
import { countyPlaces, WENZHOU_COUNTIES } from './counties.js';
import { nearest } from './geo.js';
import { rotationHistory } from './history.js';
import { keepLocks, moveLocks } from './locks.js';
import { countyNeeds, villageNeeds } from './needs.js';
import { apportion, createRng, type Rng } from './random.js';
import { type CountyTarget, countySchools } from './schools.js';
import { MIN_TEACHERS_PER_COUNTY, type Shape, VILLAGE } from './shapes.js';
import { schoolStaff } from './teachers.js';

export interface GenerateOptions {
  readonly counties: number;
  readonly teachers: number;
  readonly seed: number;
  /** Plan year: the roster is as of this year's term start; history and eligibility refer to it. */
  readonly year: number;
  /** The kind of county (shapes.ts): 'default' (our usual mix) or 'village' (many small rural schools, needs above supply). */
  readonly shape?: Shape;
}

export interface WenzhouOptions {
  readonly seed: number;
  readonly year: number;
  /** Multiplies the city's schools and teachers (1 = the real 2018 size). */
  readonly scale?: number;
  /** 'village': 1,548 schools, ~926 of them small rural schools and teaching points (shapes.ts). */
  readonly shape?: Shape;
}

/** Share of primary schools in Wenzhou 2018: 562 of 901. */
const PRIMARY_SHARE = 562 / 901;

/**
 * A scenario of `counties` counties and `teachers` teachers in all, split by
 * county population; about 65 teachers per school.
 *
 * @example
 * const s = generateScenario({ counties: 1, teachers: 700, seed: 7, year: 2019 });
 * s.schools.length; // 11
 */
export function generateScenario(options: GenerateOptions): Scenario {
  const { counties, teachers, seed, year } = options;
  const shape = options.shape ?? 'default';
  if (!Number.isInteger(counties) || counties < 1) throw new RangeError(`counties must be a whole number ≥ 1, got ${counties}`);
  if (!Number.isInteger(teachers) || teachers < MIN_TEACHERS_PER_COUNTY * counties) {
    throw new RangeError(`teachers must be a whole number ≥ ${MIN_TEACHERS_PER_COUNTY} per county (${MIN_TEACHERS_PER_COUNTY * counties}), got ${teachers}`);
  }
  const rng = createRng(seed);
  const places = countyPlaces(counties);
  const split = apportion(teachers, places.map((p) => p.population * rng.real(0.85, 1.15)), MIN_TEACHERS_PER_COUNTY);
  const village = shape === 'village';
  const targets = places.map((place, i): CountyTarget => {
    const staff = split[i]!;
    const schools = Math.min(Math.floor(staff / 3), Math.max(3, Math.round(staff / (village ? VILLAGE.teachersPerSchool : 65))));
    const primary = Math.round(schools * PRIMARY_SHARE);
    if (!village) return { place, schools, teachers: staff, primary };
    return { place: { ...place, rurality: Math.max(place.rurality, VILLAGE.minRurality) }, schools, teachers: staff, primary, shape };
  });
  return buildScenario(rng, targets, year, `generated-${village ? 'village-' : ''}${counties}x${teachers}-seed${seed}`);
}

/**
 * Wenzhou at its 2018 size: 11 counties, 901 schools (562 primary, 339
 * junior or nine-year) and 58 400 teachers, split by county population.
 */
export function generateWenzhou(options: WenzhouOptions): Scenario {
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new RangeError(`scale must be > 0, got ${scale}`);
  const village = options.shape === 'village';
  const rng = createRng(options.seed);
  const population = WENZHOU_COUNTIES.map((c) => c.population);
  const schools = apportion(Math.max(33, Math.round((village ? VILLAGE.wenzhouSchools : 901) * scale)), population, 3);
  const teachers = apportion(Math.round(58_400 * scale), population, MIN_TEACHERS_PER_COUNTY);
  const primary = apportion(Math.round(schools.reduce((a, b) => a + b, 0) * PRIMARY_SHARE), schools);
  const targets = WENZHOU_COUNTIES.map((place, i): CountyTarget => ({
    place, schools: Math.min(schools[i]!, Math.floor(teachers[i]! / 3)), teachers: teachers[i]!, primary: primary[i]!,
    ...(village ? { shape: 'village' as const } : {}),
  }));
  return buildScenario(rng, targets, options.year, `wenzhou-${village ? 'village-' : ''}${options.year}-seed${options.seed}`);
}

/** Each sending school's receivers of the same county, nearest first (at most 8). */
function receiversNearSenders(schools: readonly School[]): Map<string, School[]> {
  const out = new Map<string, School[]>();
  for (const [, local] of groupBy(schools, (s) => s.county)) {
    const receivers = local.filter(isReceiver);
    for (const s of local.filter(isSender)) out.set(s.school_id, nearest(s, receivers, 8));
  }
  return out;
}

function withPreferences(rng: Rng, t: Teacher, near: readonly School[] | undefined, rotations: number): Teacher {
  const preferences = near !== undefined && near.length > 0 && rng.chance(0.13)
    ? rng.shuffle(near.slice(0, 6)).slice(0, rng.int(1, 3)).map((s) => s.school_id) : [];
  return { ...t, preferences, rural_months: t.rural_months + 12 * rotations };
}

function buildScenario(rng: Rng, targets: readonly CountyTarget[], year: number, name: string): Scenario {
  const policy = defaultPolicy();
  const term = termOf(year, policy);
  const termStart = parseISO(term.start);
  let lastId = 0;
  const nextId = () => `T${String(++lastId).padStart(6, '0')}`;
  const village = targets.some((t) => t.shape === 'village');
  const staffed = targets.flatMap((t) => countySchools(rng, t));
  const schools = staffed.map((s) => s.school);
  const staff = new Map(staffed.map((s) => [s.school.school_id, s.staff]));
  const staffContext = { rng, termStart, year, nextId, ...(village ? { secondSubjectShare: VILLAGE.secondSubjectShare } : {}) };
  const roster = staffed.flatMap((s) => schoolStaff(staffContext, s.school, s.staff));
  const near = receiversNearSenders(schools);
  const history = rotationHistory({ rng, termStart, receiversNear: near }, roster);
  const rotations = groupBy(history, (r) => r.teacher_id);
  const teachers = roster.map((t) => withPreferences(rng, t, near.get(t.school_id), rotations.get(t.teacher_id)?.length ?? 0));

  const draft: Scenario = { name, policy, schools, teachers, needs: [], history, locks: [] };
  const eligible = new Set(eligibilityAll(draft, term).filter((e) => e.eligible).map((e) => e.teacher_id));
  const countyOf = new Map(schools.map((s) => [s.school_id, s.county]));
  const byCounty = groupBy(teachers.filter((t) => eligible.has(t.teacher_id)), (t) => countyOf.get(t.school_id)!);
  const needs: Need[] = [];
  const locks: Lock[] = [];
  for (const [county, local] of groupBy(schools, (s) => s.county)) {
    const keeps = keepLocks(rng, byCounty.get(county) ?? []);
    const kept = new Set(keeps.map((l) => l.teacher_id));
    const going = (byCounty.get(county) ?? []).filter((t) => !kept.has(t.teacher_id));
    const perSchool = groupBy(going, (t) => t.school_id);
    const quota = (s: School) => r1Quota(perSchool.get(s.school_id)?.length ?? 0, policy);
    // Default: needs sized on what the senders must send (R1); village: on the most they may send (R1's cap).
    const countyNeedList = village
      ? villageNeeds(rng, local.filter(isReceiver), staff, local.filter(isSender).reduce((n, s) => n + quota(s).cap, 0))
      : countyNeeds(rng, local.filter(isReceiver), staff, local.filter(isSender).reduce((n, s) => n + quota(s).required, 0));
    needs.push(...countyNeedList);
    locks.push(...keeps, ...moveLocks(rng, going, near, countyNeedList));
  }
  return { name, policy, schools, teachers, needs, history, locks };
}

export { MIN_TEACHERS_PER_COUNTY, SHAPES, type Shape } from './shapes.js';
export { SCARCE_SUBJECTS } from './teachers.js';

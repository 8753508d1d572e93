/**
 * One county's schools: urban ones near the seat (a few weak, receiving),
 * town ones (a few high-quality) and smaller rural ones 5–60 km out in the
 * countryside, tier 1–3 by remoteness; education groups (教育集团) join an
 * urban school with 1–3 rural ones. Each school gets its head count of staff.
 */
import type { Area, Stage } from '../domain/codes.js';
import type { School } from '../domain/tables.js';
import type { CountyPlace } from './counties.js';
import { ordinal, placeName } from './names.js';
import { apportion, type Rng } from './random.js';
import { type Shape, VILLAGE } from './shapes.js';

export interface CountyTarget {
  readonly place: CountyPlace;
  readonly schools: number;
  readonly teachers: number;
  /** How many of the schools are primary; the rest junior or nine-year. */
  readonly primary: number;
  /** 'village': many small rural schools and teaching points (see shapes.ts); default: our usual mix. */
  readonly shape?: Shape;
}

/** A school and how many teachers it employs. */
export interface StaffedSchool {
  readonly school: School;
  readonly staff: number;
}

const KM_PER_DEGREE = 111.32;

/** The point `km` away from (lat, lon) on `bearing` degrees, rounded to 5 decimals (≈ 1 m). */
function offset(lat: number, lon: number, km: number, bearing: number): { lat: number; lon: number } {
  const b = (bearing * Math.PI) / 180;
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return {
    lat: round(lat + (km * Math.cos(b)) / KM_PER_DEGREE),
    lon: round(lon + (km * Math.sin(b)) / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180))),
  };
}

/** How many urban, town and rural schools: the more rural the county, the more rural schools. */
function areaCounts(n: number, rurality: number, shape: Shape): Record<Area, number> {
  if (shape === 'village') return VILLAGE.areaCounts(n, rurality);
  const urban = Math.max(1, Math.round(n * (0.34 - 0.18 * rurality)));
  const town = n >= 3 ? Math.max(1, Math.round(n * (0.3 - 0.06 * rurality))) : 0;
  return { urban, town, rural: Math.max(0, n - urban - town) };
}

function tierOf(rng: Rng, place: CountyPlace): number {
  if (place.island) return 3;
  const r = place.rurality;
  return rng.weighted([1, 2, 3], [0.55 - 0.3 * r, 0.3, 0.15 + 0.3 * r]);
}

/** Distance band from the seat, km: urban core, towns, then rural schools by tier. */
function distanceFromSeat(rng: Rng, area: Area, tier: number, island: boolean): number {
  if (area === 'urban') return rng.real(0.3, 4);
  if (area === 'town') return rng.real(6, 25);
  if (island) return rng.real(5, 30);
  return tier === 1 ? rng.real(5, 20) : tier === 2 ? rng.real(15, 40) : rng.real(30, 60);
}

/** Teachers per class (staffing ratio) and pupils per class by kind of school. */
function classSize(rng: Rng, stage: Stage, area: Area, tier: number): { perClass: number; pupils: number } {
  const perClass = stage === 'primary' ? 2.3 : stage === 'junior' ? 3.3 : 2.8;
  const extra = stage === 'primary' ? 0 : 4;
  if (area === 'urban') return { perClass, pupils: rng.real(38, 45) + extra };
  if (area === 'town') return { perClass, pupils: rng.real(32, 42) + extra };
  const [lo, hi] = tier === 1 ? [22, 30] : tier === 2 ? [17, 28] : [12, 22];
  return { perClass: perClass * 1.1, pupils: rng.real(lo, hi) };
}

class Namer {
  private readonly used = new Set<string>();
  private readonly counters = new Map<string, number>();
  constructor(private readonly rng: Rng, private readonly short: string) {}

  /** k-th school of this kind in the county (1-based). */
  private nth(kind: string): number {
    const k = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, k);
    return k;
  }

  private unique(make: () => string): string {
    for (let i = 0; i < 30; i++) {
      const name = make();
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    const name = `${make()}${ordinal(this.used.size + 1)}分校`;
    this.used.add(name);
    return name;
  }

  name(stage: Stage, area: Area, tier: number, island: boolean, point = false): string {
    const kind = stage === 'primary' ? '小学' : stage === 'junior' ? '中学' : '学校';
    if (point) return this.unique(() => `${placeName(this.rng)}${island ? '岛' : '村'}教学点`);
    if (area === 'urban') {
      const k = this.nth(`urban-${stage}`);
      const head = stage === 'nine_year' ? '实验学校' : `实验${kind}`;
      return this.unique(() => (k === 1 ? `${this.short}${head}` : k === 2 ? `${this.short}${ordinal(2)}${head}` : `${this.short}${ordinal(k)}${kind}`));
    }
    if (area === 'town') return this.unique(() => `${placeName(this.rng)}镇${stage === 'primary' ? '中心小学' : kind}`);
    if (island) return this.unique(() => `${placeName(this.rng)}岛${kind}`);
    if (tier === 1) return this.unique(() => `${placeName(this.rng)}乡${stage === 'primary' ? '中心小学' : kind}`);
    return this.unique(() => `${placeName(this.rng)}${kind}`);
  }
}

/** Weak (receiving) urban schools and high-quality town schools: about one in eight and one in seven. */
function markFlags(rng: Rng, schools: School[]): void {
  const all = schools.filter((s) => s.area === 'urban');
  const urban = all.filter((s) => !s.name.includes('实验'));
  const weak = all.length >= 3 ? Math.min(urban.length, Math.max(1, Math.round(all.length * 0.12))) : 0;
  for (const s of rng.shuffle(urban).slice(0, weak)) Object.assign(s, { weak: true });
  const town = schools.filter((s) => s.area === 'town');
  const quality = town.length >= 2 ? Math.max(1, Math.round(town.length * 0.15)) : 0;
  for (const s of rng.shuffle(town).slice(0, quality)) Object.assign(s, { quality: true });
}

/** 教育集团: a third of the sending urban schools each lead 1–3 rural schools. */
function formGroups(rng: Rng, schools: School[]): void {
  const leads = schools.filter((s) => s.area === 'urban' && !s.weak);
  let rural = rng.shuffle(schools.filter((s) => s.area === 'rural'));
  const count = rural.length === 0 ? 0 : Math.max(1, Math.round(leads.length / 3));
  for (const lead of rng.shuffle(leads).slice(0, count)) {
    if (rural.length === 0) break;
    const members = rural.slice(0, rng.int(1, 3));
    rural = rural.slice(members.length);
    const group = `${lead.name}教育集团`;
    for (const s of [lead, ...members]) Object.assign(s, { group });
  }
}

/** The schools of one county and the staff each employs. */
export function countySchools(rng: Rng, target: CountyTarget): StaffedSchool[] {
  const { place } = target;
  const shape = target.shape ?? 'default';
  const village = shape === 'village';
  const n = target.schools;
  const areas = areaCounts(n, place.rurality, shape);
  const areaList: Area[] = [...Array<Area>(areas.urban).fill('urban'), ...Array<Area>(areas.town).fill('town'), ...Array<Area>(areas.rural).fill('rural')];
  const stageSlots = rng.shuffle(areaList.map((_, i) => i < target.primary));
  const short = place.name.replace(/[区市县](\d*)$/, '$1');
  const namer = new Namer(rng, short);
  const seq = new Map<string, number>();

  const drafts = areaList.map((area, i) => {
    const tier = area === 'rural' ? tierOf(rng, place) : 0;
    // A teaching point (教学点) is a primary school's outpost of a few teachers (village shape only).
    const point = village && area === 'rural' && rng.chance(VILLAGE.teachingPointShare);
    const stage: Stage = point || stageSlots[i] ? 'primary' : rng.chance(area === 'rural' ? 0.35 : 0.08) ? 'nine_year' : 'junior';
    const letter = stage === 'primary' ? 'P' : stage === 'junior' ? 'J' : 'N';
    const k = (seq.get(letter) ?? 0) + 1;
    seq.set(letter, k);
    const [from, to] = place.hinterland;
    const bearing = area === 'urban' ? rng.real(0, 360) : rng.real(from, to);
    const where = offset(place.lat, place.lon, distanceFromSeat(rng, area, tier, place.island), bearing);
    const weight = (area === 'urban' ? 1.5 : area === 'town' ? 1 : [0, 0.55, 0.4, 0.3][tier]!) * (stage === 'primary' ? 1 : 1.25) * rng.real(0.6, 1.4);
    const school: School = {
      school_id: `${place.code}-${letter}${String(k).padStart(3, '0')}`, name: namer.name(stage, area, tier, place.island, point),
      county: place.name, stage, area, tier, quality: false, weak: false, students: 0, classes: 0,
      lat: where.lat, lon: where.lon, group: '',
    };
    // Village shape: a rural school's head count is drawn (5–30; a teaching point 5–10), not apportioned.
    const fixedStaff = village && area === 'rural' ? VILLAGE.ruralStaff(rng, point) : null;
    return { school, weight, fixedStaff };
  });
  const schools = drafts.map((d) => d.school);
  markFlags(rng, schools);
  formGroups(rng, schools);

  const staff = village ? VILLAGE.staffSplit(target.teachers, drafts) : apportion(target.teachers, drafts.map((d) => d.weight), 3);
  return schools.map((school, i) => {
    const { perClass, pupils } = classSize(rng, school.stage, school.area, school.tier);
    const classes = Math.max(1, Math.round(staff[i]! / perClass));
    return { school: { ...school, classes, students: Math.round(classes * pupils) }, staff: staff[i]! };
  });
}

/**
 * Couples (teachers.csv spouse_id, policy `couples`): which married teachers
 * the model must treat as a pair, and the rows that keep the couple rule.
 * Couples are personal, so each spouse who could rotate is a class of one with
 * personal variables w[c,r,ρ] (county.ts); the rows below read only those.
 * - "not_both": Σ w[A,·,·] + Σ w[B,·,·] ≤ 1 — never both in one year;
 * - "together": for each receiver r of A, Σ_ρ w[A,r,ρ] + Σ_{r' too far from r} Σ_ρ w[B,r',ρ] ≤ 1 —
 *   if both go, B's receiver is r or within couples.max_km of it (0 = r itself).
 * Spouses in two counties cannot be placed together (rotation never crosses a county line) and the counties
 * are solved apart, so under "together" or "not_both" the one in the later county (schools-table order) is held
 * home this year (coupleHeld) and says so.
 */
import type { Policy } from '../domain/policy.js';
import { isSender, type Scenario } from '../domain/scenario.js';
import type { School, Teacher } from '../domain/tables.js';
import type { Eligibility } from '../policy/eligibility.js';
import { distanceKm } from '../domain/distance.js';
import type { Constraint } from './solver.js';

/** Eligible teachers of sending schools whose spouse is also one: id → spouse id, and those held home for a spouse in another county. */
export interface CoupleMap {
  /** Both spouses in this map could rotate this year in one county: the model pairs them. */
  readonly spouse: ReadonlyMap<string, string>;
  /** Teacher id → spouse id: held home because the spouse, in an earlier county, could rotate too. */
  readonly held: ReadonlyMap<string, string>;
}

/** The couples the rule binds this year (none under "ignore"). `senders` = ids of sending schools. */
export function bindingCouples(scenario: Scenario, eligibility: readonly Eligibility[], senders: ReadonlySet<string>): CoupleMap {
  const spouse = new Map<string, string>();
  const held = new Map<string, string>();
  if (scenario.policy.couples.rule === 'ignore') return { spouse, held };
  const eligible = new Set(eligibility.filter((e) => e.eligible).map((e) => e.teacher_id));
  const byId = new Map(scenario.teachers.map((t) => [t.teacher_id, t]));
  const school = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const countyOrder = [...new Set(scenario.schools.map((s) => s.county))];
  const mayRotate = (t: Teacher | undefined): t is Teacher => t !== undefined && eligible.has(t.teacher_id) && senders.has(t.school_id);
  const given = new Set(scenario.couplesHeld ?? []);
  for (const a of scenario.teachers) {
    if (given.has(a.teacher_id) && a.spouse_id !== undefined) held.set(a.teacher_id, a.spouse_id);
    const b = a.spouse_id === undefined ? undefined : byId.get(a.spouse_id);
    if (!mayRotate(a) || !mayRotate(b)) continue;
    const ca = school.get(a.school_id)!.county;
    const cb = school.get(b.school_id)!.county;
    if (ca === cb) spouse.set(a.teacher_id, b.teacher_id);
    else if (countyOrder.indexOf(ca) > countyOrder.indexOf(cb)) held.set(a.teacher_id, b.teacher_id);
  }
  return { spouse, held };
}

/** The teachers of `scenario` held home for a spouse in an earlier county (given to each county's part when planned apart). */
export function couplesHeldAcrossCounties(scenario: Scenario, eligibility: readonly Eligibility[]): string[] {
  const senders = new Set(scenario.schools.filter(isSender).map((x) => x.school_id));
  return [...bindingCouples(scenario, eligibility, senders).held.keys()].sort();
}

type PersonalVars = ReadonlyMap<string, readonly { role: string; receiver: string | null; name: string }[]>;

/**
 * The couple rows of one county's model. `classOf`: teacher id → id of their class of one; `vars`: the class
 * layer's personal variables; `receivers`: the county's receiving schools (for the distance between two of them).
 */
export function coupleRows(
  spouse: ReadonlyMap<string, string>, classOf: ReadonlyMap<string, string>, vars: PersonalVars, receivers: ReadonlyMap<string, School>, policy: Policy,
): Constraint[] {
  const rows: Constraint[] = [];
  const { rule, max_km: maxKm } = policy.couples;
  for (const [a, b] of spouse) {
    if (a > b || !classOf.has(a) || !classOf.has(b)) continue; // each pair once, A the smaller id
    const va = vars.get(classOf.get(a)!) ?? [];
    const vb = vars.get(classOf.get(b)!) ?? [];
    if (rule === 'not_both') {
      rows.push({ name: `couple_${a}_${b}`, terms: new Map([...va, ...vb].map((v) => [v.name, 1])), max: 1 });
      continue;
    }
    const far = (r: string, q: string) => r !== q && (maxKm === 0 || tooFar(receivers.get(r)!, receivers.get(q)!, maxKm));
    for (const r of new Set(va.map((v) => v.receiver!))) {
      const terms = new Map<string, number>();
      for (const v of va) if (v.receiver === r) terms.set(v.name, 1);
      for (const v of vb) if (far(r, v.receiver!)) terms.set(v.name, 1);
      if (terms.size > 1 && [...terms.keys()].some((n) => vb.some((v) => v.name === n))) rows.push({ name: `couple_${a}_${b}_${r}`, terms, max: 1 });
    }
  }
  return rows;
}

/** Two receivers more than `maxKm` apart, or of unknown distance (which cannot be shown to be near). */
export function tooFar(r: School, q: School, maxKm: number): boolean {
  const d = distanceKm(r, q);
  return d === null || d > maxKm;
}

/**
 * An independent brute force for tiny scenarios: enumerates every feasible
 * plan teacher by teacher and scores it with the stated lexicographic
 * objective, written here from the README's definition — not from the model.
 */
import { differenceInYears, parseISO } from 'date-fns';
import type { Scenario } from '../../src/domain/scenario.js';
import type { Teacher } from '../../src/domain/tables.js';
import { eligibilityAll } from '../../src/policy/eligibility.js';
import { termOf } from '../../src/policy/term.js';

const LEVELS = ['none', 'school', 'county', 'municipal', 'provincial'];
const atLeast = (a: string, b: string) => LEVELS.indexOf(a) >= LEVELS.indexOf(b);
const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

function km(a: { lat: number | null; lon: number | null }, b: { lat: number | null; lon: number | null }): number | null {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return null;
  const r = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

export interface Placement { teacher: Teacher; to: string; subject: string }

/** Context shared by the enumeration and the scoring of a given plan. */
export function bruteContext(s: Scenario, year: number) {
  const term = termOf(year, s.policy);
  const elig = eligibilityAll(s, term);
  const school = new Map(s.schools.map((x) => [x.school_id, x]));
  const senders = s.schools.filter((x) => x.area !== 'rural' && !x.weak);
  const receivers = s.schools.filter((x) => x.area === 'rural' || x.weak);
  const away = new Set(elig.filter((e) => e.away !== null).map((e) => e.teacher_id));
  const eligible = s.teachers.filter((t) => elig.find((e) => e.teacher_id === t.teacher_id)!.eligible);
  const running = s.history.filter((h) => h.end_date > term.start);
  const r5Level = s.policy.rotation.r5_backbone_level;
  const needed = new Map<string, { n: number; p: number }>();
  for (const n of s.needs) {
    const covered = running.filter((h) => h.to_school === n.school_id && s.teachers.find((t) => t.teacher_id === h.teacher_id)!.subject === n.subject).length;
    needed.set(`${n.school_id}|${n.subject}`, { n: Math.max(0, n.teachers - covered), p: n.priority });
  }
  const before = new Map(receivers.map((r) => [r.school_id,
    s.teachers.filter((t) => t.school_id === r.school_id && !away.has(t.teacher_id) && atLeast(t.backbone, r5Level)).length
    + running.filter((h) => h.to_school === r.school_id && atLeast(s.teachers.find((t) => t.teacher_id === h.teacher_id)!.backbone, r5Level)).length]));
  const pin = new Map(s.locks.filter((l) => l.action === 'pin').map((l) => [l.teacher_id, l.school_id!]));
  const forbid = new Set(s.locks.filter((l) => l.action === 'forbid').map((l) => `${l.teacher_id}|${l.school_id}`));
  const share = (n: number, x: number) => Math.ceil((n * Math.round(x * 1e6)) / 1e6);
  const quota = new Map(senders.map((x) => {
    const e = eligible.filter((t) => t.school_id === x.school_id).length;
    const pins = eligible.filter((t) => t.school_id === x.school_id && pin.has(t.teacher_id)).length;
    return [x.school_id, { req: share(e, s.policy.rotation.min_share), cap: Math.max(pins, share(e, s.policy.rotation.max_share)) }];
  }));
  const present = (sid: string, k: string) => s.teachers.filter((t) => t.school_id === sid && t.subject === k && !away.has(t.teacher_id)).length;
  const titleNeed = (t: Teacher) => t.title_target_year !== null && t.title_target_year >= year
    && t.title_target_year - year <= s.policy.assignment.title_horizon_years && t.rural_months < s.policy.assignment.title_rural_months;
  const maxKm = s.policy.assignment.max_distance_km;

  function options(t: Teacher): { to: string; subject: string }[] {
    const out: { to: string; subject: string }[] = [];
    const from = school.get(t.school_id)!;
    for (const r of receivers) {
      if (r.county !== from.county || forbid.has(`${t.teacher_id}|${r.school_id}`)) continue;
      if (pin.has(t.teacher_id) && pin.get(t.teacher_id) !== r.school_id) continue;
      const d = km(from, r);
      if (maxKm !== null && d !== null && d > maxKm) continue;
      const subjects = new Set([t.subject, ...t.qualified_subjects.filter((k) => (needed.get(`${r.school_id}|${k}`)?.n ?? 0) > 0)]);
      for (const k of subjects) out.push({ to: r.school_id, subject: k });
    }
    return out;
  }

  /** Null when the plan breaks a hard rule, else its lexicographic score (higher is better). */
  function score(plan: readonly Placement[]): number[] | null {
    let r1 = 0; let r2 = 0;
    for (const x of senders) {
      const mine = plan.filter((p) => p.teacher.school_id === x.school_id);
      const q = quota.get(x.school_id)!;
      if (mine.length > q.cap) return null;
      for (const k of new Set(mine.map((p) => p.teacher.subject))) {
        const pk = present(x.school_id, k);
        const pinsK = mine.filter((p) => p.teacher.subject === k && pin.has(p.teacher.teacher_id)).length;
        if (mine.filter((p) => p.teacher.subject === k).length > Math.max(pk - 1, pinsK)) return null;
      }
      r1 += Math.max(0, q.req - mine.length);
      const bb = mine.filter((p) => atLeast(p.teacher.backbone, s.policy.rotation.backbone_level)).length;
      r2 += Math.max(0, share(mine.length, s.policy.rotation.backbone_min_share) - bb);
    }
    for (const [id, to] of pin) if (eligible.some((t) => t.teacher_id === id) && !plan.some((p) => p.teacher.teacher_id === id && p.to === to)) return null;
    const filled = [0, 0, 0];
    let extras = 0; let r5 = 0; let title = 0; let pref = 0; let group = 0; let dist = 0;
    for (const r of receivers) {
      const here = plan.filter((p) => p.to === r.school_id);
      let fillHere = 0;
      for (const k of new Set(here.map((p) => p.subject))) {
        const teaching = here.filter((p) => p.subject === k);
        const need = needed.get(`${r.school_id}|${k}`) ?? { n: 0, p: 3 };
        if (teaching.filter((p) => p.subject !== p.teacher.subject).length > need.n) return null;
        const f = Math.min(need.n, teaching.length);
        filled[need.p - 1]! += f;
        fillHere += f;
      }
      const extra = here.length - fillHere;
      if (s.policy.assignment.max_extra_per_receiver !== null && extra > s.policy.assignment.max_extra_per_receiver) return null;
      extras += extra;
      if (before.get(r.school_id) === 0 && here.some((p) => atLeast(p.teacher.backbone, r5Level))) r5++;
    }
    for (const p of plan) {
      if (titleNeed(p.teacher)) title++;
      const rank = p.teacher.preferences.indexOf(p.to);
      if (rank >= 0) pref += Math.max(1, 3 - rank);
      const g = school.get(p.teacher.school_id)!.group;
      if (g !== '' && g === school.get(p.to)!.group) group++;
      const d = km(school.get(p.teacher.school_id)!, school.get(p.to)!);
      if (d !== null) dist += Math.round(d * 10);
    }
    return [-r1, -r2, filled[0]!, filled[1]!, filled[2]!, r5, -extras, title, pref, group, -dist];
  }

  /** The best score over every feasible plan, by exhaustive enumeration. */
  function best(): number[] {
    let top: number[] | null = null;
    forEachPlan((_, sc) => {
      if (top === null || compare(sc, top) > 0) top = sc;
    });
    if (top === null) throw new Error('no feasible plan');
    return top;
  }
  /** Calls `visit` with every feasible plan (hard rules hold) and its score, by exhaustive enumeration. */
  function forEachPlan(visit: (plan: readonly Placement[], score: number[]) => void): void {
    const chosen: Placement[] = [];
    const walk = (i: number): void => {
      if (i === eligible.length) {
        const sc = score(chosen);
        if (sc !== null) visit(chosen, sc);
        return;
      }
      const t = eligible[i]!;
      const sent = chosen.filter((p) => p.teacher.school_id === t.school_id).length;
      if (!pin.has(t.teacher_id)) walk(i + 1);
      if (sent >= quota.get(t.school_id)!.cap) return;
      for (const o of options(t)) {
        chosen.push({ teacher: t, ...o });
        walk(i + 1);
        chosen.pop();
      }
    };
    walk(0);
  }
  return { score, best, forEachPlan, movers: eligible.length };
}

/** Lexicographic comparison: positive when a is better. */
export function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

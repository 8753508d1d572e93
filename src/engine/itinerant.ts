/**
 * 走教 (四(二)2 二): after the rotation, teachers with spare periods walk to
 * schools of their district (same county) that still lack periods of their
 * subject. One small MILP per district, solved lexicographically and proven
 * optimal: (1) most periods of the open gaps covered, (2) least distance — Σ km of
 * the teacher → school links, each a weekly trip —, (3) fewest links. It runs
 * after the rotation's levels and never changes an assignment, so R1–R5 are
 * exactly as the rotation left them.
 *
 * Model of one district, for each candidate teacher t (home h, subject s)
 * and school r of the district lacking s:
 *   x[t,r] ∈ ℤ≥0 periods a week, y[t,r] ∈ {0,1} t walks to r,
 *   x[t,r] ≤ min(max_periods, needed[r,s]) · y[t,r],
 *   Σ_r x[t,r] ≤ max_periods, Σ_r y[t,r] ≤ max_schools (per teacher),
 *   Σ_{t of (h,s)} Σ_r x[t,r] ≤ spare[h,s], Σ_{t of s} x[t,r] ≤ need[r,s] (coverNeed),
 * and, the teachers of one (h,s) being interchangeable, Σ_r x[t_i,r] ≥ Σ_r x[t_i+1,r]
 * (in id order), which removes symmetric copies without losing an optimum.
 */
import { itinerantOn } from '../domain/itinerant-policy.js';
export { itinerantOn } from '../domain/itinerant-policy.js';
import { bilingual, ITINERANT, text, type Text } from '../domain/messages.js';
import type { Plan } from '../domain/plan.js';
import { isReceiver, type Scenario } from '../domain/scenario.js';
import { type School, subjectList } from '../domain/tables.js';
import { groupBy } from '../policy/eligibility.js';
import { balanceKey, coverNeed, itinerantPosts, type PeriodBalance, periodBalances } from '../policy/itinerant-periods.js';
import type { Term } from '../policy/term.js';
import { distanceKm, roundKm } from '../domain/distance.js';
import { solveLexicographic } from './lexicographic.js';
import type { Level } from './model.js';
import type { Constraint, Solver, Variable } from './solver.js';

/** One cover: a teacher teaching `periods` a week of `subject` at `school_id`, a school of their district. */
export type Cover = {
  readonly teacher_id: string;
  readonly name: string;
  /** The school the teacher teaches at this term (their own, or the receiver the rotation places them at). */
  readonly home_school: string;
  /** The school covered. */
  readonly school_id: string;
  readonly subject: string;
  readonly periods: number;
  readonly distance_km: number | null;
  readonly district: string;
  /** True when the teacher is placed at home_school by this year's rotation. */
  readonly placed: boolean;
  readonly reasons: string[];
};

/** A receiver and subject whose gap the rotation leaves open, and what 走教 did about it. */
export type OpenPeriods = {
  readonly school_id: string;
  readonly subject: string;
  readonly district: string | null;
  /** The gap's unfilled posts after the rotation. */
  readonly unfilled: number;
  /** Periods a week 走教 may cover (coverNeed: lacking by the count, at most unfilled × load). */
  readonly uncovered: number;
  /** Of them, covered by 走教. */
  readonly covered: number;
  /** Still lacking. */
  readonly left: number;
  /** Why `left` is not 0; null when it is. */
  readonly why: string | null;
};

/** plan.json `itinerant`. */
export type ItinerantReport = {
  readonly covers: Cover[];
  readonly open: OpenPeriods[];
  readonly stats: {
    readonly districts: number;
    readonly periods_uncovered: number;
    readonly periods_covered: number;
    readonly teachers: number;
    /** Every district's model solved to proven optimality. */
    readonly optimal: boolean;
    readonly solve_ms: number;
  };
};


interface Candidate {
  readonly id: string;
  readonly group: PeriodBalance;
  readonly targets: { readonly r: string; readonly km: number }[];
}

const varX = (t: string, r: string) => `x|${t}|${r}`;
const varY = (t: string, r: string) => `y|${t}|${r}`;

/**
 * The covers of a plan (after the rotation). Null when 走教 is off (policy disabled or no district given).
 *
 * @example planCovers(scenario, plan, term, await loadHighsSolver())?.covers[0] // { teacher_id: 'T-M1', home_school: 'C1', school_id: 'V1', subject: 'music', periods: 6, … }
 */
export function planCovers(scenario: Scenario, plan: Pick<Plan, 'assignments' | 'gaps'>, term: Term, solver: Solver, timeoutMs = 30_000): ItinerantReport | null {
  if (!itinerantOn(scenario)) return null;
  const policy = scenario.policy.itinerant;
  const subjectZh = subjectList(scenario.policy.subjects).zh;
  const subj = (s: string) => text(subjectZh[s] ?? s, s);
  const schoolById = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const label = (id: string) => schoolById.get(id)?.name || id;
  const balances = periodBalances(scenario, plan, term);
  const all = [...balances.values()];
  // What 走教 may cover: the gaps the rotation leaves open, in periods (coverNeed).
  const gaps = plan.gaps.filter((g) => g.unfilled > 0 && schoolById.has(g.school_id) && isReceiver(schoolById.get(g.school_id)!))
    .map((g): Gap => {
      const b = balances.get(balanceKey(g.school_id, g.subject));
      return { school_id: g.school_id, subject: g.subject, unfilled: g.unfilled, need: coverNeed(b, g.unfilled), balance: b };
    });
  const needOf = new Map(gaps.map((g) => [balanceKey(g.school_id, g.subject), g.need]));
  const covers: Cover[] = [];
  const open: OpenPeriods[] = [];
  let optimal = true;
  let ms = 0;
  const districtKey = (s: School) => (s.district === undefined ? null : `${s.county}\u0000${s.district}`);
  const districts = groupBy(scenario.schools.filter((s) => s.district !== undefined), (s) => districtKey(s)!);

  for (const schools of districts.values()) {
    const district = schools[0]!.district!;
    const ids = new Set(schools.map((s) => s.school_id));
    const open_ = gaps.filter((g) => ids.has(g.school_id));
    const needs = open_.filter((g) => g.need > 0);
    const km = (a: string, b: string) => distanceKm(schoolById.get(a)!, schoolById.get(b)!);
    const reachable = (h: string, r: string) => {
      const d = km(h, r);
      return h !== r && d !== null && (policy.max_distance_km === null || d <= policy.max_distance_km);
    };
    const candidates: Candidate[] = [];
    for (const g of all.filter((b) => ids.has(b.school_id) && b.spare > 0)) {
      const targets = needs.filter((n) => n.subject === g.subject && reachable(g.school_id, n.school_id))
        .map((n) => ({ r: n.school_id, km: km(g.school_id, n.school_id)! }));
      if (targets.length === 0) continue;
      const demand = targets.reduce((n, t) => n + needOf.get(balanceKey(t.r, g.subject))!, 0);
      const walkers = g.staff.filter((t) => t.exempt === '').slice(0, Math.min(g.spare, demand));
      for (const t of walkers) candidates.push({ id: t.teacher_id, group: g, targets });
    }
    const covered = new Map<string, number>();
    if (candidates.length > 0) {
      const variables: Variable[] = [];
      const constraints: Constraint[] = [];
      const covLevel = new Map<string, number>();
      const kmLevel = new Map<string, number>();
      const linkLevel = new Map<string, number>();
      let kmRange = 0;
      const bySink = new Map<string, Map<string, number>>();
      for (const c of candidates) {
        const periods = new Map<string, number>();
        const links = new Map<string, number>();
        for (const { r, km: d } of c.targets) {
          const need = needOf.get(balanceKey(r, c.group.subject))!;
          const upper = Math.min(policy.max_periods, need, c.group.spare);
          const [x, y] = [varX(c.id, r), varY(c.id, r)];
          variables.push({ name: x, integer: true, upper }, { name: y, integer: true, upper: 1 });
          constraints.push({ name: `link|${c.id}|${r}`, terms: new Map([[x, 1], [y, -upper]]), max: 0 });
          periods.set(x, 1);
          links.set(y, 1);
          covLevel.set(x, 1);
          const units = Math.round(d * 10);
          kmLevel.set(y, -units);
          kmRange += units;
          linkLevel.set(y, -1);
          const sink = balanceKey(r, c.group.subject);
          bySink.set(sink, new Map([...(bySink.get(sink) ?? []), [x, 1]]));
        }
        constraints.push({ name: `periods|${c.id}`, terms: periods, max: policy.max_periods });
        constraints.push({ name: `schools|${c.id}`, terms: links, max: policy.max_schools });
      }
      for (const [key, members] of groupBy(candidates, (c) => balanceKey(c.group.school_id, c.group.subject))) {
        const g = members[0]!.group;
        const terms = new Map(members.flatMap((c) => c.targets.map(({ r }) => [varX(c.id, r), 1] as const)));
        constraints.push({ name: `spare|${key}`, terms, max: g.spare });
        for (let i = 0; i + 1 < members.length; i++) {
          const [a, b] = [members[i]!, members[i + 1]!];
          constraints.push({
            name: `order|${a.id}|${b.id}`, min: 0,
            terms: new Map([...a.targets.map(({ r }) => [varX(a.id, r), 1] as const), ...b.targets.map(({ r }) => [varX(b.id, r), -1] as const)]),
          });
        }
      }
      for (const [sink, terms] of bySink) constraints.push({ name: `need|${sink}`, terms, max: needOf.get(sink)! });
      const demandTotal = [...bySink.keys()].reduce((n, k) => n + needOf.get(k)!, 0);
      const levels: Level[] = [
        { name: 'periods covered', terms: covLevel, range: demandTotal },
        { name: 'distance (0.1 km)', terms: kmLevel, range: kmRange },
        { name: 'links', terms: linkLevel, range: linkLevel.size },
      ];
      const lex = solveLexicographic({ variables, constraints }, levels, solver, timeoutMs);
      ms += lex.ms;
      if (lex.status !== 'optimal') {
        optimal = false;
      } else {
        for (const c of candidates) {
          for (const { r, km: d } of c.targets) {
            const periods = Math.round(lex.values.get(varX(c.id, r)) ?? 0);
            if (periods <= 0) continue;
            const need = needOf.get(balanceKey(r, c.group.subject))!;
            const home = c.group.school_id;
            const placed = c.group.placed.has(c.id);
            const reasons: Text[] = [
              ...(placed ? [ITINERANT.placedHere(label(home))] : []),
              ITINERANT.homeSpare(label(home), subj(c.group.subject), c.group.staff.length, c.group.load, c.group.periods, c.group.spare),
              ITINERANT.needed(label(r), subj(c.group.subject), need),
              ITINERANT.distance(roundKm(d)!, policy.max_distance_km, district),
              ...(c.group.staff.length > 1 ? [ITINERANT.interchangeable()] : []),
              ITINERANT.optimum(),
            ];
            covers.push({
              teacher_id: c.id, name: scenario.teachers.find((t) => t.teacher_id === c.id)?.name ?? '', home_school: home, school_id: r,
              subject: c.group.subject, periods, distance_km: roundKm(d), district, placed, reasons: reasons.map(bilingual),
            });
            covered.set(balanceKey(r, c.group.subject), (covered.get(balanceKey(r, c.group.subject)) ?? 0) + periods);
          }
        }
      }
      if (lex.status !== 'optimal') {
        for (const n of open_) open.push(openRow(n, district, 0, ITINERANT.notSolved(lex.status)));
        continue;
      }
    }
    for (const n of open_) {
      const done = covered.get(balanceKey(n.school_id, n.subject)) ?? 0;
      const sources = all.filter((b) => ids.has(b.school_id) && b.subject === n.subject && b.spare > 0 && b.school_id !== n.school_id);
      const near = sources.filter((b) => reachable(b.school_id, n.school_id));
      const why = n.need === 0 ? ITINERANT.noPeriodsLack(subj(n.subject), n.balance?.periods ?? 0)
        : done >= n.need ? null
        : sources.length === 0 ? ITINERANT.noSpare(subj(n.subject))
          : near.length === 0 ? ITINERANT.tooFar(subj(n.subject), policy.max_distance_km)
            : ITINERANT.usedUp(subj(n.subject), near.reduce((s, b) => s + b.spare, 0));
      open.push(openRow(n, district, done, why));
    }
  }
  // Open gaps of receivers without a district: listed, so nothing is silently left out.
  for (const g of gaps) if (schoolById.get(g.school_id)!.district === undefined) open.push(openRow(g, null, 0, ITINERANT.noDistrict()));
  const order = new Map(scenario.schools.map((s, i) => [s.school_id, i]));
  open.sort((a, b) => order.get(a.school_id)! - order.get(b.school_id)! || a.subject.localeCompare(b.subject));
  covers.sort((a, b) => order.get(a.school_id)! - order.get(b.school_id)! || a.subject.localeCompare(b.subject) || a.teacher_id.localeCompare(b.teacher_id));
  return {
    covers, open,
    stats: {
      districts: districts.size, periods_uncovered: open.reduce((n, o) => n + o.uncovered, 0), periods_covered: covers.reduce((n, c) => n + c.periods, 0),
      teachers: new Set(covers.map((c) => c.teacher_id)).size, optimal, solve_ms: Math.round(ms),
    },
  };
}

/** A gap the rotation leaves open at a receiver: its unfilled posts and the periods 走教 may cover of it. */
interface Gap {
  readonly school_id: string;
  readonly subject: string;
  readonly unfilled: number;
  readonly need: number;
  readonly balance: PeriodBalance | undefined;
}

function openRow(g: Gap, district: string | null, covered: number, why: Text | null): OpenPeriods {
  const left = Math.max(0, g.need - covered);
  const shown = g.need === 0 || left > 0 ? why : null;
  return { school_id: g.school_id, subject: g.subject, district, unfilled: g.unfilled, uncovered: g.need, covered, left, why: shown === null ? null : bilingual(shown) };
}

/**
 * The plan's gap rows with what 走教 covers of each: `itinerant_periods` (periods a week) and
 * `itinerant_posts` (posts made whole, itinerantPosts). Rows are unchanged when there is no report.
 */
export function gapsWithCovers(scenario: Scenario, plan: Plan, report: ItinerantReport | null, term: Term): Plan['gaps'] {
  if (report === null) return plan.gaps;
  const balances = periodBalances(scenario, plan, term);
  const open = new Map(report.open.map((o) => [balanceKey(o.school_id, o.subject), o]));
  return plan.gaps.map((g) => {
    const o = open.get(balanceKey(g.school_id, g.subject));
    const b = balances.get(balanceKey(g.school_id, g.subject));
    const covered = o?.covered ?? 0;
    const posts = b === undefined ? 0 : itinerantPosts({ unfilled: g.unfilled, uncovered: coverNeed(b, g.unfilled), covered, load: b.load });
    return { ...g, itinerant_periods: covered, itinerant_posts: posts };
  });
}

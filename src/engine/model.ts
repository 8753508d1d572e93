/**
 * The county model. Two layers keep it small:
 * - class layer: `a[c,ρ]` = how many teachers of class c take role ρ (a gap
 *   subject k, or "*" = an extra teacher sent beyond the needs to meet R1);
 * - flow layer: `z[s,r,ρ]` = how many of sender s's teachers in role ρ go to
 *   receiver r. All teachers of a sender without personal constraints are
 *   alike towards a receiver (distance and group are the sender's), so one
 *   flow serves them all; `b[s,r,ρ]` ≤ z counts the R5-level backbone among
 *   them at receivers that have none.
 * Teachers with preferences, forbids or pins also get personal variables
 * `w[c,r,ρ]` for the receivers that matter to them.
 * With policy balance.backbone_weight > 0 (off by default) `b` exists at
 * every receiver a backbone class reaches and counts all its backbone
 * teachers, so one more level can weigh posts filled against the backbone
 * CV (balanceObjective, balance-term.ts).
 * Rules are named constraints; the objective is a list of levels solved
 * lexicographically (lexicographic.ts).
 */
import { OBJECTIVE_DEFAULTS, type Policy } from '../domain/policy.js';
import { backboneFraction } from '../policy/quotas.js';
import { marginalCosts } from './balance-term.js';
import { type CountyInput, pairKey, type TeacherClass } from './county.js';
import { coupleRows } from './couples.js';
import { backboneAtFewest, r2Excused } from './r2-reading.js';
import { type Constraint, evaluate, type Variable } from './solver.js';

/** Distance unit of the objective: 0.1 km (OBJECTIVE_DEFAULTS.distanceUnitsPerKm per km). */
const KM_UNITS = OBJECTIVE_DEFAULTS.distanceUnitsPerKm;

export const EXTRA = '*';

export interface Level {
  readonly name: string;
  /** Maximised; a minimised quantity enters with negative coefficients. */
  readonly terms: Map<string, number>;
  /** Upper bound on |Σ terms| over all feasible plans (for safe weighting). */
  readonly range: number;
  /** Constant part of the level's value: value = offset + Σ terms (levelValue). */
  readonly offset?: number;
}

/** A level's value in a plan. */
export function levelValue(level: Level, values: ReadonlyMap<string, number>): number {
  return (level.offset ?? 0) + evaluate(level.terms, values);
}

export interface CountyModel {
  readonly input: CountyInput;
  readonly variables: Variable[];
  readonly constraints: Constraint[];
  /**
   * Valid inequalities: rows every integer plan of the model satisfies, which cut off fractional
   * points of its LP relaxation. They change no optimum; they help a branch-and-cut solver
   * (10,000 teachers: 23.2 → 21.3 s; 2,000: 1.7 → 1.1 s) and slow javascript-lp-solver's branch and
   * bound down, so only solvers with `takesCuts` get them (lexicographic.ts).
   */
  readonly cuts: Constraint[];
  readonly levels: Level[];
  /** Variables of the class layer and personal layer, per class. */
  readonly classVars: Map<string, { role: string; receiver: string | null; name: string }[]>;
  /** Flow variables per sender: role, receiver, name, and the R5 backbone counter if any. */
  readonly flows: Map<string, { role: string; receiver: string; name: string; backbone: string | null }[]>;
  readonly r5: Map<string, string>;
  readonly slackR1: Map<string, string>;
  readonly slackR2: Map<string, string>;
}

class Builder {
  readonly variables: Variable[] = [];
  readonly constraints: Constraint[] = [];
  variable(name: string, upper?: number): string {
    this.variables.push({ name, integer: true, ...(upper !== undefined ? { upper } : {}) });
    return name;
  }
  constrain(name: string, terms: Map<string, number>, bounds: { min?: number; max?: number }): void {
    if (terms.size > 0) this.constraints.push({ name, terms, ...bounds });
  }
}

function add(terms: Map<string, number>, name: string, coef: number): void {
  terms.set(name, (terms.get(name) ?? 0) + coef);
}

/** Preference weight of the receiver at `rank` (0 = first choice): 3, 2, then 1 (OBJECTIVE_DEFAULTS.preferenceWeights). */
export function preferenceWeight(rank: number): number {
  const weights = OBJECTIVE_DEFAULTS.preferenceWeights;
  return weights[Math.min(rank, weights.length - 1)]!;
}

export interface ModelOptions {
  /**
   * The naive model: one class per teacher and a variable per (teacher,
   * receiver, role), as a hand-written MILP would have it. Same rules, same
   * levels, same optimum; kept only so the benchmark can show what the
   * aggregation saves.
   */
  readonly perTeacher?: boolean;
}

/** The county input with every class split into one-teacher classes. */
function splitClasses(input: CountyInput): CountyInput {
  const classes = input.classes.flatMap((c) => c.members.map((t, i) => ({ ...c, id: `${c.id}t${i}`, members: [t] })));
  return { ...input, classes };
}

/** Posts filled count this much against SCALE × weight × Σ_stages CV² in the balance level (integer coefficients). */
export const BALANCE_SCALE = 1000;
export const BALANCE_LEVEL = 'posts filled and backbone balance (balance.backbone_weight)';

/** Name of the replan level: places kept − newcomers sent (changes = provisional size − this). */
export const CHANGES_LEVEL = 'places kept from the provisional plan minus newcomers';

function withTarget(receivers: readonly string[], target: { receiver: string } | null | undefined): readonly string[] {
  return target === undefined || target === null || receivers.includes(target.receiver) ? receivers : [...receivers, target.receiver];
}

/** Builds the model of one county. */
export function buildCountyModel(countyInput: CountyInput, policy: Policy, options: ModelOptions = {}): CountyModel {
  const input = options.perTeacher === true ? splitClasses(countyInput) : countyInput;
  const m = new Builder();
  const need = new Map<string, { needed: number; priority: number }>();
  for (const r of input.receivers) for (const g of r.gaps) if (g.needed > 0) need.set(`${r.school.school_id}|${g.subject}`, g);
  const hasGap = (r: string, k: string) => need.has(`${r}|${k}`);
  const r5Receivers = new Set(input.receivers.filter((r) => r.backboneBefore === 0).map((r) => r.school.school_id));
  const groupOf = new Map(input.receivers.map((r) => [r.school.school_id, r.school.group]));
  const senderGroup = new Map(input.senders.map((s) => [s.school.school_id, s.school.group]));
  // balance.backbone_weight > 0: backbone (R5-level = balance.ts's county level) arrivals and departures are counted per school.
  const balanceTerm = input.balance !== undefined && input.balance.weight > 0 ? input.balance : null;
  const bbArrive = new Map<string, Map<string, number>>();
  const bbLeave = new Map<string, Map<string, number>>();

  const gapFill = new Map<string, Map<string, number>>();
  const extraAt = new Map<string, Map<string, number>>();
  const r5At = new Map<string, Map<string, number>>();
  const sent = new Map<string, Map<string, number>>();
  const backboneSent = new Map<string, Map<string, number>>();
  const bySubject = new Map<string, Map<string, number>>();
  const extras = new Map<string, number>();
  const title = new Map<string, number>();
  const pref = new Map<string, number>();
  const kept = new Map<string, number>();
  const group = new Map<string, number>();
  const dist = new Map<string, number>();
  const at = <K>(map: Map<K, Map<string, number>>, key: K) => {
    let t = map.get(key);
    if (!t) map.set(key, (t = new Map()));
    return t;
  };
  const arrive = (name: string, sender: string, r: string, role: string) => {
    if (role === EXTRA) { add(at(extraAt, r), name, 1); add(extras, name, -1); } else add(at(gapFill, `${r}|${role}`), name, 1);
    if (groupOf.get(r) !== '' && groupOf.get(r) === senderGroup.get(sender)) add(group, name, 1);
    const d = input.distance.get(pairKey(sender, r));
    if (d !== null && d !== undefined && d > 0) add(dist, name, -Math.round(d * KM_UNITS));
  };

  const classVars = new Map<string, { role: string; receiver: string | null; name: string }[]>();
  const plainRoles = new Map<string, Map<string, TeacherClass[]>>();
  for (const c of input.classes) {
    const vars: { role: string; receiver: string | null; name: string }[] = [];
    const size = c.members.length;
    const plain = c.pin === null && c.forbidden.size === 0 && c.couple === undefined && options.perTeacher !== true;
    const personal = c.pin !== null ? [c.pin] : plain ? withTarget(c.preferences, c.target) : c.receivers;
    const counted = new Map<string, number>();
    const use = (name: string) => {
      add(counted, name, 1);
      if (c.target === undefined) add(kept, name, -1);
      add(at(sent, c.sender), name, 1);
      add(at(bySubject, `${c.sender}|${c.main}`), name, 1);
      if (c.r2Backbone) add(at(backboneSent, c.sender), name, 1);
      if (c.titleNeed) add(title, name, 1);
      if (balanceTerm !== null && c.r5Backbone) add(at(bbLeave, c.sender), name, 1);
    };
    if (plain) {
      const roles = [...c.subjects.filter((k) => c.receivers.some((r) => hasGap(r, k))), EXTRA];
      for (const role of roles) {
        const name = m.variable(`a${c.id}_${role}`);
        vars.push({ role, receiver: null, name });
        use(name);
        const byRole = plainRoles.get(c.sender) ?? new Map<string, TeacherClass[]>();
        byRole.set(role, [...(byRole.get(role) ?? []), c]);
        plainRoles.set(c.sender, byRole);
      }
    }
    for (const r of personal) {
      const rank = c.preferences.indexOf(r);
      for (const role of [...c.subjects.filter((k) => hasGap(r, k)), EXTRA]) {
        const name = m.variable(`w${c.id}_${r}_${role}`);
        vars.push({ role, receiver: r, name });
        use(name);
        arrive(name, c.sender, r, role);
        if (rank >= 0) add(pref, name, preferenceWeight(rank));
        if (c.target?.receiver === r && (role === EXTRA ? c.main : role) === c.target.subject) add(kept, name, 1);
        if (c.r5Backbone && r5Receivers.has(r)) add(at(r5At, r), name, 1);
        if (balanceTerm !== null && c.r5Backbone) add(at(bbArrive, r), name, 1);
      }
    }
    classVars.set(c.id, vars);
    m.constrain(`class_${c.id}`, counted, c.pin !== null ? { min: 1, max: 1 } : { max: size });
  }

  // Couples: rows on the spouses' personal variables (couples.ts).
  const spouses = new Map<string, string>();
  const classOf = new Map<string, string>();
  for (const c of input.classes) {
    if (c.couple === undefined || c.couple.held) continue;
    spouses.set(c.members[0]!.teacher_id, c.couple.spouse);
    classOf.set(c.members[0]!.teacher_id, c.id);
  }
  const receiverSchools = new Map(input.receivers.map((r) => [r.school.school_id, r.school]));
  m.constraints.push(...coupleRows(spouses, classOf, classVars, receiverSchools, policy));

  // Where a sender's extra teachers (sent beyond the needs, for R1) may go. Without a cap on extras per
  // receiver, senders do not compete for them, and an extra teacher changes no level but R5 (a backbone
  // teacher at a receiver that has none), the group and the distance: so the one receiver best for group,
  // then distance, and the R5 receivers (for backbone classes) keep every lexicographic optimum.
  // With the balance term on, a backbone teacher's receiver matters everywhere: backbone classes keep them all.
  const maxExtra = policy.assignment.max_extra_per_receiver;
  const extraReceivers = (reachable: readonly string[], sid: string, backbone: boolean): string[] => {
    const sameGroup = (r: string) => (groupOf.get(r) !== '' && groupOf.get(r) === senderGroup.get(sid) ? 1 : 0);
    const km = (r: string) => Math.round((input.distance.get(pairKey(sid, r)) ?? 0) * KM_UNITS);
    const best = [...reachable].sort((x, y) => sameGroup(y) - sameGroup(x) || km(x) - km(y) || (x < y ? -1 : x > y ? 1 : 0))[0];
    return reachable.filter((r) => r === best || (backbone && r5Receivers.has(r)));
  };

  // Sender flows for the plain classes.
  const flows = new Map<string, { role: string; receiver: string; name: string; backbone: string | null }[]>();
  for (const s of input.senders) {
    const sid = s.school.school_id;
    const list: { role: string; receiver: string; name: string; backbone: string | null }[] = [];
    for (const [role, classes] of plainRoles.get(sid) ?? []) {
      const r5Classes = classes.filter((c) => c.r5Backbone);
      const reachable = classes[0]!.receivers;
      const receivers = role !== EXTRA ? reachable.filter((r) => hasGap(r, role))
        : maxExtra !== null || (balanceTerm !== null && r5Classes.length > 0) ? reachable : extraReceivers(reachable, sid, r5Classes.length > 0);
      const balance = new Map<string, number>();
      for (const c of classes) add(balance, `a${c.id}_${role}`, -1);
      const r5Balance = new Map<string, number>();
      for (const c of r5Classes) add(r5Balance, `a${c.id}_${role}`, -1);
      for (const r of receivers) {
        const z = m.variable(`z${sid}_${r}_${role}`);
        add(balance, z, 1);
        arrive(z, sid, r, role);
        let b: string | null = null;
        if (r5Classes.length > 0 && (r5Receivers.has(r) || balanceTerm !== null)) {
          b = m.variable(`b${sid}_${r}_${role}`);
          add(r5Balance, b, 1);
          m.constrain(`${r5Receivers.has(r) ? 'r5in' : 'bbin'}_${sid}_${r}_${role}`, new Map([[b, 1], [z, -1]]), { max: 0 });
          if (r5Receivers.has(r)) add(at(r5At, r), b, 1);
          if (balanceTerm !== null) add(at(bbArrive, r), b, 1);
        }
        list.push({ role, receiver: r, name: z, backbone: b });
      }
      m.constrain(`flow_${sid}_${role}`, balance, { min: 0, max: 0 });
      // With the balance term every backbone teacher of the flow is counted where it goes (b = its backbone part).
      if (r5Balance.size > r5Classes.length) m.constrain(`r5flow_${sid}_${role}`, r5Balance, balanceTerm !== null ? { min: 0, max: 0 } : { max: 0 });
    }
    flows.set(sid, list);
  }

  // R4 capacities: a gap takes at most its net need, as an equality with the posts left open `s` (so
  // that the posts-filled levels are −Σ s: sparse rows when lexicographic.ts fixes them, where Σ of every
  // flow into a gap was a row as long as the model is wide; 10,000 teachers: 28.7 → 22.0 s, same values);
  // extras per receiver capped by policy.
  const open = new Map<string, string>();
  for (const [key, terms] of gapFill) {
    const needed = need.get(key)!.needed;
    const s = m.variable(`s${key}`, needed);
    open.set(key, s);
    m.constrain(`gap_${key}`, new Map([...terms, [s, 1]]), { min: needed, max: needed });
  }
  if (maxExtra !== null) for (const [r, terms] of extraAt) m.constrain(`extra_${r}`, terms, { max: maxExtra });

  // R5: y[r] = 1 only when a backbone teacher of R5 level arrives at a receiver that has none.
  const r5 = new Map<string, string>();
  for (const [r, terms] of r5At) {
    const y = m.variable(`y${r}`, 1);
    r5.set(r, y);
    m.constrain(`r5_${r}`, new Map([...[...terms].map(([n, c]) => [n, -c] as [string, number]), [y, 1]]), { max: 0 });
  }

  // R1, R2 and one teacher of each subject stays home.
  const { num, den } = backboneFraction(policy);
  const slackR1 = new Map<string, string>();
  const slackR2 = new Map<string, string>();
  const cuts: Constraint[] = [];
  let r2Range = 0;
  for (const s of input.senders) {
    const sid = s.school.school_id;
    const total = sent.get(sid) ?? new Map<string, number>();
    if (s.required > 0) {
      const u1 = m.variable(`u1_${sid}`);
      slackR1.set(sid, u1);
      m.constrain(`R1min_${sid}`, new Map([...total, [u1, 1]]), { min: s.required });
    }
    m.constrain(`R1cap_${sid}`, total, { max: s.cap });
    if (num > 0 && total.size > 0) {
      const u2 = m.variable(`u2_${sid}`);
      slackR2.set(sid, u2);
      r2Range += r2Row(m, s, input, policy, { total, backbone: backboneSent.get(sid) ?? new Map(), u2, num, den });
      // A valid inequality, the same integer plans: backbone sent ≥ ceil(share × sent) ≥ ceil(share × required) − R1
      // shortfall (sent ≥ required − u1, share ≤ 1). The ratio row alone lets the LP relaxation send 1.4 backbone
      // teachers with 7 sent; this row asks for 2.
      const floor = Math.ceil((s.required * num) / den);
      if (floor > 0) {
        const cut = new Map<string, number>(backboneSent.get(sid) ?? []);
        add(cut, u2, 1);
        add(cut, slackR1.get(sid)!, 1);
        cuts.push({ name: `R2floor_${sid}`, terms: cut, min: floor });
      }
    }
    for (const [k, left] of s.mayLeave) {
      const terms = bySubject.get(`${sid}|${k}`);
      const members = input.classes.filter((c) => c.sender === sid && c.main === k).reduce((n, c) => n + c.members.length, 0);
      if (terms && left < members) m.constrain(`keep_${sid}_${k}`, terms, { max: left });
    }
  }

  const balanceLevel = balanceTerm === null ? null : balanceObjective(m, input, balanceTerm.weight, bbArrive, bbLeave, gapFill, need);
  const neg = (names: Iterable<string>) => new Map([...names].map((n) => [n, -1]));
  const eligible = input.senders.reduce((n, s) => n + s.eligible.length, 0);
  // Tight ranges let more levels share one weighted solve (lexicographic.ts): no plan sends more than the
  // senders' caps allow, and only the members of classes with a title need or with preferences score there.
  const sentMax = Math.min(eligible, input.senders.reduce((n, s) => n + s.cap, 0));
  const membersWith = (has: (c: TeacherClass) => boolean) => Math.min(sentMax, input.classes.filter(has).reduce((n, c) => n + c.members.length, 0));
  const levels: Level[] = [
    { name: 'R1 shortfall', terms: neg(slackR1.values()), range: input.senders.reduce((n, s) => n + s.required, 0) },
    { name: 'R2 shortfall', terms: neg(slackR2.values()), range: r2Range },
    ...(balanceLevel !== null ? [balanceLevel] : []),
  ];
  for (const p of OBJECTIVE_DEFAULTS.needPriorities) {
    // Posts filled = Σ needed − Σ posts left open.
    const terms = new Map<string, number>();
    let range = 0;
    for (const [key, s] of open) {
      const g = need.get(key)!;
      if (g.priority !== p) continue;
      range += g.needed;
      terms.set(s, -1);
    }
    levels.push({ name: `R4 priority-${p} posts filled`, terms, range, offset: range });
  }
  levels.push(
    { name: 'R5 receivers given a backbone teacher', terms: new Map([...r5.values()].map((y) => [y, 1])), range: r5.size },
    { name: 'extra teachers (fewer is better)', terms: extras, range: sentMax },
    { name: 'teachers needing rural service for a title', terms: title, range: membersWith((c) => c.titleNeed) },
    { name: 'preferences met', terms: pref, range: preferenceWeight(0) * membersWith((c) => c.preferences.length > 0) },
    { name: 'same education group', terms: group, range: sentMax },
    { name: 'total distance (0.1 km, shorter is better)', terms: dist, range: distanceRange(input) },
  );
  // rotation replan: right after the rules R1–R5, as few changed teachers as possible. A teacher of the provisional
  // plan changes unless their place is kept; anyone else changes when sent: changes = P − (kept − newcomers sent).
  // (A swapped teacher's target is the other's place: kept there counts, which steers them to the other's subject.)
  if (input.targets !== undefined) levels.splice(levels.findIndex((l) => l.name.startsWith('R5')) + 1, 0, { name: CHANGES_LEVEL, terms: kept, range: input.targets.size + eligible });
  return { input, variables: m.variables, constraints: m.constraints, cuts, levels: levels.filter((l) => l.terms.size > 0), classVars, flows, r5, slackR1, slackR2 };
}

/**
 * R2 for one sender; returns the most its shortfall can be. The ratio row den × backbone + den × u2 ≥ num × sent,
 * or, for a sender the "excuse" reading excuses (r2-reading.ts), a fixed count: backbone + u2 ≥ ceil(share × the
 * fewest it may send), so it sends every backbone teacher it can and any number of others up to its cap.
 */
function r2Row(
  m: Builder, s: CountyInput['senders'][number], input: CountyInput, policy: Policy,
  r: { total: Map<string, number>; backbone: Map<string, number>; u2: string; num: number; den: number },
): number {
  const sid = s.school.school_id;
  if (r2Excused(s, input, policy)) {
    const { need } = backboneAtFewest(s, input, policy);
    m.constrain(`R2excused_${sid}`, new Map([...r.backbone, [r.u2, 1]]), { min: need });
    return need;
  }
  const terms = new Map<string, number>();
  for (const [n, c] of r.backbone) add(terms, n, r.den * c);
  add(terms, r.u2, r.den);
  for (const [n, c] of r.total) add(terms, n, -r.num * c);
  m.constrain(`R2_${sid}`, terms, { min: 0 });
  return Math.ceil((s.cap * r.num) / r.den);
}

/**
 * The balance level (balance.backbone_weight = w > 0): SCALE × posts filled (all priorities) − round(SCALE × w × Σ_i f_i),
 * f_i a school's backbone dispersion (balance-term.ts), as unit variables v with non-decreasing marginal costs:
 * Σ_k v[i,k] = backbone arrivals (departures) at school i, K = an upper bound on them.
 */
function balanceObjective(
  m: Builder, input: CountyInput, weight: number, arrive: Map<string, Map<string, number>>, leave: Map<string, Map<string, number>>,
  gapFill: Map<string, Map<string, number>>, need: Map<string, { needed: number }>,
): Level {
  const terms = new Map<string, number>();
  let range = 0;
  for (const [key, t] of gapFill) {
    range += BALANCE_SCALE * need.get(key)!.needed;
    for (const [n, c] of t) add(terms, n, BALANCE_SCALE * c);
  }
  const schools = input.balance!.schools;
  const units = (school: string, counted: Map<string, number> | undefined, bound: number, direction: 1 | -1) => {
    const info = schools.get(school);
    if (counted === undefined || info === undefined || info.parts.length === 0 || bound <= 0) return;
    const tag = direction > 0 ? 'in' : 'out';
    const row = new Map<string, number>();
    for (const [n, c] of counted) add(row, n, -c);
    for (const [i, cost] of marginalCosts(info.parts, info.backbone, bound, direction).entries()) {
      const v = m.variable(`v${tag}${i + 1}_${school}`, 1);
      add(row, v, 1);
      const coef = Math.round(BALANCE_SCALE * weight * cost);
      if (coef !== 0) add(terms, v, -coef);
      range += Math.abs(coef);
    }
    m.constrain(`bal${tag}_${school}`, row, { min: 0, max: 0 });
  };
  const backbone = input.classes.filter((c) => c.r5Backbone);
  for (const r of input.receivers) {
    const id = r.school.school_id;
    units(id, arrive.get(id), backbone.filter((c) => c.receivers.includes(id)).reduce((n, c) => n + c.members.length, 0), 1);
  }
  for (const s of input.senders) {
    const id = s.school.school_id;
    units(id, leave.get(id), Math.min(s.cap, backbone.filter((c) => c.sender === id).reduce((n, c) => n + c.members.length, 0)), -1);
  }
  return { name: BALANCE_LEVEL, terms, range };
}

/** Most total distance (0.1 km) any plan can travel: every sender sends its cap to its farthest receiver. */
function distanceRange(input: CountyInput): number {
  let total = 0;
  for (const s of input.senders) {
    let far = 0;
    for (const r of input.receivers) far = Math.max(far, input.distance.get(pairKey(s.school.school_id, r.school.school_id)) ?? 0);
    total += s.cap * Math.round(far * KM_UNITS);
  }
  return total;
}

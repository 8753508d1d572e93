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
  /**
   * The pooled model (pooled.ts): the plain classes' flows leave from one pool per education group instead of
   * one per sender, and the distance level is left out. Only for counties where every sender reaches every
   * receiver (pooled.ts says why its optimum is then the model's at every other level).
   */
  readonly pooled?: boolean;
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

/** Receiver facts every part reads: the gaps, the R5 receivers (none of R5 level yet), the education groups. */
interface Facts {
  readonly input: CountyInput;
  readonly policy: Policy;
  readonly perTeacher: boolean;
  readonly pooled: boolean;
  readonly need: Map<string, { needed: number; priority: number }>;
  readonly r5Receivers: Set<string>;
  readonly groupOf: Map<string, string>;
  readonly senderGroup: Map<string, string>;
  /** balance.backbone_weight > 0: backbone (R5-level = balance.ts's county level) arrivals and departures are counted per school. */
  readonly balanceTerm: NonNullable<CountyInput['balance']> | null;
}

/** What the parts add up while they create variables: the rows' and the levels' terms. */
interface Tallies {
  readonly gapFill: Map<string, Map<string, number>>;
  readonly extraAt: Map<string, Map<string, number>>;
  readonly r5At: Map<string, Map<string, number>>;
  readonly sent: Map<string, Map<string, number>>;
  readonly backboneSent: Map<string, Map<string, number>>;
  readonly bySubject: Map<string, Map<string, number>>;
  readonly bbArrive: Map<string, Map<string, number>>;
  readonly bbLeave: Map<string, Map<string, number>>;
  readonly extras: Map<string, number>;
  readonly title: Map<string, number>;
  readonly pref: Map<string, number>;
  readonly kept: Map<string, number>;
  readonly group: Map<string, number>;
  readonly dist: Map<string, number>;
}

/** One model under construction: the builder, the facts, the tallies. */
interface Parts extends Facts {
  readonly m: Builder;
  readonly t: Tallies;
}

type ClassVars = CountyModel['classVars'];
type Flows = CountyModel['flows'];

const hasGap = (p: Facts, r: string, k: string) => p.need.has(`${r}|${k}`);

function at<K>(map: Map<K, Map<string, number>>, key: K): Map<string, number> {
  let t = map.get(key);
  if (!t) map.set(key, (t = new Map()));
  return t;
}

function facts(input: CountyInput, policy: Policy, perTeacher: boolean, pooled: boolean): Facts {
  const need = new Map<string, { needed: number; priority: number }>();
  for (const r of input.receivers) for (const g of r.gaps) if (g.needed > 0) need.set(`${r.school.school_id}|${g.subject}`, g);
  return {
    input, policy, perTeacher, pooled, need,
    r5Receivers: new Set(input.receivers.filter((r) => r.backboneBefore === 0).map((r) => r.school.school_id)),
    groupOf: new Map(input.receivers.map((r) => [r.school.school_id, r.school.group])),
    senderGroup: new Map(input.senders.map((s) => [s.school.school_id, s.school.group])),
    balanceTerm: input.balance !== undefined && input.balance.weight > 0 ? input.balance : null,
  };
}

function tallies(): Tallies {
  return {
    gapFill: new Map(), extraAt: new Map(), r5At: new Map(), sent: new Map(), backboneSent: new Map(), bySubject: new Map(),
    bbArrive: new Map(), bbLeave: new Map(), extras: new Map(), title: new Map(), pref: new Map(), kept: new Map(), group: new Map(), dist: new Map(),
  };
}

/**
 * A variable that brings teachers of `role` from `source` to receiver `r`: gap filled or extra, group, distance.
 * The source is a sender, or in the pooled model an education group's pool (no distance).
 */
function arrive(p: Parts, name: string, source: Source, r: string, role: string): void {
  if (role === EXTRA) { add(at(p.t.extraAt, r), name, 1); add(p.t.extras, name, -1); } else add(at(p.t.gapFill, `${r}|${role}`), name, 1);
  if (p.groupOf.get(r) !== '' && p.groupOf.get(r) === source.group) add(p.t.group, name, 1);
  if (source.sender === null) return;
  const d = p.input.distance.get(pairKey(source.sender, r));
  if (d !== null && d !== undefined && d > 0) add(p.t.dist, name, -Math.round(d * KM_UNITS));
}

/** Where a flow leaves from: a sender, or in the pooled model an education group's pool (sender null). */
interface Source {
  readonly key: string;
  readonly group: string;
  readonly sender: string | null;
}

/** The pooled model's pool of each sender: one per education group, `pool0`, `pool1`, … in the groups' order (pooled.ts reads it too). */
export function poolOfSender(input: CountyInput): Map<string, string> {
  const groups = [...new Set(input.senders.map((s) => s.school.group))].sort();
  return new Map(input.senders.map((s) => [s.school.school_id, `pool${groups.indexOf(s.school.group)}`]));
}

/** Each sender's flow source: itself, or in the pooled model its education group's pool. */
function sourcesBySender(p: Facts): Map<string, Source> {
  const pools = p.pooled ? poolOfSender(p.input) : null;
  return new Map(p.input.senders.map((s): [string, Source] => {
    const id = s.school.school_id;
    return [id, pools === null ? { key: id, group: s.school.group, sender: id } : { key: pools.get(id)!, group: s.school.group, sender: null }];
  }));
}

/** The distinct flow sources (the order of the flow variables): the senders in order, or the pools in their groups' order. */
function distinctSources(bySender: ReadonlyMap<string, Source>): Source[] {
  const seen = new Map<string, Source>();
  for (const source of bySender.values()) if (!seen.has(source.key)) seen.set(source.key, source);
  const all = [...seen.values()];
  return all.every((x) => x.sender === null) ? all.sort((x, y) => (x.group < y.group ? -1 : x.group > y.group ? 1 : 0)) : all;
}

/**
 * Class layer: per class, `a` per role for the plain classes (their receivers come from the sender's flows) and
 * personal `w` per (receiver, role) for the receivers that matter to the class; one row caps the class's size.
 * Returns the variables per class and the plain classes per sender and role (for senderFlows).
 */
function classLayer(p: Parts, sourceOf: ReadonlyMap<string, Source>): { classVars: ClassVars; plainRoles: Map<string, Map<string, TeacherClass[]>> } {
  const { m, t } = p;
  const classVars: ClassVars = new Map();
  const plainRoles = new Map<string, Map<string, TeacherClass[]>>();
  for (const c of p.input.classes) {
    const vars: { role: string; receiver: string | null; name: string }[] = [];
    const size = c.members.length;
    const plain = c.pin === null && c.forbidden.size === 0 && c.couple === undefined && !p.perTeacher;
    const personal = c.pin !== null ? [c.pin] : plain ? withTarget(c.preferences, c.target) : c.receivers;
    const counted = new Map<string, number>();
    const use = (name: string) => {
      add(counted, name, 1);
      if (c.target === undefined) add(t.kept, name, -1);
      add(at(t.sent, c.sender), name, 1);
      add(at(t.bySubject, `${c.sender}|${c.main}`), name, 1);
      if (c.r2Backbone) add(at(t.backboneSent, c.sender), name, 1);
      if (c.titleNeed) add(t.title, name, 1);
      if (p.balanceTerm !== null && c.r5Backbone) add(at(t.bbLeave, c.sender), name, 1);
    };
    if (plain) {
      const roles = [...c.subjects.filter((k) => c.receivers.some((r) => hasGap(p, r, k))), EXTRA];
      for (const role of roles) {
        const name = m.variable(`a${c.id}_${role}`);
        vars.push({ role, receiver: null, name });
        use(name);
        const from = sourceOf.get(c.sender)!.key;
        const byRole = plainRoles.get(from) ?? new Map<string, TeacherClass[]>();
        byRole.set(role, [...(byRole.get(role) ?? []), c]);
        plainRoles.set(from, byRole);
      }
    }
    for (const r of personal) {
      const rank = c.preferences.indexOf(r);
      for (const role of [...c.subjects.filter((k) => hasGap(p, r, k)), EXTRA]) {
        const name = m.variable(`w${c.id}_${r}_${role}`);
        vars.push({ role, receiver: r, name });
        use(name);
        arrive(p, name, { key: c.sender, group: p.senderGroup.get(c.sender)!, sender: c.sender }, r, role);
        if (rank >= 0) add(t.pref, name, preferenceWeight(rank));
        if (c.target?.receiver === r && (role === EXTRA ? c.main : role) === c.target.subject) add(t.kept, name, 1);
        if (c.r5Backbone && p.r5Receivers.has(r)) add(at(t.r5At, r), name, 1);
        if (p.balanceTerm !== null && c.r5Backbone) add(at(t.bbArrive, r), name, 1);
      }
    }
    classVars.set(c.id, vars);
    m.constrain(`class_${c.id}`, counted, c.pin !== null ? { min: 1, max: 1 } : { max: size });
  }
  return { classVars, plainRoles };
}

/** Couples: rows on the spouses' personal variables (couples.ts). */
function coupleLayer(p: Parts, classVars: ClassVars): void {
  const spouses = new Map<string, string>();
  const classOf = new Map<string, string>();
  for (const c of p.input.classes) {
    if (c.couple === undefined || c.couple.held) continue;
    spouses.set(c.members[0]!.teacher_id, c.couple.spouse);
    classOf.set(c.members[0]!.teacher_id, c.id);
  }
  const receiverSchools = new Map(p.input.receivers.map((r) => [r.school.school_id, r.school]));
  p.m.constraints.push(...coupleRows(spouses, classOf, classVars, receiverSchools, p.policy));
}

/**
 * Where a sender's extra teachers (sent beyond the needs, for R1) may go. Without a cap on extras per
 * receiver, senders do not compete for them, and an extra teacher changes no level but R5 (a backbone
 * teacher at a receiver that has none), the group and the distance: so the one receiver best for group,
 * then distance, and the R5 receivers (for backbone classes) keep every lexicographic optimum.
 */
function extraReceivers(p: Facts, reachable: readonly string[], source: Source, backbone: boolean): string[] {
  const sameGroup = (r: string) => (p.groupOf.get(r) !== '' && p.groupOf.get(r) === source.group ? 1 : 0);
  const km = (r: string) => (source.sender === null ? 0 : Math.round((p.input.distance.get(pairKey(source.sender, r)) ?? 0) * KM_UNITS));
  const best = [...reachable].sort((x, y) => sameGroup(y) - sameGroup(x) || km(x) - km(y) || (x < y ? -1 : x > y ? 1 : 0))[0];
  return reachable.filter((r) => r === best || (backbone && p.r5Receivers.has(r)));
}

/**
 * Flow layer: per sender and role, `z` per receiver balanced against the plain classes' `a`, and `b` ≤ z
 * counting the R5-level backbone at R5 receivers (at every receiver with the balance term on, where a
 * backbone teacher's receiver matters everywhere: backbone classes keep all their receivers for extras).
 */
function senderFlows(p: Parts, all: readonly Source[], plainRoles: Map<string, Map<string, TeacherClass[]>>): Flows {
  const { m, t } = p;
  const maxExtra = p.policy.assignment.max_extra_per_receiver;
  const flows: Flows = new Map();
  for (const source of all) {
    const sid = source.key;
    const list: { role: string; receiver: string; name: string; backbone: string | null }[] = [];
    for (const [role, classes] of plainRoles.get(sid) ?? []) {
      const r5Classes = classes.filter((c) => c.r5Backbone);
      const reachable = classes[0]!.receivers;
      const receivers = role !== EXTRA ? reachable.filter((r) => hasGap(p, r, role))
        : maxExtra !== null || (p.balanceTerm !== null && r5Classes.length > 0) ? reachable : extraReceivers(p, reachable, source, r5Classes.length > 0);
      const balance = new Map<string, number>();
      for (const c of classes) add(balance, `a${c.id}_${role}`, -1);
      const r5Balance = new Map<string, number>();
      for (const c of r5Classes) add(r5Balance, `a${c.id}_${role}`, -1);
      for (const r of receivers) {
        const z = m.variable(`z${sid}_${r}_${role}`);
        add(balance, z, 1);
        arrive(p, z, source, r, role);
        let b: string | null = null;
        if (r5Classes.length > 0 && (p.r5Receivers.has(r) || p.balanceTerm !== null)) {
          b = m.variable(`b${sid}_${r}_${role}`);
          add(r5Balance, b, 1);
          m.constrain(`${p.r5Receivers.has(r) ? 'r5in' : 'bbin'}_${sid}_${r}_${role}`, new Map([[b, 1], [z, -1]]), { max: 0 });
          if (p.r5Receivers.has(r)) add(at(t.r5At, r), b, 1);
          if (p.balanceTerm !== null) add(at(t.bbArrive, r), b, 1);
        }
        list.push({ role, receiver: r, name: z, backbone: b });
      }
      m.constrain(`flow_${sid}_${role}`, balance, { min: 0, max: 0 });
      // With the balance term every backbone teacher of the flow is counted where it goes (b = its backbone part).
      if (r5Balance.size > r5Classes.length) m.constrain(`r5flow_${sid}_${role}`, r5Balance, p.balanceTerm !== null ? { min: 0, max: 0 } : { max: 0 });
    }
    flows.set(sid, list);
  }
  return flows;
}

/**
 * R4 capacities: a gap takes at most its net need, as an equality with the posts left open `s` (so
 * that the posts-filled levels are −Σ s: sparse rows when lexicographic.ts fixes them, where Σ of every
 * flow into a gap was a row as long as the model is wide; 10,000 teachers: 28.7 → 22.0 s, same values);
 * extras per receiver capped by policy. Returns the posts-left-open variable per gap.
 */
function gapRows(p: Parts): Map<string, string> {
  const open = new Map<string, string>();
  for (const [key, terms] of p.t.gapFill) {
    const needed = p.need.get(key)!.needed;
    const s = p.m.variable(`s${key}`, needed);
    open.set(key, s);
    p.m.constrain(`gap_${key}`, new Map([...terms, [s, 1]]), { min: needed, max: needed });
  }
  const maxExtra = p.policy.assignment.max_extra_per_receiver;
  if (maxExtra !== null) for (const [r, terms] of p.t.extraAt) p.m.constrain(`extra_${r}`, terms, { max: maxExtra });
  return open;
}

/** R5: y[r] = 1 only when a backbone teacher of R5 level arrives at a receiver that has none. */
function r5Rows(p: Parts): Map<string, string> {
  const r5 = new Map<string, string>();
  for (const [r, terms] of p.t.r5At) {
    const y = p.m.variable(`y${r}`, 1);
    r5.set(r, y);
    p.m.constrain(`r5_${r}`, new Map([...[...terms].map(([n, c]) => [n, -c] as [string, number]), [y, 1]]), { max: 0 });
  }
  return r5;
}

/** Per sender: R1 (with its shortfall), R2 (with its shortfall and a valid inequality), one teacher of each subject stays home. */
function senderRows(p: Parts): { slackR1: Map<string, string>; slackR2: Map<string, string>; cuts: Constraint[]; r2Range: number } {
  const { m, t, input } = p;
  const { num, den } = backboneFraction(p.policy);
  const slackR1 = new Map<string, string>();
  const slackR2 = new Map<string, string>();
  const cuts: Constraint[] = [];
  let r2Range = 0;
  for (const s of input.senders) {
    const sid = s.school.school_id;
    const total = t.sent.get(sid) ?? new Map<string, number>();
    if (s.required > 0) {
      const u1 = m.variable(`u1_${sid}`);
      slackR1.set(sid, u1);
      m.constrain(`R1min_${sid}`, new Map([...total, [u1, 1]]), { min: s.required });
    }
    m.constrain(`R1cap_${sid}`, total, { max: s.cap });
    if (num > 0 && total.size > 0) {
      const u2 = m.variable(`u2_${sid}`);
      slackR2.set(sid, u2);
      r2Range += r2Row(m, s, input, p.policy, { total, backbone: t.backboneSent.get(sid) ?? new Map(), u2, num, den });
      // A valid inequality, the same integer plans: backbone sent ≥ ceil(share × sent) ≥ ceil(share × required) − R1
      // shortfall (sent ≥ required − u1, share ≤ 1). The ratio row alone lets the LP relaxation send 1.4 backbone
      // teachers with 7 sent; this row asks for 2.
      const floor = Math.ceil((s.required * num) / den);
      if (floor > 0) {
        const cut = new Map<string, number>(t.backboneSent.get(sid) ?? []);
        add(cut, u2, 1);
        add(cut, slackR1.get(sid)!, 1);
        cuts.push({ name: `R2floor_${sid}`, terms: cut, min: floor });
      }
    }
    for (const [k, left] of s.mayLeave) {
      const terms = t.bySubject.get(`${sid}|${k}`);
      const members = input.classes.filter((c) => c.sender === sid && c.main === k).reduce((n, c) => n + c.members.length, 0);
      if (terms && left < members) m.constrain(`keep_${sid}_${k}`, terms, { max: left });
    }
  }
  return { slackR1, slackR2, cuts, r2Range };
}

/** What the levels are made of, once the rows are built. */
interface LevelInputs {
  readonly p: Parts;
  readonly open: Map<string, string>;
  readonly r5: Map<string, string>;
  readonly slackR1: Map<string, string>;
  readonly slackR2: Map<string, string>;
  readonly r2Range: number;
  /** Most teachers any plan sends: no plan sends more than the senders' caps allow. */
  readonly sentMax: number;
  readonly eligible: number;
}

/** One lexicographic level: its id, its name (as plans and workbooks show it), and how it is built (null = not in this model). */
export interface LevelSpec {
  readonly id: string;
  readonly name: string;
  readonly build: (l: LevelInputs) => Omit<Level, 'name'> | null;
}

const neg = (names: Iterable<string>) => new Map([...names].map((n) => [n, -1]));
/** Tight ranges let more levels share one weighted solve (lexicographic.ts): only the members of classes with a title need or with preferences score there. */
const membersWith = (l: LevelInputs, has: (c: TeacherClass) => boolean) =>
  Math.min(l.sentMax, l.p.input.classes.filter(has).reduce((n, c) => n + c.members.length, 0));

/** R4, one level per need priority: posts filled = Σ needed − Σ posts left open. */
function postsFilled(priority: number): LevelSpec {
  return {
    id: `r4-priority-${priority}`, name: `R4 priority-${priority} posts filled`,
    build: (l) => {
      const terms = new Map<string, number>();
      let range = 0;
      for (const [key, s] of l.open) {
        const g = l.p.need.get(key)!;
        if (g.priority !== priority) continue;
        range += g.needed;
        terms.set(s, -1);
      }
      return { terms, range, offset: range };
    },
  };
}

/**
 * The lexicographic levels, most important first. The balance level (balance.backbone_weight > 0) weighs
 * posts filled against the backbone CV right after R2; `rotation replan`'s level (as few changed teachers as
 * possible) comes right after the rules R1–R5. A teacher of the provisional plan changes unless their place
 * is kept; anyone else changes when sent: changes = P − (kept − newcomers sent). (A swapped teacher's target
 * is the other's place: kept there counts, which steers them to the other's subject.)
 */
export const LEVELS: readonly LevelSpec[] = [
  { id: 'r1', name: 'R1 shortfall', build: (l) => ({ terms: neg(l.slackR1.values()), range: l.p.input.senders.reduce((n, s) => n + s.required, 0) }) },
  { id: 'r2', name: 'R2 shortfall', build: (l) => ({ terms: neg(l.slackR2.values()), range: l.r2Range }) },
  { id: 'balance', name: BALANCE_LEVEL, build: (l) => (l.p.balanceTerm === null ? null : balanceObjective(l.p.m, l.p.input, l.p.balanceTerm.weight, l.p.t, l.p.need)) },
  ...OBJECTIVE_DEFAULTS.needPriorities.map(postsFilled),
  { id: 'r5', name: 'R5 receivers given a backbone teacher', build: (l) => ({ terms: new Map([...l.r5.values()].map((y) => [y, 1])), range: l.r5.size }) },
  { id: 'changes', name: CHANGES_LEVEL, build: (l) => (l.p.input.targets === undefined ? null : { terms: l.p.t.kept, range: l.p.input.targets.size + l.eligible }) },
  { id: 'extras', name: 'extra teachers (fewer is better)', build: (l) => ({ terms: l.p.t.extras, range: l.sentMax }) },
  { id: 'title', name: 'teachers needing rural service for a title', build: (l) => ({ terms: l.p.t.title, range: membersWith(l, (c) => c.titleNeed) }) },
  { id: 'preferences', name: 'preferences met', build: (l) => ({ terms: l.p.t.pref, range: preferenceWeight(0) * membersWith(l, (c) => c.preferences.length > 0) }) },
  { id: 'group', name: 'same education group', build: (l) => ({ terms: l.p.t.group, range: l.sentMax }) },
  { id: 'distance', name: 'total distance (0.1 km, shorter is better)', build: (l) => ({ terms: l.p.t.dist, range: distanceRange(l.p.input) }) },
];

/** The levels of this model, in LEVELS's order; a level with no terms is left out. */
function levelsOf(l: LevelInputs): Level[] {
  const levels: Level[] = [];
  for (const spec of LEVELS) {
    // The pooled model's flows have no distance: its levels are all the model's but the last (pooled.ts).
    if (l.p.pooled && spec.id === 'distance') continue;
    const built = spec.build(l);
    if (built !== null && built.terms.size > 0) levels.push({ name: spec.name, ...built });
  }
  return levels;
}

/** Builds the model of one county: classes, couples, flows, gaps, R5, senders (R1, R2, subjects), then the levels. */
export function buildCountyModel(countyInput: CountyInput, policy: Policy, options: ModelOptions = {}): CountyModel {
  const perTeacher = options.perTeacher === true;
  const input = perTeacher ? splitClasses(countyInput) : countyInput;
  const p: Parts = { ...facts(input, policy, perTeacher, options.pooled === true), m: new Builder(), t: tallies() };
  const sourceOf = sourcesBySender(p);
  const { classVars, plainRoles } = classLayer(p, sourceOf);
  coupleLayer(p, classVars);
  const flows = senderFlows(p, distinctSources(sourceOf), plainRoles);
  const open = gapRows(p);
  const r5 = r5Rows(p);
  const { slackR1, slackR2, cuts, r2Range } = senderRows(p);
  const eligible = input.senders.reduce((n, s) => n + s.eligible.length, 0);
  const sentMax = Math.min(eligible, input.senders.reduce((n, s) => n + s.cap, 0));
  const levels = levelsOf({ p, open, r5, slackR1, slackR2, r2Range, sentMax, eligible });
  return { input, variables: p.m.variables, constraints: p.m.constraints, cuts, levels, classVars, flows, r5, slackR1, slackR2 };
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
  m: Builder, input: CountyInput, weight: number, { bbArrive: arrive, bbLeave: leave, gapFill }: Tallies, need: Map<string, { needed: number }>,
): Omit<Level, 'name'> {
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
  return { terms, range };
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

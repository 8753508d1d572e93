/**
 * The county model (model.ts) as a flow network, built from the model itself
 * so that the rules live in one place: its rows give the capacities, its
 * variables the arcs, its levels the arc costs.
 *
 *   source ─R1 part (cap required, R1 reward)──┐
 *          ─rest (cap R1 cap − required)──────┴→ sender ─(keep row)→ sender×main subject ─(class row)→ class
 *   class ─a[c,ρ]→ sender×role×{R5 backbone or not} ─z[s,r,ρ]→ gap (r,ρ) / extras of r
 *   class ─w[c,r,ρ]→ gap (r,ρ) / extras of r                      (personal variables)
 *   R5-level backbone arrivals at a receiver without one pass a node per (r,ρ): a free arc to the gap, and
 *   the receiver's gadget (one R5 reward per receiver, see `arrival`).
 *   gap (r,ρ) ─cap net need (posts reward)→ sink;  extras of r ─(extra cap)→ sink;  sink → source.
 *
 * Two rules are not network rows and are relaxed: R2 (backbone ≥ share × sent, a ratio) is dropped, and
 * R5's gadget lets one backbone teacher per receiver switch roles. The network's optimum is then an upper bound at
 * every level (see lexicographic-flow.ts for the certificate that makes it exact).
 */
import { type CountyModel, EXTRA, type Level } from '../model.js';
import type { Constraint } from '../solver.js';
import { type ArcSpec, INF } from './network-simplex.js';

/** How an arc's flow enters the model: variables it adds to, and what a level term on a derived variable rewards. */
export interface NetArc extends ArcSpec {
  /** Model variables this arc's flow adds to (coefficient 1). */
  readonly vars: readonly string[];
  /** The R1 part of a sender (its flow = required − u1), the gap arc of a gap (flow = needed − s), an R5 reward arc. */
  readonly special?: { kind: 'r1'; sender: string } | { kind: 'r2'; sender: string } | { kind: 'gap'; key: string; role: string }
    | { kind: 'r5' | 'r5in' | 'r5out'; receiver: string; role: string };
}

export interface CountyNetwork {
  readonly nodes: number;
  readonly arcs: readonly NetArc[];
  /** Keep rows split over the backbone and the other side: their bound, and the two sides' arcs (−1: none). */
  readonly crossing: readonly { key: string; left: number; arcs: [number, number] }[];
  /** Each sender's arc source-side → sent (where its [lo, hi] goes). */
  readonly sentArc: ReadonlyMap<string, number>;
}

/** Why a county's model has no network form yet (the MILP path plans it then). */
export type Unsupported = string;

/**
 * A branch of the search over the relaxed rules (lexicographic-flow.ts): per sender, bounds on how many it
 * sends and the R2 part (backbone teachers rewarded at the R2 level, ⌈share × lo⌉); per R5 receiver, the
 * roles whose backbone arrivals may pass its R5 gadget (all when absent).
 */
export interface Bounds {
  readonly lo: ReadonlyMap<string, number>;
  readonly hi: ReadonlyMap<string, number>;
  readonly r2: ReadonlyMap<string, number>;
  readonly r5Roles: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per `sender|subject` with a crossing keep row: the range of its backbone side's count. */
  readonly keep: ReadonlyMap<string, readonly [number, number]>;
}

export const NO_BOUNDS: Bounds = { lo: new Map(), hi: new Map(), r2: new Map(), r5Roles: new Map(), keep: new Map() };

export function countyNetwork(model: CountyModel): CountyNetwork | Unsupported {
  const input = model.input;
  if (input.balance !== undefined && input.balance.weight > 0) return 'balance.backbone_weight > 0';
  const rows = new Map<string, Constraint>(model.constraints.map((c) => [c.name, c]));
  let nodes = 0;
  const node = new Map<string, number>();
  const id = (key: string) => {
    let v = node.get(key);
    if (v === undefined) node.set(key, (v = nodes++));
    return v;
  };
  const SOURCE = id('source');
  const SINK = id('sink');
  const arcs: NetArc[] = [{ from: SINK, to: SOURCE, upper: INF, vars: [] }];
  const r5Receivers = new Set(model.r5.keys());
  // Where a flow arriving at receiver r in role ρ goes: through the node (r,ρ) when it brings an R5 backbone
  // teacher to a receiver without one. From there a free arc to the gap (r,ρ), and the receiver's R5 gadget:
  // (r,ρ) → Q_r → (cap 1, the R5 reward) → Z_r → gap (r,ρ') for every such role ρ': one reward per receiver,
  // whatever the role. Through the gadget one backbone teacher could switch roles — a relaxation; such a
  // flow is no plan, and the search branches on it (lexicographic-flow.ts).
  const arrival = (r: string, role: string, backbone: boolean) => {
    if (!backbone || !r5Receivers.has(r)) return destination(r, role);
    const key = `r5|${r}|${role}`;
    if (node.has(key)) return node.get(key)!;
    const h = id(key);
    const to = destination(r, role);
    arcs.push({ from: h, to, upper: INF, vars: [] });
    if (!node.has(`r5q|${r}`)) arcs.push({ from: id(`r5q|${r}`), to: id(`r5z|${r}`), upper: 1, vars: [], special: { kind: 'r5', receiver: r, role: '' } });
    arcs.push({ from: h, to: node.get(`r5q|${r}`)!, upper: INF, vars: [], special: { kind: 'r5in', receiver: r, role } });
    arcs.push({ from: node.get(`r5z|${r}`)!, to, upper: INF, vars: [], special: { kind: 'r5out', receiver: r, role } });
    return h;
  };
  const destination = (r: string, role: string) => {
    if (role === EXTRA) {
      const key = `extra|${r}`;
      if (!node.has(key)) arcs.push({ from: id(key), to: SINK, upper: rows.get(`extra_${r}`)?.max ?? INF, vars: [] });
      return node.get(key)!;
    }
    const key = `${r}|${role}`;
    if (!node.has(`gap|${key}`)) {
      const gap = rows.get(`gap_${key}`);
      if (gap === undefined) throw new Error(`no gap row for ${key}`);
      arcs.push({ from: id(`gap|${key}`), to: SINK, upper: gap.max!, vars: [], special: { kind: 'gap', key, role } });
    }
    return node.get(`gap|${key}`)!;
  };

  const sentArc = new Map<string, number>();
  // Senders: source → sender (R1 part, rest) → [lo, hi] → backbone / other side (R2 part on the backbone side)
  // → sender × main subject × side (keep row) → class.
  for (const s of input.senders) {
    const sid = s.school.school_id;
    const cap = rows.get(`R1cap_${sid}`);
    if (cap === undefined) continue;
    const sender = id(`sender|${sid}`);
    const required = model.slackR1.has(sid) ? s.required : 0;
    if (required > 0) arcs.push({ from: SOURCE, to: sender, upper: required, vars: [], special: { kind: 'r1', sender: sid } });
    if (cap.max! > required) arcs.push({ from: SOURCE, to: sender, upper: cap.max! - required, vars: [] });
    const sent = id(`sent|${sid}`);
    sentArc.set(sid, arcs.length);
    arcs.push({ from: sender, to: sent, upper: cap.max!, vars: [] });
    const backbone = id(`side|${sid}|1`);
    if (model.slackR2.has(sid)) arcs.push({ from: sent, to: backbone, upper: 0, vars: [], special: { kind: 'r2', sender: sid } });
    arcs.push({ from: sent, to: backbone, upper: INF, vars: [] }, { from: sent, to: id(`side|${sid}|0`), upper: INF, vars: [] });
  }
  // A keep row over a subject with backbone and other teachers crosses the sides: each side gets the row's
  // bound (relaxed), narrowed by the branch's range for the backbone side's count.
  const sides = new Map<string, Set<boolean>>();
  for (const c of input.classes) {
    const key = `${c.sender}|${c.main}`;
    sides.set(key, (sides.get(key) ?? new Set()).add(c.r2Backbone));
  }
  const crossing: { key: string; left: number; arcs: [number, number] }[] = [];
  const subjectNode = (sender: string, main: string, backbone: boolean) => {
    const key = `subject|${sender}|${main}|${backbone ? 1 : 0}`;
    if (node.has(key)) return node.get(key)!;
    const left = rows.get(`keep_${sender}_${main}`)?.max;
    const cross = left !== undefined && sides.get(`${sender}|${main}`)!.size === 2;
    arcs.push({ from: id(`side|${sender}|${backbone ? 1 : 0}`), to: id(key), upper: left ?? INF, vars: [] });
    if (cross) {
      const other = crossing.find((x) => x.key === `${sender}|${main}`);
      if (other === undefined) crossing.push({ key: `${sender}|${main}`, left: left!, arcs: backbone ? [arcs.length - 1, -1] : [-1, arcs.length - 1] });
      else other.arcs[backbone ? 0 : 1] = arcs.length - 1;
    }
    return node.get(key)!;
  };
  const plainBackbone = new Map<string, boolean>();
  for (const c of input.classes) {
    const vars = model.classVars.get(c.id) ?? [];
    if (vars.length === 0) continue;
    const row = rows.get(`class_${c.id}`)!;
    const cls = id(`class|${c.id}`);
    arcs.push({ from: subjectNode(c.sender, c.main, c.r2Backbone), to: cls, lower: row.min ?? 0, upper: row.max!, vars: [] });
    for (const v of vars) {
      if (v.receiver === null) {
        arcs.push({ from: cls, to: id(`role|${c.sender}|${v.role}|${c.r5Backbone ? 1 : 0}`), upper: INF, vars: [v.name] });
        plainBackbone.set(`${c.sender}|${v.role}|${c.r5Backbone ? 1 : 0}`, true);
      } else {
        arcs.push({ from: cls, to: arrival(v.receiver, v.role, c.r5Backbone), upper: INF, vars: [v.name] });
      }
    }
  }
  for (const [sid, flows] of model.flows) {
    for (const f of flows) {
      for (const flag of [0, 1]) {
        const key = `role|${sid}|${f.role}|${flag}`;
        if (!node.has(key)) continue;
        arcs.push({ from: node.get(key)!, to: arrival(f.receiver, f.role, flag === 1), upper: INF, vars: flag === 1 && f.backbone !== null ? [f.name, f.backbone] : [f.name] });
      }
    }
  }
  return { nodes, arcs, crossing, sentArc };
}

/** A level on the network: reward per arc (maximised) and the constant that makes Σ reward × flow + constant the level's value. */
export interface LevelRewards { readonly reward: Float64Array; readonly constant: number }

/**
 * A level as arc rewards: a term on a variable an arc adds to rewards that arc; a term on a derived variable
 * rewards the arc that determines it (u1 = required − R1 part, s = needed − gap arc, y = R5 reward arcs,
 * u2 = R2 part − flow on it). The returned function gives null when a term is on a variable the network
 * does not have.
 */
export function levelRewards(net: CountyNetwork, model: CountyModel): (level: Level) => LevelRewards | null {
  const zero = new Set(model.variables.filter((v) => v.upper === 0).map((v) => v.name));
  /** Arcs whose flow a variable's value rises (+1) or falls (−1) with, and the variable's value at flow 0. */
  const arcsOf = new Map<string, { e: number; sign: number }[]>();
  const base = new Map<string, number>();
  const link = (name: string, e: number, sign: number) => {
    const list = arcsOf.get(name);
    if (list === undefined) arcsOf.set(name, [{ e, sign }]); else list.push({ e, sign });
  };
  const rows = new Map(model.constraints.map((c) => [c.name, c]));
  for (const s of model.input.senders) {
    const u1 = model.slackR1.get(s.school.school_id);
    if (u1 !== undefined) base.set(u1, s.required);
  }
  net.arcs.forEach((a, e) => {
    for (const v of a.vars) link(v, e, 1);
    const s = a.special;
    if (s?.kind === 'r1') link(model.slackR1.get(s.sender)!, e, -1);
    // u2 = part − flow on the R2 part: the part's constant is the branch's (branchBounds).
    if (s?.kind === 'r2') link(model.slackR2.get(s.sender)!, e, -1);
    if (s?.kind === 'gap') { link(`s${s.key}`, e, -1); base.set(`s${s.key}`, rows.get(`gap_${s.key}`)!.max!); }
    if (s?.kind === 'r5') link(model.r5.get(s.receiver)!, e, 1);
  });
  const r2 = new Set(model.slackR2.values());
  return (level) => {
    const reward = new Float64Array(net.arcs.length);
    let constant = level.offset ?? 0;
    for (const [name, coef] of level.terms) {
      if (coef === 0) continue;
      constant += coef * (base.get(name) ?? 0);
      const list = arcsOf.get(name);
      if (list === undefined) {
        // A sender whose R2 stays relaxed has no R2 part: its shortfall counts 0 here, an upper bound.
        // A sender with nothing to send keeps its R1 shortfall (the constant).
        if (zero.has(name) || r2.has(name) || base.has(name)) continue;
        return null;
      }
      for (const { e, sign } of list) reward[e]! += sign * coef;
    }
    return { reward, constant };
  };
}

/**
 * The network's arcs under a branch's bounds: a sender's [lo, hi] on its sent arc, its R2 part as the
 * capacity of the R2 arc, a split keep row's range on its backbone side (and the rest on the other), and the
 * R5 gadget closed for the roles a receiver's branch took away.
 */
export function branchArcs(net: CountyNetwork, bounds: Bounds): ArcSpec[] {
  const specs: ArcSpec[] = net.arcs.map((a) => ({ from: a.from, to: a.to, upper: a.upper, ...(a.lower !== undefined ? { lower: a.lower } : {}) }));
  for (const [sid, e] of net.sentArc) {
    const lo = bounds.lo.get(sid);
    const hi = bounds.hi.get(sid);
    if (lo !== undefined || hi !== undefined) specs[e] = { ...specs[e]!, lower: lo ?? 0, upper: Math.min(specs[e]!.upper, hi ?? INF) };
  }
  net.arcs.forEach((a, e) => {
    if (a.special?.kind === 'r2') specs[e] = { ...specs[e]!, upper: bounds.r2.get(a.special.sender) ?? 0 };
    if ((a.special?.kind === 'r5in' || a.special?.kind === 'r5out') && bounds.r5Roles.get(a.special.receiver)?.has(a.special.role) === false) specs[e] = { ...specs[e]!, upper: 0 };
  });
  for (const c of net.crossing) {
    const range = bounds.keep.get(c.key);
    if (range === undefined) continue;
    const [bb, other] = c.arcs;
    if (bb >= 0) specs[bb] = { ...specs[bb]!, lower: range[0], upper: Math.min(c.left, range[1]) };
    if (other >= 0) specs[other] = { ...specs[other]!, upper: c.left - range[0] };
  }
  return specs;
}

/** The part of a level's constant that depends on the branch: u2 = R2 part − flow, so c × part per R2 term. */
export function branchConstant(model: CountyModel, level: Level, bounds: Bounds): number {
  let constant = 0;
  for (const [sid, u2] of model.slackR2) {
    const coef = level.terms.get(u2);
    if (coef !== undefined) constant += coef * (bounds.r2.get(sid) ?? 0);
  }
  return constant;
}

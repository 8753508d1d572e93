/**
 * The county model (model.ts) as a flow network, built from the model itself
 * so that the rules live in one place: its rows give the capacities, its
 * variables the arcs, its levels the arc costs.
 *
 *   source ─R1 part (cap required, R1 reward)──┐
 *          ─rest (cap R1 cap − required)──────┴→ sender ─(keep row)→ sender×main subject ─(class row)→ class
 *   class ─a[c,ρ]→ sender×role×{R5 backbone or not} ─z[s,r,ρ]→ gap (r,ρ) / extras of r
 *   class ─w[c,r,ρ]→ gap (r,ρ) / extras of r                      (personal variables)
 *   R5-level backbone arrivals at a receiver without one pass a node per (r,ρ) with two arcs to the gap:
 *   capacity 1 carrying the R5 reward, and a free one.
 *   gap (r,ρ) ─cap net need (posts reward)→ sink;  extras of r ─(extra cap)→ sink;  sink → source.
 *
 * Two rules are not network rows and are relaxed: R2 (backbone ≥ share × sent, a ratio) is dropped, and
 * R5's "a receiver counts once" becomes "once per role". The network's optimum is then an upper bound at
 * every level (see lexicographic-flow.ts for the certificate that makes it exact).
 */
import { type CountyModel, EXTRA } from '../model.js';
import type { Constraint } from '../solver.js';
import { type ArcSpec, INF } from './network-simplex.js';

/** How an arc's flow enters the model: variables it adds to, and what a level term on a derived variable rewards. */
export interface NetArc extends ArcSpec {
  /** Model variables this arc's flow adds to (coefficient 1). */
  readonly vars: readonly string[];
  /** The R1 part of a sender (its flow = required − u1), the gap arc of a gap (flow = needed − s), an R5 reward arc. */
  readonly special?: { kind: 'r1'; sender: string } | { kind: 'gap'; key: string } | { kind: 'r5'; receiver: string };
}

export interface CountyNetwork {
  readonly nodes: number;
  readonly arcs: readonly NetArc[];
}

/** Why a county's model has no network form yet (the MILP path plans it then). */
export type Unsupported = string;

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
  // Where a flow arriving at receiver r in role ρ goes: through the R5 node when it brings an R5 backbone teacher there.
  const arrival = (r: string, role: string, backbone: boolean) => {
    if (backbone && r5Receivers.has(r)) {
      const key = `r5|${r}|${role}`;
      if (!node.has(key)) {
        const b = id(key);
        const to = destination(r, role);
        arcs.push({ from: b, to, upper: 1, vars: [], special: { kind: 'r5', receiver: r } }, { from: b, to, upper: INF, vars: [] });
      }
      return node.get(key)!;
    }
    return destination(r, role);
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
      arcs.push({ from: id(`gap|${key}`), to: SINK, upper: gap.max!, vars: [], special: { kind: 'gap', key } });
    }
    return node.get(`gap|${key}`)!;
  };

  for (const s of input.senders) {
    const sid = s.school.school_id;
    const cap = rows.get(`R1cap_${sid}`);
    if (cap === undefined) continue;
    const sender = id(`sender|${sid}`);
    const required = model.slackR1.has(sid) ? s.required : 0;
    if (required > 0) arcs.push({ from: SOURCE, to: sender, upper: required, vars: [], special: { kind: 'r1', sender: sid } });
    if (cap.max! > required) arcs.push({ from: SOURCE, to: sender, upper: cap.max! - required, vars: [] });
  }
  const plainBackbone = new Map<string, boolean>();
  for (const c of input.classes) {
    const vars = model.classVars.get(c.id) ?? [];
    if (vars.length === 0) continue;
    const subjectKey = `subject|${c.sender}|${c.main}`;
    if (!node.has(subjectKey)) arcs.push({ from: id(`sender|${c.sender}`), to: id(subjectKey), upper: rows.get(`keep_${c.sender}_${c.main}`)?.max ?? INF, vars: [] });
    const row = rows.get(`class_${c.id}`)!;
    const cls = id(`class|${c.id}`);
    arcs.push({ from: node.get(subjectKey)!, to: cls, lower: row.min ?? 0, upper: row.max!, vars: [] });
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
  return { nodes, arcs };
}

/**
 * A level as arc rewards (maximised): a term on a variable an arc adds to rewards that arc; a term on a
 * derived variable rewards the arc that determines it (u1 = required − R1 part, s = needed − gap arc,
 * y = R5 reward arcs); R2's slack is relaxed away. The returned function gives null when a term is on a
 * variable the network does not have.
 */
export function levelRewards(net: CountyNetwork, model: CountyModel): (terms: ReadonlyMap<string, number>) => Float64Array | null {
  const r2 = new Set(model.slackR2.values());
  const zero = new Set(model.variables.filter((v) => v.upper === 0).map((v) => v.name));
  /** Arcs whose flow a variable's value rises (+1) or falls (−1) with. */
  const arcsOf = new Map<string, { e: number; sign: number }[]>();
  const link = (name: string, e: number, sign: number) => {
    const list = arcsOf.get(name);
    if (list === undefined) arcsOf.set(name, [{ e, sign }]); else list.push({ e, sign });
  };
  const r1 = new Map(model.slackR1);
  const y = new Map(model.r5);
  net.arcs.forEach((a, e) => {
    for (const v of a.vars) link(v, e, 1);
    const s = a.special;
    if (s?.kind === 'r1') link(r1.get(s.sender)!, e, -1);
    if (s?.kind === 'gap') link(`s${s.key}`, e, -1);
    if (s?.kind === 'r5') link(y.get(s.receiver)!, e, 1);
  });
  return (terms) => {
    const reward = new Float64Array(net.arcs.length);
    for (const [name, coef] of terms) {
      if (coef === 0 || r2.has(name)) continue;
      const list = arcsOf.get(name);
      if (list === undefined) {
        if (zero.has(name)) continue;
        return null;
      }
      for (const { e, sign } of list) reward[e]! += sign * coef;
    }
    return reward;
  };
}

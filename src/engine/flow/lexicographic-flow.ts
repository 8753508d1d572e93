/**
 * The county's lexicographic optimum by network flow, exact or not at all.
 *
 * 1. A network (county-network.ts) holds every rule of the model but two, which it relaxes: R2 becomes
 *    "at least the R2 part of backbone teachers", the part being ⌈share × lo⌉ for a lower bound lo on what
 *    the sender sends, and one R5 backbone teacher per receiver may switch roles (the receiver's R5 gadget,
 *    county-network.ts); a keep row over backbone and other teachers is split over the two. So on every
 *    plan of the model the network's levels are ≥ the model's, level by level.
 * 2. Levels are taken in order: optimise one level's arc rewards, then freeze every arc of non-zero reduced
 *    cost at its bound (complementary slackness: what is left is exactly that level's optimal face, again
 *    a network, so again integral). Integer costs: exact.
 * 3. The flow becomes the model's variables (a, w, z, b; u1, u2, s, y as the model's rows set them) and is
 *    checked against every row of the model. Its model levels are a plan's; the network's are a bound on
 *    every plan of the branch.
 * 4. Branch and bound over the relaxed rules, in the lexicographic order of level vectors: a sender whose
 *    true R2 shortfall exceeds the network's splits into "sends at most t" (where the R2 part is exact) and
 *    "sends at least t + 1" (a larger part); a teacher switching roles in a receiver's gadget splits into "the gadget takes that role only" and
 *    "that role is out of the gadget"; a broken split keep row splits the backbone side's count.
 *    A branch whose bound is not lexicographically above the best plan found is closed. When every branch
 *    is closed the best plan is the model's lexicographic optimum, proven; when the search grows past its
 *    limit, or meets a gap it cannot branch on, the answer is "not certified" and the caller solves the MILP.
 */
import { backboneFraction } from '../../policy/quotas.js';
import type { Policy } from '../../domain/policy.js';
import type { LexResult, LexStep } from '../lexicographic.js';
import { type CountyModel, levelValue } from '../model.js';
import { type Constraint, solutionProblem } from '../solver.js';
import { type Bounds, branchArcs, branchConstant, countyNetwork, type CountyNetwork, type LevelRewards, levelRewards, NO_BOUNDS } from './county-network.js';
import { NetworkSimplex } from './network-simplex.js';

export type FlowAnswer =
  | { readonly certified: true; readonly result: LexResult; readonly nodes: number }
  | { readonly certified: false; readonly reason: string; readonly ms: number; readonly nodes: number };

export interface FlowOptions {
  /** Most branch-and-bound nodes (network solves) before giving the county to the MILP (default: by network size). */
  readonly maxNodes?: number;
}

interface Node {
  readonly net: CountyNetwork;
  readonly flow: Float64Array;
  readonly values: Map<string, number>;
  /** The network's level values: a bound on every plan of the branch. */
  readonly bound: number[];
  /** The model's level values of this plan; null when the flow breaks a keep row the network split (not a plan). */
  readonly levels: number[] | null;
  readonly steps: LexStep[];
}

/** a >lex b */
function above(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

export function solveByFlow(model: CountyModel, policy: Policy, options: FlowOptions = {}): FlowAnswer {
  const started = performance.now();
  let nodes = 0;
  const fail = (reason: string): FlowAnswer => ({ certified: false, reason, ms: performance.now() - started, nodes });
  const net = countyNetwork(model);
  if (typeof net === 'string') return fail(net);
  const rewardsOf = levelRewards(net, model);
  const rewards = model.levels.map((l) => rewardsOf(l));
  if (rewards.some((r) => r === null)) return fail('a level the network cannot express');
  const shared = { net, rewards: rewards as LevelRewards[], rows: new Map(model.constraints.map((c) => [c.name, c])) };
  const first = solveNode(model, shared, NO_BOUNDS);
  nodes++;
  if (typeof first === 'string') return fail(first);
  if (first === null) {
    // The network allows every plan the model allows, so the model is infeasible too (only pins can do that).
    return { certified: true, nodes, result: { status: 'infeasible', values: new Map(), levelValues: [], steps: [], ms: performance.now() - started } };
  }
  // When every sender can meet R1 at once (the network's R1 level is the model's), every optimal plan sends
  // at least the required number: start from lo = required, with R2 part ⌈share × required⌉.
  const { num, den } = backboneFraction(policy);
  const part = (lo: number) => Math.ceil((lo * num) / den);
  const r1 = model.levels.findIndex((l) => l.name === 'R1 shortfall');
  const root: Bounds = r1 >= 0 && (first.levels === null || first.levels[r1] !== 0) ? NO_BOUNDS : {
    lo: new Map(model.input.senders.map((s) => [s.school.school_id, s.required])),
    hi: new Map(), r2: new Map(model.input.senders.map((s) => [s.school.school_id, part(s.required)])), r5Roles: new Map(), keep: new Map(),
  };
  // A budget of network solves that shrinks with the network (about a million arc-solves), 16 to 64:
  // depends on the input only, so the same input takes the same path.
  const asModel = { sense: 'max' as const, objective: new Map<string, number>(), variables: model.variables, constraints: model.constraints };
  const maxNodes = options.maxNodes ?? Math.max(16, Math.min(64, Math.round(1e6 / net.arcs.length)));
  let best: Node | null = null;
  const stack: { bounds: Bounds; node?: Node }[] = [root === NO_BOUNDS ? { bounds: root, node: first } : { bounds: root }];
  while (stack.length > 0) {
    const task = stack.pop()!;
    let node: Node | string | null;
    if (task.node !== undefined) node = task.node;
    else {
      if (nodes >= maxNodes) return fail(`search limit: ${maxNodes} network solves`);
      nodes++;
      node = solveNode(model, shared, task.bounds);
    }
    if (node === null) continue;
    if (typeof node === 'string') return fail(node);
    if (node.levels !== null && (best === null || above(node.levels, best.levels!))) {
      // A plan must keep every row of the model before it may prune anything. The network holds every row
      // it knows; a row it does not know (a rule added to model.ts but not here) sends the county to the MILP.
      const problem = solutionProblem(asModel, node.values);
      if (problem !== null) return fail(`the network's plan breaks a row of the model: ${problem}`);
      best = node;
    }
    if (best !== null && !above(node.bound, best.levels!)) continue;
    const children = branch(model, shared.rows, node, task.bounds, part, num, den);
    // FLOW_DEBUG=1: the search's course on stderr (bound, plan, best, what it branches on).
    if (process.env.FLOW_DEBUG) console.error(`node ${nodes}: bound ${node.bound} plan ${node.levels} best ${best?.levels}`, typeof children === 'string' ? children : children.length);
    if (typeof children === 'string') return fail(children);
    stack.push(...children.map((bounds) => ({ bounds })));
  }
  if (best === null) return { certified: true, nodes, result: { status: 'infeasible', values: new Map(), levelValues: [], steps: [], ms: performance.now() - started } };
  return {
    certified: true, nodes,
    result: {
      status: 'optimal', values: best.values, steps: best.steps, ms: performance.now() - started,
      levelValues: model.levels.map((l, i) => ({ name: l.name, value: best!.levels![i]! })),
    },
  };
}

/** The children of a node whose bound is above its plan (the last one is searched first), or why there are none. */
function branch(model: CountyModel, rows: ReadonlyMap<string, Constraint>, node: Node, bounds: Bounds, part: (lo: number) => number, num: number, den: number): Bounds[] | string {
  const { net, flow, values } = node;
  // R5: a backbone teacher switching roles through a receiver's gadget: either the gadget there takes that
  // teacher's role only (then no switch is possible), or that role is taken out of it.
  const sw = switched(net, flow);
  if (sw !== null) {
    const allowed = bounds.r5Roles.get(sw.receiver) ?? new Set(net.arcs.flatMap((a) => (a.special?.kind === 'r5in' && a.special.receiver === sw.receiver ? [a.special.role] : [])));
    const only: Bounds = { ...bounds, r5Roles: new Map([...bounds.r5Roles, [sw.receiver, new Set([sw.role])]]) };
    const without: Bounds = { ...bounds, r5Roles: new Map([...bounds.r5Roles, [sw.receiver, new Set([...allowed].filter((k) => k !== sw.role))]]) };
    return [without, only];
  }
  // A keep row split over the two sides and broken: the backbone side's count is v; either fewer or at least v.
  for (const c of net.crossing) {
    const [bb, other] = c.arcs.map((e) => (e < 0 ? 0 : flow[e]!)) as [number, number];
    if (bb + other <= c.left) continue;
    const [lo, hi] = bounds.keep.get(c.key) ?? [0, c.left];
    const ranges: [number, number][] = [[lo, bb - 1], [bb, hi]];
    return ranges.filter(([a, b]) => a <= b).map((range) => ({ ...bounds, keep: new Map([...bounds.keep, [c.key, range]]) }));
  }
  // R2: a sender whose true shortfall exceeds the network's.
  const r2Flow = new Map<string, number>();
  net.arcs.forEach((a, e) => { if (a.special?.kind === 'r2') r2Flow.set(a.special.sender, flow[e]!); });
  for (const s of model.input.senders) {
    const sid = s.school.school_id;
    const u2 = model.slackR2.get(sid);
    if (u2 === undefined) continue;
    const p = bounds.r2.get(sid) ?? 0;
    const relaxed = p - (r2Flow.get(sid) ?? 0);
    if (values.get(u2)! <= relaxed) continue;
    const sent = sum(rows.get(`R1cap_${sid}`)!, values);
    const t = Math.floor((den * p) / num);
    if (sent <= t) return `R2 gap at ${sid} without a branch`;
    const lo = bounds.lo.get(sid) ?? 0;
    const atMost: Bounds = { ...bounds, hi: new Map([...bounds.hi, [sid, t]]) };
    const atLeast: Bounds = { ...bounds, lo: new Map([...bounds.lo, [sid, Math.max(lo, t + 1)]]), r2: new Map([...bounds.r2, [sid, part(Math.max(lo, t + 1))]]) };
    return [atMost, atLeast];
  }
  return 'a relaxation gap with no rule to branch on';
}

/** A receiver whose gadget carries a teacher of one role into a gap of another, with the teacher's role. */
function switched(net: CountyNetwork, flow: Float64Array): { receiver: string; role: string } | null {
  const into = new Map<string, string>();
  const out = new Map<string, string>();
  net.arcs.forEach((a, e) => {
    if (flow[e] === 0) return;
    if (a.special?.kind === 'r5in') into.set(a.special.receiver, a.special.role);
    if (a.special?.kind === 'r5out') out.set(a.special.receiver, a.special.role);
  });
  for (const [r, role] of into) if (out.get(r) !== role) return { receiver: r, role };
  return null;
}

function sum(row: Constraint, values: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const [v, c] of row.terms) n += c * (values.get(v) ?? 0);
  return n;
}

interface Shared { readonly net: CountyNetwork; readonly rewards: readonly LevelRewards[]; readonly rows: ReadonlyMap<string, Constraint> }

/** One network solve under a branch's bounds, level by level; null when infeasible. */
function solveNode(model: CountyModel, shared: Shared, bounds: Bounds): Node | null {
  const { net, rewards } = shared;
  const specs = branchArcs(net, bounds);
  let t = performance.now();
  const ns = new NetworkSimplex(net.nodes, specs);
  if (!ns.feasible()) return null;
  const setup = performance.now() - t;
  const steps: LexStep[] = [];
  const bound: number[] = [];
  for (const [i, level] of model.levels.entries()) {
    t = performance.now();
    const { reward } = rewards[i]!;
    const constant = rewards[i]!.constant + branchConstant(model, level, bounds);
    const costs = reward.map((r) => -r);
    ns.setCosts(costs);
    ns.optimize();
    const fixed = ns.fixNonzeroReducedCosts();
    bound.push(constant - ns.value(costs));
    steps.push({ levels: [level.name], status: 'optimal', ms: performance.now() - t + (i === 0 ? setup : 0), objective: bound[i]!, answer: 'network flow', fixedColumns: fixed });
  }
  const flow = new Float64Array(net.arcs.length);
  for (let e = 0; e < flow.length; e++) flow[e] = ns.flowOf(e);
  const values = modelValues(model, shared.rows, flow, net);
  if (net.crossing.some((c) => c.arcs.reduce((n, e) => n + (e < 0 ? 0 : flow[e]!), 0) > c.left) || switched(net, flow) !== null) {
    return { net, flow, values, bound, levels: null, steps };
  }
  const levels = model.levels.map((l) => Math.round(levelValue(l, values)));
  if (bounds === NO_BOUNDS && levels.some((v, i) => v > bound[i]!)) {
    // Cannot happen while the network relaxes the model; if it did, no bound here would be one. (In a branch
    // that takes roles away from R5 a plan may score more than the branch's bound: that plan is also in the
    // branch that keeps the role, where it is bounded.)
    throw new Error(`${model.input.county}: a network bound below its own plan (${bound} against ${levels})`);
  }
  return { net, flow, values, bound, levels, steps };
}

/** The model's variables from the arc flows: direct ones summed, derived ones (u1, s, y, u2) as their rows set them. */
function modelValues(model: CountyModel, rows: ReadonlyMap<string, Constraint>, flow: Float64Array, net: CountyNetwork): Map<string, number> {
  const values = new Map<string, number>(model.variables.map((v) => [v.name, 0]));
  net.arcs.forEach((a, e) => {
    const x = flow[e]!;
    if (x === 0) return;
    for (const v of a.vars) values.set(v, values.get(v)! + x);
  });
  // R5: a receiver has its backbone teacher when any R5-level backbone arrival reaches it (its row: y ≤ Σ arrivals).
  for (const [r, y] of model.r5) {
    const row = rows.get(`r5_${r}`)!;
    let arrivals = 0;
    for (const [v, c] of row.terms) if (v !== y) arrivals -= c * values.get(v)!;
    values.set(y, arrivals > 0 ? 1 : 0);
  }
  for (const c of model.constraints) {
    if (!c.name.startsWith('gap_')) continue;
    const key = c.name.slice(4);
    values.set(`s${key}`, c.max! - sum({ ...c, terms: new Map([...c.terms].filter(([v]) => v !== `s${key}`)) }, values));
  }
  for (const s of model.input.senders) {
    const sid = s.school.school_id;
    const u1 = model.slackR1.get(sid);
    const sent = rows.has(`R1cap_${sid}`) ? sum(rows.get(`R1cap_${sid}`)!, values) : 0;
    if (u1 !== undefined) values.set(u1, Math.max(0, s.required - sent));
    const u2 = model.slackR2.get(sid);
    if (u2 !== undefined) {
      // R2 row: den × backbone + den × u2 − num × sent ≥ 0, so u2 = max(0, ⌈(num × sent − den × backbone) / den⌉).
      const row = rows.get(`R2_${sid}`)!;
      const den = row.terms.get(u2)!;
      const rest = sum({ ...row, terms: new Map([...row.terms].filter(([v]) => v !== u2)) }, values);
      values.set(u2, Math.max(0, Math.ceil(-rest / den)));
    }
  }
  return values;
}

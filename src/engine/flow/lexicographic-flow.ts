/**
 * The county's lexicographic optimum by network flow, exact or not at all.
 *
 * 1. The network (county-network.ts) relaxes R2 and counts R5 once per (receiver, role); every other rule
 *    and level is the model's own. Levels are taken in order: optimise one level's arc costs, then freeze
 *    every arc of non-zero reduced cost at its bound (complementary slackness: what is left is exactly that
 *    level's optimal face, again a network, so again integral), then the next level. Integer costs: exact.
 * 2. The flow becomes the model's variables (a, w, z, b, then u1, s, y, u2 as the rows define them) and is
 *    checked against every row of the model (solutionProblem).
 * 3. Certificate. On every model plan x the network's levels are ≥ the model's, level by level (R2: the
 *    network has none, i.e. 0 ≥ −Σu2; R5: pairs counted ≥ receivers counted; the rest equal). So when the
 *    flow optimum x* loses nothing by the relaxation (Σu2 = 0 and as many receivers as pairs got their R5
 *    backbone teacher), every plan y has model(y) ≤ net(y) ≤lex net(x*) = model(x*): x* is the model's
 *    lexicographic optimum at every level, proven. Otherwise the answer is "not certified" and the caller
 *    solves the MILP.
 */
import type { LexResult, LexStep } from '../lexicographic.js';
import { type CountyModel, levelValue } from '../model.js';
import { type Constraint, solutionProblem } from '../solver.js';
import { countyNetwork, levelRewards, type NetArc } from './county-network.js';
import { NetworkSimplex } from './network-simplex.js';

export type FlowAnswer =
  | { readonly certified: true; readonly result: LexResult; readonly pivots: number }
  | { readonly certified: false; readonly reason: string; readonly ms: number };

export function solveByFlow(model: CountyModel): FlowAnswer {
  const started = performance.now();
  const fail = (reason: string): FlowAnswer => ({ certified: false, reason, ms: performance.now() - started });
  const net = countyNetwork(model);
  if (typeof net === 'string') return fail(net);
  const rewardsOf = levelRewards(net, model);
  const rewards = model.levels.map((l) => rewardsOf(l.terms));
  if (rewards.some((r) => r === null)) return fail('a level the network cannot express');
  let t = performance.now();
  const ns = new NetworkSimplex(net.nodes, net.arcs);
  const steps: LexStep[] = [];
  if (!ns.feasible()) {
    // The network allows every plan the model allows, so the model is infeasible too (only pins can do that).
    return {
      certified: true, pivots: ns.pivots,
      result: { status: 'infeasible', values: new Map(), levelValues: [], steps: [], ms: performance.now() - started },
    };
  }
  const setup = performance.now() - t;
  for (const [i, level] of model.levels.entries()) {
    t = performance.now();
    const costs = rewards[i]!.map((r) => -r);
    ns.setCosts(costs);
    ns.optimize();
    const fixed = ns.fixNonzeroReducedCosts();
    steps.push({ levels: [level.name], status: 'optimal', ms: performance.now() - t + (i === 0 ? setup : 0), objective: -ns.value(costs), answer: 'network flow', fixedColumns: fixed });
  }
  if (process.env.FLOW_DEBUG) console.error(`network ${net.nodes} nodes, ${net.arcs.length} arcs, ${ns.pivots} pivots, feasibility ${Math.round(setup)} ms`, steps.map((s) => `${s.levels[0]}: ${Math.round(s.ms)} ms, ${s.objective}, fixed ${s.fixedColumns}`));
  const values = modelValues(model, net.arcs, (e) => ns.flowOf(e));
  const problem = solutionProblem({ sense: 'max', objective: new Map(), variables: model.variables, constraints: model.constraints }, values);
  if (problem !== null) throw new Error(`${model.input.county}: the network's plan breaks the model: ${problem}`);
  const r2 = [...model.slackR2.values()].reduce((n, u) => n + (values.get(u) ?? 0), 0);
  if (r2 > 0) return fail(`R2 binds: the flow optimum leaves ${r2} backbone teacher(s) short`);
  const pairs = net.arcs.reduce((n, a, e) => n + (a.special?.kind === 'r5' ? ns.flowOf(e) : 0), 0);
  const receivers = [...model.r5.values()].reduce((n, y) => n + (values.get(y) ?? 0), 0);
  if (pairs !== receivers) return fail(`R5 counted per subject: ${pairs} pairs against ${receivers} receivers`);
  return {
    certified: true, pivots: ns.pivots,
    result: {
      status: 'optimal', values, steps, ms: performance.now() - started,
      levelValues: model.levels.map((l) => ({ name: l.name, value: Math.round(levelValue(l, values)) })),
    },
  };
}

/** The model's variables from the arc flows: direct ones summed, derived ones (u1, s, y, u2) as their rows set them. */
function modelValues(model: CountyModel, arcs: readonly NetArc[], flowOf: (e: number) => number): Map<string, number> {
  const values = new Map<string, number>(model.variables.map((v) => [v.name, 0]));
  const fill = new Map<string, number>();
  const bbAt = new Map<string, number>();
  arcs.forEach((a, e) => {
    const x = flowOf(e);
    if (x === 0) return;
    for (const v of a.vars) values.set(v, values.get(v)! + x);
    if (a.special?.kind === 'gap') fill.set(a.special.key, x);
    if (a.special?.kind === 'r5') bbAt.set(a.special.receiver, (bbAt.get(a.special.receiver) ?? 0) + x);
  });
  const input = model.input;
  const rows = new Map(model.constraints.map((c) => [c.name, c]));
  for (const [key] of fill) values.set(`s${key}`, rows.get(`gap_${key}`)!.max! - fill.get(key)!);
  for (const c of model.constraints) {
    if (c.name.startsWith('gap_') && !fill.has(c.name.slice(4))) values.set(`s${c.name.slice(4)}`, c.max!);
  }
  for (const [r, y] of model.r5) values.set(y, (bbAt.get(r) ?? 0) > 0 ? 1 : 0);
  for (const s of input.senders) {
    const sid = s.school.school_id;
    const count = (row: Constraint | undefined, skip: string | undefined) => {
      let n = 0;
      for (const [v, coef] of row?.terms ?? []) if (v !== skip) n += coef * values.get(v)!;
      return n;
    };
    const u1 = model.slackR1.get(sid);
    if (u1 !== undefined) values.set(u1, Math.max(0, s.required - count(rows.get(`R1cap_${sid}`), undefined)));
    const u2 = model.slackR2.get(sid);
    if (u2 !== undefined) {
      // R2 row: den × backbone + den × u2 − num × sent ≥ 0, so u2 = max(0, ⌈−(den × backbone − num × sent) / den⌉).
      const row = rows.get(`R2_${sid}`)!;
      const den = row.terms.get(u2)!;
      values.set(u2, Math.max(0, Math.ceil(-count(row, u2) / den)));
    }
  }
  return values;
}

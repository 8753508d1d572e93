/**
 * Primal network simplex for min-cost circulation, on typed arrays, with
 * integer data (capacities, lower bounds and costs are whole numbers, so every
 * basic solution is integral and every potential and reduced cost is an exact
 * integer in a double as long as |Σ costs| stays below 2⁵³).
 *
 * Built for lexicographic use (lexicographic-flow.ts): after an optimum, the
 * costs can be replaced (`setCosts`) and the solve continues from the same
 * basis; `fixNonzeroReducedCosts` then freezes every arc whose reduced cost is
 * not zero at its current bound — by complementary slackness these arcs sit at
 * that bound in every optimal flow of the level just solved, so the remaining
 * freedom is exactly that level's optimal face (still a network, still
 * integral).
 *
 * Tree: spanning tree on the nodes plus an artificial root, with one
 * artificial arc per node (cost only in the feasibility phase). Parent,
 * depth and child lists (first child / next / previous sibling) are kept;
 * after a pivot only the re-hung subtree is walked. Pricing: block search
 * (the most negative reduced cost in blocks of ~√m arcs).
 */

const LOWER = 1;
const TREE = 0;
const UPPER = -1;

/** Capacity meaning "no upper bound" (flows here are headcounts). */
export const INF = 1e9;

export interface ArcSpec {
  readonly from: number;
  readonly to: number;
  readonly lower?: number;
  readonly upper: number;
}

export class NetworkSimplex {
  readonly nodes: number;
  readonly arcs: number;
  private readonly src: Int32Array;
  private readonly dst: Int32Array;
  private readonly cap: Float64Array;
  private readonly low: Float64Array;
  private readonly cost: Float64Array;
  private readonly flow: Float64Array;
  private readonly state: Int8Array;
  private readonly frozen: Uint8Array;
  private readonly parent: Int32Array;
  private readonly pred: Int32Array;
  /** +1 when the pred arc points from the node up to its parent, −1 when down to the node. */
  private readonly dir: Int8Array;
  private readonly depth: Int32Array;
  private readonly firstChild: Int32Array;
  private readonly nextSib: Int32Array;
  private readonly prevSib: Int32Array;
  private readonly pi: Float64Array;
  private readonly stack: Int32Array;
  private nextBlock = 0;
  /** Pivots done so far (for the stats). */
  pivots = 0;

  /** `specs`: the real arcs; node ids 0..nodes−1. */
  constructor(nodes: number, specs: readonly ArcSpec[]) {
    const root = nodes;
    const n = nodes + 1;
    const m = specs.length + nodes;
    this.nodes = nodes;
    this.arcs = specs.length;
    this.src = new Int32Array(m);
    this.dst = new Int32Array(m);
    this.cap = new Float64Array(m);
    this.low = new Float64Array(m);
    this.cost = new Float64Array(m);
    this.flow = new Float64Array(m);
    this.state = new Int8Array(m);
    this.frozen = new Uint8Array(m);
    this.parent = new Int32Array(n).fill(-1);
    this.pred = new Int32Array(n).fill(-1);
    this.dir = new Int8Array(n);
    this.depth = new Int32Array(n);
    this.firstChild = new Int32Array(n).fill(-1);
    this.nextSib = new Int32Array(n).fill(-1);
    this.prevSib = new Int32Array(n).fill(-1);
    this.pi = new Float64Array(n);
    this.stack = new Int32Array(n);
    // Lower bounds become supplies: flow' = flow − lower on capacity upper − lower.
    const supply = new Float64Array(nodes);
    specs.forEach((a, e) => {
      const lower = a.lower ?? 0;
      if (a.upper < lower) throw new Error(`arc ${e}: upper ${a.upper} < lower ${lower}`);
      this.src[e] = a.from;
      this.dst[e] = a.to;
      this.low[e] = lower;
      this.cap[e] = a.upper - lower;
      this.state[e] = LOWER;
      supply[a.from] = supply[a.from]! - lower;
      supply[a.to] = supply[a.to]! + lower;
    });
    // Artificial arcs: node → root carrying its surplus, or root → node carrying its deficit.
    for (let v = 0; v < nodes; v++) {
      const e = specs.length + v;
      if (supply[v]! >= 0) { this.src[e] = v; this.dst[e] = root; this.dir[v] = 1; } else { this.src[e] = root; this.dst[e] = v; this.dir[v] = -1; }
      this.flow[e] = Math.abs(supply[v]!);
      this.cap[e] = INF;
      this.state[e] = TREE;
      this.parent[v] = root;
      this.pred[v] = e;
      this.depth[v] = 1;
      this.attach(v, root);
    }
  }

  private attach(v: number, p: number): void {
    const first = this.firstChild[p]!;
    this.nextSib[v] = first;
    this.prevSib[v] = -1;
    if (first >= 0) this.prevSib[first] = v;
    this.firstChild[p] = v;
  }

  private detach(v: number): void {
    const p = this.parent[v]!;
    const prev = this.prevSib[v]!;
    const next = this.nextSib[v]!;
    if (prev >= 0) this.nextSib[prev] = next; else this.firstChild[p] = next;
    if (next >= 0) this.prevSib[next] = prev;
    this.nextSib[v] = -1;
    this.prevSib[v] = -1;
  }

  /** Feasibility phase: cost 1 per unit on the artificial arcs, 0 on the real ones. Returns true when a feasible flow exists. */
  feasible(): boolean {
    const costs = new Float64Array(this.arcs);
    this.setCosts(costs, 1);
    this.optimize();
    for (let v = 0; v < this.nodes; v++) if (this.flow[this.arcs + v]! > 0) return false;
    // Artificial arcs may stay in the tree, at flow 0 for good.
    for (let v = 0; v < this.nodes; v++) this.cap[this.arcs + v] = 0;
    return true;
  }

  /** New costs for the real arcs (artificial arcs get `artificial`); recomputes the potentials on the current tree. */
  setCosts(costs: Float64Array, artificial = 0): void {
    this.cost.set(costs);
    this.cost.fill(artificial, this.arcs);
    this.potentials(this.nodes, 0);
  }

  /** Walks the subtree of `top` (whose potential is `value`) and sets depth and potential from the pred arcs. */
  private potentials(top: number, value: number): void {
    const { stack, pi, firstChild, nextSib, pred, dir, cost, depth, parent } = this;
    pi[top] = value;
    if (top !== this.nodes) depth[top] = depth[parent[top]!]! + 1;
    let sp = 0;
    stack[sp++] = top;
    while (sp > 0) {
      const u = stack[--sp]!;
      for (let v = firstChild[u]!; v >= 0; v = nextSib[v]!) {
        // Tree arcs have reduced cost 0: cost + pi[src] − pi[dst] = 0.
        pi[v] = dir[v] === 1 ? pi[u]! - cost[pred[v]!]! : pi[u]! + cost[pred[v]!]!;
        depth[v] = depth[parent[v]!]! + 1;
        stack[sp++] = v;
      }
    }
  }

  reducedCost(e: number): number {
    return this.cost[e]! + this.pi[this.src[e]!]! - this.pi[this.dst[e]!]!;
  }

  /** Block-search pricing: an arc whose move lowers the cost, or −1. */
  private entering(): number {
    const m = this.arcs;
    const block = Math.max(10, Math.ceil(Math.sqrt(m)));
    const { state, frozen, cost, pi, src, dst } = this;
    let best = -1;
    let bestValue = 0;
    let seen = 0;
    let e = this.nextBlock;
    for (let k = 0; k < m; k++) {
      if (state[e] !== TREE && frozen[e] === 0) {
        const v = state[e]! * (cost[e]! + pi[src[e]!]! - pi[dst[e]!]!);
        if (v < bestValue) { bestValue = v; best = e; }
      }
      e = e + 1 === m ? 0 : e + 1;
      if (++seen === block) {
        if (best >= 0) { this.nextBlock = e; return best; }
        seen = 0;
      }
    }
    this.nextBlock = e;
    return best;
  }

  /** Pivots until no arc prices out. */
  optimize(): void {
    for (let e = this.entering(); e >= 0; e = this.entering()) this.pivot(e);
  }

  private residualDown(u: number): number {
    // Flow moving from parent down to u along pred[u].
    const e = this.pred[u]!;
    return this.dir[u] === 1 ? this.flow[e]! : this.cap[e]! - this.flow[e]!;
  }

  private residualUp(u: number): number {
    const e = this.pred[u]!;
    return this.dir[u] === 1 ? this.cap[e]! - this.flow[e]! : this.flow[e]!;
  }

  private pivot(inArc: number): void {
    this.pivots++;
    const { parent, depth, pred, dir, flow } = this;
    const first = this.state[inArc] === LOWER ? this.src[inArc]! : this.dst[inArc]!;
    const second = this.state[inArc] === LOWER ? this.dst[inArc]! : this.src[inArc]!;
    // The join: lowest common ancestor of the arc's ends.
    let a = first;
    let b = second;
    while (a !== b) {
      if (depth[a]! > depth[b]!) a = parent[a]!;
      else if (depth[b]! > depth[a]!) b = parent[b]!;
      else { a = parent[a]!; b = parent[b]!; }
    }
    const join = a;
    // Leaving arc: the last blocking arc along the cycle's orientation (keeps the tree strongly feasible).
    let delta = this.cap[inArc]!;
    let out = -1;
    let side = 0;
    for (let u = first; u !== join; u = parent[u]!) {
      const d = this.residualDown(u);
      if (d < delta) { delta = d; out = u; side = 1; }
    }
    for (let u = second; u !== join; u = parent[u]!) {
      const d = this.residualUp(u);
      if (d <= delta) { delta = d; out = u; side = 2; }
    }
    if (delta >= INF) throw new Error('unbounded circulation: a negative cycle of unbounded arcs');
    if (delta > 0) {
      const val = this.state[inArc]! * delta;
      flow[inArc] = flow[inArc]! + val;
      for (let u = this.src[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!] = flow[pred[u]!]! - dir[u]! * val;
      for (let u = this.dst[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!] = flow[pred[u]!]! + dir[u]! * val;
    }
    if (side === 0) {
      // The entering arc itself blocks: it goes from one bound to the other.
      this.state[inArc] = this.state[inArc] === LOWER ? UPPER : LOWER;
      return;
    }
    const outArc = pred[out]!;
    this.state[inArc] = TREE;
    this.state[outArc] = flow[outArc] === 0 ? LOWER : UPPER;
    // Re-hang the subtree of `out`: its end of the entering arc (uIn) hangs from the other end (vIn),
    // and the path uIn … out reverses its parent pointers.
    const uIn = side === 1 ? first : second;
    const vIn = side === 1 ? second : first;
    let u = uIn;
    let newParent = vIn;
    let newPred = inArc;
    let newDir: number = this.src[inArc] === uIn ? 1 : -1;
    for (;;) {
      const oldParent = parent[u]!;
      const oldPred = pred[u]!;
      const oldDir = dir[u]!;
      const last = u === out;
      this.detach(u);
      parent[u] = newParent;
      pred[u] = newPred;
      dir[u] = newDir;
      this.attach(u, newParent);
      if (last) break;
      newParent = u;
      newPred = oldPred;
      newDir = -oldDir;
      u = oldParent;
    }
    const rc = dir[uIn] === 1 ? this.pi[vIn]! - this.cost[inArc]! : this.pi[vIn]! + this.cost[inArc]!;
    this.potentials(uIn, rc);
  }

  /**
   * Freezes every non-tree arc whose reduced cost is not zero at its bound. Exact: with the potentials of
   * an optimum, a flow is optimal iff it keeps such arcs at these bounds (complementary slackness).
   */
  fixNonzeroReducedCosts(): number {
    let fixed = 0;
    for (let e = 0; e < this.arcs; e++) {
      if (this.state[e] === TREE || this.frozen[e] === 1) continue;
      if (this.reducedCost(e) !== 0) { this.frozen[e] = 1; fixed++; }
    }
    return fixed;
  }

  /** Flow on a real arc (with its lower bound added back). */
  flowOf(e: number): number {
    return this.flow[e]! + this.low[e]!;
  }

  /** Σ cost × flow over the real arcs, with the given costs. */
  value(costs: Float64Array): number {
    let sum = 0;
    for (let e = 0; e < this.arcs; e++) if (costs[e] !== 0) sum += costs[e]! * this.flowOf(e);
    return sum;
  }
}

/**
 * Maximum flow (Dinic) on a small network: the checker uses it to count how
 * many teachers a county can place at once when receivers have limited room.
 */

interface Edge { readonly to: number; cap: number; readonly rev: number }

/** A flow network built edge by edge; node 0 is free for the caller's use like any other. */
export class FlowNetwork {
  private readonly edges: Edge[][] = [];

  /** Adds a node and returns its index. */
  node(): number {
    this.edges.push([]);
    return this.edges.length - 1;
  }

  /** Adds a directed edge of `capacity` (ignored when ≤ 0). */
  edge(from: number, to: number, capacity: number): void {
    if (capacity <= 0) return;
    const a = this.edges[from]!;
    const b = this.edges[to]!;
    a.push({ to, cap: capacity, rev: b.length });
    b.push({ to: from, cap: 0, rev: a.length - 1 });
  }

  /**
   * The largest flow from `source` to `sink`. Consumes the capacities: call once.
   *
   * @example const n = new FlowNetwork(); const s = n.node(), t = n.node(); n.edge(s, t, 3); n.maxFlow(s, t) // 3
   */
  maxFlow(source: number, sink: number): number {
    let total = 0;
    for (;;) {
      const level = this.levels(source);
      if (level[sink]! < 0) return total;
      const next = this.edges.map(() => 0);
      for (let pushed = this.push(source, sink, Number.POSITIVE_INFINITY, level, next); pushed > 0; pushed = this.push(source, sink, Number.POSITIVE_INFINITY, level, next)) {
        total += pushed;
      }
    }
  }

  private levels(source: number): number[] {
    const level = this.edges.map(() => -1);
    level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!;
      for (const e of this.edges[v]!) {
        if (e.cap > 0 && level[e.to]! < 0) {
          level[e.to] = level[v]! + 1;
          queue.push(e.to);
        }
      }
    }
    return level;
  }

  private push(v: number, sink: number, limit: number, level: number[], next: number[]): number {
    if (v === sink) return limit;
    const out = this.edges[v]!;
    for (; next[v]! < out.length; next[v]!++) {
      const e = out[next[v]!]!;
      if (e.cap <= 0 || level[e.to] !== level[v]! + 1) continue;
      const got = this.push(e.to, sink, Math.min(limit, e.cap), level, next);
      if (got > 0) {
        e.cap -= got;
        this.edges[e.to]![e.rev]!.cap += got;
        return got;
      }
    }
    return 0;
  }
}

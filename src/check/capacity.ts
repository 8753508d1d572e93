/**
 * R1 when receivers have limited room (assignment.max_extra_per_receiver):
 * senders of a county compete for the same posts, so whether a shortfall is
 * real is a question for the whole county — the least total shortfall any plan
 * could have, found as a maximum flow sender → subject → teacher → post.
 */
import type { Facts, Placement } from './facts.js';
import { FlowNetwork } from './flow.js';
import { canReach, qualifiedIn } from './reach.js';

function pinnedPlacement(f: Facts, p: Placement): boolean {
  return (f.locks.get(p.teacher.teacher_id) ?? []).some((l) => l.action === 'pin' && l.school_id === p.row.to_school);
}

/** Σ over the county's senders of how far each falls short of its R1 requirement in the plan. */
export function planR1Deficit(f: Facts, county: string): number {
  let deficit = 0;
  for (const s of f.tally.senders.values()) if (s.school.county === county) deficit += Math.max(0, s.required - s.sent.length);
  return deficit;
}

/**
 * The least total R1 shortfall of a county over all plans that keep its pins,
 * subject keep, reach (county, forbid, distance), qualifications and the room
 * of its receivers (needs, plus max_extra_per_receiver beyond them).
 */
export function leastR1Deficit(f: Facts, county: string): number {
  const net = new FlowNetwork();
  const source = net.node();
  const sink = net.node();
  const maxExtra = f.policy.assignment.max_extra_per_receiver ?? Number.POSITIVE_INFINITY;
  const fixed = f.placements.filter((p) => pinnedPlacement(f, p));
  const receivers = [...f.tally.receivers.values()].filter((r) => r.school.county === county);
  const posts: { school_id: string; subject: string; node: number }[] = [];
  const extraSlot = new Map<string, number>();
  for (const r of receivers) {
    const id = r.school.school_id;
    let fixedExtras = 0;
    for (const g of f.tally.posts.values()) {
      if (g.school_id !== id) continue;
      const pinnedHere = fixed.filter((p) => p.row.to_school === id && p.row.subject === g.subject).length;
      fixedExtras += Math.max(0, pinnedHere - g.needed);
      if (g.needed === 0) continue;
      const node = net.node();
      net.edge(node, sink, g.needed - Math.min(g.needed, pinnedHere));
      posts.push({ school_id: id, subject: g.subject, node });
    }
    const node = net.node();
    net.edge(node, sink, maxExtra - fixedExtras);
    extraSlot.set(id, node);
  }
  let target = 0;
  for (const s of f.tally.senders.values()) {
    if (s.school.county !== county) continue;
    const mineFixed = fixed.filter((p) => p.teacher.school_id === s.school.school_id);
    const want = Math.max(0, s.required - mineFixed.length);
    target += want;
    const sender = net.node();
    net.edge(source, sender, want);
    const bySubject = new Map<string, number>();
    for (const t of s.eligible) {
      if ((f.locks.get(t.teacher_id) ?? []).some((l) => l.action === 'pin')) continue;
      let subject = bySubject.get(t.subject);
      if (subject === undefined) {
        subject = net.node();
        bySubject.set(t.subject, subject);
        const fixedK = mineFixed.filter((p) => p.teacher.subject === t.subject).length;
        net.edge(sender, subject, (s.present.get(t.subject) ?? 0) - 1 - fixedK);
      }
      const teacher = net.node();
      net.edge(subject, teacher, 1);
      for (const r of receivers) {
        if (!canReach(f, t, r.school)) continue;
        net.edge(teacher, extraSlot.get(r.school.school_id)!, 1);
        for (const post of posts) if (post.school_id === r.school.school_id && qualifiedIn(t, post.subject)) net.edge(teacher, post.node, 1);
      }
    }
  }
  return target - net.maxFlow(source, sink);
}

/**
 * The R2 reading (policy rotation.r2_when_short) for a sender that cannot meet
 * R2 by counting: even sending the fewest R1 allows (its required count, or its
 * pins if more), fewer backbone teachers can go than ceil(20 % × that).
 * "least_shortfall" keeps the ratio row, so such a school sends no more than
 * keeps its shortfall least; "excuse" replaces the ratio by a fixed count —
 * send every backbone teacher it can, towards ceil(20 % × the fewest) — so it
 * may send up to its cap (model.ts, r2Rows).
 */
import type { Policy } from '../domain/policy.js';
import { r2Required } from '../policy/quotas.js';
import type { CountyInput, SenderInput } from './county.js';

/** The most R2-level backbone teachers a sender can include when it sends the fewest R1 allows, and R2's count there. */
export function backboneAtFewest(s: SenderInput, input: CountyInput, policy: Policy): { fewest: number; backbone: number; need: number } {
  const sid = s.school.school_id;
  const mine = input.classes.filter((c) => c.sender === sid);
  const pinned = mine.filter((c) => c.pin !== null).flatMap((c) => c.members.map((t) => ({ t, backbone: c.r2Backbone })));
  const pinsBySubject = new Map<string, number>();
  for (const p of pinned) pinsBySubject.set(p.t.subject, (pinsBySubject.get(p.t.subject) ?? 0) + 1);
  const free = new Map<string, number>();
  for (const c of mine) {
    if (c.pin !== null || !c.r2Backbone || c.receivers.length === 0) continue;
    free.set(c.main, (free.get(c.main) ?? 0) + c.members.length);
  }
  let freeBackbone = 0;
  for (const [k, n] of free) freeBackbone += Math.min(n, Math.max(0, (s.present.get(k) ?? 0) - 1 - (pinsBySubject.get(k) ?? 0)));
  freeBackbone = Math.min(freeBackbone, receivingRoom(input, policy));
  const fewest = Math.max(s.required, pinned.length);
  const backbone = pinned.filter((p) => p.backbone).length + Math.min(freeBackbone, fewest - pinned.length);
  return { fewest, backbone, need: r2Required(fewest, policy) };
}

/** Posts plus allowed extras of the county's receivers; Infinity when extras are not capped. */
function receivingRoom(input: CountyInput, policy: Policy): number {
  const maxExtra = policy.assignment.max_extra_per_receiver;
  if (maxExtra === null) return Number.POSITIVE_INFINITY;
  return input.receivers.reduce((n, r) => n + maxExtra + r.gaps.reduce((m, g) => m + g.needed, 0), 0);
}

/** True when the policy reads R2 as "excuse" and `s` cannot meet R2 by counting: it is excused from the ratio. */
export function r2Excused(s: SenderInput, input: CountyInput, policy: Policy): boolean {
  if (policy.rotation.r2_when_short !== 'excuse') return false;
  const { backbone, need } = backboneAtFewest(s, input, policy);
  return backbone < need;
}

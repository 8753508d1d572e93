/** Rules on each sending school: R1 (how many go), R2 (how many backbone), subject keep. */
import type { Facts } from '../facts.js';
import { changeRaisingBackbone } from '../backbone-change.js';
import { leastR1Deficit, planR1Deficit } from '../capacity.js';
import { subjectName } from '../changes.js';
import { backboneReach, maxSendable, r2Excused } from '../reach.js';
import { judgeUnmet } from '../shortfall.js';
import type { SenderTally } from '../tally.js';
import { violation, type Violation } from '../violation.js';

/**
 * R1: a sender sends at least ceil(min_share × eligible); when it cannot, every teacher who can go goes.
 * With max_extra_per_receiver set, senders share the receivers' room, so the county's least total
 * shortfall decides (capacity.ts).
 */
export function sendsAtLeastRequired(f: Facts): Violation[] {
  const out: Violation[] = [];
  const shared = f.policy.assignment.max_extra_per_receiver !== null;
  const least = new Map<string, number>();
  const countyBest = (county: string): { least: number; plan: number } => {
    if (!least.has(county)) least.set(county, leastR1Deficit(f, county));
    return { least: least.get(county)!, plan: planR1Deficit(f, county) };
  };
  for (const s of f.tally.senders.values()) {
    const sent = s.sent.length;
    if (sent >= s.required) continue;
    const label = f.school(s.school.school_id);
    const max = maxSendable(f, s);
    const alone = max < s.required;
    const county = shared ? countyBest(s.school.county) : null;
    const best = county !== null && county.plan <= county.least;
    const why = [alone ? `最多能派 ${max} 人 / at most ${max} can go` : `能派 ${max} 人 / ${max} can go`];
    if (county !== null) why.push(`全县接收容量下至少缺 ${county.least} 人，本计划缺 ${county.plan} 人 / with the county's receiving room at least ${county.least} short county-wide, this plan ${county.plan}`);
    const unmet = judgeUnmet(f, {
      rule: 'R1', school_id: s.school.school_id, real: alone || best,
      text: `派出 ${sent} 人，应至少 ${s.required} 人 / sent ${sent}, at least ${s.required} required (${s.eligible.length} eligible)`,
      why: why.join('; '),
    });
    out.push(...unmet);
    if (unmet.length > 0) continue;
    if (county === null && sent < max) {
      out.push(violation('R1', { school_id: s.school.school_id }, `${label}: R1 无法满足时能去的教师都须派出：派出 ${sent} 人，能派 ${max} 人 / when R1 cannot be met every teacher who can go goes: sent ${sent}, ${max} can go`));
    }
    if (county !== null && !best) {
      out.push(violation('R1', { school_id: s.school.school_id }, `${label}: R1 无法满足时能去的教师都须派出：全县至少缺 ${county.least} 人，本计划缺 ${county.plan} 人 / when R1 cannot be met every teacher who can go goes: county-wide the shortfall could be ${county.least}, this plan has ${county.plan}`));
    }
  }
  return out;
}

/** R1: a sender sends at most ceil(max_share × eligible), unless HR's pins alone exceed that. */
export function sendsAtMostCap(f: Facts): Violation[] {
  return [...f.tally.senders.values()].flatMap((s) => {
    const sent = s.sent.length;
    if (sent <= Math.max(s.cap, s.pins)) return [];
    return [violation('R1', { school_id: s.school.school_id }, `${f.school(s.school.school_id)}: 派出 ${sent} 人，超过上限 ${s.cap} 人 / sent ${sent}, more than the cap of ${s.cap} (${s.eligible.length} eligible)`)];
  });
}

/**
 * R2: backbone teachers are at least ceil(backbone_min_share × sent) of those a sender sends. With
 * max_extra_per_receiver set, senders share the receivers' room: a shortfall is also real when no
 * single change improves it (backbone-change.ts).
 */
export function backboneShareSent(f: Facts): Violation[] {
  const out: Violation[] = [];
  const shared = f.policy.assignment.max_extra_per_receiver !== null;
  const level = f.policy.rotation.backbone_level;
  for (const s of f.tally.senders.values()) {
    if (s.backboneSent >= s.backboneRequired) continue;
    const { fewest, backbone, need } = backboneReach(f, s);
    const excused = r2Excused(f, s);
    const change = shared ? changeRaisingBackbone(f, s) : null;
    const why = [`只派 ${fewest} 人时最多能派骨干 ${backbone} 人，需 ${need} 人 / sending the fewest allowed (${fewest}), at most ${backbone} backbone can go and ${need} are needed`];
    if (shared) why.push(change ?? '接收学校已无空位可换入骨干 / the receivers have no room left for a backbone teacher');
    const unmet = judgeUnmet(f, {
      rule: 'R2', school_id: s.school.school_id, real: backbone < need || (shared && change === null),
      text: `派出 ${s.sent.length} 人中骨干 (${level} 及以上) ${s.backboneSent} 人，应至少 ${s.backboneRequired} 人 / ${s.backboneSent} backbone (${level} or above) among ${s.sent.length} sent, at least ${s.backboneRequired} required`,
      why: why.join('; '),
    });
    out.push(...unmet);
    const deficit = s.backboneRequired - s.backboneSent;
    if (unmet.length > 0) continue;
    const label = f.school(s.school.school_id);
    if (excused) {
      out.push(...excusedSendsItsBackbone(f, s, backbone, change, shared));
      continue;
    }
    if (change !== null) out.push(violation('R2', { school_id: s.school.school_id }, `${label}: 骨干缺 ${deficit} 人，仍可改善 / backbone short by ${deficit} and it could be less: ${change}`));
    else if (!shared && deficit > need - backbone) {
      out.push(violation('R2', { school_id: s.school.school_id }, `${label}: 骨干缺 ${deficit} 人，超过不可避免的 ${need - backbone} 人 / backbone short by ${deficit}, more than the unavoidable ${need - backbone}`));
    }
  }
  return out;
}

/**
 * R2 under rotation.r2_when_short = "excuse": a sender that cannot meet R2 by counting is excused from the
 * ratio, not from sending its backbone teachers — every one who can go at the fewest it may send goes.
 */
function excusedSendsItsBackbone(f: Facts, s: SenderTally, backbone: number, change: string | null, shared: boolean): Violation[] {
  if (s.backboneSent >= backbone || (shared && change === null)) return [];
  return [violation('R2', { school_id: s.school.school_id }, `${f.school(s.school.school_id)}: 免于骨干比例 (r2_when_short = excuse) 的学校须派出能派的骨干：派出骨干 ${s.backboneSent} 人，能派 ${backbone} 人 / excused from the R2 ratio (r2_when_short = excuse), the school must still send every backbone teacher who can go: ${s.backboneSent} sent, ${backbone} can go`)];
}

/**
 * subject_keep: for every main subject a sender teaches, at least one present teacher stays —
 * unless HR's pins alone take them all (a pin is HR's decision, as for the R1 cap).
 */
export function subjectKeptAtHome(f: Facts): Violation[] {
  const out: Violation[] = [];
  for (const s of f.tally.senders.values()) {
    for (const [subject, present] of s.present) {
      const sent = s.sentBySubject.get(subject) ?? 0;
      if (present < 1 || sent <= Math.max(present - 1, s.pinsBySubject.get(subject) ?? 0)) continue;
      out.push(violation('subject_keep', { school_id: s.school.school_id }, `${f.school(s.school.school_id)}: 派出 ${sent} 名${subjectName(f, subject)}教师，在校仅 ${present} 名，须至少留 1 名 / sends ${sent} of its ${present} present ${subject} teachers; at least one must stay`));
    }
  }
  return out;
}

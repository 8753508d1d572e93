/** Rules on each sending school: R1 (how many go), R2 (how many backbone), subject keep. */
import type { Facts } from '../facts.js';
import { ceilOfShare } from '../arithmetic.js';
import { subjectName } from '../changes.js';
import { isBackbone, maxSendable } from '../reach.js';
import { judgeUnmet } from '../shortfall.js';
import { violation, type Violation } from '../violation.js';

/** R1: a sender sends at least ceil(min_share × eligible); when it cannot, every teacher who can go goes. */
export function sendsAtLeastRequired(f: Facts): Violation[] {
  const out: Violation[] = [];
  for (const s of f.tally.senders.values()) {
    const sent = s.sent.length;
    if (sent >= s.required) continue;
    const max = maxSendable(f, s);
    const real = max < s.required;
    const unmet = judgeUnmet(f, {
      rule: 'R1', school_id: s.school.school_id, real,
      text: `派出 ${sent} 人，应至少 ${s.required} 人 / sent ${sent}, at least ${s.required} required (${s.eligible.length} eligible)`,
      why: real ? `最多能派 ${max} 人 / at most ${max} can go` : `能派 ${max} 人，足以满足 / ${max} can go, enough to meet it`,
    });
    out.push(...unmet);
    if (unmet.length === 0 && sent < max) {
      out.push(violation('R1', { school_id: s.school.school_id }, `${f.school(s.school.school_id)}: R1 无法满足时能去的教师都须派出：派出 ${sent} 人，能派 ${max} 人 / when R1 cannot be met every teacher who can go goes: sent ${sent}, ${max} can go`));
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

/** R2: backbone teachers are at least ceil(backbone_min_share × sent) of those a sender sends. */
export function backboneShareSent(f: Facts): Violation[] {
  const out: Violation[] = [];
  const { backbone_min_share: share, backbone_level: level } = f.policy.rotation;
  for (const s of f.tally.senders.values()) {
    if (s.backboneSent >= s.backboneRequired) continue;
    const sendable = maxSendable(f, s, (t) => isBackbone(f, t));
    const need = ceilOfShare(share, s.required);
    const real = sendable < need;
    const unmet = judgeUnmet(f, {
      rule: 'R2', school_id: s.school.school_id, real,
      text: `派出 ${s.sent.length} 人中骨干 (${level} 及以上) ${s.backboneSent} 人，应至少 ${s.backboneRequired} 人 / ${s.backboneSent} backbone (${level} or above) among ${s.sent.length} sent, at least ${s.backboneRequired} required`,
      why: real
        ? `可派骨干最多 ${sendable} 人，派 ${s.required} 人需 ${need} 人 / at most ${sendable} backbone can go, ${need} needed with the required ${s.required}`
        : `可派骨干 ${sendable} 人，派 ${s.required} 人只需 ${need} 人 / ${sendable} backbone can go, ${need} needed with the required ${s.required}`,
    });
    out.push(...unmet);
    const deficit = s.backboneRequired - s.backboneSent;
    if (unmet.length === 0 && deficit > need - sendable) {
      out.push(violation('R2', { school_id: s.school.school_id }, `${f.school(s.school.school_id)}: 骨干缺 ${deficit} 人，超过不可避免的 ${need - sendable} 人 / backbone short by ${deficit}, more than the unavoidable ${need - sendable}`));
    }
  }
  return out;
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

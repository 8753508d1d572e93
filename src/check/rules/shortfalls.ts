/** shortfall: every listed shortfall names a rule the plan really does not meet, at a school it applies to. */
import { isReceiver, isSender } from '../../domain/scenario.js';
import type { Shortfall } from '../../domain/plan.js';
import type { Facts } from '../facts.js';
import { violation, type Violation } from '../violation.js';

/** Why a listed shortfall lists nothing, in plain words; null when the rule is indeed unmet there. */
function notApplicable(f: Facts, s: Shortfall): string | null {
  const school = f.schools.get(s.school_id);
  if (s.rule === 'R3') return 'R3 是硬性规则，不能列为缺口 / R3 is a hard rule and cannot be waived as a shortfall';
  if (school === undefined) return `学校 ${s.school_id} 不在学校名单中 / school ${s.school_id} is not in schools`;
  const sender = f.tally.senders.get(s.school_id);
  const receiver = f.tally.receivers.get(s.school_id);
  if (s.rule === 'R1' || s.rule === 'R2') {
    if (sender === undefined || !isSender(school)) return '不是派出学校 / not a sending school';
    if (s.rule === 'R1' && sender.sent.length >= sender.required) return `已满足：派出 ${sender.sent.length} 人，应至少 ${sender.required} 人 / met: sent ${sender.sent.length}, ${sender.required} required`;
    if (s.rule === 'R2' && sender.backboneSent >= sender.backboneRequired) return `已满足：骨干 ${sender.backboneSent} 人，应至少 ${sender.backboneRequired} 人 / met: ${sender.backboneSent} backbone, ${sender.backboneRequired} required`;
    return null;
  }
  if (receiver === undefined || !isReceiver(school)) return '不是接收学校 / not a receiving school';
  if (s.rule === 'R4' && !f.tally.gaps.some((g) => g.school_id === s.school_id && g.unfilled > 0)) return '没有未补的缺编 / met: no unfilled gap there';
  if (s.rule === 'R5' && receiver.after > 0) return `已满足：计划后有 ${receiver.after} 名骨干 / met: ${receiver.after} backbone teachers after the plan`;
  return null;
}

/** shortfall: a listed shortfall that names a met rule, a wrong school or R3 is not real. */
export function listedShortfallsApply(f: Facts): Violation[] {
  return f.plan.shortfalls.flatMap((s) => {
    const why = notApplicable(f, s);
    return why === null ? [] : [violation('shortfall', { school_id: s.school_id }, `${s.rule} ${f.school(s.school_id)}: 列出的缺口不成立 / listed shortfall is not real — ${why}`)];
  });
}

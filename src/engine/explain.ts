/**
 * Words for people: why each teacher moves, why a rule could not be met.
 * Shortfalls are explained by counting, with the numbers a clerk can check.
 */
import { BACKBONE_LEVELS, type BackboneLevel, SUBJECTS } from '../domain/codes.js';
import { POINTS_PARTS } from '../domain/points-policy.js';
import type { Policy } from '../domain/policy.js';
import type { Teacher } from '../domain/tables.js';
import type { Eligibility } from '../policy/eligibility.js';
import { pointsWorking } from '../policy/points.js';
import { r2Required } from '../policy/r2-backbone.js';
import { type CountyInput, pairKey, type SenderInput } from './county.js';
import type { Move } from './decompose.js';
import { roundKm } from './distance.js';
import { EXTRA, preferenceWeight } from './model.js';

export const subjectName = (k: string) => (SUBJECTS.zh as Record<string, string>)[k] ?? k;
const label = (school: { school_id: string; name: string }) => (school.name ? `${school.name} (${school.school_id})` : school.school_id);

/** The reasons of one move: which need it fills, R5, and the teacher's score and its parts. */
export function moveReasons(move: Move, input: CountyInput, e: Eligibility, policy: Policy, pinned: boolean, firstBackbone: boolean): string[] {
  const receiver = input.receivers.find((r) => r.school.school_id === move.receiver)!;
  const out: string[] = [];
  if (pinned) out.push('HR 指定 / pinned by HR (locks.csv)');
  if (move.role === EXTRA) {
    out.push(`为完成派出比例 (R1) 的额外教师，任教本学科${subjectName(move.teacher.subject)} / extra teacher sent to meet R1, teaches ${move.teacher.subject}`);
  } else {
    const gap = receiver.gaps.find((g) => g.subject === move.role)!;
    out.push(`填补${label(receiver.school)}${subjectName(move.role)}缺编 (优先级 ${gap.priority}) / fills a ${move.role} post (priority ${gap.priority})`);
  }
  if (firstBackbone) out.push(`为该校提供县级以上骨干教师 (R5) / gives the school its county-level backbone teacher (R5)`);
  if (move.cls.r2Backbone) out.push(`骨干教师 (${move.teacher.backbone})，计入派出学校骨干比例 (R2) / backbone teacher, counts for the sender's R2`);
  const parts = [`在校 ${Math.floor(e.months_at_school / 12)} 年 ${e.months_at_school % 12} 月 / ${e.months_at_school} months at school`];
  if (move.cls.titleNeed) {
    parts.push(`拟 ${move.teacher.title_target_year} 年申报职称，乡村任教 ${move.teacher.rural_months} 月 < ${policy.assignment.title_rural_months} / title application in ${move.teacher.title_target_year} with ${move.teacher.rural_months} rural months`);
  }
  const rank = move.teacher.preferences.indexOf(move.receiver);
  if (rank >= 0) parts.push(`第 ${rank + 1} 意向学校 / preference #${rank + 1} (weight ${preferenceWeight(rank)})`);
  if (receiver.school.group !== '' && receiver.school.group === input.senders.find((s) => s.school.school_id === move.cls.sender)?.school.group) {
    parts.push(`同一教育集团 ${receiver.school.group} / same education group`);
  }
  const d = input.distance.get(pairKey(move.cls.sender, move.receiver));
  parts.push(d === null || d === undefined ? '距离未知 / distance unknown' : `距离 ${roundKm(d)} km / distance ${roundKm(d)} km`);
  const points = input.points.get(move.teacher.teacher_id)!;
  // Under weights other than the default (months at school only) the working is shown, so the teacher can check it.
  const byMonthsOnly = POINTS_PARTS.every((k) => policy.points[k] === (k === 'months_at_school' ? 1 : 0));
  const working = byMonthsOnly ? '' : ` (积分 points ${pointsWorking(points, policy)})`;
  out.push(`优先分 ${points.total}${working}：${parts.join('；')} / priority score ${points.total}`);
  return out;
}

/** How many of a sender's eligible teachers could leave at all, and why the others cannot. */
export function sendableCount(s: SenderInput, input: CountyInput, only: (t: Teacher) => boolean = () => true): { count: number; notes: string[] } {
  const notes: string[] = [];
  const canReach = new Map<string, boolean>();
  for (const c of input.classes) if (c.sender === s.school.school_id) for (const t of c.members) canReach.set(t.teacher_id, c.receivers.length > 0);
  const unreachable = s.eligible.filter((t) => only(t) && !canReach.get(t.teacher_id)).length;
  if (unreachable > 0) notes.push(`${unreachable} 人无可去的接收学校 (距离上限、禁止或配偶规则) / ${unreachable} have no receiving school in reach (distance cap, forbid, or the couple rule for a spouse in another county)`);
  let count = 0;
  const bySubject = new Map<string, number>();
  for (const t of s.eligible) if (only(t) && canReach.get(t.teacher_id)) bySubject.set(t.subject, (bySubject.get(t.subject) ?? 0) + 1);
  for (const [k, n] of [...bySubject].sort()) {
    const left = s.mayLeave.get(k) ?? 0;
    if (left < n) notes.push(`${subjectName(k)} 仅 ${s.present.get(k)} 名在岗，须留 1 人：最多派 ${left} / only ${s.present.get(k)} ${k} teacher(s) present, one stays: at most ${left} of ${n} eligible`);
    count += Math.min(n, left);
  }
  return { count, notes };
}

/** R1 shortfall text: "R1: 3 required, only 2 can go: …". */
export function r1Why(s: SenderInput, input: CountyInput, sent: number): string {
  const { count, notes } = sendableCount(s, input);
  const keep = s.keepLocked > 0 ? `，另有 ${s.keepLocked} 人被留任 / ${s.keepLocked} kept home by HR (not counted as eligible)` : '';
  const base = `${label(s.school)}: 符合条件 ${s.eligible.length} 人 → 应派 ${s.required} 人，实派 ${sent} 人${keep} / ${s.eligible.length} eligible → ${s.required} required, ${sent} sent`;
  if (count < s.required) return `${base}; 最多可派 ${count} 人 / at most ${count} can go: ${notes.join('; ') || 'no eligible teacher can leave'}`;
  return `${base}; 接收学校容量已满 (缺编已补且 max_extra_per_receiver 已达上限) / the receivers can take no more teachers (needs filled, extra cap reached)`;
}

/** R2 shortfall text. */
export function r2Why(s: SenderInput, input: CountyInput, sent: number, backboneSent: number, policy: Policy, isBackbone: (t: Teacher) => boolean): string {
  const eligibleBackbone = s.eligible.filter(isBackbone).length;
  const { count } = sendableCount(s, input, isBackbone);
  const required = r2Required(sent, policy);
  const minimum = r2Required(s.required, policy);
  return `${label(s.school)}: 派出 ${sent} 人 → 骨干应至少 ${required} 人，实派 ${backboneSent} 人；符合条件的${BACKBONE_LEVELS.zh[policy.rotation.backbone_level]}以上骨干仅 ${eligibleBackbone} 人 (可派 ${count} 人)，即使只派 ${s.required} 人也需 ${minimum} 人`
    + ` / ${sent} sent → ${required} backbone required, ${backboneSent} sent; only ${eligibleBackbone} eligible backbone teacher(s) (${count} can go), and even the minimum ${s.required} sent needs ${minimum}`;
}

/** Added to an R2 text when rotation.r2_when_short = "excuse" excuses the sender (r2-reading.ts). */
export function r2ExcuseNote(s: SenderInput): string {
  const cap = s.cap;
  return `；按 rotation.r2_when_short = excuse，该校无法满足 R2，免于骨干比例：能派的骨干都派出，其余可派至上限 ${cap} 人 / under rotation.r2_when_short = excuse the school, unable to meet R2, is excused from the ratio: every backbone teacher who can go goes, and it may send up to its cap of ${cap}`;
}

/** R4 text for an unfilled gap. */
export function gapWhy(input: CountyInput, receiver: string, subject: string, unfilled: number, moves: readonly Move[]): string {
  const r = input.receivers.find((x) => x.school.school_id === receiver)!;
  const qualified = input.classes.filter((c) => c.subjects.includes(subject) && c.receivers.includes(receiver));
  const people = qualified.reduce((n, c) => n + c.members.length, 0);
  const placed = moves.filter((m) => qualified.includes(m.cls)).length;
  const head = `${label(r.school)} ${subjectName(subject)} 缺 ${unfilled} 人未补 / ${unfilled} ${subject} post(s) unfilled`;
  if (people === 0) return `${head}: 县内没有可派往该校、能教${subjectName(subject)}的符合条件教师 / no eligible teacher in the county qualified in ${subject} can go there`;
  return `${head}: 县内能教${subjectName(subject)}、可去该校的符合条件教师 ${people} 人，其中 ${placed} 人已派往其他岗位；其余受派出学校比例上限、须留 1 人任教该学科或骨干比例 (R2) 所限 / ${people} eligible qualified teacher(s) could go, ${placed} placed elsewhere; the rest are held by their school's cap, its last teacher of a subject, or R2${balanceNote(input)}`;
}

/** R5 text for a receiver left without an R5-level backbone teacher. */
export function r5Why(input: CountyInput, receiver: string, level: BackboneLevel): string {
  const r = input.receivers.find((x) => x.school.school_id === receiver)!;
  const candidates = input.classes.filter((c) => c.r5Backbone && c.receivers.includes(receiver)).reduce((n, c) => n + c.members.length, 0);
  const head = `${label(r.school)} 没有${BACKBONE_LEVELS.zh[level]}以上骨干教师 / has no ${level}-level-or-above backbone teacher`;
  if (candidates === 0) return `${head}: 县内没有可派往该校的符合条件骨干教师 / no eligible backbone teacher of that level can go there`;
  return `${head}: ${candidates} 名符合条件的骨干教师可去该校，但都用于更优先的规则 (R1–R4) 或受派出学校上限所限 / ${candidates} eligible backbone teacher(s) could go, all needed for higher rules (R1–R4) or held by their school's cap${balanceNote(input)}`;
}

/** With balance.backbone_weight > 0 a post or R5 may be left open on purpose, for a lower backbone CV. */
function balanceNote(input: CountyInput): string {
  return input.balance !== undefined && input.balance.weight > 0
    ? `；或为降低骨干教师差异系数而留空 (balance.backbone_weight = ${input.balance.weight}) / or left open for a lower backbone CV (balance.backbone_weight = ${input.balance.weight})`
    : '';
}

/**
 * The couple rule's part in a move (policy `couples`), or null when the teacher has no spouse the rule binds:
 * under "together" whether the spouse goes to the same receiver (or one within couples.max_km), under "not_both"
 * that the spouse stays this year.
 */
export function coupleReason(move: Move, moves: readonly Move[], policy: Policy): string | null {
  const couple = move.cls.couple;
  if (couple === undefined || couple.held) return null;
  const other = moves.find((m) => m.teacher.teacher_id === couple.spouse);
  if (policy.couples.rule === 'not_both') {
    return `配偶 ${couple.spouse} 本年不派出 (couples.rule = not_both：夫妻不同年交流) / spouse ${couple.spouse} stays this year (couples.rule = not_both)`;
  }
  if (other === undefined) return `配偶 ${couple.spouse} 本年未派出 (couples.rule = together) / spouse ${couple.spouse} is not sent this year (couples.rule = together)`;
  if (other.receiver === move.receiver) return `与配偶 ${couple.spouse} 同去一校 (couples.rule = together) / goes with spouse ${couple.spouse} to the same school (couples.rule = together)`;
  return `配偶 ${couple.spouse} 派往 ${other.receiver}，两校相距不超过 ${policy.couples.max_km} km (couples.rule = together) / spouse ${couple.spouse} goes to ${other.receiver}, within couples.max_km = ${policy.couples.max_km} km`;
}

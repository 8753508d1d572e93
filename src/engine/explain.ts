/**
 * Words for people: why each teacher moves, why a rule could not be met.
 * Shortfalls are explained by counting, with the numbers a clerk can check.
 * Every sentence comes from the message catalogue (domain/messages.ts) in
 * both languages; plan.json stores each as one bilingual string.
 */
import { BACKBONE_LEVELS, type BackboneLevel, SUBJECTS } from '../domain/codes.js';
import { COUPLE, joinTexts, MOVE, SHORTFALL, type Text, text, wrap } from '../domain/messages.js';
import { POINTS_PARTS } from '../domain/points-policy.js';
import type { Policy } from '../domain/policy.js';
import type { Teacher } from '../domain/tables.js';
import type { Eligibility } from '../policy/eligibility.js';
import { pointsWorking } from '../policy/points.js';
import { r2Required } from '../policy/r2-backbone.js';
import { type CountyInput, pairKey, type SenderInput } from './county.js';
import type { Move } from './decompose.js';
import { roundKm } from '../domain/distance.js';
import { EXTRA, preferenceWeight } from './model.js';

export const subjectName = (k: string) => (SUBJECTS.zh as Record<string, string>)[k] ?? k;
const label = (school: { school_id: string; name: string }) => (school.name ? `${school.name} (${school.school_id})` : school.school_id);

/** The reasons of one move: which need it fills, R5, and the teacher's score and its parts. */
export function moveReasons(move: Move, input: CountyInput, e: Eligibility, policy: Policy, pinned: boolean, firstBackbone: boolean): Text[] {
  const receiver = input.receivers.find((r) => r.school.school_id === move.receiver)!;
  const out: Text[] = [];
  if (pinned) out.push(MOVE.pinned());
  if (move.role === EXTRA) out.push(MOVE.extra(subjectName(move.teacher.subject), move.teacher.subject));
  else {
    const gap = receiver.gaps.find((g) => g.subject === move.role)!;
    out.push(MOVE.fillsGap(label(receiver.school), subjectName(move.role), move.role, gap.priority));
  }
  if (firstBackbone) out.push(MOVE.r5());
  if (move.cls.r2Backbone) out.push(MOVE.r2(BACKBONE_LEVELS.zh[move.teacher.backbone], move.teacher.backbone));
  const parts = [MOVE.monthsAtSchool(e.months_at_school)];
  if (move.cls.titleNeed) parts.push(MOVE.titleNeed(move.teacher.title_target_year!, move.teacher.rural_months, policy.assignment.title_rural_months));
  const rank = move.teacher.preferences.indexOf(move.receiver);
  if (rank >= 0) parts.push(MOVE.preference(rank + 1, preferenceWeight(rank)));
  if (receiver.school.group !== '' && receiver.school.group === input.senders.find((s) => s.school.school_id === move.cls.sender)?.school.group) {
    parts.push(MOVE.sameGroup(receiver.school.group));
  }
  const d = input.distance.get(pairKey(move.cls.sender, move.receiver));
  parts.push(MOVE.distance(d === null || d === undefined ? null : roundKm(d)));
  const points = input.points.get(move.teacher.teacher_id)!;
  // Under weights other than the default (months at school only) the working is shown, so the teacher can check it.
  const byMonthsOnly = POINTS_PARTS.every((k) => policy.points[k] === (k === 'months_at_school' ? 1 : 0));
  out.push(MOVE.score(points.total, byMonthsOnly ? '' : pointsWorking(points, policy), joinTexts(parts)));
  return out;
}

/** How many of a sender's eligible teachers could leave at all, and why the others cannot. */
export function sendableCount(s: SenderInput, input: CountyInput, only: (t: Teacher) => boolean = () => true): { count: number; notes: Text[] } {
  const notes: Text[] = [];
  const canReach = new Map<string, boolean>();
  for (const c of input.classes) if (c.sender === s.school.school_id) for (const t of c.members) canReach.set(t.teacher_id, c.receivers.length > 0);
  const unreachable = s.eligible.filter((t) => only(t) && !canReach.get(t.teacher_id)).length;
  if (unreachable > 0) notes.push(SHORTFALL.unreachable(unreachable));
  let count = 0;
  const bySubject = new Map<string, number>();
  for (const t of s.eligible) if (only(t) && canReach.get(t.teacher_id)) bySubject.set(t.subject, (bySubject.get(t.subject) ?? 0) + 1);
  for (const [k, n] of [...bySubject].sort()) {
    const left = s.mayLeave.get(k) ?? 0;
    if (left < n) notes.push(SHORTFALL.lastOfSubject(subjectName(k), k, s.present.get(k) ?? 0, left, n));
    count += Math.min(n, left);
  }
  return { count, notes };
}

/** R1 shortfall text: "R1: 3 required, only 2 can go: …". */
export function r1Why(s: SenderInput, input: CountyInput, sent: number): Text {
  const { count, notes } = sendableCount(s, input);
  const base = SHORTFALL.r1Base(label(s.school), s.eligible.length, s.required, sent, s.keepLocked);
  const rest = count < s.required ? SHORTFALL.r1AtMost(count, notes.length > 0 ? joinTexts(notes) : null) : SHORTFALL.r1Full();
  return joinTexts([base, rest]);
}

/** R2 shortfall text. */
export function r2Why(s: SenderInput, input: CountyInput, sent: number, backboneSent: number, policy: Policy, isBackbone: (t: Teacher) => boolean): Text {
  const eligibleBackbone = s.eligible.filter(isBackbone).length;
  const { count } = sendableCount(s, input, isBackbone);
  return SHORTFALL.r2(label(s.school), sent, r2Required(sent, policy), backboneSent, BACKBONE_LEVELS.zh[policy.rotation.backbone_level],
    eligibleBackbone, count, s.required, r2Required(s.required, policy));
}

/** Added to an R2 text when rotation.r2_when_short = "excuse" excuses the sender (r2-reading.ts). */
export function r2ExcuseNote(s: SenderInput): Text {
  return SHORTFALL.r2Excused(s.cap);
}

/** R4 text for an unfilled gap. */
export function gapWhy(input: CountyInput, receiver: string, subject: string, unfilled: number, moves: readonly Move[]): Text {
  const r = input.receivers.find((x) => x.school.school_id === receiver)!;
  const qualified = input.classes.filter((c) => c.subjects.includes(subject) && c.receivers.includes(receiver));
  const people = qualified.reduce((n, c) => n + c.members.length, 0);
  const placed = moves.filter((m) => qualified.includes(m.cls)).length;
  const head = SHORTFALL.gapHead(label(r.school), subjectName(subject), subject, unfilled);
  if (people === 0) return joinTexts([head, SHORTFALL.gapNobody(subjectName(subject), subject)], '：', ': ');
  return wrap(joinTexts([head, SHORTFALL.gapHeld(subjectName(subject), people, placed)], '：', ': '), text('', ''), balanceNote(input));
}

/** R5 text for a receiver left without an R5-level backbone teacher. */
export function r5Why(input: CountyInput, receiver: string, level: BackboneLevel): Text {
  const r = input.receivers.find((x) => x.school.school_id === receiver)!;
  const candidates = input.classes.filter((c) => c.r5Backbone && c.receivers.includes(receiver)).reduce((n, c) => n + c.members.length, 0);
  const head = SHORTFALL.r5Head(label(r.school), BACKBONE_LEVELS.zh[level], level);
  if (candidates === 0) return joinTexts([head, SHORTFALL.r5Nobody()], '：', ': ');
  return wrap(joinTexts([head, SHORTFALL.r5Held(candidates)], '：', ': '), text('', ''), balanceNote(input));
}

/** With balance.backbone_weight > 0 a post or R5 may be left open on purpose, for a lower backbone CV. */
function balanceNote(input: CountyInput): Text {
  return input.balance !== undefined && input.balance.weight > 0 ? SHORTFALL.balance(input.balance.weight) : text('', '');
}

/**
 * The couple rule's part in a move (policy `couples`), or null when the teacher has no spouse the rule binds:
 * under "together" whether the spouse goes to the same receiver (or one within couples.max_km), under "not_both"
 * that the spouse stays this year.
 */
export function coupleReason(move: Move, moves: readonly Move[], policy: Policy): Text | null {
  const couple = move.cls.couple;
  if (couple === undefined || couple.held) return null;
  const other = moves.find((m) => m.teacher.teacher_id === couple.spouse);
  if (policy.couples.rule === 'not_both') return COUPLE.notBoth(couple.spouse);
  if (other === undefined) return COUPLE.notSent(couple.spouse);
  if (other.receiver === move.receiver) return COUPLE.sameSchool(couple.spouse);
  return COUPLE.near(couple.spouse, other.receiver, policy.couples.max_km);
}

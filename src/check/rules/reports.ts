/**
 * totals: what the plan reports — senders, gaps, receivers, stats,
 * allowances, each assignment's backbone — equals what counting the plan gives.
 */
import { BACKBONE_LEVELS, lookupCode } from '../../domain/codes.js';
import type { Facts } from '../facts.js';
import { postKey } from '../tally.js';
import { violation, type Violation } from '../violation.js';

/** Allowances are money: totals may be rounded to the cent. */
const MONEY_TOLERANCE = 0.01;

type Fields = Readonly<Record<string, unknown>>;

/** "sent 计划写 2，实为 3 / sent is 2 in the plan, 3 by count" for every field that differs. */
function differences(stated: Fields, counted: Fields): string[] {
  return Object.keys(counted).filter((k) => stated[k] !== counted[k])
    .map((k) => `${k} 计划写 ${String(stated[k])}，实为 ${String(counted[k])} / ${k} is ${String(stated[k])} in the plan, ${String(counted[k])} by count`);
}

function duplicates(ids: readonly string[]): Set<string> {
  return new Set(ids.filter((id, i) => ids.indexOf(id) !== i));
}

/** totals: plan.senders lists every sender that has eligible teachers or sends, with the true counts. */
export function sendersReported(f: Facts): Violation[] {
  const out: Violation[] = [];
  const listed = new Set<string>();
  for (const id of duplicates(f.plan.senders.map((s) => s.school_id))) out.push(violation('totals', { school_id: id }, `senders: ${f.school(id)} 出现多次 / is listed more than once`));
  for (const row of f.plan.senders) {
    listed.add(row.school_id);
    const s = f.tally.senders.get(row.school_id);
    if (s === undefined) {
      out.push(violation('totals', { school_id: row.school_id }, `senders: ${f.school(row.school_id)} 不是派出学校 / is not a sending school of the scenario`));
      continue;
    }
    const counted = {
      eligible: s.eligible.length, required: s.required, sent: s.sent.length, backbone_sent: s.backboneSent,
      backbone_required: s.backboneRequired, met: s.sent.length >= s.required && s.backboneSent >= s.backboneRequired,
    };
    const diff = differences(row, counted);
    if (diff.length > 0) out.push(violation('totals', { school_id: row.school_id }, `senders ${f.school(row.school_id)}: ${diff.join('; ')}`));
  }
  for (const s of f.tally.senders.values()) {
    if (listed.has(s.school.school_id) || (s.eligible.length === 0 && s.sent.length === 0)) continue;
    out.push(violation('totals', { school_id: s.school.school_id }, `senders: 缺少 ${f.school(s.school.school_id)} (${s.eligible.length} 人符合条件，派出 ${s.sent.length} 人) / missing (${s.eligible.length} eligible, ${s.sent.length} sent)`));
  }
  return out;
}

/** totals: plan.gaps lists every unfilled gap, and every gap it lists has the true counts. */
export function gapsReported(f: Facts): Violation[] {
  const out: Violation[] = [];
  const listed = new Set<string>();
  for (const row of f.plan.gaps) {
    const key = postKey(row.school_id, row.subject);
    listed.add(key);
    const post = f.tally.posts.get(key);
    const counted = { needed: post?.needed ?? 0, filled: post?.filled ?? 0, unfilled: post?.unfilled ?? 0 };
    const diff = differences(row, counted);
    if (diff.length > 0) out.push(violation('totals', { school_id: row.school_id }, `gaps ${f.school(row.school_id)} ${row.subject}: ${diff.join('; ')}`));
  }
  for (const g of f.tally.gaps) {
    if (g.unfilled === 0 || listed.has(postKey(g.school_id, g.subject))) continue;
    out.push(violation('totals', { school_id: g.school_id }, `gaps: 缺少 ${f.school(g.school_id)} ${g.subject} (仍缺 ${g.unfilled} 人) / missing an unfilled gap (${g.unfilled} unfilled)`));
  }
  return out;
}

/** totals: plan.receivers gives each receiver's true backbone count before and after, and lists every receiver left without one. */
export function receiversReported(f: Facts): Violation[] {
  const out: Violation[] = [];
  const listed = new Set<string>();
  for (const row of f.plan.receivers) {
    listed.add(row.school_id);
    const r = f.tally.receivers.get(row.school_id);
    if (r === undefined) {
      out.push(violation('totals', { school_id: row.school_id }, `receivers: ${f.school(row.school_id)} 不是接收学校 / is not a receiving school of the scenario`));
      continue;
    }
    const diff = differences(row, { county_backbone_before: r.before, county_backbone_after: r.after });
    if (diff.length > 0) out.push(violation('totals', { school_id: row.school_id }, `receivers ${f.school(row.school_id)}: ${diff.join('; ')}`));
  }
  for (const r of f.tally.receivers.values()) {
    if (r.after > 0 || listed.has(r.school.school_id)) continue;
    out.push(violation('totals', { school_id: r.school.school_id }, `receivers: 缺少 ${f.school(r.school.school_id)} (计划后无骨干) / missing a receiver left without a backbone teacher`));
  }
  return out;
}

/** totals: plan.stats adds up. */
export function statsReported(f: Facts): Violation[] {
  const senders = [...f.tally.senders.values()];
  const counted = {
    teachers: f.scenario.teachers.length,
    eligible: senders.reduce((n, s) => n + s.eligible.length, 0),
    sent: senders.reduce((n, s) => n + s.sent.length, 0),
    gaps_needed: f.tally.gaps.reduce((n, g) => n + g.needed, 0),
    gaps_filled: f.tally.gaps.reduce((n, g) => n + g.filled, 0),
  };
  const diff = differences(f.plan.stats, counted);
  return diff.length === 0 ? [] : [violation('totals', {}, `stats: ${diff.join('; ')}`)];
}

/** totals: each allowance total is the sum of its items. */
export function allowancesAddUp(f: Facts): Violation[] {
  return f.plan.allowances.flatMap((a) => {
    const items = Object.values(a.items);
    if (items.length === 0) return [];
    const sum = items.reduce((n, x) => n + x, 0);
    if (Math.abs(sum - a.total) <= MONEY_TOLERANCE + 1e-9) return [];
    return [violation('totals', { school_id: a.school_id, teacher_id: a.teacher_id },
      `allowances ${f.teacher(a.teacher_id)}: 合计 ${a.total}，分项之和 ${sum.toFixed(2)} / total ${a.total}, but the items add up to ${sum.toFixed(2)}`)];
  });
}

/** totals: each assignment records the teacher's true backbone level. */
export function backboneRecorded(f: Facts): Violation[] {
  return f.placements.flatMap((p) => (lookupCode(BACKBONE_LEVELS, p.row.backbone) === p.teacher.backbone ? [] : [violation('totals',
    { school_id: p.teacher.school_id, teacher_id: p.teacher.teacher_id },
    `${f.teacher(p.teacher.teacher_id)}: 骨干等级写作 "${p.row.backbone}"，名册为 ${p.teacher.backbone} / backbone is "${p.row.backbone}" in the plan, ${p.teacher.backbone} on the roster`)]));
}

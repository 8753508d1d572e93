/**
 * 银龄讲学 (四(二)2 三): the volunteers a plan places (plan.json `volunteers`),
 * re-derived for the checker from volunteers.csv and the plan's own rotation:
 * each volunteer known and listed once, placed in their own county, healthy,
 * at most volunteers.max_age on the term's first day, for days inside both
 * the term and their availability, in a subject they teach, only on a post
 * rotation leaves open — and the subsidy's arithmetic.
 */
import { differenceInYears } from 'date-fns/differenceInYears';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { parseISO } from 'date-fns/parseISO';
import type { VolunteerReport } from '../../domain/plan.js';
import { isReceiver } from '../../domain/scenario.js';
import type { Volunteer } from '../../domain/tables.js';
import type { Facts } from '../facts.js';
import { coveredPosts, periodTable } from '../itinerant.js';
import { postKey } from '../tally.js';
import { violation, type Violation } from '../violation.js';

const MONEY_TOLERANCE = 0.01;

const rowsOf = (f: Facts): readonly VolunteerReport[] => f.plan.volunteers ?? [];
const label = (r: { volunteer_id: string }, v: Volunteer | undefined) => (v !== undefined && v.name !== '' ? `${v.name} (${r.volunteer_id})` : r.volunteer_id);

/** volunteers: every placed volunteer may serve there — known, once, own county, age, health, dates, subject, an open post. */
export function volunteersPlacedRightly(f: Facts): Violation[] {
  const out: Violation[] = [];
  const known = new Map((f.scenario.volunteers ?? []).map((v) => [v.volunteer_id, v]));
  const maxAge = f.policy.volunteers.max_age;
  const seen = new Set<string>();
  const onPost = new Map<string, string[]>();
  for (const r of rowsOf(f)) {
    const v = known.get(r.volunteer_id);
    const who = label(r, v);
    const say = (text: string, school?: string) => out.push(violation('volunteers', { ...(school !== undefined ? { school_id: school } : {}), teacher_id: r.volunteer_id }, `${who}: ${text}`));
    if (seen.has(r.volunteer_id)) { say('在 volunteers 中出现多次 / is listed more than once'); continue; }
    seen.add(r.volunteer_id);
    if (v === undefined) { say('不在 volunteers.csv 中 / is not in volunteers.csv'); continue; }
    if (r.to_school === null) continue;
    const school = f.schools.get(r.to_school);
    const at = f.school(r.to_school);
    if (school === undefined || !isReceiver(school)) { say(`${at} 不是接收学校 / is not a receiving school`, r.to_school); continue; }
    if (!f.policy.volunteers.enabled) say('volunteers.enabled = false，却安排了志愿者 / is placed although volunteers.enabled is false', r.to_school);
    if (school.county !== v.county) say(`${at} 在 ${school.county}，志愿者属 ${v.county} / serves in another county (${school.county}, not ${v.county})`, r.to_school);
    const age = differenceInYears(parseISO(f.term.start), parseISO(v.birth_date));
    if (age > maxAge) say(`轮岗期首日 ${age} 岁，超过 ${maxAge} 岁 / aged ${age} on the term's first day, over volunteers.max_age ${maxAge}`, r.to_school);
    if (!v.health_ok) say('身体健康为“否” / health_ok is no', r.to_school);
    const from = v.available_from ?? f.term.start;
    const to = v.available_to ?? f.term.end;
    if (r.start_date === null || r.end_date === null || r.start_date > r.end_date) say('支教日期缺失或颠倒 / start_date and end_date are missing or out of order', r.to_school);
    else if (r.start_date < f.term.start || r.end_date > f.term.end || r.start_date < from || r.end_date > to) {
      say(`支教 ${r.start_date} 至 ${r.end_date}，超出本期 ${f.term.start}–${f.term.end} 或可支教日期 ${from}–${to} / serves ${r.start_date} to ${r.end_date}, outside the term or the dates available`, r.to_school);
    }
    const subjects = [v.subject, ...v.qualified_subjects];
    if (r.subject === null || !subjects.includes(r.subject)) say(`不能任教 ${r.subject ?? '?'}（可任教 ${subjects.join('、')}） / does not teach ${r.subject ?? '?'} (teaches ${subjects.join(', ')})`, r.to_school);
    else {
      const key = postKey(r.to_school, r.subject);
      onPost.set(key, [...(onPost.get(key) ?? []), r.volunteer_id]);
    }
  }
  const periods = periodTable(f);
  for (const [key, ids] of onPost) {
    const post = f.tally.posts.get(key);
    const [school, subject] = key.split('|') as [string, string];
    // 走教 comes before volunteers: the posts its covers make whole are not open to them.
    const open = Math.max(0, (post?.unfilled ?? 0) - coveredPosts(f, periods, school, subject, post?.unfilled ?? 0));
    if (ids.length <= open) continue;
    out.push(violation('volunteers', { school_id: school },
      `${f.school(school)} ${subject}: ${ids.length} 名志愿者 (${ids.join('、')})，轮岗后只缺 ${open} 人 / ${ids.length} volunteers on ${open} post(s) rotation leaves open: a volunteer on a post already filled`));
  }
  return out;
}

/** Fen owed for days a..b of a month at `fen` a month: whole months the rate, part months by their days (docs/policy.md). */
function partFen(fen: number, first: number, last: number, days: number): number {
  const upTo = (d: number) => Math.floor((2 * fen * d + days) / (2 * days));
  return upTo(last) - upTo(first - 1);
}

/** The subsidy for `from`..`to` at `monthly` yuan, in fen, counted month by month. */
function subsidyFen(monthly: number, from: string, to: string, proRata: boolean): number {
  const fen = Math.round(monthly * 100);
  let total = 0;
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const [ey, em] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (y < ey || (y === ey && m <= em)) {
    const days = getDaysInMonth(new Date(Date.UTC(y, m - 1, 15)));
    const first = y === Number(from.slice(0, 4)) && m === Number(from.slice(5, 7)) ? Number(from.slice(8, 10)) : 1;
    const last = y === ey && m === em ? Number(to.slice(8, 10)) : days;
    if (first === 1 && last === days) total += fen;
    else if (proRata) total += partFen(fen, first, last, days);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return total;
}

/** totals: each placed volunteer's subsidy is volunteers.subsidy_monthly at the receiver's tier over the days served, and an allowance row pays it. */
export function volunteerSubsidyAddsUp(f: Facts): Violation[] {
  const out: Violation[] = [];
  const rates = f.policy.volunteers.subsidy_monthly;
  for (const r of rowsOf(f)) {
    if (r.to_school === null || r.start_date === null || r.end_date === null || r.start_date > r.end_date) continue;
    const school = f.schools.get(r.to_school);
    if (school === undefined) continue;
    const monthly = rates[school.tier] ?? 0;
    const owed = subsidyFen(monthly, r.start_date, r.end_date, f.policy.allowances.part_month === 'pro_rata') / 100;
    const where = { school_id: r.to_school, teacher_id: r.volunteer_id };
    if (r.tier !== school.tier || r.monthly !== monthly || Math.abs(r.subsidy - owed) > MONEY_TOLERANCE / 2) {
      out.push(violation('totals', where, `volunteers ${r.volunteer_id}: 补助 第${r.tier ?? '?'}档 ${r.monthly} 元/月 合计 ${r.subsidy}，应为第${school.tier}档 ${monthly} 元/月 合计 ${owed.toFixed(2)} / subsidy tier ${r.tier ?? '?'}, ${r.monthly} a month, ${r.subsidy} in all; by count tier ${school.tier}, ${monthly} a month, ${owed.toFixed(2)}`));
    }
    const paid = f.plan.allowances.filter((a) => a.teacher_id === r.volunteer_id && a.school_id === r.to_school);
    const total = paid.reduce((n, a) => n + a.total, 0);
    if (Math.abs(total - r.subsidy) > MONEY_TOLERANCE / 2) {
      out.push(violation('totals', where, `volunteers ${r.volunteer_id}: 津贴表支付 ${total.toFixed(2)}，补助为 ${r.subsidy} / the allowances pay ${total.toFixed(2)}, the subsidy is ${r.subsidy}`));
    }
  }
  return out;
}

/** totals: the gap rows' `volunteers` are the volunteers the plan places on each post, and every volunteer of volunteers.csv is listed. */
export function volunteersReported(f: Facts): Violation[] {
  const out: Violation[] = [];
  const counted = new Map<string, number>();
  for (const r of rowsOf(f)) if (r.to_school !== null && r.subject !== null) counted.set(postKey(r.to_school, r.subject), (counted.get(postKey(r.to_school, r.subject)) ?? 0) + 1);
  for (const g of f.plan.gaps) {
    const stated = typeof g['volunteers'] === 'number' ? g['volunteers'] : 0;
    const n = counted.get(postKey(g.school_id, g.subject)) ?? 0;
    if (stated !== n) out.push(violation('totals', { school_id: g.school_id }, `gaps ${f.school(g.school_id)} ${g.subject}: volunteers 计划写 ${stated}，实为 ${n} / volunteers is ${stated} in the plan, ${n} by count`));
  }
  if (f.plan.volunteers === undefined && (f.scenario.volunteers ?? []).length > 0) {
    out.push(violation('totals', {}, `volunteers: 计划没有 volunteers（银龄讲学）一项，volunteers.csv 的 ${f.scenario.volunteers!.length} 名志愿者未核对 / the plan has no volunteers list: the ${f.scenario.volunteers!.length} volunteers of volunteers.csv were not checked`));
    return out;
  }
  const listed = new Set(rowsOf(f).map((r) => r.volunteer_id));
  const missing = (f.scenario.volunteers ?? []).filter((v) => !listed.has(v.volunteer_id)).map((v) => v.volunteer_id);
  if (missing.length > 0) {
    out.push(violation('totals', {}, `volunteers: 计划未列出 ${missing.length} 名志愿者 (${missing.slice(0, 5).join('、')}${missing.length > 5 ? ' …' : ''}) / the plan does not list every volunteer of volunteers.csv`));
  }
  return out;
}

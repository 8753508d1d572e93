/** 走教 (plan.json `itinerant`, schools.csv district, policy `itinerant`): each cover inside the rules. */
import { isReceiver } from '../../domain/scenario.js';
import type { Facts } from '../facts.js';
import { periodTable, termMonths } from '../itinerant.js';
import { schoolDistance } from '../reach.js';
import { postKey } from '../tally.js';
import { violation, type Violation } from '../violation.js';

interface CoverRow {
  readonly teacher_id: string; readonly home_school: string; readonly school_id: string; readonly subject: string; readonly periods: number;
}

const coversOf = (f: Facts): readonly CoverRow[] => f.plan.itinerant?.covers ?? [];

/**
 * itinerant: a cover goes between two schools of one district (schools.csv district) of one county, within
 * itinerant.max_distance_km (both schools need coordinates); its teacher teaches its subject at the home school
 * this term and is not exempt; no school lends more periods of a subject than it has spare, no receiver gets
 * more than the rotation leaves open (periods lacking by the count, at most its gap's unfilled posts × a full load); no teacher walks to more than itinerant.max_schools schools or more
 * than itinerant.max_periods periods a week; and there are no covers when 走教 is off.
 */
export function itinerantCovers(f: Facts): Violation[] {
  const covers = coversOf(f);
  if (covers.length === 0) return [];
  const policy = f.policy.itinerant;
  const out: Violation[] = [];
  const on = policy.enabled && [...f.schools.values()].some((s) => s.district !== undefined);
  if (!on) {
    return [violation('itinerant', {}, `计划列有 ${covers.length} 条走教，但走教未启用（itinerant.enabled 为 false 或学校表无学区）/ the plan lists ${covers.length} cover(s), but 走教 is off (itinerant.enabled false, or no school has a district)`)];
  }
  const table = periodTable(f);
  for (const c of covers) {
    const who = `${f.teacher(c.teacher_id)} ${f.school(c.home_school)} → ${f.school(c.school_id)}`;
    const bad = (zh: string, en: string) => out.push(violation('itinerant', { school_id: c.school_id, teacher_id: c.teacher_id }, `走教 ${who}: ${zh} / ${en}`));
    const home = f.schools.get(c.home_school);
    const there = f.schools.get(c.school_id);
    const t = f.teachers.get(c.teacher_id);
    if (home === undefined || there === undefined || t === undefined) { bad('未知学校或教师', 'unknown school or teacher'); continue; }
    if (!Number.isInteger(c.periods) || c.periods < 1) bad(`课时 ${c.periods} 不是正整数`, `periods ${c.periods} is not a positive whole number`);
    if (c.home_school === c.school_id) bad('走教学校与任教学校相同', 'the covered school is the home school');
    if (home.county !== there.county) bad(`跨县市区（${home.county} / ${there.county}）`, `crosses a county line (${home.county} / ${there.county})`);
    if (home.district === undefined || home.district !== there.district) {
      bad(`不在同一学区（${home.district ?? '无'} / ${there.district ?? '无'}）`, `not in one district (${home.district ?? 'none'} / ${there.district ?? 'none'})`);
    }
    const km = schoolDistance(f, c.home_school, c.school_id);
    if (km === null) bad('缺坐标，距离未知', 'distance unknown (no coordinates)');
    else if (policy.max_distance_km !== null && km > policy.max_distance_km + 1e-9) {
      bad(`相距 ${km.toFixed(1)} 公里，超过 itinerant.max_distance_km = ${policy.max_distance_km}`, `${km.toFixed(1)} km apart, beyond itinerant.max_distance_km = ${policy.max_distance_km}`);
    }
    if (!table(c.home_school, c.subject)?.staff.has(c.teacher_id)) {
      bad(`本期不在 ${c.home_school} 任教 ${c.subject}`, `does not teach ${c.subject} at ${c.home_school} this term`);
    }
    if (t.exempt !== '') bad(`免于交流（${t.exempt}），不安排走教`, `exempt (${t.exempt}): no itinerant teaching`);
    if (!isReceiver(there)) bad('走教学校不是接收学校', 'the covered school is not a receiving (rural or weak) school');
  }
  const sum = (rows: readonly CoverRow[]) => rows.reduce((n, c) => n + c.periods, 0);
  const by = (k: (c: CoverRow) => string) => {
    const m = new Map<string, CoverRow[]>();
    for (const c of covers) m.set(k(c), [...(m.get(k(c)) ?? []), c]);
    return [...m.values()];
  };
  for (const rows of by((c) => `${c.home_school}|${c.subject}`)) {
    const { home_school: h, subject: s } = rows[0]!;
    const spare = table(h, s)?.spare ?? 0;
    if (sum(rows) > spare) {
      out.push(violation('itinerant', { school_id: h }, `走教 ${f.school(h)} ${s}: 外出 ${sum(rows)} 节，富余仅 ${spare} 节 / lends ${sum(rows)} periods of ${s}, has ${spare} spare`));
    }
  }
  for (const rows of by((c) => `${c.school_id}|${c.subject}`)) {
    const { school_id: r, subject: s } = rows[0]!;
    // What the rotation leaves open: the periods lacking by the count, at most the gap's unfilled posts × a full load.
    const count = table(r, s);
    const unfilled = f.tally.posts.get(postKey(r, s))?.unfilled ?? 0;
    const need = count === undefined ? 0 : Math.max(0, Math.min(count.uncovered, unfilled * count.load));
    if (sum(rows) > need) {
      out.push(violation('itinerant', { school_id: r }, `走教 ${f.school(r)} ${s}: 走教 ${sum(rows)} 节，轮岗后仅缺 ${need} 节（缺课时 ${count?.uncovered ?? 0}，未补岗位 ${unfilled}）/ gets ${sum(rows)} periods of ${s}, lacks only ${need} after the rotation (${count?.uncovered ?? 0} periods by the count, ${unfilled} unfilled post(s))`));
    }
  }
  for (const rows of by((c) => c.teacher_id)) {
    const id = rows[0]!.teacher_id;
    const schools = new Set(rows.map((c) => c.school_id)).size;
    if (schools > policy.max_schools) {
      out.push(violation('itinerant', { teacher_id: id }, `走教 ${f.teacher(id)}: 走教 ${schools} 所学校，超过 itinerant.max_schools = ${policy.max_schools} / walks to ${schools} schools, more than itinerant.max_schools = ${policy.max_schools}`));
    }
    if (sum(rows) > policy.max_periods) {
      out.push(violation('itinerant', { teacher_id: id }, `走教 ${f.teacher(id)}: 每周走教 ${sum(rows)} 节，超过 itinerant.max_periods = ${policy.max_periods} / ${sum(rows)} periods a week, more than itinerant.max_periods = ${policy.max_periods}`));
    }
  }
  return out;
}

/**
 * itinerant: the 走教 subsidy — each teacher is paid `itinerant.subsidy_monthly` at the covered school's tier for
 * every school they cover, for the term (part months pro rata), in an allowances row marked `itinerant`; and no
 * such row without a cover.
 */
export function itinerantSubsidyPaid(f: Facts): Violation[] {
  const { subsidy_monthly: rates, subsidy_name: name } = f.policy.itinerant;
  const rows = f.plan.allowances.filter((a) => a['itinerant'] === true);
  const covered = new Set(coversOf(f).map((c) => `${c.teacher_id}|${c.school_id}`));
  const out: Violation[] = [];
  const months = termMonths(f.plan.period.start, f.plan.period.end, f.policy.allowances.part_month === 'whole_months');
  for (const k of covered) {
    const [teacher, school] = k.split('|') as [string, string];
    const row = rows.find((a) => a.teacher_id === teacher && a.school_id === school);
    const tier = f.schools.get(school)?.tier ?? 0;
    const owed = (rates[tier] ?? 0) * months;
    const paid = row?.items[name];
    if (paid === undefined || Math.abs(paid - owed) > 0.01 * Math.ceil(months) + 1e-9) {
      out.push(violation('itinerant', { school_id: school, teacher_id: teacher },
        `走教补贴 ${f.teacher(teacher)} → ${f.school(school)}: 应付 ${owed.toFixed(2)} 元（第${tier}档 ${rates[tier]} 元/月），计划写 ${paid ?? '无'} / the itinerant subsidy owed is ${owed.toFixed(2)} (tier ${tier}, ${rates[tier]} a month), the plan pays ${paid ?? 'nothing'}`));
    }
  }
  for (const a of rows) {
    if (!covered.has(`${a.teacher_id}|${a.school_id}`)) {
      out.push(violation('itinerant', { school_id: a.school_id, teacher_id: a.teacher_id }, `走教补贴 ${f.teacher(a.teacher_id)} → ${f.school(a.school_id)}: 计划无此走教 / paid, but the plan has no such cover`));
    }
  }
  return out;
}

/** The couple rule (policy `couples`, teachers.csv spouse_id): married teachers placed in one year. */
import { coupleKmApart } from '../couples.js';
import type { Facts } from '../facts.js';
import { violation, type Violation } from '../violation.js';

/**
 * couples: under "not_both" two spouses are never both placed in one year; under "together", when both are
 * placed, they go to the same receiver (couples.max_km = 0) or to receivers at most couples.max_km apart.
 */
export function couplesKept(f: Facts): Violation[] {
  const { rule, max_km: maxKm } = f.policy.couples;
  if (rule === 'ignore') return [];
  const out: Violation[] = [];
  for (const p of f.placements) {
    const spouse = p.teacher.spouse_id;
    if (spouse === undefined || spouse < p.teacher.teacher_id) continue; // each couple once
    const q = f.placed.get(spouse);
    if (q === undefined) continue;
    const who = `${f.teacher(p.teacher.teacher_id)} 与配偶 ${f.teacher(spouse)}`;
    if (rule === 'not_both') {
      out.push(violation('couples', { teacher_id: p.teacher.teacher_id }, `${who} 同年交流，违反 couples.rule = not_both / ${p.teacher.teacher_id} and spouse ${spouse} are both placed this year (couples.rule = not_both)`));
      continue;
    }
    if (p.row.to_school === q.row.to_school) continue;
    const km = coupleKmApart(f, p.row.to_school, q.row.to_school);
    if (maxKm > 0 && km !== null && km <= maxKm) continue;
    const apart = km === null ? '距离未知 / distance unknown' : `相距 ${Math.round(km * 10) / 10} km`;
    out.push(violation('couples', { teacher_id: p.teacher.teacher_id }, `${who} 分赴 ${f.school(p.row.to_school)} 与 ${f.school(q.row.to_school)}（${apart}），违反 couples.rule = together${maxKm > 0 ? `（上限 ${maxKm} km）` : '（须同校）'} / ${p.teacher.teacher_id} and spouse ${spouse} go to different receivers (${km === null ? 'distance unknown' : `${Math.round(km * 10) / 10} km apart`}), couples.rule = together allows ${maxKm > 0 ? `at most ${maxKm} km` : 'only the same school'}`));
  }
  return out;
}

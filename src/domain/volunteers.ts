/**
 * volunteers.csv (银龄讲学, 四(二)2 三): retired teachers who volunteer to teach
 * at rural schools, checked against the other tables. Whether a volunteer can
 * serve this term (age, health, dates, county) is not bad input: the plan
 * says why one is not placed (engine/volunteers.ts).
 */
import type { InputProblem } from './errors.js';
import { isReceiver, type Scenario } from './scenario.js';

/** A problem on one cell of volunteers.csv. */
function volunteerProblem(s: Scenario, index: number, key: string, message: string): InputProblem {
  const h = s.source?.headers.volunteers?.[key];
  return {
    file: s.source?.files.volunteers ?? 'volunteers.csv', row: s.source?.lines.volunteers?.[index] ?? index + 2,
    column: h ? `${h.header} (${h.column})` : key, message,
  };
}

/**
 * Every problem of the volunteers table (empty when there is none or it is consistent): duplicate ids, an id
 * that is also a teacher's (allowance rows name both by id), dates out of order, preferred schools that are
 * unknown, not receivers or in another county.
 */
export function volunteerProblems(s: Scenario): InputProblem[] {
  const problems: InputProblem[] = [];
  const schools = new Map(s.schools.map((x) => [x.school_id, x]));
  const teachers = new Set(s.teachers.map((t) => t.teacher_id));
  const seen = new Map<string, number>();
  (s.volunteers ?? []).forEach((v, i) => {
    const at = (key: string, message: string) => problems.push(volunteerProblem(s, i, key, message));
    const first = seen.get(v.volunteer_id);
    if (first !== undefined) at('volunteer_id', `志愿者编号 ${v.volunteer_id} 重复 (first on row ${s.source?.lines.volunteers?.[first] ?? first + 2}) / duplicate volunteer id`);
    else seen.set(v.volunteer_id, i);
    if (teachers.has(v.volunteer_id)) at('volunteer_id', `志愿者编号 ${v.volunteer_id} 与教师编号相同 / is also a teacher id in teachers.csv: give volunteers their own ids`);
    if (v.available_from !== null && v.available_to !== null && v.available_to < v.available_from) {
      at('available_to', `可支教结束日期 ${v.available_to} 早于开始日期 ${v.available_from} / ends before it starts`);
    }
    if (v.available_from !== null && v.available_from <= v.birth_date) at('available_from', `可支教开始日期 ${v.available_from} 不晚于出生日期 ${v.birth_date} / starts before birth`);
    for (const p of v.preferred_schools) {
      const school = schools.get(p);
      if (school === undefined) at('preferred_schools', `意向学校 ${p} 不在 schools 表中 / unknown school`);
      else if (!isReceiver(school)) at('preferred_schools', `意向学校 ${p} 不是接收学校 / is not a receiving (rural or weak) school`);
      else if (school.county !== v.county) at('preferred_schools', `意向学校 ${p} 在 ${school.county}，志愿者在 ${v.county} / is in another county (${school.county}): volunteers serve in their own county`);
    }
  });
  return problems;
}

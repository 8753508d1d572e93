/**
 * Checks across tables (FORMAT.md): unique ids, references that resolve,
 * needs only at receivers, dates in order. Every problem names file, row and
 * column; all are returned together.
 */
import type { InputProblem } from './errors.js';
import { isReceiver, type Scenario } from './scenario.js';
import type { TableName } from './tables.js';

/** Every cross-table problem of a scenario (empty when it is consistent). */
export function integrityProblems(s: Scenario): InputProblem[] {
  const problems: InputProblem[] = [];
  const at = (table: TableName, index: number, key: string, message: string): void => {
    const file = s.source?.files[table] ?? `${table}.csv`;
    const row = s.source?.lines[table]?.[index] ?? index + 2;
    const h = s.source?.headers[table]?.[key];
    problems.push({ file, row, column: h ? `${h.header} (${h.column})` : key, message });
  };

  const schools = new Map<string, number>();
  s.schools.forEach((x, i) => {
    if (schools.has(x.school_id)) at('schools', i, 'school_id', `学校代码 ${x.school_id} 重复 (first on row ${s.source?.lines.schools?.[schools.get(x.school_id)!] ?? '?'}) / duplicate school id`);
    else schools.set(x.school_id, i);
    if (x.lat !== null && (x.lat < -90 || x.lat > 90)) at('schools', i, 'lat', `纬度 ${x.lat} 超出 −90…90 / latitude out of range`);
    if (x.lon !== null && (x.lon < -180 || x.lon > 180)) at('schools', i, 'lon', `经度 ${x.lon} 超出 −180…180 / longitude out of range`);
    if ((x.lat === null) !== (x.lon === null)) at('schools', i, x.lat === null ? 'lat' : 'lon', '纬度和经度须同时填写 / give both latitude and longitude, or neither');
  });
  const school = (id: string) => s.schools[schools.get(id) ?? -1];

  const teachers = new Map<string, number>();
  s.teachers.forEach((t, i) => {
    if (teachers.has(t.teacher_id)) at('teachers', i, 'teacher_id', `教师编号 ${t.teacher_id} 重复 (first on row ${s.source?.lines.teachers?.[teachers.get(t.teacher_id)!] ?? '?'}) / duplicate teacher id`);
    else teachers.set(t.teacher_id, i);
    const home = school(t.school_id);
    if (home === undefined) at('teachers', i, 'school_id', `学校 ${t.school_id} 不在 schools 表中 / unknown school`);
    if (t.school_start_date <= t.birth_date) at('teachers', i, 'school_start_date', `调入本校日期 ${t.school_start_date} 不晚于出生日期 ${t.birth_date} / joined the school before birth`);
    if (t.hire_date !== null) {
      if (t.hire_date <= t.birth_date) at('teachers', i, 'hire_date', `参加工作日期 ${t.hire_date} 不晚于出生日期 ${t.birth_date} / hired before birth`);
      if (t.school_start_date < t.hire_date) at('teachers', i, 'school_start_date', `调入本校日期 ${t.school_start_date} 早于参加工作日期 ${t.hire_date} / joined the school before being hired`);
    }
    t.preferences.forEach((p) => {
      const pref = school(p);
      if (pref === undefined) at('teachers', i, 'preferences', `意向学校 ${p} 不在 schools 表中 / unknown school`);
      else if (!isReceiver(pref)) at('teachers', i, 'preferences', `意向学校 ${p} 不是接收学校 / is not a receiving (rural or weak) school`);
    });
  });
  const teacher = (id: string) => s.teachers[teachers.get(id) ?? -1];
  spousesMutual(s, teachers, at);

  const needKeys = new Map<string, number>();
  s.needs.forEach((n, i) => {
    const sc = school(n.school_id);
    if (sc === undefined) at('needs', i, 'school_id', `学校 ${n.school_id} 不在 schools 表中 / unknown school`);
    else if (!isReceiver(sc)) at('needs', i, 'school_id', `学校 ${n.school_id} 不是接收学校 (乡村或薄弱) / needs are only for receiving (rural or weak) schools`);
    const key = `${n.school_id}\u0000${n.subject}`;
    if (needKeys.has(key)) at('needs', i, 'subject', `${n.school_id} 的 ${n.subject} 缺编重复 (first on row ${s.source?.lines.needs?.[needKeys.get(key)!] ?? '?'}) / the same school and subject appear twice`);
    else needKeys.set(key, i);
  });

  s.history.forEach((r, i) => {
    if (teacher(r.teacher_id) === undefined) at('history', i, 'teacher_id', `教师 ${r.teacher_id} 不在 teachers 表中 / unknown teacher`);
    if (school(r.from_school) === undefined) at('history', i, 'from_school', `学校 ${r.from_school} 不在 schools 表中 / unknown school`);
    const to = school(r.to_school);
    if (to === undefined) at('history', i, 'to_school', `学校 ${r.to_school} 不在 schools 表中 / unknown school`);
    if (r.end_date < r.start_date) at('history', i, 'end_date', `结束日期 ${r.end_date} 早于开始日期 ${r.start_date} / ends before it starts`);
  });

  const lockOf = new Map<string, { action: string; school: string | null; index: number }[]>();
  // Two locks of one teacher clash when one is a pin and the other is not a forbid of another school.
  const clashes = (a: { action: string; school: string | null }, b: { action: string; school: string | null }): boolean =>
    (a.action === 'pin' && (b.action !== 'forbid' || b.school === a.school)) || (b.action === 'pin' && (a.action !== 'forbid' || a.school === b.school));
  s.locks.forEach((l, i) => {
    const t = teacher(l.teacher_id);
    if (t === undefined) at('locks', i, 'teacher_id', `教师 ${l.teacher_id} 不在 teachers 表中 / unknown teacher`);
    if (l.action !== 'keep') {
      const sc = l.school_id === null ? undefined : school(l.school_id);
      if (l.school_id === null) at('locks', i, 'school_id', `${l.action} 需要学校代码 / a ${l.action} lock needs a school`);
      else if (sc === undefined) at('locks', i, 'school_id', `学校 ${l.school_id} 不在 schools 表中 / unknown school`);
      else if (!isReceiver(sc)) at('locks', i, 'school_id', `学校 ${l.school_id} 不是接收学校 / is not a receiving (rural or weak) school`);
      else if (l.action === 'pin' && t !== undefined && school(t.school_id) !== undefined && school(t.school_id)!.county !== sc.county) {
        at('locks', i, 'school_id', `${l.school_id} 在 ${sc.county}，教师在 ${school(t.school_id)!.county}：轮岗不跨县 / rotation never crosses a county line`);
      }
    }
    const list = lockOf.get(l.teacher_id) ?? [];
    const clash = list.find((o) => clashes(o, { action: l.action, school: l.school_id }));
    if (clash) at('locks', i, 'action', `与第 ${s.source?.lines.locks?.[clash.index] ?? '?'} 行的 ${clash.action} 冲突 / conflicts with the ${clash.action} lock on row ${s.source?.lines.locks?.[clash.index] ?? '?'}`);
    list.push({ action: l.action, school: l.school_id, index: i });
    lockOf.set(l.teacher_id, list);
  });
  return problems;
}

/**
 * teachers.csv spouse_id (配偶教师编号): names a teacher of the roster, not the teacher themself, and the
 * relation is mutual — the spouse's row names this teacher back. A one-sided or dangling entry names both rows.
 */
function spousesMutual(s: Scenario, index: ReadonlyMap<string, number>, at: (table: TableName, i: number, key: string, message: string) => void): void {
  const line = (i: number) => s.source?.lines.teachers?.[i] ?? i + 2;
  s.teachers.forEach((t, i) => {
    const spouse = t.spouse_id;
    if (spouse === undefined) return;
    if (spouse === t.teacher_id) return at('teachers', i, 'spouse_id', `配偶教师编号 ${spouse} 是本人 / a teacher cannot be their own spouse`);
    const j = index.get(spouse);
    if (j === undefined) return at('teachers', i, 'spouse_id', `配偶 ${spouse} 不在 teachers 表中 / the spouse is not a teacher of the roster`);
    const back = s.teachers[j]!.spouse_id;
    if (back !== t.teacher_id) {
      const said = back === undefined ? '未填配偶' : `填的是 ${back}`;
      at('teachers', i, 'spouse_id', `配偶关系须双向：第 ${line(i)} 行 ${t.teacher_id} 的配偶是 ${spouse}，但第 ${line(j)} 行 ${spouse} ${said} / the relation must be mutual: row ${line(i)} names ${spouse}, but row ${line(j)} (${spouse}) ${back === undefined ? 'names no spouse' : `names ${back}`}`);
    }
  });
}

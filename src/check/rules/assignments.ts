/**
 * Rules on each assignment row: who moves, from where, to where, teaching
 * what, how far, on which dates, and whether HR's decisions are obeyed.
 */
import { isReceiver } from '../../domain/scenario.js';
import type { Facts, Placement } from '../facts.js';
import { qualifiedIn, schoolDistance } from '../reach.js';
import { subjectName } from '../changes.js';
import { violation, type Violation } from '../violation.js';

/** Distances in the plan may be rounded to one decimal. */
const DISTANCE_TOLERANCE_KM = 0.05;

/** R3: every assignment names a teacher of the roster, once, moving from the home school. */
export function knownTeacherOnceFromHome(f: Facts): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  f.plan.assignments.forEach((a, i) => {
    const where = { school_id: a.from_school, teacher_id: a.teacher_id };
    const t = f.teachers.get(a.teacher_id);
    if (t === undefined) {
      out.push(violation('R3', where, `第 ${i + 1} 条安排: 教师 ${a.teacher_id} 不在教师名册中 / assignment ${i + 1}: teacher ${a.teacher_id} is not on the roster`));
      return;
    }
    if (seen.has(a.teacher_id)) out.push(violation('R3', where, `${f.teacher(a.teacher_id)} 被安排了不止一次 (第 ${i + 1} 条) / is placed more than once (assignment ${i + 1})`));
    seen.add(a.teacher_id);
  });
  return out;
}

/** R3 (bookkeeping): each assignment's from_school is the teacher's home school on the roster (which the counts go by). */
export function fromSchoolRecorded(f: Facts): Violation[] {
  return f.plan.assignments.flatMap((a) => {
    const t = f.teachers.get(a.teacher_id);
    if (t === undefined || a.from_school === t.school_id) return [];
    return [violation('R3', { school_id: t.school_id, teacher_id: a.teacher_id }, `${f.teacher(a.teacher_id)}: 派出学校写作 ${a.from_school}，实际所在学校为 ${f.school(t.school_id)} / from_school is ${a.from_school} but the home school is ${t.school_id}`)];
  });
}

/** R3: only teachers who meet the exchange conditions rotate (running rotations and keep locks have their own rules). */
export function onlyEligibleRotate(f: Facts): Violation[] {
  return f.placements.flatMap((p) => {
    const fails = (f.standing.get(p.teacher.teacher_id)?.fails ?? []).filter((x) => x.kind !== 'running' && x.kind !== 'keep');
    if (fails.length === 0) return [];
    return [violation('R3', { school_id: p.teacher.school_id, teacher_id: p.teacher.teacher_id },
      `${f.teacher(p.teacher.teacher_id)} (${f.school(p.teacher.school_id)}) 不符合交流条件 / does not meet the exchange conditions: ${fails.map((x) => x.text).join('; ')}`)];
  });
}

/** county: a teacher goes to a receiving (rural or weak) school of the home county. */
export function receiverInHomeCounty(f: Facts): Violation[] {
  return f.placements.flatMap((p) => {
    const to = f.schools.get(p.row.to_school);
    const home = f.schools.get(p.teacher.school_id);
    const where = { school_id: p.row.to_school, teacher_id: p.teacher.teacher_id };
    const who = f.teacher(p.teacher.teacher_id);
    if (to === undefined) return [violation('county', where, `${who}: 接收学校 ${p.row.to_school} 不在学校名单中 / receiving school ${p.row.to_school} is not in schools`)];
    if (!isReceiver(to)) return [violation('county', where, `${who}: ${f.school(to.school_id)} 不是接收学校 (乡村或薄弱) / is not a receiving (rural or weak) school`)];
    if (home !== undefined && home.county !== to.county) {
      return [violation('county', where, `${who}: 从 ${home.county} 的 ${f.school(home.school_id)} 跨县派往 ${to.county} 的 ${f.school(to.school_id)} / crosses from county ${home.county} to ${to.county}; rotation stays inside one county`)];
    }
    return [];
  });
}

/** qualification: a teacher teaches their main subject or one they are qualified in. */
export function qualifiedSubject(f: Facts): Violation[] {
  return f.placements.flatMap((p) => (qualifiedIn(p.teacher, p.row.subject) ? [] : [violation('qualification',
    { school_id: p.row.to_school, teacher_id: p.teacher.teacher_id },
    `${f.teacher(p.teacher.teacher_id)} 在 ${f.school(p.row.to_school)} 任教${subjectName(f, p.row.subject)}，但只能教 ${[p.teacher.subject, ...p.teacher.qualified_subjects].join('、')} / teaches ${p.row.subject} but is qualified only in ${[p.teacher.subject, ...p.teacher.qualified_subjects].join(', ')}`)]));
}

/** distance: the move is within the distance cap. */
export function withinDistance(f: Facts): Violation[] {
  const cap = f.policy.assignment.max_distance_km;
  if (cap === null) return [];
  return f.placements.flatMap((p) => {
    const km = schoolDistance(f, p.teacher.school_id, p.row.to_school);
    if (km === null || km <= cap) return [];
    return [violation('distance', { school_id: p.row.to_school, teacher_id: p.teacher.teacher_id },
      `${route(f, p)} 距离 ${km.toFixed(1)} km，超过上限 ${cap} km / ${km.toFixed(1)} km, over the ${cap} km cap`)];
  });
}

/** distance (bookkeeping): the plan states each move's true length. */
export function distanceRecorded(f: Facts): Violation[] {
  return f.placements.flatMap((p) => {
    const km = schoolDistance(f, p.teacher.school_id, p.row.to_school);
    const stated = p.row.distance_km;
    const wrong = km === null ? stated !== null : stated === null || Math.abs(stated - km) > DISTANCE_TOLERANCE_KM;
    if (!wrong) return [];
    return [violation('distance', { school_id: p.row.to_school, teacher_id: p.teacher.teacher_id },
      `${route(f, p)} 计划写 ${stated ?? 'null'} km，实为 ${km === null ? 'null (无坐标)' : km.toFixed(2)} km / plan states ${stated ?? 'null'} km, the great-circle distance is ${km === null ? 'unknown (no coordinates)' : `${km.toFixed(2)} km`}`)];
  });
}

/** "张三 (T01): 城区小学 (U1) → 乡村小学 (R1)" */
function route(f: Facts, p: Placement): string {
  return `${f.teacher(p.teacher.teacher_id)}: ${f.school(p.teacher.school_id)} → ${f.school(p.row.to_school)}`;
}

/** period: the plan and every assignment run exactly over the plan year's term. */
export function termDatesMatch(f: Facts): Violation[] {
  const { start, end } = f.term;
  const out: Violation[] = [];
  if (f.plan.period.start !== start || f.plan.period.end !== end) {
    out.push(violation('period', {}, `计划期间 ${f.plan.period.start}…${f.plan.period.end}，${f.plan.plan_year} 学年应为 ${start}…${end} / plan period ${f.plan.period.start}…${f.plan.period.end}, the ${f.plan.plan_year} term is ${start}…${end}`));
  }
  f.plan.assignments.forEach((a, i) => {
    if (a.start_date === start && a.end_date === end) return;
    out.push(violation('period', { school_id: a.to_school, teacher_id: a.teacher_id },
      `${f.teacher(a.teacher_id)} (第 ${i + 1} 条) 轮岗 ${a.start_date}…${a.end_date}，应为 ${start}…${end} / assignment ${i + 1} runs ${a.start_date}…${a.end_date}, the term is ${start}…${end}`));
  });
  return out;
}

/** history: a teacher still away on a running rotation is not placed again. */
export function runningRotationsStay(f: Facts): Violation[] {
  return f.placements.flatMap((p) => {
    const r = f.standing.get(p.teacher.teacher_id)?.running ?? null;
    if (r === null) return [];
    return [violation('history', { school_id: p.teacher.school_id, teacher_id: p.teacher.teacher_id },
      `${f.teacher(p.teacher.teacher_id)} 正在 ${f.school(r.to_school)} 轮岗至 ${r.end_date}，不能再安排 / is still on rotation at ${r.to_school} until ${r.end_date} and cannot be placed again`)];
  });
}

/** lock: pins are placed where pinned (and flagged), forbids are respected, kept teachers stay home. */
export function locksObeyed(f: Facts): Violation[] {
  const out: Violation[] = [];
  for (const l of f.scenario.locks) {
    const p = f.placed.get(l.teacher_id);
    const who = f.teacher(l.teacher_id);
    const where = { school_id: l.school_id ?? f.teachers.get(l.teacher_id)?.school_id, teacher_id: l.teacher_id };
    const target = l.school_id === null ? '' : f.school(l.school_id);
    if (l.action === 'pin' && p?.row.to_school !== l.school_id) {
      out.push(violation('lock', where, `${who} 已锁定派往 ${target}，计划却${p === undefined ? '未安排' : `派往 ${f.school(p.row.to_school)}`} / is pinned to ${l.school_id} but the plan ${p === undefined ? 'leaves them home' : `sends them to ${p.row.to_school}`}`));
    }
    if (l.action === 'forbid' && p?.row.to_school === l.school_id) out.push(violation('lock', where, `${who} 被禁止派往 ${target} / must not go to ${l.school_id} (forbid lock)`));
    if (l.action === 'keep' && p !== undefined) out.push(violation('lock', where, `${who} 已锁定留校，计划却派往 ${f.school(p.row.to_school)} / is kept home by a keep lock but the plan sends them to ${p.row.to_school}`));
  }
  return out;
}

/** lock (bookkeeping): each assignment's `pinned` says whether a pin lock places the teacher there. */
export function pinnedRecorded(f: Facts): Violation[] {
  const out: Violation[] = [];
  for (const p of f.placements) {
    const pinnedHere = (f.locks.get(p.teacher.teacher_id) ?? []).some((l) => l.action === 'pin' && l.school_id === p.row.to_school);
    if (p.row.pinned === pinnedHere) continue;
    out.push(violation('lock', { school_id: p.row.to_school, teacher_id: p.teacher.teacher_id },
      `${f.teacher(p.teacher.teacher_id)} 的 pinned 应为 ${pinnedHere}，计划写 ${p.row.pinned} / pinned is ${p.row.pinned} but ${pinnedHere ? 'a pin lock places this teacher here' : 'no pin lock places this teacher here'}`));
  }
  return out;
}

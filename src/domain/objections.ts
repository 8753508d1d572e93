/**
 * objections.csv (issue 6): the objections HR accepted after publishing the
 * provisional list, checked against the other tables. Each kind becomes a
 * lock for `rotation replan`: keep → keep, not_to → forbid, to → pin; a swap
 * needs the provisional plan and is resolved there.
 */
import type { InputProblem } from './errors.js';
import { isReceiver, isSender, type Scenario } from './scenario.js';
import type { Objection } from './tables.js';

/** The lock action an objection of this kind amounts to (swap: resolved against the plan). */
export const OBJECTION_LOCK = { keep: 'keep', not_to: 'forbid', to: 'pin' } as const;

/** Spreadsheet line of objection `index` (header = 1). */
export function objectionRow(s: Scenario, index: number): number {
  return s.source?.lines.objections?.[index] ?? index + 2;
}

/** A problem on one cell of objections.csv. */
export function objectionProblem(s: Scenario, index: number, key: string, message: string): InputProblem {
  const h = s.source?.headers.objections?.[key];
  return { file: s.source?.files.objections ?? 'objections.csv', row: objectionRow(s, index), column: h ? `${h.header} (${h.column})` : key, message };
}

type Claim = { action: string; school: string | null; row: string };

/** Two claims on one teacher clash when one is a pin (or a swap) and the other is not a forbid of another school. */
function clashes(a: Claim, b: Claim): boolean {
  if (a.action === 'swap' || b.action === 'swap') return true;
  return (a.action === 'pin' && (b.action !== 'forbid' || b.school === a.school)) || (b.action === 'pin' && (a.action !== 'forbid' || a.school === b.school));
}

/** Every problem of the objections table (empty when there is none or it is consistent). */
export function objectionProblems(s: Scenario): InputProblem[] {
  const objections = s.objections ?? [];
  const problems: InputProblem[] = [];
  const schools = new Map(s.schools.map((x) => [x.school_id, x]));
  const teachers = new Map(s.teachers.map((t) => [t.teacher_id, t]));
  const claims = new Map<string, Claim[]>();
  s.locks.forEach((l, i) => {
    claims.set(l.teacher_id, [...(claims.get(l.teacher_id) ?? []), { action: l.action, school: l.school_id, row: `${s.source?.files.locks ?? 'locks.csv'} row ${s.source?.lines.locks?.[i] ?? i + 2}` }]);
  });
  const claim = (index: number, teacherId: string, c: Claim) => {
    // A row with a problem of its own is not also compared with the others.
    if (problems.some((p) => p.row === objectionRow(s, index) && p.file === (s.source?.files.objections ?? 'objections.csv'))) return;
    const list = claims.get(teacherId) ?? [];
    const clash = list.find((o) => clashes(o, c));
    if (clash) problems.push(objectionProblem(s, index, 'kind', `教师 ${teacherId} 的异议与 ${clash.row} 冲突 / conflicts with ${clash.row} (${clash.action}${clash.school ? ` ${clash.school}` : ''})`));
    list.push(c);
    claims.set(teacherId, list);
  };

  objections.forEach((o: Objection, i) => {
    const at = (key: string, message: string) => problems.push(objectionProblem(s, i, key, message));
    const t = teachers.get(o.teacher_id);
    const home = t && schools.get(t.school_id);
    if (t === undefined) at('teacher_id', `教师 ${o.teacher_id} 不在 teachers 表中 / unknown teacher`);
    else if (home !== undefined && !isSender(home) && o.kind !== 'not_to') at('teacher_id', `教师 ${o.teacher_id} 所在学校 ${t.school_id} 不是派出学校 / the teacher's school does not send teachers`);
    const row = `${s.source?.files.objections ?? 'objections.csv'} row ${objectionRow(s, i)}`;
    if (o.kind === 'not_to' || o.kind === 'to') {
      const sc = o.school_id === null ? undefined : schools.get(o.school_id);
      if (o.school_id === null) at('school_id', `${o.kind} 异议需要学校代码 / a ${o.kind} objection needs a school`);
      else if (sc === undefined) at('school_id', `学校 ${o.school_id} 不在 schools 表中 / unknown school`);
      else if (!isReceiver(sc)) at('school_id', `学校 ${o.school_id} 不是接收学校 / is not a receiving (rural or weak) school`);
      else if (o.kind === 'to' && home !== undefined && home.county !== sc.county) {
        at('school_id', `${o.school_id} 在 ${sc.county}，教师在 ${home.county}：轮岗不跨县 / rotation never crosses a county line`);
      }
      if (t !== undefined) claim(i, o.teacher_id, { action: OBJECTION_LOCK[o.kind], school: o.school_id, row });
    } else if (o.kind === 'keep') {
      if (t !== undefined) claim(i, o.teacher_id, { action: 'keep', school: null, row });
    } else {
      const other = o.other_teacher_id === null ? undefined : teachers.get(o.other_teacher_id);
      const otherHome = other && schools.get(other.school_id);
      if (o.other_teacher_id === null) at('other_teacher_id', '对调异议需要第二位教师 / a swap needs the other teacher (对调教师编号 / other_teacher_id)');
      else if (other === undefined) at('other_teacher_id', `教师 ${o.other_teacher_id} 不在 teachers 表中 / unknown teacher`);
      else if (o.other_teacher_id === o.teacher_id) at('other_teacher_id', '不能与自己对调 / a teacher cannot swap with themself');
      else if (otherHome !== undefined && !isSender(otherHome)) at('other_teacher_id', `教师 ${o.other_teacher_id} 所在学校 ${other.school_id} 不是派出学校 / the teacher's school does not send teachers`);
      else if (home !== undefined && otherHome !== undefined && home.county !== otherHome.county) {
        at('other_teacher_id', `两位教师不在同一县市区 (${home.county} / ${otherHome.county})：轮岗不跨县 / rotation never crosses a county line`);
      }
      if (t !== undefined) claim(i, o.teacher_id, { action: 'swap', school: null, row });
      if (other !== undefined && o.other_teacher_id !== o.teacher_id) claim(i, o.other_teacher_id!, { action: 'swap', school: null, row });
    }
  });
  return problems;
}

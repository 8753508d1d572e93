/**
 * Solution → named people. Within a class every teacher is alike for the
 * objective, so the class's count is taken from the top of its list, which is
 * ordered by the published priority score (county.ts). Flows of a sender are
 * then handed out: R5-level backbone teachers first to the receivers that
 * need one, the rest in score order. An extra teacher at an open post of
 * their own subject fills it (extrasIntoOpenPosts).
 */
import type { Teacher } from '../domain/tables.js';
import type { CountyInput, TeacherClass } from './county.js';
import { type CountyModel, EXTRA } from './model.js';

export interface Move {
  readonly teacher: Teacher;
  readonly cls: TeacherClass;
  readonly receiver: string;
  /** Gap subject, or EXTRA. */
  readonly role: string;
  /** Gives a receiver without one its R5-level backbone teacher. */
  readonly r5: boolean;
}

const count = (values: ReadonlyMap<string, number>, name: string) => Math.round(values.get(name) ?? 0);

/** The moves of one county's solution, in a deterministic order. */
export function decompose(model: CountyModel, values: ReadonlyMap<string, number>): Move[] {
  const moves: Move[] = [];
  const pools = new Map<string, { teacher: Teacher; cls: TeacherClass }[]>();
  for (const cls of model.input.classes) {
    const vars = model.classVars.get(cls.id) ?? [];
    const queue = [...cls.members];
    for (const v of vars.filter((x) => x.receiver !== null)) {
      for (let i = count(values, v.name); i > 0; i--) {
        const teacher = queue.shift();
        if (teacher === undefined) throw new Error(`class ${cls.id} over-assigned`);
        const r5 = cls.r5Backbone && model.r5.has(v.receiver!);
        moves.push({ teacher, cls, receiver: v.receiver!, role: v.role, r5 });
      }
    }
    for (const v of vars.filter((x) => x.receiver === null)) {
      const pool = pools.get(`${cls.sender}|${v.role}`) ?? [];
      for (let i = count(values, v.name); i > 0; i--) {
        const teacher = queue.shift();
        if (teacher === undefined) throw new Error(`class ${cls.id} over-assigned`);
        pool.push({ teacher, cls });
      }
      pools.set(`${cls.sender}|${v.role}`, pool);
    }
  }
  for (const [sender, flows] of model.flows) {
    const byRole = new Map<string, typeof flows>();
    for (const f of flows) byRole.set(f.role, [...(byRole.get(f.role) ?? []), f]);
    for (const [role, list] of byRole) {
      const pool = pools.get(`${sender}|${role}`) ?? [];
      const take = (pred: (p: { cls: TeacherClass }) => boolean) => {
        const i = pool.findIndex(pred);
        if (i < 0) throw new Error(`flow of ${sender} (${role}) has no teacher left`);
        return pool.splice(i, 1)[0]!;
      };
      const remaining = new Map(list.map((f) => [f.receiver, count(values, f.name)]));
      for (const f of list) {
        for (let i = f.backbone === null ? 0 : count(values, f.backbone); i > 0; i--) {
          const p = take((x) => x.cls.r5Backbone);
          moves.push({ ...p, receiver: f.receiver, role, r5: model.r5.has(f.receiver) });
          remaining.set(f.receiver, remaining.get(f.receiver)! - 1);
        }
      }
      for (const f of list) {
        for (let i = remaining.get(f.receiver)!; i > 0; i--) {
          const p = take(() => true);
          moves.push({ ...p, receiver: f.receiver, role, r5: p.cls.r5Backbone && model.r5.has(f.receiver) });
        }
      }
      if (pool.length > 0) throw new Error(`flow of ${sender} (${role}) left ${pool.length} teachers unplaced`);
    }
  }
  moves.sort((a, b) => a.cls.sender.localeCompare(b.cls.sender) || a.teacher.teacher_id.localeCompare(b.teacher.teacher_id));
  return extrasIntoOpenPosts(moves, model.input);
}

/**
 * An extra teacher (sent for R1 beyond the needs) at a receiver with an open post in their own subject
 * fills that post. An optimal plan never leaves it so (filling the post is better at the posts level), but
 * a plan cut short by the time limit can; `rotation check` counts such a teacher as filling the post, so
 * the plan does too. The people and places stay the same.
 */
export function extrasIntoOpenPosts(moves: readonly Move[], input: CountyInput): Move[] {
  const out = [...moves];
  for (const r of input.receivers) {
    const rid = r.school.school_id;
    for (const g of r.gaps) {
      let open = g.needed - out.filter((m) => m.receiver === rid && m.role === g.subject).length;
      for (const [i, m] of out.entries()) {
        if (open <= 0) break;
        if (m.receiver !== rid || m.role !== EXTRA || m.teacher.subject !== g.subject) continue;
        out[i] = { ...m, role: g.subject };
        open--;
      }
    }
  }
  return out;
}

export { EXTRA };

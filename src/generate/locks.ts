/**
 * locks.csv: decisions HR has already taken — a few teachers kept home, a
 * few eligible teachers pinned to a nearby receiver of their county that
 * lacks their subject, and a few forbidden from one receiver. Per county
 * about 4 in 1000 eligible teachers each; no teacher gets two kinds.
 */
import type { Lock, Need, School, Teacher } from '../domain/tables.js';
import type { Rng } from './random.js';

const KEEP_REASONS = ['毕业班教学任务', '学校重点课题负责人', '家庭困难', '身体原因'];
const PIN_REASONS = ['本人申请', '教育集团内交流', '对口帮扶安排'];
const FORBID_REASONS = ['通勤距离过远', '家庭原因', '本人与该校有亲属关系'];

function howMany(eligible: number): number {
  return eligible >= 10 ? Math.max(1, Math.round(eligible * 0.004)) : 0;
}

/** `keep` locks among one county's eligible teachers. */
export function keepLocks(rng: Rng, eligible: readonly Teacher[]): Lock[] {
  return rng.shuffle(eligible).slice(0, howMany(eligible.length))
    .map((t): Lock => ({ teacher_id: t.teacher_id, action: 'keep', school_id: null, reason: rng.pick(KEEP_REASONS) }));
}

/**
 * `pin` and `forbid` locks among one county's eligible teachers (after the
 * keeps): pins go to one teacher per school at most, to a nearby receiver
 * that needs the teacher's subject when there is one.
 */
export function moveLocks(rng: Rng, eligible: readonly Teacher[], receiversNear: ReadonlyMap<string, readonly School[]>, needs: readonly Need[]): Lock[] {
  const n = howMany(eligible.length);
  const pool = rng.shuffle(eligible.filter((t) => (receiversNear.get(t.school_id)?.length ?? 0) > 0));
  const pinnedSchools = new Set<string>();
  const locks: Lock[] = [];
  const pins = pool.filter((t) => {
    if (pinnedSchools.has(t.school_id) || pinnedSchools.size >= n) return false;
    pinnedSchools.add(t.school_id);
    return true;
  });
  for (const t of pins) {
    const near = receiversNear.get(t.school_id)!.slice(0, 5);
    const wanting = near.filter((r) => needs.some((x) => x.school_id === r.school_id && x.subject === t.subject));
    const to = rng.pick(wanting.length > 0 ? wanting : near);
    locks.push({ teacher_id: t.teacher_id, action: 'pin', school_id: to.school_id, reason: rng.pick(PIN_REASONS) });
  }
  for (const t of pool.filter((x) => !pins.includes(x)).slice(0, n)) {
    const to = rng.pick(receiversNear.get(t.school_id)!.slice(0, 5));
    locks.push({ teacher_id: t.teacher_id, action: 'forbid', school_id: to.school_id, reason: rng.pick(FORBID_REASONS) });
  }
  return locks;
}

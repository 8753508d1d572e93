/** R5: every receiver has a backbone teacher of county level or above, when one can be found. */
import type { Facts } from '../facts.js';
import { changeGivingBackbone } from '../changes.js';
import { judgeUnmet } from '../shortfall.js';
import type { Violation } from '../violation.js';

/** R5: a receiver ends the plan with at least one backbone teacher of r5 level, or lists why it cannot. */
export function backboneAtEveryReceiver(f: Facts): Violation[] {
  const level = f.policy.rotation.r5_backbone_level;
  return [...f.tally.receivers.values()].filter((r) => r.after === 0).flatMap((r) => {
    const change = changeGivingBackbone(f, r);
    return judgeUnmet(f, {
      rule: 'R5', school_id: r.school.school_id, real: change === null,
      text: `没有 ${level} 及以上骨干教师 (原有 ${r.before}，计划后 ${r.after}) / no backbone teacher of ${level} level or above (before ${r.before}, after ${r.after})`,
      why: change ?? '县内没有能派或能改派的此级骨干 / no such backbone teacher in the county can be sent or re-pointed there',
    });
  });
}

/** R4 rules: rural subject gaps are filled, and teachers sent beyond the needs stay within bounds. */
import type { Facts } from '../facts.js';
import { changeFillingGap, subjectName } from '../changes.js';
import { judgeUnmet } from '../shortfall.js';
import { postKey } from '../tally.js';
import { violation, type Violation } from '../violation.js';

/** R4: a teacher outside their main subject fills a gap; a teacher beyond the needs teaches their main subject. */
export function offSubjectOnlyForGaps(f: Facts): Violation[] {
  const out: Violation[] = [];
  for (const post of f.tally.posts.values()) {
    const offSubject = post.placements.filter((p) => p.row.subject !== p.teacher.subject);
    for (const p of offSubject.slice(post.needed)) {
      out.push(violation('R4', { school_id: post.school_id, teacher_id: p.teacher.teacher_id },
        `${f.teacher(p.teacher.teacher_id)} 在 ${f.school(post.school_id)} 任教非主科${subjectName(f, post.subject)}，但该科只缺 ${post.needed} 人 / teaches ${post.subject}, not their main subject ${p.teacher.subject}, beyond the ${post.needed} needed there; outside the main subject a teacher must fill a gap`));
    }
  }
  for (const p of f.placements) {
    const post = f.tally.posts.get(postKey(p.row.to_school, p.row.subject));
    const where = { school_id: p.row.to_school, teacher_id: p.teacher.teacher_id };
    if (p.row.kind === 'extra' && p.row.subject !== p.teacher.subject) {
      out.push(violation('R4', where, `${f.teacher(p.teacher.teacher_id)} 标为超编派出，却任教非主科 ${p.row.subject} / is marked extra but teaches ${p.row.subject}, not their main subject ${p.teacher.subject}`));
    }
    if (p.row.kind === 'gap' && (post?.needed ?? 0) === 0) {
      out.push(violation('R4', where, `${f.teacher(p.teacher.teacher_id)} 标为补缺，但 ${f.school(p.row.to_school)} 不缺${subjectName(f, p.row.subject)}教师 / is marked as filling a gap, but ${p.row.to_school} needs no ${p.row.subject} teacher`));
    }
  }
  return out;
}

/** R4: at most max_extra_per_receiver teachers beyond its needs go to one receiver. */
export function extrasWithinLimit(f: Facts): Violation[] {
  const max = f.policy.assignment.max_extra_per_receiver;
  if (max === null) return [];
  return [...f.tally.receivers.values()].flatMap((r) => (r.extras <= max ? [] : [violation('R4', { school_id: r.school.school_id },
    `${f.school(r.school.school_id)}: 超出缺编派入 ${r.extras} 人，上限 ${max} 人 / ${r.extras} sent beyond its needs, at most ${max} allowed`)]));
}

/** R4: every gap is filled, or listed as a shortfall that no single change could fill. */
export function gapsFilled(f: Facts): Violation[] {
  return f.tally.gaps.filter((g) => g.unfilled > 0).flatMap((g) => {
    const change = changeFillingGap(f, g);
    return judgeUnmet(f, {
      rule: 'R4', school_id: g.school_id, real: change === null,
      text: `${subjectName(f, g.subject)} 缺 ${g.needed} 人，补 ${g.filled} 人，仍缺 ${g.unfilled} 人 / ${g.subject}: ${g.needed} needed, ${g.filled} filled, ${g.unfilled} unfilled`,
      why: change ?? '没有合格且能派或能改派的教师 / no qualified teacher can be sent or re-pointed there',
    });
  });
}

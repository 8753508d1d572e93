/**
 * needs.csv: posts receivers lack, mostly in the scarce subjects, sized per
 * county to 1–1.5 × what its senders must send under R1, so that a plan can
 * fill many gaps but not all of them.
 */
import type { Need, School } from '../domain/tables.js';
import type { Rng } from './random.js';
import { VILLAGE, villageNeedSubjects } from './shapes.js';
import { SCARCE_SUBJECTS } from './teachers.js';

const NEED_SUBJECTS = ['music', 'art', 'pe', 'english', 'it', 'science', 'chinese', 'math', 'morality'];
const NEED_WEIGHTS = [20, 19, 17, 16, 12, 6, 4, 4, 2];

function priorityOf(rng: Rng, school: School, subject: string): number {
  const scarce = SCARCE_SUBJECTS.includes(subject);
  const first = scarce ? 0.2 + 0.15 * school.tier : 0.1;
  const r = rng.next();
  return r < first ? 1 : r < first + (scarce ? 0.6 : 0.45) ? 2 : 3;
}

/**
 * The needs of one county's receivers: `required` is the county's R1 total,
 * `staff` the head count per school (bigger schools lack more posts).
 */
export function countyNeeds(rng: Rng, receivers: readonly School[], staff: ReadonlyMap<string, number>, required: number): Need[] {
  if (receivers.length === 0) return [];
  const posts = Math.round(required * rng.real(1, 1.5));
  const weights = receivers.map((s) => Math.sqrt(staff.get(s.school_id) ?? 1) * (1 + 0.3 * s.tier));
  const tally = new Map<School, Map<string, number>>();
  for (let i = 0; i < posts; i++) {
    const school = rng.weighted(receivers, weights);
    const bySubject = tally.get(school) ?? new Map<string, number>();
    // A school short of three music teachers is rarer than one short of music, art and PE: each post taken damps its subject.
    const subject = rng.weighted(NEED_SUBJECTS, NEED_SUBJECTS.map((k, j) => NEED_WEIGHTS[j]! / (1 + (bySubject.get(k) ?? 0))));
    bySubject.set(subject, (bySubject.get(subject) ?? 0) + 1);
    tally.set(school, bySubject);
  }
  return receivers.flatMap((school) => [...(tally.get(school) ?? new Map<string, number>())]
    .sort(([a], [b]) => NEED_SUBJECTS.indexOf(a) - NEED_SUBJECTS.indexOf(b))
    .map(([subject, teachers]): Need => ({ school_id: school.school_id, subject, teachers, priority: priorityOf(rng, school, subject) })));
}

/**
 * The village shape's needs: posts at 120–150 % of the county's total R1 cap
 * (`cap`), spread over most receivers (about 9 in 10), in all eleven
 * subjects, each post taken damping its subject at that school twice as hard
 * as above, so a receiver lacks a few posts in several subjects.
 */
export function villageNeeds(rng: Rng, receivers: readonly School[], staff: ReadonlyMap<string, number>, cap: number): Need[] {
  if (receivers.length === 0) return [];
  const [lo, hi] = VILLAGE.needsOverCap;
  const posts = Math.round(cap * rng.real(lo, hi));
  const chosen = receivers.filter(() => rng.chance(VILLAGE.receiversWithNeeds));
  const asking = chosen.length > 0 ? chosen : [receivers[0]!];
  const weights = asking.map((s) => Math.sqrt(staff.get(s.school_id) ?? 1) * (1 + 0.3 * s.tier));
  const tally = new Map<School, Map<string, number>>();
  for (let i = 0; i < posts; i++) {
    const school = rng.weighted(asking, weights);
    const bySubject = tally.get(school) ?? new Map<string, number>();
    const { subjects, weights: base } = villageNeedSubjects(school);
    const subject = rng.weighted(subjects, subjects.map((k, j) => base[j]! / (1 + 2 * (bySubject.get(k) ?? 0))));
    bySubject.set(subject, (bySubject.get(subject) ?? 0) + 1);
    tally.set(school, bySubject);
  }
  return asking.flatMap((school) => {
    const { subjects } = villageNeedSubjects(school);
    return [...(tally.get(school) ?? new Map<string, number>())]
      .sort(([a], [b]) => subjects.indexOf(a) - subjects.indexOf(b))
      .map(([subject, teachers]): Need => ({ school_id: school.school_id, subject, teachers, priority: priorityOf(rng, school, subject) }));
  });
}

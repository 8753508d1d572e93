/**
 * The shapes of county the generator can make.
 *
 * - `default`: our usual mix — about 65 teachers per school, rural schools of
 *   a few dozen teachers, needs at 1–1.5 × what the senders must send (R1's
 *   10 %), so the senders can fill every post with room to spare.
 * - `village`: the hard shape real mountain counties have — many small rural
 *   schools and teaching points (教学点, 5–30 teachers) with needs in most of
 *   them, about 38 teachers per school, receivers outnumbering senders about
 *   2–3 : 1, a third of the teachers qualified in a second subject, and needs
 *   at 120–150 % of what the senders may give at most (R1's cap, 20 %), so
 *   every sender is stretched and R2/R5 bind. A county measured in the field
 *   had 96 receivers with 523 need rows over 11 subjects, 679 posts against a
 *   total sender cap of 506; Wenzhou as a whole 1,548 schools, 926 rural.
 */
import type { Area } from '../domain/codes.js';
import type { School } from '../domain/tables.js';
import { apportion, type Rng } from './random.js';

/** Fewest teachers a county may have: enough for an urban, a town and a rural school. */
export const MIN_TEACHERS_PER_COUNTY = 10;

export const SHAPES = ['default', 'village'] as const;
export type Shape = (typeof SHAPES)[number];

/** The village shape's figures, in one place. */
export const VILLAGE = {
  /** Teachers per school on average: Wenzhou 58,400 teachers in 1,548 schools. */
  teachersPerSchool: 58_400 / 1_548,
  /** Schools of the whole city (--preset wenzhou --shape village). */
  wenzhouSchools: 1_548,
  /** A generated single county is at least this rural (0 city district … 1 mountain county). */
  minRurality: 0.7,
  /** Share of rural schools that are teaching points (5–10 teachers). */
  teachingPointShare: 0.35,
  /** Share of teachers qualified in a second subject: a third. */
  secondSubjectShare: 0.34,
  /** Share of receivers with at least one need. */
  receiversWithNeeds: 0.92,
  /** Needed posts as a multiple of the county's total R1 cap: 120–150 %. */
  needsOverCap: [1.2, 1.5] as const,

  /**
   * Urban, town and rural schools: rural 45 % (city district) to 75 %
   * (mountain county); of the rest 55 % urban. Town and urban schools send,
   * rural ones (and a few weak urban ones) receive.
   */
  areaCounts(n: number, rurality: number): Record<Area, number> {
    const rural = Math.min(n - 1, Math.max(n >= 2 ? 1 : 0, Math.round(n * (0.45 + 0.3 * rurality))));
    const urban = Math.max(1, Math.round((n - rural) * 0.55));
    return { urban, town: Math.max(0, n - rural - urban), rural };
  },

  /** A rural school's head count: a teaching point 5–10, a village school 10–30. */
  ruralStaff(rng: Rng, point: boolean): number {
    return point ? rng.int(5, 10) : rng.int(10, 30);
  },

  /**
   * Head counts of a county's schools: rural ones keep their drawn size
   * (scaled down, at least 3, when they would take more than half the
   * county), the other schools share the rest by weight.
   */
  staffSplit(total: number, drafts: readonly { readonly weight: number; readonly fixedStaff: number | null }[]): number[] {
    const drawn = drafts.reduce((n, d) => n + (d.fixedStaff ?? 0), 0);
    const others = drafts.filter((d) => d.fixedStaff === null);
    const room = others.length === 0 ? total : Math.floor(total / 2);
    const rural = drafts.filter((d) => d.fixedStaff !== null);
    const ruralSizes = drawn <= room ? rural.map((d) => d.fixedStaff!) : apportion(room, rural.map((d) => d.fixedStaff!), 3);
    const rest = apportion(total - ruralSizes.reduce((a, b) => a + b, 0), others.map((d) => d.weight), 3);
    let r = 0;
    let o = 0;
    return drafts.map((d) => (d.fixedStaff !== null ? ruralSizes[r++]! : rest[o++]!));
  },
};

/** Subjects rural schools ask for in the village shape (all eleven) and how often. */
const VILLAGE_NEED_SUBJECTS = ['music', 'art', 'pe', 'english', 'it', 'science', 'chinese', 'math', 'morality', 'practice', 'history_society'];
const VILLAGE_NEED_WEIGHTS = [16, 15, 14, 14, 10, 8, 7, 7, 4, 4, 4];

/** The subjects a receiver of this stage may lack (history & society is taught from grade 7). */
export function villageNeedSubjects(school: School): { subjects: string[]; weights: number[] } {
  const keep = VILLAGE_NEED_SUBJECTS.map((k) => school.stage !== 'primary' || k !== 'history_society');
  return {
    subjects: VILLAGE_NEED_SUBJECTS.filter((_, i) => keep[i]),
    weights: VILLAGE_NEED_WEIGHTS.filter((_, i) => keep[i]),
  };
}

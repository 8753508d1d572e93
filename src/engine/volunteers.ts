/**
 * 银龄讲学 (四(二)2 三): retired teachers of volunteers.csv placed on the posts
 * rotation leaves open — after the rotation's lexicographic levels, so they
 * never change R1–R5 for rotated teachers. A volunteer serves only in their
 * own county, when healthy (health_ok), at most volunteers.max_age on the
 * term's first day, for the days of the term they are available, in their
 * subject or a qualified subject; at most one post each.
 *
 * The placement is an exact small optimisation (lexicographic, per county):
 * posts filled by needs priority (1, then 2, then 3); then R5 — receivers that
 * rotation leaves without a backbone teacher of r5_backbone_level and that get
 * a volunteer of that level (volunteers.csv backbone_level); then days served
 * (a volunteer available for the whole term before one available for a
 * month); then the volunteers' preferred schools (3/2/1, as for teachers).
 * Volunteers have no address, so distance plays no part.
 */
import { differenceInYears } from 'date-fns/differenceInYears';
import { parseISO } from 'date-fns/parseISO';
import { bilingual, text, VOLUNTEER, type Text } from '../domain/messages.js';
import type { Plan } from '../domain/plan.js';
import { OBJECTIVE_DEFAULTS, type Policy } from '../domain/policy.js';
import type { Scenario } from '../domain/scenario.js';
import { subjectList, type Volunteer } from '../domain/tables.js';
import { openPostsAfterRotation, type OpenPost } from '../policy/open-posts.js';
import { countsForR5 } from '../policy/r5-backbone.js';
import { monthSlices, monthsServed, periodFen, round2, toFen, toYuan } from '../policy/pay-period.js';
import { termOf } from '../policy/term.js';
import { solveLexicographic } from './lexicographic.js';
import { jslpSolver } from './jslp.js';
import { type Level, preferenceWeight } from './model.js';
import type { Constraint, Variable } from './solver.js';

/** Why a volunteer is not placed, first reason first. */
export type NotPlaced = 'disabled' | 'county' | 'age' | 'health' | 'dates' | 'no_open_gap' | 'posts_taken';

/** One plan.json `volunteers` row: every volunteer of volunteers.csv, placed or not. */
export type VolunteerRow = {
  readonly volunteer_id: string;
  readonly name: string;
  readonly county: string;
  readonly backbone_level: string;
  /** Full years on the term's first day. */
  readonly age: number;
  /** The receiver, or null when not placed. */
  readonly to_school: string | null;
  readonly subject: string | null;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly tier: number | null;
  /** Months served (part months as a share of their days), two decimals; 0 when not placed. */
  readonly months: number;
  /** volunteers.subsidy_monthly at the receiver's tier, yuan. */
  readonly monthly: number;
  /** Owed for the days served, yuan (fen exact, like the allowances). */
  readonly subsidy: number;
  /** Empty when placed; else every reason, the first one first. */
  readonly not_placed: NotPlaced[];
  /** Bilingual sentences: why here, or why not. */
  readonly reasons: string[];
};

export interface VolunteerPlacement {
  readonly rows: VolunteerRow[];
  /** Posts volunteers fill, keyed "school|subject". */
  readonly filled: ReadonlyMap<string, number>;
  /** Receivers given a volunteer who counts for R5. */
  readonly backbone: ReadonlyMap<string, number>;
  /** True when every county's placement was proven optimal. */
  readonly optimal: boolean;
}

const postKey = (school: string, subject: string) => `${school}|${subject}`;
const TIMEOUT_MS = 30_000;

interface Candidate {
  readonly v: Volunteer;
  readonly index: number;
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly posts: OpenPost[];
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
const dayCount = (from: string, to: string) => Math.round((parseISO(to).getTime() - parseISO(from).getTime()) / 86_400_000) + 1;

/**
 * Places the scenario's volunteers on the posts the plan leaves open
 * (openPostsAfterRotation). Pure and deterministic.
 *
 * @example placeVolunteers(scenario, plan).rows.filter((r) => r.to_school !== null).length
 */
export function placeVolunteers(scenario: Scenario, plan: Plan): VolunteerPlacement {
  const volunteers = scenario.volunteers ?? [];
  const policy = scenario.policy.volunteers;
  const term = termOf(plan.plan_year, scenario.policy);
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const subjectName = subjectList(scenario.policy.subjects).zh;
  const subjectsOf = (v: Volunteer) => [v.subject, ...v.qualified_subjects.filter((s) => s !== v.subject)];
  const open = openPostsAfterRotation(scenario, plan);
  const receiverCounties = new Set(scenario.schools.filter((s) => plan.receivers.some((r) => r.school_id === s.school_id)).map((s) => s.county));
  const lacking = new Set(plan.receivers.filter((r) => r.county_backbone_after === 0).map((r) => r.school_id));

  const refused = new Map<number, { codes: NotPlaced[]; texts: Text[] }>();
  const candidates: Candidate[] = [];
  volunteers.forEach((v, index) => {
    const codes: NotPlaced[] = [];
    const texts: Text[] = [];
    const age = differenceInYears(parseISO(term.start), parseISO(v.birth_date));
    const from = later(v.available_from ?? term.start, term.start);
    const to = earlier(v.available_to ?? term.end, term.end);
    if (!policy.enabled) { codes.push('disabled'); texts.push(VOLUNTEER.disabled()); }
    if (!receiverCounties.has(v.county)) { codes.push('county'); texts.push(VOLUNTEER.county(v.county)); }
    if (age > policy.max_age) { codes.push('age'); texts.push(VOLUNTEER.age(age, policy.max_age)); }
    if (!v.health_ok) { codes.push('health'); texts.push(VOLUNTEER.health()); }
    if (from > to) { codes.push('dates'); texts.push(VOLUNTEER.dates(v.available_from ?? term.start, v.available_to ?? term.end, term.start, term.end)); }
    const subjects = subjectsOf(v);
    const posts = open.filter((p) => p.county === v.county && subjects.includes(p.subject));
    if (codes.length === 0 && posts.length === 0) {
      codes.push('no_open_gap');
      texts.push(VOLUNTEER.noOpenGap(v.county, subjectsText(subjects, subjectName)));
    }
    if (codes.length > 0) refused.set(index, { codes, texts });
    else candidates.push({ v, index, from, to, days: dayCount(from, to), posts });
  });

  const chosen = new Map<number, OpenPost>();
  let optimal = true;
  const counties = [...new Set(candidates.map((c) => c.v.county))];
  for (const county of counties) {
    const here = candidates.filter((c) => c.v.county === county);
    const result = solveCounty(here, lacking, scenario.policy);
    optimal &&= result.optimal;
    for (const [index, post] of result.chosen) chosen.set(index, post);
  }

  const filled = new Map<string, number>();
  const backbone = new Map<string, number>();
  for (const [index, post] of chosen) {
    filled.set(postKey(post.school_id, post.subject), (filled.get(postKey(post.school_id, post.subject)) ?? 0) + 1);
    if (countsForR5(volunteers[index]!.backbone_level, scenario.policy)) backbone.set(post.school_id, (backbone.get(post.school_id) ?? 0) + 1);
  }
  const label = (id: string) => { const s = schools.get(id); return s !== undefined && s.name !== '' ? `${s.name} (${id})` : id; };
  const rows = volunteers.map((v, index): VolunteerRow => {
    const age = differenceInYears(parseISO(term.start), parseISO(v.birth_date));
    const base = { volunteer_id: v.volunteer_id, name: v.name, county: v.county, backbone_level: v.backbone_level, age };
    const post = chosen.get(index);
    const no = refused.get(index);
    if (post === undefined) {
      const texts = no?.texts ?? [postsTakenText(v, index, candidates, chosen, volunteers, subjectsOf, subjectName)];
      return {
        ...base, to_school: null, subject: null, start_date: null, end_date: null, tier: null, months: 0, monthly: 0, subsidy: 0,
        not_placed: no?.codes ?? ['posts_taken'], reasons: texts.map(bilingual),
      };
    }
    const c = candidates.find((x) => x.index === index)!;
    const monthly = policy.subsidy_monthly[post.tier]!;
    const slices = monthSlices(c.from, c.to);
    const subject = subjectsText([post.subject], subjectName);
    const texts: Text[] = [VOLUNTEER.fills(label(post.school_id), subject, post.open, post.priority)];
    if (post.subject !== v.subject) texts.push(VOLUNTEER.offSubject(subject));
    const rank = v.preferred_schools.indexOf(post.school_id);
    if (rank >= 0) texts.push(VOLUNTEER.preferred(rank + 1));
    if (lacking.has(post.school_id) && countsForR5(v.backbone_level, scenario.policy)) texts.push(VOLUNTEER.backbone(label(post.school_id)));
    texts.push(VOLUNTEER.period(c.from, c.to, c.from !== term.start || c.to !== term.end));
    return {
      ...base, to_school: post.school_id, subject: post.subject, start_date: c.from, end_date: c.to, tier: post.tier,
      months: round2(monthsServed(slices)), monthly,
      subsidy: toYuan(periodFen(toFen(monthly), slices, scenario.policy.allowances.part_month)),
      not_placed: [], reasons: texts.map(bilingual),
    };
  });
  return { rows, filled, backbone, optimal };
}

/** "the open posts went to others (V2, V3)": the volunteers placed on the posts this one could have taken. */
function postsTakenText(
  v: Volunteer, index: number, candidates: readonly Candidate[], chosen: ReadonlyMap<number, OpenPost>, volunteers: readonly Volunteer[],
  subjectsOf: (v: Volunteer) => string[], subjectName: Readonly<Record<string, string>>,
): Text {
  const mine = new Set((candidates.find((c) => c.index === index)?.posts ?? []).map((p) => postKey(p.school_id, p.subject)));
  const others = [...chosen].filter(([, p]) => mine.has(postKey(p.school_id, p.subject))).map(([i]) => volunteers[i]!.volunteer_id);
  return VOLUNTEER.postsTaken(subjectsText(subjectsOf(v), subjectName), others.join('、'));
}

/** Subject codes as words: Chinese names joined by 、, English codes by /. */
function subjectsText(codes: readonly string[], subjectName: Readonly<Record<string, string>>): Text {
  return text(codes.map((s) => subjectName[s] ?? s).join('、'), codes.join('/'));
}

/** The exact placement of one county's candidates: binary x[v,post], lexicographic levels, javascript-lp-solver. */
function solveCounty(here: readonly Candidate[], lacking: ReadonlySet<string>, rules: Policy): { chosen: Map<number, OpenPost>; optimal: boolean } {
  const variables: Variable[] = [];
  const constraints: Constraint[] = [];
  const edges: { name: string; c: Candidate; post: OpenPost }[] = [];
  const postRows = new Map<string, Map<string, number>>();
  const posts = new Map<string, OpenPost>();
  for (const c of here) {
    const row = new Map<string, number>();
    for (const post of c.posts) {
      const name = `x_${c.index}_${edges.length}`;
      edges.push({ name, c, post });
      variables.push({ name, upper: 1, integer: true });
      row.set(name, 1);
      const key = postKey(post.school_id, post.subject);
      posts.set(key, post);
      postRows.set(key, (postRows.get(key) ?? new Map()).set(name, 1));
    }
    constraints.push({ name: `once_${c.index}`, terms: row, max: 1 });
  }
  for (const [key, terms] of postRows) constraints.push({ name: `post_${key}`, terms, max: posts.get(key)!.open });
  const levels: Level[] = [];
  for (const priority of OBJECTIVE_DEFAULTS.needPriorities) {
    const terms = new Map(edges.filter((e) => e.post.priority === priority).map((e) => [e.name, 1]));
    if (terms.size > 0) levels.push({ name: `posts filled, priority ${priority}`, terms, range: Math.min(here.length, sumOpen(posts, priority)) });
  }
  const r5 = new Map<string, number>();
  for (const school of new Set(edges.map((e) => e.post.school_id))) {
    if (!lacking.has(school)) continue;
    const strong = edges.filter((e) => e.post.school_id === school && countsForR5(e.c.v.backbone_level, rules));
    if (strong.length === 0) continue;
    const y = `y_${school}`;
    variables.push({ name: y, upper: 1, integer: true });
    constraints.push({ name: `r5_${school}`, terms: new Map([[y, 1], ...strong.map((e): [string, number] => [e.name, -1])]), max: 0 });
    r5.set(y, 1);
  }
  if (r5.size > 0) levels.push({ name: 'R5: receivers given a backbone volunteer', terms: r5, range: r5.size });
  levels.push({ name: 'days served', terms: new Map(edges.map((e) => [e.name, e.c.days])), range: here.reduce((n, c) => n + c.days, 0) });
  const pref = new Map<string, number>();
  for (const e of edges) {
    const rank = e.c.v.preferred_schools.indexOf(e.post.school_id);
    if (rank >= 0) pref.set(e.name, preferenceWeight(rank));
  }
  if (pref.size > 0) levels.push({ name: 'preferred schools', terms: pref, range: [...pref.values()].reduce((a, b) => a + b, 0) });
  const result = solveLexicographic({ variables, constraints }, levels, jslpSolver, TIMEOUT_MS);
  const chosen = new Map<number, OpenPost>();
  for (const e of edges) if (Math.round(result.values.get(e.name) ?? 0) === 1) chosen.set(e.c.index, e.post);
  return { chosen, optimal: result.status === 'optimal' };
}

function sumOpen(posts: ReadonlyMap<string, OpenPost>, priority: number): number {
  let n = 0;
  for (const p of posts.values()) if (p.priority === priority) n += p.open;
  return n;
}

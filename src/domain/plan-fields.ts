/**
 * The fields of plan.json: those of the data contract and the extensions the
 * planner writes. A field outside them — a typo in a hand-edited plan
 * ("to_shcool"), a column someone added — is not read by the check, which
 * says so in a note (not a violation) so that a reviewer sees what was not
 * checked.
 */

/** A field's shape: any value (true), an array of (`[shape]`), or an object of named fields (`'*'`: any name). */
type Shape = true | readonly [Shape] | { readonly [key: string]: Shape };

const ANY_NAMES = { '*': true } as const;

const ASSIGNMENT: Shape = {
  teacher_id: true, from_school: true, to_school: true, subject: true, backbone: true, start_date: true, end_date: true,
  distance_km: true, pinned: true, reasons: true, kind: true, score: true, name: true, rural_months_before: true, rural_months_after: true,
};
const TOTALS: Shape = { school_id: true, name: true, county: true, tier: true, schools: true, teachers: true, months: true, total: true, items: ANY_NAMES };

const PLAN: Shape = {
  plan_year: true,
  policy_overrides: ANY_NAMES,
  warnings: [{ kind: true, message: true, '*': true }],
  period: { start: true, end: true },
  assignments: [ASSIGNMENT],
  senders: [{ school_id: true, eligible: true, required: true, sent: true, backbone_sent: true, backbone_required: true, met: true, why: true, cap: true, name: true, county: true, r2_excused: true }],
  gaps: [{ school_id: true, subject: true, needed: true, filled: true, unfilled: true, priority: true, gross: true, itinerant_periods: true, itinerant_posts: true, volunteers: true }],
  receivers: [{ school_id: true, county_backbone_before: true, county_backbone_after: true, volunteer_backbone: true }],
  allowances: [{ teacher_id: true, school_id: true, tier: true, months: true, monthly: true, total: true, items: ANY_NAMES, rotated: true, itinerant: true, volunteer: true }],
  volunteers: [{
    volunteer_id: true, name: true, county: true, backbone_level: true, age: true, to_school: true, subject: true, start_date: true, end_date: true,
    tier: true, months: true, monthly: true, subsidy: true, not_placed: true, reasons: true,
  }],
  shortfalls: [{ rule: true, school_id: true, detail: true }],
  stats: {
    teachers: true, eligible: true, sent: true, gaps_needed: true, gaps_filled: true, solve_ms: true, optimal: true,
    solver: true, variables: true, constraints: true, objective: ANY_NAMES, check: true,
    counties: [{ county: true, teachers: true, classes: true, variables: true, constraints: true, solver: true, solve_ms: true, solves: true, status: true, mip_gap: true }],
    needs_mode: true, needs_from_norms: true, changed: true, provisional_sent: true, solve_ms_summed: true, r2_when_short: true,
    volunteers: true, volunteers_placed: true, gaps_filled_by_volunteers: true, volunteers_optimal: true,
  },
  allowance_totals: { schools: [TOTALS], counties: [TOTALS], all: TOTALS },
  title_warnings: [{
    teacher_id: true, name: true, school_id: true, title: true, title_target_year: true, rural_months_before: true, rural_months_after: true,
    required: true, assigned_to: true, eligible: true, eligibility: true, why: true,
    why_text: { zh: true, en: true }, eligibility_text: [{ zh: true, en: true }],
  }],
  balance: [{
    county: true, stage: true, indicator: true, schools: true, students: true, per_100_before: true, per_100_after: true,
    before: true, after: true, limit: true, target: true, within: true, meets_target: true,
  }],
  changes: [{
    teacher_id: true, change: true, from_school: true, before_school: true, before_subject: true, after_school: true, after_subject: true,
    objection_row: true, cause: true,
  }],
  itinerant: {
    covers: [{ teacher_id: true, name: true, home_school: true, school_id: true, subject: true, periods: true, distance_km: true, district: true, placed: true, reasons: true }],
    open: [{ school_id: true, subject: true, district: true, unfilled: true, uncovered: true, covered: true, left: true, why: true }],
    stats: { districts: true, periods_uncovered: true, periods_covered: true, teachers: true, optimal: true, solve_ms: true },
  },
  objection_locks: [{ teacher_id: true, action: true, school_id: true, reason: true, objection_row: true }],
};

/** One unknown field: its path with `[]` for array items, and the items (1 = first) it was found in. */
export interface UnknownField {
  readonly path: string;
  /** The first-level item numbers (e.g. assignment 3) where the field is inside an array; empty at the top. */
  readonly items: readonly number[];
}

function walk(value: unknown, shape: Shape, path: string, item: number | null, out: Map<string, number[]>): void {
  if (shape === true || typeof value !== 'object' || value === null) return;
  if (Array.isArray(shape)) {
    if (Array.isArray(value)) value.forEach((v: unknown, i) => walk(v, shape[0], `${path}[]`, item ?? i + 1, out));
    return;
  }
  if (Array.isArray(value)) return; // the plan's schema says what is wrong with it
  const fields = shape as { readonly [key: string]: Shape };
  for (const key of Object.keys(value)) {
    const inner = Object.hasOwn(fields, key) ? fields[key]! : Object.hasOwn(fields, '*') ? fields['*']! : undefined;
    const at = path === '' ? key : `${path}.${key}`;
    if (inner === undefined) {
      const items = out.get(at) ?? [];
      if (item !== null) items.push(item);
      out.set(at, items);
    } else walk((value as Record<string, unknown>)[key], inner, at, item, out);
  }
}

/**
 * The fields of a parsed plan.json that are neither in the data contract nor
 * written by the planner, in the order they first appear.
 * @example unknownPlanFields({ plan_year: 2019, assignments: [{ to_shcool: 'R1' }] }) // [{ path: 'assignments[].to_shcool', items: [1] }]
 */
export function unknownPlanFields(raw: unknown): UnknownField[] {
  const out = new Map<string, number[]>();
  walk(raw, PLAN, '', null, out);
  return [...out].map(([path, items]) => ({ path, items }));
}

/** "assignments[].to_shcool (items 1, 4, 9 … 12 in all)": a note line per field, short however many items. */
export function unknownFieldText(f: UnknownField): string {
  if (f.items.length === 0) return f.path;
  const shown = f.items.slice(0, 5).join(', ');
  return `${f.path} (${f.items.length === 1 ? 'item' : 'items'} ${shown}${f.items.length > 5 ? ` … ${f.items.length} in all` : ''})`;
}

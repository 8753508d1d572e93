/**
 * What each teacher serving in a hard place is owed for the term (四(二)1 三):
 * every rotated teacher at the receiver's tier, and every teacher serving at a
 * tier ≥ 1 school. Rows match plan.json `allowances`; totals per school and
 * per county feed the workbook and plan.json `allowance_totals`.
 */
import { KIND_MIN_TIER, type AllowanceItem } from '../domain/allowance-policy.js';
import type { Allowance, AllowanceTotals, Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { groupBy } from './eligibility.js';
import { monthSlices, monthsServed, periodFen, round2, toFen, toYuan } from './pay-period.js';
import { termStints, type Stint } from './service.js';

/** One plan.json `allowances` row, plus whether the teacher serves there on a rotation (extension). */
export type AllowanceRow = {
  readonly teacher_id: string;
  readonly school_id: string;
  readonly tier: number;
  /** Whole calendar months plus part months as a fraction of their days, two decimals. */
  readonly months: number;
  /** Sum of the monthly rates that apply, yuan. */
  readonly monthly: number;
  /** Owed for the term, yuan (fen exact). */
  readonly total: number;
  /** Allowance name → yuan for the term. */
  readonly items: Record<string, number>;
  readonly rotated: boolean;
};

/** True when `item` is paid to a teacher serving at `tier`, on a rotation or not. */
export function itemApplies(item: AllowanceItem, tier: number, rotated: boolean): boolean {
  return tier >= KIND_MIN_TIER[item.applies_to] && (item.applies_to !== 'rotated' || rotated);
}

/**
 * Allowance rows of a plan, one per teacher and school served at, sorted by
 * school then teacher. Residents of tier ≥ 1 schools count for the days they
 * are not away; rotated teachers for their rotation's days.
 * @example allowancesFor(scenario, plan) → [{ teacher_id: 'T1', school_id: 'R1', tier: 2, months: 12, monthly: 1450, total: 17400, items: { 乡村教师生活补助: 6000, … }, rotated: true }]
 */
export function allowancesFor(scenario: Scenario, plan: Plan, stints: readonly Stint[] = termStints(scenario, plan)): AllowanceRow[] {
  const { items, part_month } = scenario.policy.allowances;
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const rows: AllowanceRow[] = [];
  for (const group of groupBy(stints, (s) => `${s.teacher_id}\u0000${s.school_id}`).values()) {
    const { teacher_id, school_id } = group[0]!;
    const school = schools.get(school_id);
    if (school === undefined) continue;
    const rotated = group.some((s) => s.source !== 'home');
    if (!rotated && school.tier < 1) continue;
    const slices = group.flatMap((s) => monthSlices(s.from, s.to));
    const paid = items.filter((item) => itemApplies(item, school.tier, rotated));
    const fen = paid.map((item) => periodFen(toFen(item.monthly[school.tier]!), slices, part_month));
    rows.push({
      teacher_id, school_id, tier: school.tier,
      months: round2(monthsServed(slices)),
      monthly: toYuan(paid.reduce((sum, item) => sum + toFen(item.monthly[school.tier]!), 0)),
      total: toYuan(fen.reduce((a, b) => a + b, 0)),
      items: Object.fromEntries(paid.map((item, i) => [item.name, toYuan(fen[i]!)])),
      rotated,
    });
  }
  return rows.sort((a, b) => a.school_id.localeCompare(b.school_id) || a.teacher_id.localeCompare(b.teacher_id));
}

/** One 走教 cover as the allowance needs it (plan.json `itinerant.covers[]`). */
export interface CoverPaid {
  readonly teacher_id: string;
  readonly school_id: string;
}

/**
 * The 走教 subsidy (policy `itinerant.subsidy_monthly`, 四(二)2 二 "对走教教师根据实际给予相应工作补贴"):
 * one row per teacher and school covered, at that school's tier, for the plan's term (pro rata
 * like the other items), marked `itinerant: true`. A teacher covering two schools is paid for each.
 */
export function itinerantAllowances(scenario: Scenario, plan: Pick<Plan, 'period'>, covers: readonly CoverPaid[]): (AllowanceRow & { itinerant: true })[] {
  const { subsidy_monthly: rates, subsidy_name: name } = scenario.policy.itinerant;
  const { part_month } = scenario.policy.allowances;
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const slices = monthSlices(plan.period.start, plan.period.end);
  const seen = new Set<string>();
  const rows: (AllowanceRow & { itinerant: true })[] = [];
  for (const c of covers) {
    const school = schools.get(c.school_id);
    const key = `${c.teacher_id}\u0000${c.school_id}`;
    if (school === undefined || seen.has(key)) continue;
    seen.add(key);
    const monthly = rates[school.tier] ?? 0;
    const total = toYuan(periodFen(toFen(monthly), slices, part_month));
    rows.push({
      teacher_id: c.teacher_id, school_id: c.school_id, tier: school.tier, months: round2(monthsServed(slices)),
      monthly, total, items: { [name]: total }, rotated: false, itinerant: true,
    });
  }
  return rows;
}

/** plan.json `allowance_totals` (its schema: domain/plan.ts): per school, per county and over all. */
export type { AllowanceTotals };
export type AllowanceTotal = AllowanceTotals['all'];
export type SchoolAllowanceTotal = AllowanceTotals['schools'][number];
export type CountyAllowanceTotal = AllowanceTotals['counties'][number];

/** Item names of `rows`: the policy's order first, then any other name as first seen. */
export function itemNames(rows: readonly Pick<Allowance, 'items'>[], policyItems: readonly AllowanceItem[]): string[] {
  const names = policyItems.map((i) => i.name);
  for (const r of rows) for (const n of Object.keys(r.items)) if (!names.includes(n)) names.push(n);
  return names.filter((n) => rows.some((r) => n in r.items));
}

function totalOf(rows: readonly Allowance[], names: readonly string[]): AllowanceTotal {
  const items: Record<string, number> = {};
  for (const n of names) {
    const paid = rows.filter((r) => n in r.items);
    if (paid.length > 0) items[n] = toYuan(paid.reduce((s, r) => s + toFen(r.items[n]!), 0));
  }
  return {
    teachers: rows.length,
    months: round2(rows.reduce((s, r) => s + r.months, 0)),
    total: toYuan(rows.reduce((s, r) => s + toFen(r.total), 0)),
    items,
  };
}

/**
 * Totals of allowance rows per school (by id), per county (schools-table
 * order) and overall, added in fen so they equal the sum of the rows.
 */
export function allowanceTotals(rows: readonly Allowance[], scenario: Scenario): AllowanceTotals {
  const names = itemNames(rows, scenario.policy.allowances.items);
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const bySchool = [...groupBy(rows, (r) => r.school_id)].sort(([a], [b]) => a.localeCompare(b));
  const schoolTotals = bySchool.map(([id, list]): SchoolAllowanceTotal => {
    const s = schools.get(id);
    return { school_id: id, name: s?.name ?? '', county: s?.county ?? '', tier: s?.tier ?? list[0]!.tier, ...totalOf(list, names) };
  });
  const countyOrder = [...new Set([...scenario.schools.map((s) => s.county), ...schoolTotals.map((s) => s.county)])];
  const countyOf = (r: Allowance) => schools.get(r.school_id)?.county ?? '';
  const byCounty = groupBy(rows, countyOf);
  const counties = countyOrder.filter((c) => byCounty.has(c)).map((county): CountyAllowanceTotal => ({
    county, schools: schoolTotals.filter((s) => s.county === county).length, ...totalOf(byCounty.get(county)!, names),
  }));
  return { schools: schoolTotals, counties, all: totalOf(rows, names) };
}


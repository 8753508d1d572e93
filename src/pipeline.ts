/**
 * The use cases, each a whole job from a scenario to a checked plan: plan a
 * year, plan several years in turn, re-plan after objections, compare policy
 * variants, re-check a saved plan, suggest a teacher for an open post. The
 * command line (src/cli) and the library (src/index.ts) call these and only
 * parse flags and print; the chain solve → extend → check is written here once.
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { checkPlan, type Violation } from './check/check.js';
import { lookupCode } from './domain/codes.js';
import { InputError } from './domain/errors.js';
import { NEEDS_MODES, type NeedsMode } from './domain/norms-policy.js';
import type { Plan } from './domain/plan.js';
import { isReceiver, type Scenario } from './domain/scenario.js';
import { subjectList } from './domain/tables.js';
import { type ExportedModel, exportedModel } from './engine/lp-export.js';
import { planScenarioParallel } from './engine/parallel.js';
import { type CountyStats, planScenario, type PlanResult } from './engine/plan.js';
import { loadSolver, type SolverName } from './engine/solvers.js';
import { type ReadOptions, readScenario } from './io/read/read-scenario.js';
import { type Variant } from './io/read/policy-overrides.js';
import { nextYearScenario } from './policy/next-year.js';
import { applyNeedsMode } from './policy/norms.js';
import { extendPlan } from './report/plan-report.js';
import { termOf } from './policy/term.js';
import { type PlannedYear, yearsSummary, type YearsSummary } from './report/years-summary.js';
import { compareFigures, type CompareFigures } from './report/compare.js';
import { planDiff } from './report/diff.js';
import type { PlanChange } from './review/changes.js';
import { scenarioForCheck } from './review/plan-locks.js';
import { recordOverrides } from './io/read/plan-overrides.js';
import { replanScenario } from './review/replan.js';
import { itinerantOn } from './domain/itinerant-policy.js';
import { type Candidate, suggestCandidates } from './review/suggest.js';

/** How a year is solved. Every field is optional: HiGHS or javascript-lp-solver by size, 120 s per county, one worker per core. */
export interface SolveSettings {
  readonly solver?: SolverName;
  /** Milliseconds the solver may spend on one county. */
  readonly timeoutMs?: number;
  /** Worker threads; undefined = one per core, at most one per county; 1 = no workers. */
  readonly jobs?: number | undefined;
  /** Collect every model handed to the solver (for `--export-lp`). */
  readonly exportLp?: boolean;
  /** The `--set` overrides the scenario was read with: plan.json records them (policy_overrides). */
  readonly sets?: readonly string[];
}

/** Told about each county as it is solved (the CLI draws a progress bar with it). */
export interface PlanProgress {
  readonly start: (counties: number) => void;
  readonly county: (county: string, done: number, total: number, stats: CountyStats) => void;
  readonly end: () => void;
  /** Before each lexicographic step of a county's solve: step i of n (the page shows it; optional). */
  readonly level?: (county: string, step: number, steps: number, levels: readonly string[]) => void;
}

const SILENT: PlanProgress = { start: () => {}, county: () => {}, end: () => {} };
const DEFAULT_TIMEOUT_MS = 120_000;

/** A plan and what the independent checker found in it (empty: the plan breaks no rule). */
export interface CheckedPlan {
  readonly plan: Plan;
  readonly violations: Violation[];
}

/** A planned year: the checked plan, the solver's result and, with exportLp, the models. */
export interface CheckedYear extends CheckedPlan {
  readonly result: PlanResult;
  /** Empty unless SolveSettings.exportLp. */
  readonly models: readonly ExportedModel[];
}

/**
 * The one check every plan goes through before it is handed on: the
 * independent checker (src/check), its verdict stamped into `stats.check`.
 *
 * @example const { violations } = checked(scenario, plan); // [] when every rule holds
 */
export function checked(scenario: Scenario, plan: Plan): CheckedPlan {
  const violations = checkPlan(scenario, plan);
  plan.stats.check = violations.length === 0 ? 'passed' : `failed: ${violations.length} violation(s)`;
  return { plan, violations };
}

/**
 * Number of counties of a scenario.
 *
 * @example countyCount((await readScenario('scenarios/lucheng-demo')).scenario) // 1
 */
export const countyCount = (scenario: Scenario) => new Set(scenario.schools.map((s) => s.county)).size;

/**
 * The scenario with its needs as a plan takes them: needs.csv, and the
 * staffing norms for receivers without rows (`auto`), for all (`norms`) or
 * for none (`file`).
 *
 * @example const scenario = scenarioWithNeeds((await readScenario('scenarios/lucheng-demo')).scenario, 2019, 'auto');
 */
export function scenarioWithNeeds(scenario: Scenario, year: number, mode: NeedsMode = 'auto'): Scenario {
  return applyNeedsMode(scenario, termOf(year, scenario.policy), mode).scenario;
}

/**
 * A saved plan's needs mode: the flag when given, else plan.json `stats.needs_mode`, else needs.csv only.
 *
 * @example planNeedsMode(await readPlanFile('out/plan.json'), undefined) // 'auto'
 */
export function planNeedsMode(plan: Plan, flag: NeedsMode | undefined): NeedsMode {
  const said = NEEDS_MODES.find((m) => m === plan.stats.needs_mode);
  return flag ?? said ?? 'file';
}

/**
 * The scenario a saved plan is checked against: its needs re-derived from the
 * scenario under the plan's needs mode (never taken from the plan). A
 * needs.csv is required unless the needs come from the norms.
 *
 * @example const scenario = scenarioForPlanNeeds(read.scenario, await readPlanFile('out/plan.json'), undefined);
 */
export function scenarioForPlanNeeds(scenario: Scenario, plan: Plan, flag: NeedsMode | undefined): Scenario {
  const mode = planNeedsMode(plan, flag);
  if (mode === 'file' && scenario.source !== undefined && scenario.source.files.needs === undefined) {
    throw new InputError([{ file: 'needs.csv', message: '缺少必需的文件 / required file is missing (the plan takes its needs from needs.csv; use --needs norms to derive them)' }]);
  }
  return scenarioWithNeeds(scenario, plan.plan_year, mode);
}

/**
 * Plans one school year (counties on worker threads when there are several),
 * adds the reports (allowances, titles, balance) and checks the plan with the
 * independent checker. The scenario's needs must already be applied
 * (scenarioWithNeeds).
 *
 * @example
 * const { scenario } = await readScenario('scenarios/lucheng-demo');
 * const { plan, violations } = await planYear(scenarioWithNeeds(scenario, 2019), 2019);
 * plan.stats.gaps_filled; // 11
 */
export async function planYear(scenario: Scenario, year: number, settings: SolveSettings = {}, progress: PlanProgress = SILENT): Promise<CheckedYear> {
  const counties = countyCount(scenario);
  const jobs = Math.min(settings.jobs ?? availableParallelism(), counties);
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const solverName = settings.solver ?? 'auto';
  let result: PlanResult;
  let models: ExportedModel[] = [];
  progress.start(counties);
  try {
    if (jobs >= 2) {
      const parallel = await planScenarioParallel(scenario, year, {
        solver: solverName, timeoutMs, jobs, exportLp: settings.exportLp ?? false, onCounty: progress.county,
        ...(progress.level ? { onLevel: progress.level } : {}),
      });
      result = parallel.result;
      models = [...parallel.models];
    } else {
      const solver = await loadSolver(solverName);
      result = planScenario(scenario, year, {
        solver, timeoutMs, onCounty: progress.county,
        ...(progress.level ? { onLevel: progress.level } : {}),
        ...(settings.exportLp ? { onModel: (county, step, model, r) => models.push(exportedModel(county, step, model, r)) } : {}),
      });
    }
  } finally {
    progress.end();
  }
  const withCovers = await addCovers(scenario, result.plan, timeoutMs);
  return { ...checked(scenario, recordOverrides(extendPlan(scenario, withCovers), settings.sets ?? [])), result, models };
}

/**
 * The plan with its 走教 covers (plan.json `itinerant`, the gap rows' `itinerant_periods` / `itinerant_posts`),
 * planned after the rotation by a small MILP per district on HiGHS (engine/itinerant.ts); the plan unchanged
 * when 走教 is off (no district given, or `itinerant.enabled` false). extendPlan then pays the subsidy.
 *
 * @example const plan = await addCovers(scenario, result.plan);
 */
export async function addCovers(scenario: Scenario, plan: Plan, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Plan> {
  if (!itinerantOn(scenario)) return plan;
  const { planCovers, gapsWithCovers } = await import('./engine/itinerant.js');
  const solver = await (await import('./engine/highs.js')).loadHighsSolver();
  const term = { year: plan.plan_year, ...plan.period };
  const report = planCovers(scenario, plan, term, solver, timeoutMs);
  return { ...plan, gaps: gapsWithCovers(scenario, plan, report, term), ...(report !== null ? { itinerant: report } : {}) };
}

/** One year of a multi-year run: the scenario as it stood that year, and its checked plan. */
export interface PlannedYearRun extends CheckedYear {
  readonly scenario: Scenario;
}

/** Every year of a multi-year run and the summary across them. */
export interface YearsResult {
  readonly years: readonly PlannedYearRun[];
  readonly summary: YearsSummary;
}

/**
 * Plans the years in turn: each year's rotations become history for the next
 * (a rotated teacher returns at the term's end and sits out the cooldown,
 * rural months grow), every year checked like a single-year plan.
 *
 * @example
 * const { years, summary } = await planYears(scenarioWithNeeds(scenario, 2018), [2018, 2019, 2020]);
 * summary.totals.map((t) => t.sent); // [13, 11, 9]
 */
export async function planYears(
  scenario: Scenario, years: readonly number[], settings: SolveSettings = {}, progressOf: (year: number) => PlanProgress = () => SILENT,
): Promise<YearsResult> {
  const runs: PlannedYearRun[] = [];
  let current = scenario;
  for (const year of years) {
    const y = await planYear(current, year, settings, progressOf(year));
    runs.push({ ...y, scenario: current });
    current = nextYearScenario(current, y.plan);
  }
  const planned: PlannedYear[] = runs.map((y) => ({
    scenario: y.scenario, plan: y.plan, eligible: y.result.eligibility.filter((e) => e.eligible).map((e) => e.teacher_id), violations: y.violations.length,
  }));
  return { years: runs, summary: yearsSummary(planned) };
}

/** A final plan after objections, checked against the rules including the objections. */
export interface CheckedReplan extends CheckedPlan {
  readonly changes: readonly PlanChange[];
  /** The scenario with the objections as locks: the one the final plan was checked against. */
  readonly scenario: Scenario;
}

/**
 * The final list after the objection window: the scenario's objections as
 * hard rules, as few changes from the provisional plan as R1–R5 allow, the
 * needs taken where the provisional plan took them.
 *
 * @example
 * const final = await replanYear(scenario, await readPlanFile('provisional/plan.json'));
 * final.changes.length; // 6
 */
export async function replanYear(
  scenario: Scenario, provisional: Plan, options: { readonly year?: number; readonly needs?: NeedsMode; readonly solver?: SolverName; readonly timeoutMs?: number; readonly planFile?: string; readonly sets?: readonly string[] } = {},
): Promise<CheckedReplan> {
  const year = options.year ?? provisional.plan_year;
  if (year !== provisional.plan_year) {
    throw new InputError([{ file: options.planFile ?? 'plan.json', column: 'plan_year', message: `暂定计划是 ${provisional.plan_year} 年的，不是 ${year} 年 / the provisional plan is for ${provisional.plan_year}, not ${year}` }]);
  }
  const withNeeds = scenarioForPlanNeeds(scenario, provisional, options.needs);
  const solver = await loadSolver(options.solver ?? 'auto');
  const result = replanScenario(withNeeds, provisional, year, { solver, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  // 走教 follows the final list: covers planned anew on it and the subsidy paid (extendPlan again).
  const withCovers = itinerantOn(result.scenario) ? extendPlan(result.scenario, await addCovers(result.scenario, result.plan)) : result.plan;
  return { ...checked(result.scenario, recordOverrides(withCovers, options.sets ?? [])), changes: result.changes, scenario: result.scenario };
}

/**
 * Re-checks a saved plan (also one edited by hand) against the scenario: the
 * needs re-derived as the plan says, a final plan's objection locks added.
 *
 * @example (await checkSavedPlan(scenario, await readPlanFile('out/plan.json'))).length; // 0
 */
export function checkSavedPlan(scenario: Scenario, plan: Plan, options: { readonly needs?: NeedsMode | undefined; readonly planFile?: string } = {}): Violation[] {
  return checkPlan(scenarioForCheck(scenarioForPlanNeeds(scenario, plan, options.needs), plan, options.planFile ?? 'plan.json'), plan);
}

/** One column of a what-if comparison. */
export interface CompareColumn {
  readonly name: string;
  readonly sets: readonly string[];
  readonly figures: CompareFigures;
  /** Teachers added, removed or moved against the base plan (0 for the base). */
  readonly changed_from_base: number;
  readonly check: 'passed' | string;
  readonly violations: readonly Violation[];
}

/**
 * What-if: reads the scenario under its own policy (the base) and under each
 * variant's overrides — every variant is read before anything is solved, so a
 * bad key fails fast —, plans each with planYear and returns the figures.
 *
 * @example
 * const columns = await compareVariants('scenarios/lucheng-demo', 2019, [parseVariant('rotation.min_share=0.15')]);
 * columns.map((c) => c.figures.sent); // [11, 13]
 */
export async function compareVariants(
  path: string, year: number, variants: readonly Variant[],
  options: { readonly read?: Omit<ReadOptions, 'set'>; readonly needs?: NeedsMode; readonly settings?: SolveSettings; readonly baseName?: string; readonly onVariant?: (name: string, done: number, total: number) => void; readonly onWarning?: (w: string) => void } = {},
): Promise<CompareColumn[]> {
  const needs = options.needs ?? 'auto';
  const base: Variant = { name: options.baseName ?? 'base', sets: [], origin: '--set' };
  const all = [base, ...variants];
  const scenarios: Scenario[] = [];
  for (const v of all) {
    const read = await readScenario(path, { ...options.read, set: v.sets, optionalNeeds: needs !== 'file' })
      .catch((err: unknown) => { throw asVariant(err, v); });
    if (v === base) for (const w of read.warnings) options.onWarning?.(w);
    // A variant may change the norms, so each takes its needs from its own policy.
    scenarios.push(scenarioWithNeeds(read.scenario, year, needs));
  }
  const plans: Plan[] = [];
  const columns: CompareColumn[] = [];
  for (const [i, v] of all.entries()) {
    const { plan, violations } = await planYear(scenarios[i]!, year, options.settings);
    plans.push(plan);
    columns.push({
      name: v.name, sets: v.sets, figures: compareFigures(plan), changed_from_base: planDiff(plans[0]!, plan).changed,
      check: violations.length === 0 ? 'passed' : `failed: ${violations.length} violation(s)`, violations,
    });
    options.onVariant?.(v.name, i + 1, all.length);
  }
  return columns;
}

/** An input error of a variant's overrides is told as that variant's (not the base's `--set`). */
function asVariant(err: unknown, v: Variant): unknown {
  if (!(err instanceof InputError)) return err;
  return new InputError(err.problems.map((p) => (p.file === '--set' ? { ...p, file: v.origin } : p)));
}

/** The answer to "who could fill this post?". */
export interface Suggestions {
  readonly school: string;
  readonly school_name: string;
  readonly subject: string | null;
  readonly candidates: Candidate[];
}

/**
 * Ranks the teachers who could fill one receiver's open post (a subject code
 * or its Chinese name; default every unfilled post there), each move applied
 * to the plan and re-checked.
 *
 * @example (await suggestFor(scenario, plan, { school: 'LC-P008', subject: '英语', top: 2 })).candidates[0].passes_check; // true
 */
export function suggestFor(
  scenario: Scenario, plan: Plan,
  options: { readonly school: string; readonly subject?: string | undefined; readonly year?: number | undefined; readonly top?: number; readonly needs?: NeedsMode | undefined; readonly planFile?: string },
): Suggestions {
  const forCheck = scenarioForCheck(scenarioForPlanNeeds(scenario, plan, options.needs), plan, basename(options.planFile ?? 'plan.json'));
  const school = forCheck.schools.find((s) => s.school_id === options.school);
  if (school === undefined || !isReceiver(school)) {
    throw new InputError([{ file: '--school', message: `${options.school} ${school === undefined ? '不在 schools 表中 / is not a school of the scenario' : '不是接收学校 / is not a receiving (rural or weak) school'}` }]);
  }
  const subject = options.subject === undefined ? undefined : lookupCode(subjectList(forCheck.policy.subjects), options.subject);
  if (options.subject !== undefined && subject === undefined) throw new InputError([{ file: '--subject', message: `"${options.subject}" 不是学科 / is not a subject` }]);
  const candidates = suggestCandidates(forCheck, plan, {
    school: options.school, ...(subject !== undefined ? { subject } : {}), ...(options.year !== undefined ? { year: options.year } : {}), limit: options.top ?? 10,
  });
  return { school: options.school, school_name: school.name ?? '', subject: subject ?? null, candidates };
}

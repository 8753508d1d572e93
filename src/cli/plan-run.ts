/**
 * The plan command's work, shared by `--year` and `--years`: solve a year
 * (counties on worker threads when there are several and `--jobs` allows),
 * extend and check the plan, and collect the models for `--export-lp`.
 */
import { availableParallelism } from 'node:os';
import { checkPlan, type Violation } from '../check/check.js';
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { type ExportedModel, exportedModel, lpFileName } from '../engine/lp-export.js';
import { planScenarioParallel } from '../engine/parallel.js';
import { planScenario, type PlanResult } from '../engine/plan.js';
import { loadSolver, type SolverName } from '../engine/solvers.js';
import { extendPlan } from '../policy/plan-report.js';
import { recordOverrides } from './plan-policy.js';
import type { Progress } from './progress.js';

export interface SolveSettings {
  readonly solver: SolverName;
  readonly timeoutMs: number;
  /** Worker threads; undefined = one per core, at most one per county; 1 = no workers. */
  readonly jobs: number | undefined;
  readonly exportLp: boolean;
  /** The `--set` overrides the scenario was read with: plan.json records them (policy_overrides). */
  readonly sets?: readonly string[];
}

export interface CheckedYear {
  readonly plan: Plan;
  readonly result: PlanResult;
  readonly violations: Violation[];
  /** Empty unless exportLp. */
  readonly models: readonly ExportedModel[];
}

/** Number of counties of a scenario. */
export const countyCount = (scenario: Scenario) => new Set(scenario.schools.map((s) => s.county)).size;

/** Plans, extends (allowances, titles) and independently checks one year. */
export async function planCheckedYear(scenario: Scenario, year: number, settings: SolveSettings, progress: Progress): Promise<CheckedYear> {
  const counties = countyCount(scenario);
  const jobs = Math.min(settings.jobs ?? availableParallelism(), counties);
  let result: PlanResult;
  let models: ExportedModel[] = [];
  progress.start(counties);
  try {
    if (jobs >= 2) {
      const parallel = await planScenarioParallel(scenario, year, {
        solver: settings.solver, timeoutMs: settings.timeoutMs, jobs, exportLp: settings.exportLp, onCounty: progress.county,
      });
      result = parallel.result;
      models = [...parallel.models];
    } else {
      const solver = await loadSolver(settings.solver);
      result = planScenario(scenario, year, {
        solver, timeoutMs: settings.timeoutMs, onCounty: progress.county,
        ...(settings.exportLp ? { onModel: (county, step, model, r) => models.push(exportedModel(county, step, model, r)) } : {}),
      });
    }
  } finally {
    progress.end();
  }
  const plan = recordOverrides(extendPlan(scenario, result.plan), settings.sets ?? []);
  // Every plan is re-checked by the independent checker before it is handed on.
  const violations = checkPlan(scenario, plan);
  plan.stats.check = violations.length === 0 ? 'passed' : `failed: ${violations.length} violation(s)`;
  return { plan, result, violations, models };
}

/**
 * The `--export-lp` files of one year: `<county>.step<k>.lp` per model and
 * `index.json` listing, per file, county, step, solver, status and the
 * objective the solver reported — what a re-solve must reproduce.
 */
export function lpExportFiles(year: CheckedYear, prefix = ''): Map<string, string> {
  const solverOf = new Map(year.result.counties.map((c) => [c.county, c.solver]));
  const files = new Map<string, string>();
  const index = year.models.map((m) => {
    const file = lpFileName(m.county, m.step);
    files.set(`${prefix}${file}`, m.lp);
    return { file, county: m.county, step: m.step, solver: solverOf.get(m.county) ?? null, status: m.status, objective: m.objective, sense: 'max' };
  });
  files.set(`${prefix}index.json`, `${JSON.stringify(index, null, 2)}\n`);
  return files;
}

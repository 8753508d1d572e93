/**
 * The library: what the `rotation` command line does, callable from a
 * bureau's HR system or a notebook.
 *
 * @example
 * import { readScenario, scenarioWithNeeds, planYear, writePlanOutputs } from 'rotation';
 * const { scenario } = await readScenario('scenarios/lucheng-demo');
 * const withNeeds = scenarioWithNeeds(scenario, 2019);
 * const { plan, violations } = await planYear(withNeeds, 2019);   // solved, extended, checked
 * await writePlanOutputs('out', { scenario: withNeeds, plan });    // out/plan.json, out/plan.xlsx
 *
 * Every function below carries its own example in its TSDoc.
 */

// Use cases: each returns a plan the independent checker has checked.
export {
  planYear, planYears, replanYear, compareVariants, checkSavedPlan, suggestFor, checked,
  scenarioWithNeeds, scenarioForPlanNeeds, planNeedsMode, countyCount,
  type SolveSettings, type PlanProgress, type CheckedPlan, type CheckedYear, type PlannedYearRun, type YearsResult,
  type CheckedReplan, type CompareColumn, type Suggestions,
} from './pipeline.js';

// Readers.
export { readScenario, scenarioFromTables, type ReadOptions, type ReadResult } from './io/read/read-scenario.js';
export { readPlanFile } from './io/read/read-plan.js';
export { parsePlanText } from './io/read/plan-json.js';
export { qualifyKey, parseVariant, variantsOf, type Variant } from './io/read/policy-overrides.js';

// Writers.
export { writePlanOutputs, planOutputFiles, planJsonText, type PlanOutputs } from './io/export/write-plan.js';
export { writeScenario, scenarioFiles, type WriteOptions } from './io/export/write-scenario.js';
export { yearsOutputFiles, lpExportFiles } from './io/export/years-files.js';
export { writeTree } from './io/export/write-tree.js';

// The independent checker.
export { checkPlan, RULES, type RuleCheck, type RuleId, type Violation } from './check/check.js';

// Reports.
export { planSummary, countyLines, shortfallLines, type PlanSummary, type CountySummary } from './report/plan-summary.js';
export { planDiff, type PlanDiff } from './report/diff.js';
export { compareFigures, type CompareFigures } from './report/compare.js';
export { terminalLang, type Lang } from './report/language.js';
export { inLanguage } from './report/in-language.js';

// Schemas (zod) and the types inferred from them.
export {
  planSchema, assignmentSchema, senderSchema, gapSchema, receiverSchema, allowanceSchema, shortfallSchema, statsSchema,
  allowanceTotalsSchema, balanceRowSchema, titleWarningSchema, volunteerSchema, itinerantSchema,
  type Plan, type Assignment, type SenderReport, type GapReport, type ReceiverReport, type Allowance, type Shortfall, type PlanStats, type Rule,
  type AllowanceTotals, type BalanceRow, type TitleWarning, type VolunteerReport, type Itinerant,
} from './domain/plan.js';
export { policySchema, defaultPolicy, type Policy } from './domain/policy.js';
export { rowSchemas, COLUMNS, TABLE_NAMES, type School, type Teacher, type Need, type Rotation, type Lock, type Objection, type Volunteer, type TableName } from './domain/tables.js';
export type { Scenario } from './domain/scenario.js';
export { InputError, type InputProblem } from './domain/errors.js';

// Synthetic scenarios, for trials and benchmarks.
export { generateScenario, generateWenzhou, type GenerateOptions, type WenzhouOptions } from './generate/index.js';

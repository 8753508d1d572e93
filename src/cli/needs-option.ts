/**
 * `--needs auto|norms|file` of `plan`, `check` and `validate`: where a
 * receiver's needed posts come from (needs.csv, or the staffing norms of
 * src/policy/norms.ts), and the derivation as text for `validate --needs`.
 */
import { InputError } from '../domain/errors.js';
import { NEEDS_MODES, type NeedsMode } from '../domain/norms-policy.js';
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { normsSection } from '../io/norms-balance-sheets.js';
import type { Lang } from '../io/sheet-model.js';
import { applyNeedsMode, type NeedsApplied } from '../policy/norms.js';
import { termOf } from '../policy/term.js';
import { sectionText } from './text-table.js';

export const NEEDS_DESCRIBE = 'where needed posts come from: auto = needs.csv, and staffing norms for receivers without rows; norms = norms for every receiver; file = needs.csv only';

/** The `--needs` option of `plan` (default auto). */
export const planNeedsOption = { choices: NEEDS_MODES, default: 'auto' as NeedsMode, describe: NEEDS_DESCRIBE } as const;

/** The scenario with its needs as the plan uses them. */
export function scenarioWithNeeds(scenario: Scenario, year: number, mode: NeedsMode): Scenario {
  return applyNeedsMode(scenario, termOf(year, scenario.policy), mode).scenario;
}

/** A plan's needs mode: `--needs` when given, else what plan.json says (stats.needs_mode), else needs.csv only (plans from before norms). */
export function planNeedsMode(plan: Plan, flag: NeedsMode | undefined): NeedsMode {
  const said = plan.stats['needs_mode'];
  return flag ?? (typeof said === 'string' && (NEEDS_MODES as readonly string[]).includes(said) ? said as NeedsMode : 'file');
}

/**
 * The scenario a plan is checked against: its needs re-derived from the
 * scenario under the plan's needs mode (never taken from the plan). A
 * needs.csv is required unless the needs come from the norms.
 */
export function scenarioForPlanNeeds(scenario: Scenario, plan: Plan, flag: NeedsMode | undefined): Scenario {
  const mode = planNeedsMode(plan, flag);
  if (mode === 'file' && scenario.source !== undefined && scenario.source.files.needs === undefined) {
    throw new InputError([{ file: 'needs.csv', message: '缺少必需的文件 / required file is missing (the plan takes its needs from needs.csv; use --needs norms to derive them)' }]);
  }
  return scenarioWithNeeds(scenario, plan.plan_year, mode);
}

/** `validate --needs`: the derivation per receiver, as an aligned table. */
export function normsText(applied: NeedsApplied, lang: Lang): string[] {
  const head = lang === 'zh' ? `编制测算 needed posts from staffing norms (--needs ${applied.mode})` : `Needed posts from staffing norms (--needs ${applied.mode})`;
  return [head, ...sectionText(normsSection(applied.scenario, applied.norms, new Set(applied.fromNorms), lang), lang)];
}

/** `validate --needs --json`: the derivation as data. */
export function normsJson(applied: NeedsApplied) {
  return { needs_mode: applied.mode, needs_from_norms: applied.fromNorms, norms: applied.norms };
}

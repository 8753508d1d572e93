/**
 * `--needs auto|norms|file` of `plan`, `check` and `validate`: where a
 * receiver's needed posts come from (needs.csv, or the staffing norms of
 * src/policy/norms.ts), and the derivation as text for `validate --needs`.
 */
import { NEEDS_MODES, type NeedsMode } from '../domain/norms-policy.js';
import { normsSection } from '../io/export/norms-sheet.js';
import type { Lang } from '../io/export/sheet-model.js';
import type { NeedsApplied } from '../policy/norms.js';
import { sectionText } from './text-table.js';

export const NEEDS_DESCRIBE = '缺编从何而来：auto = needs.csv，无记录的接收学校按编制标准测算；norms = 全部按编制标准测算；file = 只用 needs.csv';

/** The `--needs` option of `plan` and `compare` (default auto). */
export const planNeedsOption = { choices: NEEDS_MODES, default: 'auto' as NeedsMode, describe: NEEDS_DESCRIBE } as const;

/** The `--needs` option of the commands that read a saved plan (default: what plan.json says). */
export const savedPlanNeedsOption = { choices: NEEDS_MODES, describe: `${NEEDS_DESCRIBE}（默认按 plan.json 的 stats.needs_mode，没有则 file）` } as const;

/** `validate --needs`: the derivation per receiver, as an aligned table. */
export function normsText(applied: NeedsApplied, lang: Lang): string[] {
  const head = lang === 'zh' ? `编制测算 needed posts from staffing norms (--needs ${applied.mode})` : `Needed posts from staffing norms (--needs ${applied.mode})`;
  return [head, ...sectionText(normsSection(applied.scenario, applied.norms, new Set(applied.fromNorms), lang), lang)];
}

/** `validate --needs --json`: the derivation as data. */
export function normsJson(applied: NeedsApplied) {
  return { needs_mode: applied.mode, needs_from_norms: applied.fromNorms, norms: applied.norms };
}

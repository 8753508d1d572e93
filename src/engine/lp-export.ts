/**
 * `--export-lp`: every model a county's lexicographic solve handed to its
 * solver, as CPLEX LP text, with what the solver answered — so anyone can
 * re-solve it with an outside solver and compare objectives.
 */
import { toLpFormat } from './lp-format.js';
import type { LinearModel, SolveResult } from './solver.js';

export interface ExportedModel {
  readonly county: string;
  /** 1-based lexicographic step. */
  readonly step: number;
  readonly status: SolveResult['status'];
  /** The objective the solver reported (null when it found none). */
  readonly objective: number | null;
  /** The model in CPLEX LP format, exactly as handed to the solver. */
  readonly lp: string;
}

/** One exported model (for PlanOptions.onModel). */
export function exportedModel(county: string, step: number, model: LinearModel, result: SolveResult): ExportedModel {
  return { county, step, status: result.status, objective: Number.isFinite(result.objective) ? result.objective : null, lp: toLpFormat(model) };
}

/**
 * File name of a county's step: `<county>.step<k>.lp`, the county's name
 * kept (Chinese is fine) but for characters no file system takes.
 */
export function lpFileName(county: string, step: number): string {
  const safe = county.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_') || '_';
  return `${safe}.step${step}.lp`;
}

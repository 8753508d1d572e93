/** A whole scenario: what HR hands the planner, read and checked. */
import type { NeedsOrigin } from './norms-policy.js';
import type { Policy } from './policy.js';
import type { Lock, Need, Objection, ReviewTableName, Rotation, School, TableName, Teacher, Volunteer } from './tables.js';

export interface Scenario {
  /** Folder or workbook it was read from (for messages). */
  readonly name: string;
  readonly policy: Policy;
  readonly schools: readonly School[];
  readonly teachers: readonly Teacher[];
  readonly needs: readonly Need[];
  readonly history: readonly Rotation[];
  readonly locks: readonly Lock[];
  /** Set when the needs were (partly) derived from the staffing norms (policy/norms.ts applyNeedsMode). */
  readonly needsOrigin?: NeedsOrigin;
  /** objections.csv, when the folder has one: read for `rotation replan`, ignored by `plan`. */
  readonly objections?: readonly Objection[];
  /** volunteers.csv (银龄讲学), when the scenario has one: retired teachers placed on the posts rotation leaves open. */
  readonly volunteers?: readonly Volunteer[];
  /** Where each row came from, for messages that name file and line; absent for built scenarios. */
  readonly source?: ScenarioSource;
  /**
   * Set on one county's part of a scenario (parallel planning): teachers held home this year because their spouse,
   * in an earlier county, could rotate too (engine/couples.ts) — the part no longer holds the spouse's row.
   */
  readonly couplesHeld?: readonly string[];
}

export interface ScenarioSource {
  /** File name per table (e.g. "teachers.csv" or "scenario.xlsx#teachers"). */
  readonly files: Partial<Record<TableName | ReviewTableName, string>>;
  /** Spreadsheet line of each row, per table (header is line 1). */
  readonly lines: Partial<Record<TableName | ReviewTableName, readonly number[]>>;
  /** Header as written and column letter, per table and column key. */
  readonly headers: Partial<Record<TableName | ReviewTableName, Readonly<Record<string, { header: string; column: string }>>>>;
}

/** A school receives when it is rural or weak (docs/format.md). */
export function isReceiver(s: Pick<School, 'area' | 'weak'>): boolean {
  return s.area === 'rural' || s.weak;
}

/** A school sends when it does not receive and is urban, town or high-quality (docs/format.md). */
export function isSender(s: Pick<School, 'area' | 'weak' | 'quality'>): boolean {
  return !isReceiver(s) && (s.area === 'urban' || s.area === 'town' || s.quality);
}

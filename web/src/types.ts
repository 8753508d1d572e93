/** The shapes the page reads from the rotation serve API (src/server/app.ts). */

/** A plan version's meta.json (src/server/workspace.ts VersionMeta). */
export interface VersionMeta {
  version: number;
  year: number;
  kind: 'plan' | 'replan' | 'manual';
  created: string;
  set: string[];
  from: number | null;
  note: string;
  years?: number[];
  sent: number;
  gaps_filled: number;
  gaps_needed: number;
  shortfalls: number;
  optimal: boolean;
  check: string;
}

/** SSE `county`: one county solved. */
export interface CountyEvent { year: number; county: string; done: number; total: number; status: string; teachers: number; solve_ms: number }

/** SSE `level`: a county's lexicographic step `step` of `steps` starts. */
export interface LevelEvent { year: number; county: string; step: number; steps: number; levels: string[]; zh: string[]; en: string[] }

/** A lock row of the scenario (GET /api/scenarios/:s `locks`). */
export interface LockRow { teacher_id: string; action: 'pin' | 'forbid' | 'keep'; school_id: string | null; reason: string }

/** An objection row (GET /api/scenarios/:s `objections`). */
export interface ObjectionRow { teacher_id: string; kind: 'keep' | 'not_to' | 'to' | 'swap'; school_id: string | null; other_teacher_id: string | null; reason: string }

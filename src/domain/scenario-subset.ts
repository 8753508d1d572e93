/**
 * Part of a scenario, keeping every kept row's spreadsheet line so that a
 * message about it still names the row HR sees (docs/format.md: header = 1).
 */
import type { Scenario, ScenarioSource } from './scenario.js';
import type { TableName } from './tables.js';

type Rows = Pick<Scenario, TableName>;
type Keep = { readonly [K in TableName]?: (row: Rows[K][number], index: number) => boolean };

/** The rows of each table that `keep` accepts (all rows of a table it does not name), lines carried along. */
export function subsetScenario(scenario: Scenario, keep: Keep): Scenario {
  const lines: { -readonly [K in TableName]?: readonly number[] } = {};
  const pick = <K extends TableName>(table: K): Rows[K] => {
    const rows = scenario[table] as readonly Rows[K][number][];
    const test = keep[table] as ((row: Rows[K][number], index: number) => boolean) | undefined;
    const kept: number[] = [];
    rows.forEach((row, i) => { if (test === undefined || test(row, i)) kept.push(i); });
    const known = scenario.source?.lines[table];
    lines[table] = kept.map((i) => known?.[i] ?? i + 2);
    return kept.map((i) => rows[i]!) as unknown as Rows[K];
  };
  const tables: Rows = { schools: pick('schools'), teachers: pick('teachers'), needs: pick('needs'), history: pick('history'), locks: pick('locks') };
  const source: ScenarioSource = { files: scenario.source?.files ?? {}, headers: scenario.source?.headers ?? {}, lines: { ...scenario.source?.lines, ...lines } };
  return { ...scenario, ...tables, source };
}

/**
 * One scenario per county, in the order the schools table first names them:
 * the county's schools, their teachers, needs and locks, and the history of
 * those teachers or of rotations into the county's schools (a running one
 * fills a need there, so its teacher comes along).
 */
export function countyScenarios(scenario: Scenario): Scenario[] {
  const counties = [...new Set(scenario.schools.map((s) => s.county))];
  return counties.map((county) => {
    const schools = new Set(scenario.schools.filter((s) => s.county === county).map((s) => s.school_id));
    const into = new Set(scenario.history.filter((r) => schools.has(r.to_school)).map((r) => r.teacher_id));
    const teachers = new Set(scenario.teachers.filter((t) => schools.has(t.school_id) || into.has(t.teacher_id)).map((t) => t.teacher_id));
    return subsetScenario(scenario, {
      schools: (s) => s.county === county,
      teachers: (t) => teachers.has(t.teacher_id),
      needs: (n) => schools.has(n.school_id),
      history: (r) => teachers.has(r.teacher_id) || schools.has(r.to_school),
      locks: (l) => teachers.has(l.teacher_id),
    });
  });
}

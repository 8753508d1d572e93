/** objections.csv: read with Chinese or English headers and kinds, from a folder or an 异议 sheet; `plan` does not apply it. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/domain/tables.js';
import { planScenario } from '../../src/engine/plan.js';
import { loadSolver } from '../../src/engine/solvers.js';
import { parseCsv } from '../../src/io/read/csv.js';
import { readScenario } from '../../src/io/read/read-scenario.js';

const DEMO = fileURLToPath(new URL('../../scenarios/lucheng-demo', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'rotation-objections-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const EXPECTED = [
  { teacher_id: 'T000097', kind: 'keep', school_id: null, other_teacher_id: null },
  { teacher_id: 'T000041', kind: 'not_to', school_id: 'LC-P008', other_teacher_id: null },
  { teacher_id: 'T000079', kind: 'to', school_id: 'LC-J003', other_teacher_id: null },
  { teacher_id: 'T000026', kind: 'swap', school_id: null, other_teacher_id: 'T000002' },
];

describe('objections.csv', () => {
  it('the glossary names its columns in English and Chinese', () => {
    expect(COLUMNS.objections.map((c) => `${c.key}/${c.zh}`)).toEqual(['teacher_id/教师编号', 'kind/类型', 'school_id/学校代码', 'other_teacher_id/对调教师编号', 'reason/理由']);
  });

  it('the demo\'s Chinese file reads to the four kinds, with its rows (header = 1)', async () => {
    const { scenario } = await readScenario(DEMO);
    expect(scenario.objections?.map(({ teacher_id, kind, school_id, other_teacher_id }) => ({ teacher_id, kind, school_id, other_teacher_id }))).toEqual(EXPECTED);
    expect(scenario.source?.lines.objections).toEqual([2, 3, 4, 5]);
  });

  it('English headers and kinds read the same; a folder without the file has no objections', async () => {
    const dir = join(TMP, 'en');
    cpSync(DEMO, dir, { recursive: true });
    writeFileSync(join(dir, 'objections.csv'), 'teacher_id,kind,school_id,other_teacher_id,reason\nT000097,keep,,,\nT000041,not_to,LC-P008,,\nT000079,TO,LC-J003,,\nT000026,swap,,T000002,\n');
    const { scenario } = await readScenario(dir);
    expect(scenario.objections?.map((o) => o.kind)).toEqual(['keep', 'not_to', 'to', 'swap']);
    rmSync(join(dir, 'objections.csv'));
    expect((await readScenario(dir)).scenario.objections).toBeUndefined();
  });

  it('a workbook\'s 异议 sheet is the objections table', async () => {
    const wb = new ExcelJS.Workbook();
    for (const file of readdirSync(DEMO).filter((f) => f.endsWith('.csv'))) {
      const table = parseCsv(readFileSync(join(DEMO, file), 'utf8').replace(/^\uFEFF/, ''), file);
      const ws = wb.addWorksheet(file === 'objections.csv' ? '异议' : file.replace('.csv', ''));
      ws.addRow([...table.headers]);
      for (const row of table.rows) ws.addRow([...row]);
    }
    wb.addWorksheet('policy').addRows([['assignment.max_distance_km', 60]]);
    const path = join(TMP, 'demo.xlsx');
    await wb.xlsx.writeFile(path);
    const { scenario } = await readScenario(path);
    expect(scenario.objections?.map((o) => o.kind)).toEqual(['keep', 'not_to', 'to', 'swap']);
    expect(scenario.source?.files.objections).toMatch(/#异议$/);
  });

  it('rotation plan does not apply objections: the demo plans the same with and without them', async () => {
    const { scenario } = await readScenario(DEMO);
    const solver = await loadSolver('auto');
    const { objections: _, ...without } = scenario;
    const a = planScenario(scenario, 2019, { solver }).plan.assignments.map((x) => `${x.teacher_id}>${x.to_school}`);
    const b = planScenario(without, 2019, { solver }).plan.assignments.map((x) => `${x.teacher_id}>${x.to_school}`);
    expect(a).toEqual(b);
    expect(a).toContain('T000097>LC-J003'); // the teacher who objected (keep) is still on the provisional list
  });
});

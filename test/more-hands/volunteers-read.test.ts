/**
 * volunteers.csv (银龄讲学) as HR writes it: Chinese or English headers, the workbook sheet 银龄讲学 or
 * volunteers, and bad rows named by file, row and column.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { templateWorkbook } from '../../src/io/export/template.js';
import { writeScenario } from '../../src/io/export/write-scenario.js';
import { writeScenarioWorkbook } from '../../src/io/export/write-scenario-xlsx.js';

const DEMO = fileURLToPath(new URL('../../scenarios/lucheng-demo', import.meta.url));
const ZH_HEADER = '志愿者编号,姓名,任教学科,可任教学科,出生日期,性别,县市区,可支教开始日期,可支教结束日期,身体健康,意向学校,骨干等级';
const EN_HEADER = 'volunteer_id,name,subject,qualified_subjects,birth_date,gender,county,available_from,available_to,health_ok,preferred_schools,backbone_level';

let dir = '';
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'rotation-volunteers-')); });
afterAll(async () => { if (dir !== '') await rm(dir, { recursive: true, force: true }); });

async function demoWith(name: string, csv: string): Promise<string> {
  const to = join(dir, name);
  await cp(DEMO, to, { recursive: true });
  await writeFile(join(to, 'volunteers.csv'), `\uFEFF${csv}`);
  return to;
}

async function problemsOf(path: string): Promise<string[]> {
  try {
    await readScenario(path);
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => `${p.file}|${p.row ?? ''}|${p.column ?? ''}|${p.message}`);
    throw err;
  }
  return [];
}

describe('volunteers.csv', () => {
  it('Chinese headers and spellings: 音乐, 是, 县级, 2019年9月1日', async () => {
    const path = await demoWith('zh', `${ZH_HEADER}\nV001,王老师,音乐,美术;体育,1957-03-12,女,鹿城区,2019年9月1日,2020-01-31,是,LC-P007,县级\n`);
    const { scenario, warnings } = await readScenario(path);
    expect(warnings).toEqual([]);
    expect(scenario.volunteers).toEqual([{
      volunteer_id: 'V001', name: '王老师', subject: 'music', qualified_subjects: ['art', 'pe'], birth_date: '1957-03-12', gender: 'F', county: '鹿城区',
      available_from: '2019-09-01', available_to: '2020-01-31', health_ok: true, preferred_schools: ['LC-P007'], backbone_level: 'county',
    }]);
  });

  it('English headers, optional columns blank: dates from the term, no backbone', async () => {
    const path = await demoWith('en', `${EN_HEADER}\nV001,,music,,1957-03-12,,鹿城区,,,no,,\n`);
    const v = (await readScenario(path)).scenario.volunteers![0]!;
    expect(v).toMatchObject({ available_from: null, available_to: null, health_ok: false, gender: null, backbone_level: 'none', preferred_schools: [] });
  });

  it('a scenario without volunteers.csv has no volunteers', async () => {
    expect((await readScenario(DEMO)).scenario.volunteers).toBeUndefined();
  });

  it('bad rows: every problem names volunteers.csv, the row and the column', async () => {
    const path = await demoWith('bad', [
      ZH_HEADER,
      'V001,甲,音乐,,1957-03-12,女,鹿城区,,,,,', // 身体健康 blank
      'V002,乙,舞蹈,,1957-03-12,女,鹿城区,,,是,,', // no such subject
      'V002,丙,音乐,,1957-03-12,女,鹿城区,2020-06-01,2020-01-31,是,LC-P001,', // duplicate id, dates reversed, a sender preferred
      'T000001,丁,音乐,,1957-03-12,女,鹿城区,,,是,XX-1,', // a teacher's id, an unknown school
    ].join('\n'));
    const problems = await problemsOf(path);
    expect(problems[0]).toMatch(/^volunteers\.csv\|2\|身体健康 \(J\)\|不能为空/);
    expect(problems[1]).toMatch(/^volunteers\.csv\|3\|任教学科 \(C\)\|"舞蹈"/);
    expect(problems.length).toBe(2); // row problems first: the cross-table checks wait for complete tables
    const fixed = await demoWith('bad2', [
      ZH_HEADER,
      'V002,乙,音乐,,1957-03-12,女,鹿城区,,,是,,',
      'V002,丙,音乐,,1957-03-12,女,鹿城区,2020-06-01,2020-01-31,是,LC-P001,',
      'T000001,丁,音乐,,1957-03-12,女,鹿城区,,,是,XX-1,',
    ].join('\n'));
    expect(await problemsOf(fixed)).toEqual([
      'volunteers.csv|3|志愿者编号 (A)|志愿者编号 V002 重复 (first on row 2) / duplicate volunteer id',
      'volunteers.csv|3|可支教结束日期 (I)|可支教结束日期 2020-01-31 早于开始日期 2020-06-01 / ends before it starts',
      'volunteers.csv|3|意向学校 (K)|意向学校 LC-P001 不是接收学校 / is not a receiving (rural or weak) school',
      'volunteers.csv|4|志愿者编号 (A)|志愿者编号 T000001 与教师编号相同 / is also a teacher id in teachers.csv: give volunteers their own ids',
      'volunteers.csv|4|意向学校 (K)|意向学校 XX-1 不在 schools 表中 / unknown school',
    ]);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`a workbook's sheet ${lang === 'zh' ? '银龄讲学' : 'volunteers'} (the template's example row)`, async () => {
      const path = join(dir, `template-${lang}.xlsx`);
      await writeFile(path, await templateWorkbook(lang));
      const { scenario } = await readScenario(path);
      expect(scenario.volunteers).toEqual([expect.objectContaining({ volunteer_id: 'V0001', subject: 'music', birth_date: '1958-05-20', health_ok: true, backbone_level: 'county', county: '示例县' })]);
      expect(scenario.source?.files.volunteers).toBe(`template-${lang}.xlsx#${lang === 'zh' ? '银龄讲学' : 'volunteers'}`);
    });
  }

  it('written back (CSV folder in either language, workbook) and read again: the same volunteers', async () => {
    const path = await demoWith('round', `${ZH_HEADER}\nV001,王老师,音乐,美术;体育,1957-03-12,女,鹿城区,2019-09-01,,是,LC-P007;LC-P008,县级\nV002,,体育,,1950-01-01,,鹿城区,,2020-06-30,否,,\n`);
    const { scenario } = await readScenario(path);
    for (const lang of ['zh', 'en'] as const) {
      await writeScenario(join(dir, `round-${lang}`), scenario, { lang });
      expect((await readScenario(join(dir, `round-${lang}`))).scenario.volunteers).toEqual(scenario.volunteers);
    }
    await writeScenarioWorkbook(join(dir, 'round-xlsx'), scenario, { lang: 'zh' });
    expect((await readScenario(join(dir, 'round-xlsx', 'scenario.xlsx'))).scenario.volunteers).toEqual(scenario.volunteers);
  });
});

import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { writeTree } from '../../src/io/export/write-tree.js';
import { policyRows, writeScenarioWorkbook } from '../../src/io/export/write-scenario-xlsx.js';
import { writeScenario } from '../../src/io/export/write-scenario.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { rowsOf, scenarioArb } from './scenario-arbitrary.js';

let root: string;
let n = 0;
const fresh = () => join(root, `case-${++n}`);
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'rotation-write-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

const lang = fc.constantFrom('zh' as const, 'en' as const);

/** One school, one teacher: enough to look at the cells. */
const tiny: Scenario = {
  name: 'tiny', policy: defaultPolicy(),
  schools: [
    { school_id: 'LC-P001', name: '鹿城实验小学', county: '鹿城区', stage: 'primary', area: 'urban', tier: 0, quality: true, weak: false, students: 1800, classes: 40, lat: 28.01, lon: 120.65, group: '' },
    { school_id: '007', name: '藤桥镇中心小学', county: '鹿城区', stage: 'nine_year', area: 'rural', tier: 2, quality: false, weak: false, students: 200, classes: 9, lat: null, lon: null, group: '' },
  ],
  teachers: [{
    teacher_id: 'T000123', name: '陈丽', gender: 'F', birth_date: '1985-03-04', school_id: 'LC-P001', subject: 'music',
    qualified_subjects: ['art', 'chinese'], title: 'level1', backbone: 'county', school_start_date: '2008-09-01', hire_date: '2007-09-01',
    rural_months: 0, title_target_year: null, education: null, exempt: '', preferences: ['007'],
  }],
  needs: [], history: [], locks: [{ teacher_id: 'T000123', action: 'keep', school_id: null, reason: '' }],
};

describe('writeScenario: the folder readScenario reads back', () => {
  it('round trip: every row and the policy come back unchanged, in both languages', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, lang, async (scenario, l) => {
      const dir = fresh();
      await writeScenario(dir, scenario, { lang: l });
      const { scenario: back, warnings } = await readScenario(dir);
      expect(rowsOf(back)).toEqual(rowsOf(scenario));
      expect(warnings).toEqual([]);
    }), { numRuns: 60 });
  });

  it('zh: Chinese headers, Chinese labels, 是/否, lists joined by ";", a BOM, ids kept as text', async () => {
    const dir = fresh();
    await writeScenario(dir, tiny, { lang: 'zh' });
    const schools = await readFile(join(dir, 'schools.csv'), 'utf8');
    const teachers = await readFile(join(dir, 'teachers.csv'), 'utf8');
    expect(schools.startsWith('\uFEFF学校代码,学校名称,县市区,学段,城乡类别,艰苦程度,优质学校,薄弱学校')).toBe(true);
    expect(schools).toContain('LC-P001,鹿城实验小学,鹿城区,小学,城区,0,是,否,1800,40,28.01,120.65,');
    expect(schools).toContain('007,藤桥镇中心小学,鹿城区,九年一贯制,乡村,2,否,否,200,9,,,');
    expect(teachers).toContain('T000123,陈丽,女,1985-03-04,LC-P001,音乐,美术;语文,一级,县级,2008-09-01,2007-09-01,0,,,,007');
    expect(await readFile(join(dir, 'locks.csv'), 'utf8')).toBe('\uFEFF教师编号,操作,学校代码,原因\r\nT000123,留任,,\r\n');
    expect(await readFile(join(dir, 'needs.csv'), 'utf8')).toBe('\uFEFF学校代码,学科,缺编人数,优先级\r\n');
  });

  it('en: English keys and codes, true/false', async () => {
    const dir = fresh();
    await writeScenario(dir, tiny, { lang: 'en' });
    const schools = await readFile(join(dir, 'schools.csv'), 'utf8');
    expect(schools).toContain('school_id,name,county,stage,area,tier,quality,weak,students,classes,lat,lon,group');
    expect(schools).toContain('LC-P001,鹿城实验小学,鹿城区,primary,urban,0,true,false,1800,40,28.01,120.65,');
    expect(await readFile(join(dir, 'teachers.csv'), 'utf8')).toContain('T000123,陈丽,F,1985-03-04,LC-P001,music,art;chinese,level1,county,');
  });

  it('policy.json spells out every key, defaults included', async () => {
    const dir = fresh();
    await writeScenario(dir, tiny, { lang: 'en' });
    const json = JSON.parse(await readFile(join(dir, 'policy.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(json.rotation).toMatchObject({ min_share: 0.1, max_share: 0.2, backbone_min_share: 0.2, backbone_level: 'county' });
    expect(json.eligibility).toMatchObject({ min_years_at_school: 6, max_age: { M: 55, F: 50 }, cooldown_years: 3 });
    expect(json).toEqual(JSON.parse(JSON.stringify(defaultPolicy())));
  });

  it('an existing folder keeps its other files; ours are replaced', async () => {
    const dir = fresh();
    await mkdir(dir);
    await writeFile(join(dir, 'README.md'), 'notes');
    await writeFile(join(dir, 'locks.csv'), 'stale');
    await writeScenario(dir, { ...tiny, locks: [] }, { lang: 'en' });
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('notes');
    expect(await readFile(join(dir, 'locks.csv'), 'utf8')).toBe('\uFEFFteacher_id,action,school_id,reason\r\n');
    expect((await readdir(root)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('a failure half-way leaves neither the folder nor the temporary folder behind', async () => {
    const dir = fresh();
    const files = new Map([['schools.csv', 'a'], ['\0bad.csv', 'b']]); // a NUL in a name: the second write fails
    await expect(writeTree(dir, files)).rejects.toThrow();
    expect((await readdir(root)).filter((f) => f === dir.split('/').at(-1) || f.includes('.tmp-'))).toEqual([]);
  });
});

describe('writeScenarioWorkbook: scenario.xlsx readScenario reads back', () => {
  it('round trip through one workbook with a key,value policy sheet, in both languages', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, lang, async (scenario, l) => {
      const dir = fresh();
      await writeScenarioWorkbook(dir, scenario, { lang: l });
      const { scenario: back, warnings } = await readScenario(join(dir, 'scenario.xlsx'));
      expect(rowsOf(back)).toEqual(rowsOf(scenario));
      expect(warnings).toEqual([]);
    }), { numRuns: 20 });
  });

  it('policy sheet: dotted keys, text that looks like JSON quoted', () => {
    const rows = policyRows({ rotation: { min_share: 0.1, backbone_level: 'county' }, term: { start: '09-01' }, subjects: {}, odd: 'true', cap: null });
    expect(rows).toEqual([
      ['rotation.min_share', 0.1], ['rotation.backbone_level', 'county'], ['term.start', '09-01'], ['subjects', '{}'], ['odd', '"true"'], ['cap', 'null'],
    ]);
  });
});

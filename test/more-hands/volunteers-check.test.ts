/**
 * `rotation check` on a hand-edited plan.json with 银龄讲学 volunteers: each broken rule — county, age,
 * health, dates, subject, a post already filled, a volunteer twice — fails the check (exit 2) naming it;
 * a wrong subsidy is stale bookkeeping (a note, like the allowances).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check.js';
import { planCommand } from '../../src/cli/plan.js';
import type { Plan, VolunteerReport } from '../../src/domain/plan.js';
import { writeScenario } from '../../src/io/export/write-scenario.js';
import { commandRunner } from '../cli/run-commands.js';
import { volunteer, withVolunteers } from './volunteer-builders.js';

const rotation = commandRunner(planCommand, checkCommand);
const HEADER = 'volunteer_id,name,subject,qualified_subjects,birth_date,gender,county,available_from,available_to,health_ok,preferred_schools,backbone_level';

let dir = '';
let scenarioDir = '';
let made: Plan;
const json = (stdout: string) => JSON.parse(stdout) as { valid: boolean; violations: { rule: string; message: string }[]; notes: { rule: string; message: string }[] };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotation-volunteers-check-'));
  scenarioDir = join(dir, 'scenario');
  // Rotation fills R1's chinese post and leaves R1 music ×2 (priority 2) and R2 music ×1 (priority 1) open; W1 (瓯海区)
  // has no needs rows, so the staffing norms give its needs (music 1 among them) and rotation sends nobody there.
  const { volunteers: _v, ...s } = withVolunteers([volunteer('V1')]);
  await writeScenario(scenarioDir, s, { lang: 'en' });
  await writeFile(join(scenarioDir, 'volunteers.csv'), [
    HEADER,
    'V1,甲,music,,1959-05-01,F,鹿城区,,,yes,,',
    'V66,乙,music,,1953-08-31,F,鹿城区,,,yes,,', // 66 on 2019-09-01
    'VH,丙,music,,1959-05-01,F,鹿城区,,,no,,',
    'VD,丁,music,,1959-05-01,F,鹿城区,2020-09-01,2021-06-30,yes,,',
    'VW,戊,music,,1959-05-01,F,瓯海区,,,yes,,',
    'VA,己,art,,1959-05-01,F,鹿城区,,,yes,,',
    'VC,庚,chinese,,1959-05-01,F,鹿城区,,,yes,,',
  ].join('\n'));
  const out = join(dir, 'made');
  const run = await rotation('plan', scenarioDir, '--year', '2019', '--out', out, '--quiet', '--jobs', '1');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(2); // shortfalls: W1 (瓯海区, needs from the norms) gets nobody by rotation
  made = JSON.parse(await readFile(join(out, 'plan.json'), 'utf8')) as Plan;
}, 120_000);
afterAll(async () => { if (dir !== '') await rm(dir, { recursive: true, force: true }); });

/** Checks the made plan after `edit`, as `rotation check --json`. */
async function checkEdited(name: string, edit: (plan: Plan, row: (id: string) => VolunteerReport) => void) {
  const plan = structuredClone(made);
  edit(plan, (id) => plan.volunteers!.find((v) => v.volunteer_id === id)!);
  const folder = join(dir, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'plan.json'), JSON.stringify(plan, null, 2));
  const run = await rotation('check', scenarioDir, join(folder, 'plan.json'), '--json');
  return { code: run.code, ...json(run.stdout) };
}

/** Puts volunteer `id` on R1 music for the whole term at R1's tier-2 rate (what the planner would write). */
function placeOnR1(row: VolunteerReport): void {
  Object.assign(row, { to_school: 'R1', subject: 'music', start_date: '2019-09-01', end_date: '2020-08-31', tier: 2, months: 12, monthly: 1800, subsidy: 21600, not_placed: [] });
}

describe('rotation check on plan.json edited by hand: volunteers', () => {
  it('the made plan places V1 on R2 and VW on W1, the others not; it checks clean', async () => {
    expect(made.volunteers!.map((v) => [v.volunteer_id, v.to_school, v.not_placed.join()])).toEqual([
      ['V1', 'R2', ''], ['V66', null, 'age'], ['VH', null, 'health'], ['VD', null, 'dates'], ['VW', 'W1', ''], ['VA', null, 'no_open_gap'],
      ['VC', null, 'no_open_gap'],
    ]);
    const run = await checkEdited('same', () => {});
    expect(run).toMatchObject({ code: 0, violations: [], notes: [] });
  });

  const broken: [string, string, RegExp][] = [
    ['age', 'V66', /aged 66 on the term's first day, over volunteers.max_age 65/],
    ['health', 'VH', /health_ok is no/],
    ['dates', 'VD', /outside the term or the dates available/],
  ];
  for (const [rule, id, message] of broken) {
    it(`${rule}: ${id} placed on an open post anyway → exit 2, rule volunteers`, async () => {
      const run = await checkEdited(rule, (_p, row) => placeOnR1(row(id)));
      expect(run.code).toBe(2);
      expect(run.violations.filter((v) => v.rule === 'volunteers').map((v) => v.message)).toEqual([expect.stringMatching(message)]);
    });
  }

  it('county: V1 moved to a receiver of another county → exit 2', async () => {
    const run = await checkEdited('county', (_p, row) => Object.assign(row('V1'), { to_school: 'W1', tier: 2, monthly: 1800 }));
    expect(run.code).toBe(2);
    expect(run.violations.map((v) => v.message)).toContainEqual(expect.stringMatching(/serves in another county \(瓯海区, not 鹿城区\)/));
  });

  it('subject: VA (art) on a music post → exit 2', async () => {
    const run = await checkEdited('subject', (_p, row) => placeOnR1(row('VA')));
    expect(run.code).toBe(2);
    expect(run.violations.map((v) => v.message)).toEqual([expect.stringMatching(/does not teach music \(teaches art\)/)]);
  });

  it('a post already filled: VC (chinese) on R1 chinese, which rotation fills → exit 2', async () => {
    const run = await checkEdited('filled', (_p, row) => { placeOnR1(row('VC')); row('VC').subject = 'chinese'; });
    expect(run.code).toBe(2);
    expect(run.violations.map((v) => v.message)).toEqual([expect.stringMatching(/R1 \(R1\) chinese: 1 名志愿者 \(VC\)，轮岗后只缺 0 人 \/ 1 volunteers on 0 post\(s\) rotation leaves open: a volunteer on a post already filled/)]);
  });

  it('a post already filled: two music volunteers on R2 music, which has one open post → exit 2', async () => {
    // V66 is too old as well: both rules are named.
    const run = await checkEdited('over', (_p, row) => Object.assign(row('V66'), { ...row('V1'), volunteer_id: 'V66' }));
    expect(run.code).toBe(2);
    const messages = run.violations.map((v) => v.message);
    expect(messages).toContainEqual(expect.stringMatching(/R2 \(R2\) music: 2 名志愿者 \(V1、V66\).*a volunteer on a post already filled/));
    expect(messages).toContainEqual(expect.stringMatching(/aged 66/));
  });

  it('a volunteer not in volunteers.csv → exit 2', async () => {
    const run = await checkEdited('unknown', (plan, row) => { plan.volunteers!.push({ ...row('V1'), volunteer_id: 'VX', to_school: 'R1' }); });
    expect(run.code).toBe(2);
    expect(run.violations.map((v) => v.message)).toContainEqual(expect.stringMatching(/VX: 不在 volunteers.csv 中 \/ is not in volunteers.csv/));
  });

  it('a volunteer listed twice → exit 2', async () => {
    const run = await checkEdited('twice', (plan, row) => { plan.volunteers!.push({ ...row('V1') }); });
    expect(run.code).toBe(2);
    expect(run.violations.map((v) => v.message)).toContainEqual(expect.stringMatching(/V1\): 在 volunteers 中出现多次 \/ is listed more than once/));
  });

  it('a wrong subsidy is a note (bookkeeping, like the allowances): exit 0, the figure named', async () => {
    const run = await checkEdited('subsidy', (_p, row) => { row('V1').subsidy = 30000; });
    expect(run.code).toBe(0);
    expect(run.violations).toEqual([]);
    expect(run.notes.map((n) => n.message)).toEqual([
      expect.stringMatching(/volunteers V1: .*by count tier 3, 2000 a month, 24000.00/),
      expect.stringMatching(/volunteers V1: .*the allowances pay 24000.00, the subsidy is 30000/),
    ]);
  });

  it('the gap row\'s volunteers count left stale is a note', async () => {
    const run = await checkEdited('gaprow', (plan) => { for (const g of plan.gaps) g['volunteers'] = 0; });
    expect(run.code).toBe(0);
    expect(run.notes.map((n) => n.message)).toEqual([
      expect.stringMatching(/gaps R2 \(R2\) music: volunteers 计划写 0，实为 1 \/ volunteers is 0 in the plan, 1 by count/),
      expect.stringMatching(/gaps W1 \(W1\) music: volunteers 计划写 0，实为 1/),
    ]);
  });
});

/**
 * `rotation check` on hand-edited 走教 covers: a plan of a township (central school C with 8 spare music periods,
 * villages V and V2 lacking 6 each; V's two Chinese teachers also have periods to spare for V2) is made by `rotation plan`, then plan.json is edited to break one rule at a
 * time; check fails naming rule `itinerant` with the reason.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check.js';
import { planCommand } from '../../src/cli/plan.js';
import type { Plan } from '../../src/domain/plan.js';
import { writeScenario } from '../../src/io/export/write-scenario.js';
import { rural } from '../engine/builders.js';
import { commandRunner } from '../cli/run-commands.js';
import { township } from './township.js';

const rotation = commandRunner(planCommand, checkCommand);
let dir = '';
let scenarioDir = '';

const base = township();
const village = (id: string, extra: Parameters<typeof rural>[1]) => ({ ...rural(id, { classes: 3, students: 40, ...extra }), district: '南岙学区' });
const county = {
  ...base,
  schools: [
    ...base.schools,
    village('V2', { lat: 27.97, lon: 120.62 }),
    village('V3', { lat: 28.4, lon: 120.65 }), // 44 km north: beyond itinerant.max_distance_km (15)
    { ...village('V4', { lat: 28.02, lon: 120.64 }), county: '瓯海区' }, // the same district name in another county
    { ...village('W', { lat: 28.03, lon: 120.66 }), district: '北岙学区' },
  ],
};

async function plan(name: string, ...sets: string[]): Promise<string> {
  const out = join(dir, name);
  const run = await rotation('plan', scenarioDir, '--year', '2019', '--out', out, '--quiet', '--jobs', '1', ...sets.flatMap((s) => ['--set', s]));
  expect([0, 2], run.stderr).toContain(run.code); // 2: a plan with shortfalls (the villages lack many subjects)
  return out;
}

const read = async (folder: string) => JSON.parse(await readFile(join(folder, 'plan.json'), 'utf8')) as Plan;

/** plan.json of `folder` edited by `edit`, written beside it, and checked. */
async function checkEdited(folder: string, name: string, edit: (p: Plan) => void, ...sets: string[]) {
  const p = await read(folder);
  edit(p);
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(p, null, 2));
  const run = await rotation('check', scenarioDir, file, '--json', ...sets.flatMap((s) => ['--set', s]));
  return { code: run.code, ...(JSON.parse(run.stdout) as { valid: boolean; violations: { rule: string; message: string }[] }) };
}

let made = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotation-itinerant-'));
  scenarioDir = join(dir, 'township');
  await writeScenario(scenarioDir, county, { lang: 'zh' });
  made = await plan('made');
}, 120_000);
afterAll(async () => { if (dir !== '') await rm(dir, { recursive: true, force: true }); });

const itinerantMessages = (r: { violations: { rule: string; message: string }[] }) => r.violations.filter((v) => v.rule === 'itinerant').map((v) => v.message);

describe('rotation check on 走教 covers', () => {
  it('the plan as made: 8 spare periods of music cover V and V2 (6 + 2), the subsidy is paid, check passes', async () => {
    const p = await read(made);
    const music = p.itinerant!.covers.filter((c) => c.subject === 'music');
    expect(music.reduce((n, c) => n + c.periods, 0)).toBe(8);
    expect(new Set(music.map((c) => c.school_id))).toEqual(new Set(['V', 'V2']));
    expect(p.itinerant!.covers[0]).toMatchObject({ home_school: 'C', school_id: 'V', subject: 'music' });
    expect(p.itinerant!.stats).toMatchObject({ optimal: true });
    expect(p.allowances.filter((a) => a['itinerant'] === true)).toHaveLength(p.itinerant!.covers.length);
    const run = await rotation('check', scenarioDir, join(made, 'plan.json'), '--json');
    expect(run.code).toBe(0);
  });

  const cases: [string, (p: Plan) => void, RegExp][] = [
    ['more periods than the school has spare (and than V lacks)', (p) => { p.itinerant!.covers[0]!.periods += 3; }, /has 8 spare/],
    ['more periods than the receiver lacks', (p) => { for (const c of p.itinerant!.covers) if (c.school_id === 'V2') c.periods = 1; p.itinerant!.covers.find((c) => c.school_id === 'V')!.periods = 7; }, /lacks only 6 after the rotation/],
    ['a school of another district', (p) => { p.itinerant!.covers[0]!.school_id = 'W'; }, /not in one district \(南岙学区 \/ 北岙学区\)/],
    ['a school of another county', (p) => { p.itinerant!.covers[0]!.school_id = 'V4'; }, /crosses a county line/],
    ['beyond max_distance_km', (p) => { p.itinerant!.covers[0]!.school_id = 'V3'; }, /beyond itinerant.max_distance_km = 15/],
    ['a teacher who does not teach the subject there', (p) => { p.itinerant!.covers[0]!.teacher_id = 'C001'; }, /does not teach music at C this term/],
    ['a subsidy not owed', (p) => { const a = p.allowances.find((x) => x['itinerant'] === true)!; a.items['走教补贴'] = 1; a.total = 1; }, /the itinerant subsidy owed is/],
    ['a subsidy without a cover', (p) => { p.itinerant!.covers = p.itinerant!.covers.slice(1); }, /paid, but the plan has no such cover/],
  ];
  for (const [what, edit, expected] of cases) {
    it(`catches ${what}`, async () => {
      const r = await checkEdited(made, what.replaceAll(' ', '-'), edit);
      expect(r.code).not.toBe(0);
      expect(itinerantMessages(r).join('\n')).toMatch(expected);
    });
  }

  it('catches a teacher over itinerant.max_periods and over itinerant.max_schools', async () => {
    const six = await plan('six', 'itinerant.max_periods=6');
    // Every music cover given to CM1 (the subsidy rows with it): 6 + 2 periods at V and V2.
    const moved = (p: Plan) => {
      for (const c of p.itinerant!.covers) if (c.subject === 'music') c.teacher_id = 'CM1';
      for (const a of p.allowances) if (a['itinerant'] === true && a.teacher_id === 'CM2') a.teacher_id = 'CM1';
    };
    expect(itinerantMessages(await checkEdited(six, 'max-periods', moved)).join('\n')).toMatch(/8 periods a week, more than itinerant.max_periods = 6/);
    const one = await plan('one', 'itinerant.max_schools=1');
    expect(itinerantMessages(await checkEdited(one, 'max-schools', moved)).join('\n')).toMatch(/walks to 2 schools, more than itinerant.max_schools = 1/);
  }, 120_000);

  it('catches covers when 走教 is off (itinerant.enabled = false)', async () => {
    const r = await checkEdited(made, 'off', () => {}, 'itinerant.enabled=false');
    expect(itinerantMessages(r).join('\n')).toMatch(/走教 is off/);
  });
});

/**
 * `rotation serve`, the parts added to the round: several years planned in
 * turn from the page, decisions walked back, the solve off the main thread
 * with per-level progress, and the busy lock as a file shared by processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ServeOptions } from '../../src/server/app.js';
import { acquireLock, BusyError, LOCK_FILE, lockHolder } from '../../src/server/lock.js';

const json = async (r: Response | Promise<Response>): Promise<any> => (await r).json();
const DEMO = 'scenarios/lucheng-demo';
const root = resolve(import.meta.dirname, '../..');

interface Running { url: string; close: () => Promise<void>; dir: string }

async function start(options: Partial<ServeOptions> = {}, dir?: string): Promise<Running> {
  const ws = dir ?? await mkdtemp(join(tmpdir(), 'rotation-serve-'));
  const app = await buildServer({ workspace: ws, timeLimit: 60, ...options });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: address, dir: ws, close: async () => { await app.close(); if (dir === undefined) await rm(ws, { recursive: true, force: true }); } };
}

async function demoFiles(): Promise<{ name: string; data: string }[]> {
  const names = (await readdir(DEMO)).filter((f) => f.endsWith('.csv') || f === 'policy.json');
  return Promise.all(names.map(async (name) => ({ name, data: (await readFile(join(DEMO, name))).toString('base64') })));
}

/** A POST whose body is read at once (an unread body would hold its connection open past the server's close). */
async function post(url: string, body: unknown): Promise<Response> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return new Response(text, { status: res.status, headers: res.headers });
}

async function events(res: Response): Promise<{ event: string; data: any }[]> {
  const text = await res.text();
  return text.split('\n\n').filter((c) => c.trim() !== '').map((c) => ({ event: /^event: (.*)$/m.exec(c)![1]!, data: JSON.parse(/^data: (.*)$/m.exec(c)![1]!) }));
}

beforeAll(() => {
  // The plan job's worker runs compiled (dist/server/plan-job.js).
  spawnSync('npm', ['run', 'build:server'], { cwd: root, encoding: 'utf8' });
  expect(existsSync(join(root, 'dist', 'server', 'plan-job.js'))).toBe(true);
}, 300_000);

describe('rotation serve: years, walking back, progress', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start();
    expect((await post(`${s.url}/api/scenarios/demo/upload`, { files: await demoFiles() })).status).toBe(200);
  });
  afterAll(async () => { await s.close(); });

  it('plans 2018–2020 in turn as the CLI --years does: one version per year, per-year downloads, the summary', async () => {
    const res = await post(`${s.url}/api/scenarios/demo/plans`, { year: 2018, years: [2018, 2019, 2020] });
    expect(res.status).toBe(200);
    const ev = await events(res);
    expect(ev.filter((e) => e.event === 'start').map((e) => e.data.year)).toEqual([2018, 2019, 2020]);
    const done = ev.find((e) => e.event === 'done')!.data;
    expect(done.years.map((m: any) => [m.year, m.version, m.kind, m.check])).toEqual([[2018, 1, 'plan', 'passed'], [2019, 1, 'plan', 'passed'], [2020, 1, 'plan', 'passed']]);
    // The same plans as `rotation plan --years 2018-2020`.
    const out = await mkdtemp(join(tmpdir(), 'rotation-years-'));
    try {
      const cli = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'plan', DEMO, '--years', '2018-2020', '--out', out, '--quiet'], { encoding: 'utf8' });
      // 2: a year has a shortfall (the page shows the same shortfalls).
      expect([0, 2], cli.stderr).toContain(cli.status);
      for (const y of [2018, 2019, 2020]) {
        const page = await json(fetch(`${s.url}/api/scenarios/demo/years/${y}/versions/1/files/plan.json`));
        const mine = JSON.parse(await readFile(join(out, String(y), 'plan.json'), 'utf8'));
        const key = (p: any) => p.assignments.map((a: any) => `${a.teacher_id}>${a.to_school}:${a.subject}`).sort();
        expect(key(page)).toEqual(key(mine));
        const xlsx = await fetch(`${s.url}/api/scenarios/demo/years/${y}/versions/1/files/plan.xlsx`);
        expect(xlsx.status).toBe(200);
        expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
        expect(xlsx.headers.get('content-disposition')).toContain(`demo-${y}-v1-plan.xlsx`);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
    // A later year reads against its own input (2018's rotations in its history).
    const history2019 = await readFile(join(s.dir, 'demo', '2019', 'v1', 'input', 'history.csv'), 'utf8');
    const v2018 = await json(fetch(`${s.url}/api/scenarios/demo/years/2018/versions/1`));
    expect(history2019).toContain(v2018.plan.assignments[0].teacher_id);
    expect(JSON.parse(await readFile(join(s.dir, 'demo', '2018-2020', 'summary.json'), 'utf8')).totals).toHaveLength(3);
    const info = await json(fetch(`${s.url}/api/scenarios/demo`));
    expect(info.years).toEqual([2018, 2019, 2020]);
    const teacher = await fetch(`${s.url}/api/scenarios/demo/years/2020/versions/1/teachers/${v2018.plan.assignments[0].teacher_id}`);
    expect(teacher.status).toBe(200);
    // …so the teacher page of 2020 sees the 2018 rotation: within the cooldown, not eligible.
    expect((await json(teacher)).eligibility.eligible).toBe(false);
    // Refused: years not starting at year, not consecutive, or a replan of several years.
    for (const body of [{ year: 2019, years: [2018, 2019] }, { year: 2018, years: [2018, 2020] }, { year: 2018, years: [2018, 2019], mode: 'replan' }]) {
      expect((await post(`${s.url}/api/scenarios/demo/plans`, body)).status).toBe(400);
    }
  }, 300_000);

  it('replans a later year of a multi-year run from its own input with today\'s objections', async () => {
    // The demo's own objections were written against its single-year 2019 plan: walked back first (newest first).
    const before = await json(fetch(`${s.url}/api/scenarios/demo`));
    for (let i = before.objections.length - 1; i >= 0; i--) {
      expect((await post(`${s.url}/api/scenarios/demo/decisions/remove`, { type: 'objection', index: i, teacher_id: before.objections[i].teacher_id })).status).toBe(200);
    }
    const v = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1`));
    const moved = v.plan.assignments.find((a: any) => !a.pinned);
    expect((await post(`${s.url}/api/scenarios/demo/decisions`, { type: 'objection', teacher_id: moved.teacher_id, kind: 'keep', reason: '照顾老人' })).status).toBe(200);
    const ev = await events(await post(`${s.url}/api/scenarios/demo/plans`, { year: 2019, mode: 'replan' }));
    const done = ev.find((e) => e.event === 'done')?.data;
    expect(done, JSON.stringify(ev.at(-1))).toMatchObject({ year: 2019, version: 2, kind: 'replan', from: 1, check: 'passed' });
    const v2 = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/2`));
    expect(v2.plan.assignments.map((a: any) => a.teacher_id)).not.toContain(moved.teacher_id);
  }, 300_000);

  it('sends per-level progress from the worker; the server answers while it solves', async () => {
    // Read as it streams: while the plan runs off the main thread, other requests are answered (and see the scenario busy).
    const res = await fetch(`${s.url}/api/scenarios/demo/plans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ year: 2019 }) });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    let answeredDuring = false;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
      if (!answeredDuring && text.includes('event: level') && !text.includes('event: done')) {
        const info = await json(fetch(`${s.url}/api/scenarios/demo`));
        answeredDuring = info.busy !== null;
      }
    }
    expect(answeredDuring).toBe(true);
    const levels = text.split('\n\n').filter((c) => c.startsWith('event: level')).map((c) => JSON.parse(/^data: (.*)$/m.exec(c)![1]!));
    expect(levels.length).toBeGreaterThan(1);
    expect(levels[0]).toMatchObject({ year: 2019, county: '鹿城区', step: 1 });
    const n = levels[0].steps;
    expect(levels.map((l) => l.step)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(levels.every((l) => l.steps === n && Array.isArray(l.levels) && l.levels.length > 0)).toBe(true);
    // In words for the page: the first level of a plan is R1's shortfall.
    expect(levels[0].zh[0]).toBe('派出人数缺口（R1，越少越好）');
    expect(levels[0].en).toHaveLength(levels[0].levels.length);
    expect(text).toContain('event: done');
  }, 300_000);

  it('walks a lock and an objection back: removed from the input, logged with the time', async () => {
    expect((await post(`${s.url}/api/scenarios/demo/decisions`, { type: 'lock', teacher_id: 'T000001', action: 'keep', reason: '试一下' })).status).toBe(200);
    let info = await json(fetch(`${s.url}/api/scenarios/demo`));
    const li = info.locks.findIndex((l: any) => l.teacher_id === 'T000001' && l.action === 'keep');
    expect(li).toBeGreaterThanOrEqual(0);
    const locksBefore = info.locks.length;
    // The wrong teacher for the row: refused, nothing changes.
    expect((await post(`${s.url}/api/scenarios/demo/decisions/remove`, { type: 'lock', index: li, teacher_id: 'T999999' })).status).toBe(409);
    let res = await post(`${s.url}/api/scenarios/demo/decisions/remove`, { type: 'lock', index: li, teacher_id: 'T000001', reason: '误操作' });
    expect(res.status).toBe(200);
    info = await json(fetch(`${s.url}/api/scenarios/demo`));
    expect(info.locks).toHaveLength(locksBefore - 1);
    expect(info.locks.some((l: any) => l.teacher_id === 'T000001' && l.action === 'keep')).toBe(false);
    expect(info.objections.length).toBeGreaterThan(0);
    const oi = info.objections.length - 1;
    const objection = info.objections[oi];
    res = await post(`${s.url}/api/scenarios/demo/decisions/remove`, { type: 'objection', index: oi, teacher_id: objection.teacher_id });
    expect(res.status).toBe(200);
    info = await json(fetch(`${s.url}/api/scenarios/demo`));
    expect(info.objections).toHaveLength(oi);
    expect(await readFile(join(s.dir, 'demo', 'input', 'objections.csv'), 'utf8')).not.toContain(objection.teacher_id);
    const log = (await readFile(join(s.dir, 'demo', 'decisions.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const removed = log.filter((d) => d.type === 'lock_removed' || d.type === 'objection_removed').slice(-2);
    expect(removed.map((d) => d.type)).toEqual(['lock_removed', 'objection_removed']);
    expect(removed[0]).toMatchObject({ removed: { teacher_id: 'T000001', action: 'keep' }, reason: '误操作' });
    expect(Date.parse(removed[0].time)).not.toBeNaN();
    // The log is append-only: the decision itself is still there.
    expect(log.some((d) => d.type === 'lock' && d.teacher_id === 'T000001')).toBe(true);
    expect((await post(`${s.url}/api/scenarios/demo/decisions/remove`, { type: 'lock', index: 999, teacher_id: 'T000001' })).status).toBe(409);
  });

  it('the command line planning the workspace input takes the same lock: refused while the page works, planned after', async () => {
    const held = await acquireLock(join(s.dir, 'demo'), '编制计划 planning');
    const out = await mkdtemp(join(tmpdir(), 'rotation-cli-lock-'));
    try {
      const cli = () => spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'plan', join(s.dir, 'demo', 'input'), '--year', '2019', '--out', out, '--quiet'], { encoding: 'utf8' });
      const refused = cli();
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('the scenario is busy (编制计划 planning');
      expect(existsSync(join(out, 'plan.json'))).toBe(false);
      // The page's own requests are refused too, while the lock is held.
      expect((await post(`${s.url}/api/scenarios/demo/decisions`, { type: 'lock', teacher_id: 'T000001', action: 'keep', reason: 'x' })).status).toBe(409);
      await held.release();
      const planned = cli();
      expect([0, 2], planned.stderr).toContain(planned.status);
      expect(existsSync(join(out, 'plan.json'))).toBe(true);
      expect(existsSync(join(s.dir, 'demo', LOCK_FILE))).toBe(false);
    } finally {
      await held.release();
      await rm(out, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('rotation serve: the busy lock is a file in the scenario folder', () => {
  it('is taken atomically once, refused to a second taker, released; a stale lock of a dead pid is taken over', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotation-lock-'));
    try {
      const a = await acquireLock(dir, '编制计划 planning');
      const second = await acquireLock(dir, 'x').catch((e: unknown) => e);
      expect(second).toBeInstanceOf(BusyError);
      expect((second as BusyError).holder).toMatchObject({ pid: process.pid, what: '编制计划 planning' });
      expect((await lockHolder(dir))?.pid).toBe(process.pid);
      await a.release();
      expect(await lockHolder(dir)).toBeNull();
      // A pid that has ended: its lock is taken over and said so.
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
      const stale = { pid: Number(dead.stdout), host: (await import('node:os')).hostname(), what: 'planning', since: '2019-01-01T00:00:00Z' };
      await writeFile(join(dir, LOCK_FILE), JSON.stringify(stale));
      expect(await lockHolder(dir)).toBeNull();
      const b = await acquireLock(dir, 'uploading');
      expect(b.tookOver).toMatchObject({ pid: stale.pid });
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
      await b.release();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('two server processes on one workspace: the second is refused while the first plans', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'rotation-two-'));
    const here = await start({}, ws);
    // A second process holds the scenario's lock (as another `rotation serve` planning it would).
    const holder = spawn(process.execPath, ['--input-type=module', '-e', `
      import { acquireLock } from ${JSON.stringify(join(root, 'dist', 'server', 'lock.js'))};
      await acquireLock(${JSON.stringify(join(ws, 'demo'))}, '编制计划 planning');
      process.stdout.write('held\\n');
      setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((ok) => holder.stdout!.once('data', () => ok()));
      expect((await post(`${here.url}/api/scenarios/demo/upload`, { files: await demoFiles() })).status).toBe(409);
      const res = await post(`${here.url}/api/scenarios/demo/upload`, { files: await demoFiles() });
      const body = await json(res);
      expect(body.message).toContain(`pid ${holder.pid}`);
      expect(body.message).toMatch(/正在编制计划/);
      holder.kill();
      await new Promise((ok) => holder.once('exit', ok));
      // The holder died without releasing: the lock is stale and taken over, with a note in the log.
      expect((await post(`${here.url}/api/scenarios/demo/upload`, { files: await demoFiles() })).status).toBe(200);
      const log = (await readFile(join(ws, 'demo', 'decisions.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      expect(log.find((d) => d.type === 'lock_taken_over')).toMatchObject({ stale: { pid: holder.pid } });
      expect(existsSync(join(ws, 'demo', LOCK_FILE))).toBe(false);
    } finally {
      holder.kill();
      await here.close();
      await rm(ws, { recursive: true, force: true });
    }
  });
});

/**
 * `rotation serve` over HTTP: every route on a real listening server (port 0),
 * with the demo county — uploads good and bad, limits, traversal, token,
 * concurrent plans, decisions, replan, diff, suggest/apply, downloads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ServeOptions } from '../../src/server/app.js';
import { templateWorkbook } from '../../src/io/export/template.js';

/** A response's JSON body, typed loosely for the assertions. */
const json = async (r: Response | Promise<Response>): Promise<any> => (await r).json();
const DEMO = 'scenarios/lucheng-demo';

interface Running { url: string; close: () => Promise<void>; dir: string }

async function start(options: Partial<ServeOptions> = {}): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'rotation-serve-'));
  const app = await buildServer({ workspace: dir, timeLimit: 60, ...options });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: address, dir, close: async () => { await app.close(); await rm(dir, { recursive: true, force: true }); } };
}

async function demoFiles(): Promise<{ name: string; data: string }[]> {
  const names = (await readdir(DEMO)).filter((f) => f.endsWith('.csv') || f === 'policy.json');
  return Promise.all(names.map(async (name) => ({ name, data: (await readFile(join(DEMO, name))).toString('base64') })));
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Reads a server-sent-events answer to the end: the events in order. */
async function events(res: Response): Promise<{ event: string; data: any }[]> {
  const text = await res.text();
  return text.split('\n\n').filter((c) => c.trim() !== '').map((c) => ({
    event: /^event: (.*)$/m.exec(c)![1]!, data: JSON.parse(/^data: (.*)$/m.exec(c)![1]!),
  }));
}

async function plan(url: string, scenario: string, body: Record<string, unknown>) {
  const res = await post(`${url}/api/scenarios/${scenario}/plans`, body);
  return { res, events: res.status === 200 ? await events(res) : [], json: res.status === 200 ? undefined : await json(res) };
}

// Plans run on a worker thread from the compiled dist/server/plan-job.js.
beforeAll(() => { spawnSync('npm', ['run', 'build:server'], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8' }); }, 300_000);

function noStack(body: unknown) {
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
}

describe('rotation serve: the whole round over HTTP', () => {
  let s: Running;
  beforeAll(async () => { s = await start(); });
  afterAll(async () => { await s.close(); });

  it('uploads the demo CSV files and shows the scenario summary', async () => {
    const res = await post(`${s.url}/api/scenarios/demo/upload`, { files: await demoFiles() });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.teachers).toBeGreaterThan(100);
    const info = await json(fetch(`${s.url}/api/scenarios/demo?year=2019`));
    expect(info.summary.counties[0].county).toBe('鹿城区');
    expect(info.fields.find((f: any) => f.key === 'rotation.min_share').default).toBe(0.1);
    // The workspace holds the input as CSV files and an append-only log.
    expect((await readdir(join(s.dir, 'demo', 'input'))).sort()).toEqual(['history.csv', 'locks.csv', 'needs.csv', 'objections.csv', 'policy.json', 'schools.csv', 'teachers.csv']);
    const log = (await readFile(join(s.dir, 'demo', 'decisions.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(log.at(-1)).toMatchObject({ type: 'upload' });
    expect(log.at(-1).time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('refuses a broken upload with sheet/row/column/value and keeps the previous input', async () => {
    const files = await demoFiles();
    const teachers = files.find((f) => f.name === 'teachers.csv')!;
    const text = Buffer.from(teachers.data, 'base64').toString('utf8').replace('1972-04-12', '1972-13-45');
    const res = await post(`${s.url}/api/scenarios/demo/upload`, { files: files.map((f) => (f === teachers ? { name: f.name, data: Buffer.from(text).toString('base64') } : f)) });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.problems).toContainEqual(expect.objectContaining({ file: 'teachers.csv', row: 2, column: '出生日期 (D)', value: '1972-13-45' }));
    noStack(body);
    const input = await readFile(join(s.dir, 'demo', 'input', 'teachers.csv'), 'utf8');
    expect(input).toContain('1972-04-12');
  });

  it('plans with progress events, writes a version, and shows the result per county', async () => {
    const { res, events: ev } = await plan(s.url, 'demo', { year: 2019, set: ['rotation.min_share=0.1'] });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    // Per-level progress while the county solves (serve-round.test.ts looks at it), then the county, then the version.
    expect(ev.filter((e) => e.event !== 'level').map((e) => e.event)).toEqual(['start', 'county', 'done']);
    expect(ev.filter((e) => e.event === 'level').length).toBeGreaterThan(0);
    ev.splice(0, ev.length, ...ev.filter((e) => e.event !== 'level'));
    expect(ev[1]!.data).toMatchObject({ county: '鹿城区', done: 1, total: 1, status: 'optimal' });
    expect(ev[2]!.data).toMatchObject({ version: 1, kind: 'plan', year: 2019, check: 'passed', optimal: true });
    const v = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1`));
    expect(v.counties[0]).toMatchObject({ county: '鹿城区', optimal: true, rules: { R1: { met: true }, R2: { met: true }, R4: { met: true }, R5: { met: true } } });
    expect(v.counties[0].gaps_filled).toBe(v.plan.stats.gaps_filled);
    expect(v.files).toEqual(expect.arrayContaining(['plan.json', 'plan.xlsx']));
    expect(v.files.some((f: string) => f.endsWith('.csv'))).toBe(true);
    // The input the version was planned from is kept beside it (not offered as a download).
    expect(v.files).not.toContain('input');
    expect(await readdir(join(s.dir, 'demo', '2019', 'v1', 'input'))).toEqual(expect.arrayContaining(['teachers.csv', 'locks.csv', 'objections.csv']));
  });

  it('downloads plan.xlsx, plan.json and a CSV of a version; exceljs opens the workbook', async () => {
    const xlsx = await fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1/files/plan.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toContain('轮岗名单');
    const planJson = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1/files/plan.json`));
    expect(planJson.plan_year).toBe(2019);
    const v = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1`));
    const csv = v.files.find((f: string) => f.endsWith('.csv'));
    expect((await fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1/files/${encodeURIComponent(csv)}`)).status).toBe(200);
  });

  it('shows a teacher page (eligibility, points, why) and a school page', async () => {
    const v = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1`));
    const moved = v.plan.assignments[0];
    const t = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1/teachers/${moved.teacher_id}`));
    expect(t.eligibility.eligible).toBe(true);
    expect(t.assignment.reasons.length).toBeGreaterThan(0);
    expect(t.points.total).toBeGreaterThan(0);
    // An exempt or too-new teacher is not chosen, and the page says why.
    const kept = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1/teachers/T000001`));
    if (kept.assignment === null) expect(kept.why_not).toBeTruthy();
    const school = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1/schools/${moved.to_school}`));
    expect(school.arrives.map((a: any) => a.teacher_id)).toContain(moved.teacher_id);
    expect(school.receiver).toBe(true);
    expect((await fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1/teachers/NOPE`)).status).toBe(404);
    expect((await fetch(`${s.url}/api/scenarios/demo/years/2019/versions/9/teachers/T000001`)).status).toBe(404);
  });

  it('records a pin and an objection, refuses a decision that does not fit, replans and diffs', async () => {
    const v1 = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1`));
    const moved = v1.plan.assignments.find((a: any) => !a.pinned);
    // An objection: the moved teacher asks to stay.
    let res = await post(`${s.url}/api/scenarios/demo/decisions`, { type: 'objection', teacher_id: moved.teacher_id, kind: 'keep', reason: '家中有事' });
    expect(res.status).toBe(200);
    res = await post(`${s.url}/api/scenarios/demo/decisions`, { type: 'lock', teacher_id: 'NOBODY', action: 'pin', school_id: 'LC-P006', reason: 'x' });
    expect(res.status).toBe(422);
    const refused = await json(res);
    expect(refused.problems[0].file).toBe('locks.csv');
    expect(await readFile(join(s.dir, 'demo', 'input', 'locks.csv'), 'utf8')).not.toContain('NOBODY');
    res = await post(`${s.url}/api/scenarios/demo/decisions`, { type: 'lock', teacher_id: 'T1', action: 'sideways' });
    expect(res.status).toBe(400);
    const { events: ev } = await plan(s.url, 'demo', { year: 2019, mode: 'replan' });
    const done = ev.find((e) => e.event === 'done')!.data;
    expect(done).toMatchObject({ version: 2, kind: 'replan', from: 1, check: 'passed' });
    const v2 = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/2`));
    expect(v2.plan.assignments.map((a: any) => a.teacher_id)).not.toContain(moved.teacher_id);
    const diff = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/diff?a=1&b=2`));
    expect(diff.diff.teachers).toContainEqual(expect.objectContaining({ teacher_id: moved.teacher_id, kind: 'removed' }));
    expect(diff.sections.length).toBeGreaterThan(0);
    const log = await json(fetch(`${s.url}/api/scenarios/demo/decisions`));
    expect(log.decisions.map((d: any) => d.type)).toEqual(expect.arrayContaining(['upload', 'objection', 'plan', 'replan']));
  });

  it('suggests candidates for a post and applies one as a new version; restores an old version', async () => {
    const v = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/2`));
    const gap = v.plan.gaps.find((g: any) => g.unfilled > 0) ?? v.plan.gaps[0];
    const sug = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/2/suggest?school=${gap.school_id}&subject=${gap.subject}`));
    expect(Array.isArray(sug.candidates)).toBe(true);
    if (sug.candidates.length > 0) {
      const c = sug.candidates[0];
      const res = await post(`${s.url}/api/scenarios/demo/years/2019/versions/2/apply`, { teacher_id: c.teacher_id, to_school: c.to_school, subject: c.subject });
      expect(res.status).toBe(200);
      const applied = await json(res);
      expect(applied.meta).toMatchObject({ kind: 'manual', from: 2 });
    }
    const res = await post(`${s.url}/api/scenarios/demo/years/2019/restore`, { version: 1 });
    expect(res.status).toBe(200);
    const restored = await json(res);
    const back = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/${restored.meta.version}/files/plan.json`));
    const first = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1/files/plan.json`));
    expect(back.assignments).toEqual(first.assignments);
    expect((await fetch(`${s.url}/api/scenarios/demo/years/2019/versions/2/suggest?school=LC-P006&subject=nonsense`)).status).toBe(400);
  });

  it('refuses a second plan on the same scenario while one runs', async () => {
    const [a, b] = await Promise.all([
      post(`${s.url}/api/scenarios/demo/plans`, { year: 2019 }),
      post(`${s.url}/api/scenarios/demo/plans`, { year: 2019 }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    expect((await json(refused)).message).toMatch(/busy/);
    const ok = a.status === 200 ? a : b;
    expect((await events(ok)).at(-1)!.event).toBe('done');
    // A version directory is never half-written: every version has plan.json and meta.json.
    const versions = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions`));
    const numbers = versions.versions.map((v: any) => v.version);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('validates JSON bodies and answers without stack traces', async () => {
    for (const body of [{ year: 'soon' }, { year: 2019, set: ['no equals sign'] }, { year: 2019, extra: 1 }]) {
      const res = await post(`${s.url}/api/scenarios/demo/plans`, body);
      expect(res.status).toBe(400);
      noStack(await json(res));
    }
    const res = await fetch(`${s.url}/api/scenarios/demo/plans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"year": 20' });
    expect(res.status).toBe(400);
    noStack(await json(res));
    const replan = await plan(s.url, 'demo', { year: 2018, mode: 'replan' });
    expect(replan.events.at(-1)).toMatchObject({ event: 'failed' });
    expect((await fetch(`${s.url}/api/scenarios/nothing-here?year=2019`)).status).toBe(404);
  });

  it('keeps every request path inside the workspace', async () => {
    for (const path of [
      '/api/scenarios/..%2F..%2Fetc/years/2019/versions',
      '/api/scenarios/demo/years/2019/versions/1/files/..%2Fmeta.json',
      '/api/scenarios/demo/years/2019/versions/1/files/..%2F..%2F..%2Finput%2Fteachers.csv',
      '/api/scenarios/demo/years/2019/versions/1/files/meta.json',
      '/api/scenarios/demo/years/..%2F2019/versions/1',
      '/api/scenarios/demo/input/..%2F..%2Fdecisions.jsonl',
      '/api/scenarios/.hidden/years/2019/versions',
    ]) {
      const res = await fetch(`${s.url}${path}`);
      expect([400, 404], path).toContain(res.status);
      expect(await res.text(), path).not.toContain('教师编号');
    }
    const upload = await post(`${s.url}/api/scenarios/..%2Fescape/upload`, { files: await demoFiles() });
    expect(upload.status).toBe(400);
    // A zip entry named ../../x lands by its base name only.
    const zip = new JSZip();
    for (const f of await demoFiles()) zip.file(`../../${f.name}`, Buffer.from(f.data, 'base64'));
    const res = await post(`${s.url}/api/scenarios/zipped/upload`, { files: [{ name: 'demo.zip', data: (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })).toString('base64') }] });
    expect(res.status).toBe(200);
    expect(await readdir(join(s.dir, '..')).then((l) => l.includes('teachers.csv'))).toBe(false);
  });

  it('reads an old version against the input it was planned from, after a new upload', async () => {
    const v1 = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1`));
    const moved = v1.plan.assignments[0].teacher_id;
    const template = Buffer.from(await (await fetch(`${s.url}/api/template`)).arrayBuffer());
    expect((await post(`${s.url}/api/scenarios/demo/upload`, { files: [{ name: '模板.xlsx', data: template.toString('base64') }] })).status).toBe(200);
    const t = await json(fetch(`${s.url}/api/scenarios/demo/years/2019/versions/1/teachers/${moved}`));
    expect(t.assignment.teacher_id).toBe(moved);
    expect((await json(fetch(`${s.url}/api/scenarios/demo?year=2019`))).summary.teachers).toBe(1);
  });

  it('serves the template and reads a workbook upload', async () => {
    const res = await fetch(`${s.url}/api/template`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const up = await post(`${s.url}/api/scenarios/from-template/upload`, { files: [{ name: '模板.xlsx', data: bytes.toString('base64') }] });
    expect(up.status).toBe(200);
    expect((await json(up)).teachers).toBe(1);
  });
});

describe('rotation serve: limits', () => {
  let s: Running;
  beforeAll(async () => { s = await start({ limits: { maxBytes: 200_000, maxZipEntries: 10, maxExpandedBytes: 1_000_000, maxRows: 50 } }); });
  afterAll(async () => { await s.close(); });

  it('refuses an oversize body with 413', async () => {
    const res = await post(`${s.url}/api/scenarios/big/upload`, { files: [{ name: 'teachers.csv', data: Buffer.alloc(400_000, 65).toString('base64') }] });
    expect(res.status).toBe(413);
    noStack(await json(res));
  });

  it('refuses a zip bomb by its expanded size, and a zip with too many entries', async () => {
    const bomb = new JSZip();
    bomb.file('teachers.csv', Buffer.alloc(20_000_000, 48));
    const bytes = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bytes.length).toBeLessThan(100_000);
    let res = await post(`${s.url}/api/scenarios/bomb/upload`, { files: [{ name: 'bomb.zip', data: bytes.toString('base64') }] });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await json(res))).toMatch(/expands beyond/);
    const many = new JSZip();
    for (let i = 0; i < 20; i++) many.file(`f${i}.csv`, 'a\n');
    res = await post(`${s.url}/api/scenarios/many/upload`, { files: [{ name: 'many.zip', data: (await many.generateAsync({ type: 'nodebuffer' })).toString('base64') }] });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await json(res))).toMatch(/too many entries/);
    const xlsxBomb = await post(`${s.url}/api/scenarios/bomb/upload`, { files: [{ name: 'bomb.xlsx', data: bytes.toString('base64') }] });
    expect(xlsxBomb.status).toBe(422);
  });

  it('refuses too many rows and a file that is not a scenario file', async () => {
    const files = await demoFiles();
    let res = await post(`${s.url}/api/scenarios/rows/upload`, { files });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await json(res))).toMatch(/too many rows/);
    res = await post(`${s.url}/api/scenarios/rows/upload`, { files: [{ name: 'notes.txt', data: 'aGk=' }] });
    expect(res.status).toBe(422);
    res = await post(`${s.url}/api/scenarios/rows/upload`, { files: [{ name: 'x.xlsx', data: Buffer.from('not a zip').toString('base64') }] });
    expect(res.status).toBe(422);
  });
});

describe('rotation serve: token and host', () => {
  let s: Running;
  beforeAll(async () => { s = await start({ token: 'secret-token-123', allowedHosts: [] }); });
  afterAll(async () => { await s.close(); });

  it('answers 401 to every request without the token', async () => {
    for (const path of ['/api/info', '/api/scenarios', '/api/template', '/', '/index.html', '/api/scenarios/x/years/2019/versions/1/files/plan.xlsx']) {
      expect((await fetch(`${s.url}${path}`)).status, path).toBe(401);
    }
    expect((await post(`${s.url}/api/scenarios/x/upload`, { files: [] })).status).toBe(401);
    expect((await fetch(`${s.url}/api/info`, { headers: { 'x-rotation-token': 'wrong' } })).status).toBe(401);
    expect((await fetch(`${s.url}/api/info`, { headers: { 'x-rotation-token': 'secret-token-123' } })).status).toBe(200);
    expect((await fetch(`${s.url}/api/info?token=secret-token-123`)).status).toBe(200);
  });

  it('refuses a foreign Host header on loopback (DNS rebinding)', async () => {
    const loop = await start();
    try {
      const { request } = await import('node:http');
      const status = await new Promise<number>((done, fail) => {
        const u = new URL(`${loop.url}/api/info`);
        request({ host: u.hostname, port: u.port, path: u.pathname, headers: { host: 'evil.example:80' } }, (r) => { r.resume(); done(r.statusCode!); }).on('error', fail).end();
      });
      expect(status).toBe(421);
    } finally {
      await loop.close();
    }
  });
});

describe('template workbook', () => {
  it('round-trips through the reader, and names the empty sheets when the examples are deleted', async () => {
    const { readScenario } = await import('../../src/io/read/read-scenario.js');
    const dir = await mkdtemp(join(tmpdir(), 'rotation-template-'));
    try {
      for (const lang of ['zh', 'en'] as const) {
        const bytes = await templateWorkbook(lang);
        const path = join(dir, `t-${lang}.xlsx`);
        await (await import('node:fs/promises')).writeFile(path, bytes);
        const read = await readScenario(path, { optionalNeeds: true });
        expect(read.scenario.schools.map((x) => x.school_id)).toEqual(['S001', 'S002']);
        expect(read.scenario.teachers).toHaveLength(1);
        expect(read.scenario.needs).toHaveLength(1);
        expect(read.scenario.history).toHaveLength(1);
        expect(read.scenario.locks).toHaveLength(1);
        expect(read.scenario.objections).toHaveLength(1);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        const teachers = wb.getWorksheet(lang === 'zh' ? '教师' : 'teachers')!;
        // Drop-downs on the code columns, dates formatted as dates.
        const validations = (teachers as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
        expect(Object.values(validations).filter((v) => v.type === 'list').length).toBeGreaterThanOrEqual(5);
        expect(teachers.getColumn(4).numFmt).toBe('yyyy-mm-dd');
        expect(wb.getWorksheet(lang === 'zh' ? '说明' : 'notes')!.rowCount).toBeGreaterThan(40);
        // Delete the examples: the reader names the empty sheets.
        for (const ws of wb.worksheets) if (ws.state !== 'hidden' && ws.name !== (lang === 'zh' ? '说明' : 'notes')) for (let r = ws.rowCount; r >= 2; r--) ws.spliceRows(r, 1);
        const empty = join(dir, `empty-${lang}.xlsx`);
        await wb.xlsx.writeFile(empty);
        const err = await readScenario(empty, { optionalNeeds: true }).then(() => undefined, (e: Error) => e);
        expect(err?.message).toContain(lang === 'zh' ? '#学校' : '#schools');
        expect(err?.message).toContain(lang === 'zh' ? '#教师' : '#teachers');
        expect(err?.message).toContain('no data rows');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

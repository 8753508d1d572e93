/**
 * `rotation serve`: the HR review page's HTTP API (Fastify) and the built
 * single-page app. Every route calls the same core functions as the CLI:
 * readScenario, planYear, replanScenario, checkPlan, writePlanOutputs,
 * planDiff, suggestCandidates, applyMove. Safety: an optional token (header
 * `x-rotation-token`, or `?token=` for links) on every request, a Host check
 * against DNS rebinding, zod on every body and parameter, names checked
 * against the workspace, body and zip limits, no stack traces in answers.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { checkPlan } from '../check/check.js';
import { parsePlanText } from '../io/read/plan-json.js';
import { InputError, type InputProblem } from '../domain/errors.js';
import { BACKBONE_LEVELS, LOCK_ACTIONS, lookupCode, OBJECTION_KINDS, TITLES } from '../domain/codes.js';
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { subjectList } from '../domain/tables.js';
import { formatCsv } from '../io/export/csv.js';
import { diffSections } from '../io/export/diff-sheet.js';
import { scenarioTables } from '../io/export/scenario-rows.js';
import { templateWorkbook } from '../io/export/template.js';
import { writePlanOutputs } from '../io/export/write-plan.js';
import { writeTree } from '../io/export/write-tree.js';
import { eligibilityAll } from '../policy/eligibility.js';
import { summarize } from '../report/scenario-summary.js';
import { applyNeedsMode } from '../policy/norms.js';
import { termOf } from '../policy/term.js';
import { planDiff } from '../report/diff.js';
import { applyMove } from '../review/apply-move.js';
import { scenarioForCheck } from '../review/plan-locks.js';
import { suggestCandidates } from '../review/suggest.js';
import { scenarioForPlanNeeds } from '../pipeline.js';
import { acquireLock, BusyError, type LockHolder, lockHolder } from './lock.js';
import { JobError, type JobTask, runPlanJob } from './plan-job.js';
import { acceptUpload, changeInput, DEFAULT_LIMITS, inputFiles, objectionsCsv, readInput, type UploadLimits } from './upload.js';
import { countyResults, schoolView, teacherView } from './views.js';
import { fileName, PathError, scenarioName, type VersionMeta, versionSchema, Workspace, yearSchema } from './workspace.js';

export interface ServeOptions {
  readonly workspace: string;
  /** Required on every request when set. */
  readonly token?: string | undefined;
  /** Host names the Host header may carry (loopback names by default); empty = any. */
  readonly allowedHosts?: readonly string[];
  readonly limits?: Partial<UploadLimits>;
  /** The built page (dist/web); the API works without it. */
  readonly webDir?: string;
  /** Seconds per county for the solver. */
  readonly timeLimit?: number;
  /** The plan job's worker script (plan-job.js); the compiled one by default. */
  readonly jobWorker?: URL;
}

/** Answers with a status and a message for people; never a stack. */
class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly problems?: readonly InputProblem[]) { super(message); }
}

/** The policy figures the plan form offers, with the clause each comes from (defaults are read from the scenario). */
export const FORM_FIELDS: readonly { key: string; zh: string; en: string; clause: string }[] = [
  { key: 'rotation.min_share', zh: '派出比例下限 (R1)', en: 'minimum share sent (R1)', clause: '四(二)1' },
  { key: 'rotation.max_share', zh: '派出比例上限', en: 'maximum share sent', clause: '—' },
  { key: 'rotation.backbone_min_share', zh: '骨干教师比例下限 (R2)', en: 'minimum backbone share (R2)', clause: '四(二)1' },
  { key: 'eligibility.min_years_at_school', zh: '本校任教满年数', en: 'full years at the school', clause: '四(二)1' },
  { key: 'eligibility.cooldown_years', zh: '上次交流后间隔年数', en: 'years since the last rotation', clause: '四(二)1' },
  { key: 'assignment.max_distance_km', zh: '最远距离 (km，空 = 不限)', en: 'longest distance (km, empty = none)', clause: '—' },
  { key: 'assignment.max_extra_per_receiver', zh: '每校超编派入上限 (空 = 不限)', en: 'extras per receiver (empty = none)', clause: '—' },
  { key: 'assignment.title_horizon_years', zh: '职称申报提前年数', en: 'title horizon (years)', clause: '四(二)1 二' },
  { key: 'assignment.title_rural_months', zh: '职称所需乡村任教月数', en: 'rural months for a title', clause: '四(二)1 二' },
];

const setItem = z.string().regex(/^[a-z_]+(\.[a-z_0-9]+)+=.{0,200}$/, 'key=value, e.g. rotation.min_share=0.15');
const planBody = z.strictObject({
  year: yearSchema,
  /** Plan these years in turn (the CLI's --years), each year's rotations history for the next; mode plan only. The first must be `year`. */
  years: z.array(yearSchema).min(1).max(10).optional(),
  set: z.array(setItem).max(50).default([]),
  time_limit: z.number().positive().max(3600).optional(),
  mode: z.enum(['plan', 'replan']).default('plan'),
  /** replan: the provisional version (default: the latest fresh plan of the year). */
  from: versionSchema.optional(),
});
const uploadBody = z.strictObject({
  files: z.array(z.strictObject({ name: z.string().min(1).max(200), data: z.string().max(60 * 1048576) })).min(1).max(20),
});
const lockBody = z.strictObject({
  type: z.literal('lock'), teacher_id: z.string().min(1).max(64), action: z.enum(['pin', 'forbid', 'keep']),
  school_id: z.string().max(64).optional(), reason: z.string().max(500).default(''),
});
const objectionBody = z.strictObject({
  type: z.literal('objection'), teacher_id: z.string().min(1).max(64), kind: z.enum(['keep', 'not_to', 'to', 'swap']),
  school_id: z.string().max(64).optional(), other_teacher_id: z.string().max(64).optional(), reason: z.string().min(1).max(500),
});
const decisionBody = z.discriminatedUnion('type', [lockBody, objectionBody]);
const moveBody = z.strictObject({ teacher_id: z.string().min(1).max(64), to_school: z.string().min(1).max(64), subject: z.string().min(1).max(64) });
const restoreBody = z.strictObject({ version: versionSchema });
/** Walking a decision back: the row of locks.csv / objections.csv (0-based, as GET /api/scenarios/:s lists them), the teacher named to make sure. */
const removeBody = z.strictObject({
  type: z.enum(['lock', 'objection']), index: z.number().int().min(0).max(100000), teacher_id: z.string().min(1).max(64), reason: z.string().max(500).default(''),
});

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.csv': 'text/csv; charset=utf-8',
};

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]', '::1'];

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, `${what}: ${r.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
  return r.data;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Builds the server (not listening). */
export async function buildServer(options: ServeOptions): Promise<FastifyInstance> {
  const limits: UploadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const ws = new Workspace(options.workspace);
  await ws.init();
  // Base64 makes a file 4/3 its size; the JSON around it is small.
  const app = Fastify({ logger: false, bodyLimit: Math.ceil(limits.maxBytes * 4 / 3) + 65536 });
  /** Plan jobs running (stopped when the server closes). */
  const jobs = new Set<{ stop: () => Promise<void> }>();
  app.addHook('onClose', async () => { await Promise.all([...jobs].map((j) => j.stop())); });
  const timeLimit = options.timeLimit ?? 120;

  app.addHook('onRequest', async (req, reply) => {
    const allowed = options.allowedHosts ?? LOOPBACK_HOSTS;
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (allowed.length > 0 && !allowed.includes(host)) return reply.code(421).send({ message: `unexpected Host header ${host}` });
    if (options.token === undefined) return undefined;
    const query = (req.query as Record<string, string | undefined>)['token'];
    const header = req.headers['x-rotation-token'];
    if (!sameToken(typeof header === 'string' ? header : query, options.token)) {
      return reply.code(401).send({ message: '需要访问令牌 / a valid token is required (header x-rotation-token or ?token=)' });
    }
    return undefined;
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (err instanceof HttpError) return reply.code(err.status).send({ message: err.message, ...(err.problems ? { problems: err.problems } : {}) });
    if (err instanceof InputError) return reply.code(422).send({ message: '输入有误 / bad input', problems: err.problems });
    if (err instanceof PathError || err instanceof z.ZodError) return reply.code(400).send({ message: 'bad name in the request path' });
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ message: `文件过大 / the upload exceeds ${Math.round(limits.maxBytes / 1048576)} MB` });
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) return reply.code(err.statusCode).send({ message: err.message });
    process.stderr.write(`rotation serve: ${err.stack ?? err.message}\n`);
    return reply.code(500).send({ message: '服务器内部错误，详见服务器终端 / internal error: see the server\'s terminal' });
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.code(404).send({ message: 'no such route' });
    return sendStatic(req, reply, options.webDir);
  });

  const scenarioParam = (req: FastifyRequest) => parse(scenarioName, (req.params as Record<string, string>)['scenario'], 'scenario');
  const yearParam = (req: FastifyRequest) => parse(yearSchema, (req.params as Record<string, string>)['year'], 'year');
  const versionParam = (req: FastifyRequest) => parse(versionSchema, (req.params as Record<string, string>)['version'], 'version');

  async function needInput(name: string): Promise<void> {
    if (!await ws.hasInput(name)) throw new HttpError(404, `场景 ${name} 尚未上传 / no scenario ${name} uploaded yet`);
  }
  const busyMessage = (name: string, h: LockHolder | null) => (h === null
    ? `场景 ${name} 正忙，请稍后再试 / scenario ${name} is busy; try again when it is done`
    : `场景 ${name} 正在${h.what}（进程 ${h.pid}，${h.host}，${h.since} 起），请稍后再试 / scenario ${name} is busy (${h.what}, pid ${h.pid} on ${h.host} since ${h.since}); try again when it is done`);
  /**
   * One plan, upload or change at a time per scenario, across processes: the
   * lock file in the scenario's folder (lock.ts). A second is refused with a
   * message naming who holds it; a stale lock is taken over and logged.
   */
  async function lock(name: string, what: string): Promise<() => Promise<void>> {
    try {
      const held = await acquireLock(ws.scenarioDir(name), what);
      if (held.tookOver !== null) await ws.log(name, { type: 'lock_taken_over', what, stale: held.tookOver, note: `进程 ${held.tookOver.pid} 已不在运行，接管其遗留的锁 / pid ${held.tookOver.pid} no longer runs; its lock was taken over` });
      return held.release;
    } catch (err) {
      if (err instanceof BusyError) throw new HttpError(409, busyMessage(name, err.holder));
      throw err;
    }
  }
  async function withLock<T>(name: string, what: string, body: () => Promise<T>): Promise<T> {
    const release = await lock(name, what);
    try {
      return await body();
    } finally {
      await release();
    }
  }
  async function loadPlan(name: string, year: number, version: number): Promise<Plan> {
    const path = join(ws.versionDir(name, year, version), 'plan.json');
    const text = await readFile(path, 'utf8').catch(() => { throw new HttpError(404, `没有版本 v${version} / no version ${version} of ${year}`); });
    return parsePlanText(text, `${year}/v${version}/plan.json`);
  }
  /** The scenario a stored version is read against: its own policy overrides, needs and objection locks. */
  /** The input a version was planned from (kept beside it); a version without one reads today's input. */
  async function inputOf(name: string, year: number, version: number): Promise<string> {
    const snapshot = join(ws.versionDir(name, year, version), 'input');
    return stat(join(snapshot, 'schools.csv')).then(() => snapshot, () => ws.inputDir(name));
  }
  async function scenarioOf(name: string, plan: Plan, set: readonly string[], year: number, version: number): Promise<Scenario> {
    const read = await readInput(await inputOf(name, year, version), set);
    return scenarioForCheck(scenarioForPlanNeeds(read.scenario, plan, undefined), plan);
  }
  async function metaOf(name: string, year: number, version: number): Promise<VersionMeta> {
    const m = (await ws.versions(name, year)).find((v) => v.version === version);
    if (m === undefined) throw new HttpError(404, `没有版本 v${version} / no version ${version} of ${year}`);
    return m;
  }
  async function saveVersion(name: string, scenario: Scenario, plan: Plan, meta: Omit<VersionMeta, 'version' | 'created' | 'sent' | 'gaps_filled' | 'gaps_needed' | 'shortfalls' | 'optimal' | 'check'>, inputDir: string | Map<string, string> = ws.inputDir(name)): Promise<VersionMeta> {
    const version = await ws.nextVersion(name, meta.year);
    const full: VersionMeta = {
      ...meta, version, created: new Date().toISOString(), sent: plan.stats.sent, gaps_filled: plan.stats.gaps_filled,
      gaps_needed: plan.stats.gaps_needed, shortfalls: plan.shortfalls.length, optimal: plan.stats.optimal, check: String(plan.stats['check'] ?? ''),
    };
    const dir = ws.versionDir(name, meta.year, version);
    await writePlanOutputs(dir, { scenario, plan, lang: 'zh', csv: true });
    // The input the version was planned from goes beside it, so that an auditor (and the teacher and school pages) see what it saw.
    const input = new Map<string, string | Buffer>([['meta.json', `${JSON.stringify(full, null, 2)}\n`]]);
    if (typeof inputDir === 'string') for (const f of await readdir(inputDir)) input.set(`input/${f}`, await readFile(join(inputDir, f)));
    else for (const [f, text] of inputDir) input.set(`input/${f}`, text);
    await writeTree(dir, input);
    await ws.log(name, { type: meta.kind, year: meta.year, version, from: meta.from, ...(meta.years ? { years: meta.years } : {}), set: meta.set, note: meta.note, sent: full.sent, shortfalls: full.shortfalls, optimal: full.optimal, check: full.check });
    return full;
  }

  app.get('/api/info', async () => ({ token_required: options.token !== undefined, scenarios: await ws.scenarios(), fields: FORM_FIELDS }));

  app.get('/api/template', async (req, reply) => {
    const lang = parse(z.enum(['zh', 'en']).default('zh'), (req.query as Record<string, string>)['lang'], 'lang');
    const bytes = await templateWorkbook(lang);
    return reply.header('content-type', CONTENT_TYPES['.xlsx']!)
      .header('content-disposition', `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(lang === 'zh' ? '模板.xlsx' : 'template.xlsx')}`)
      .send(Buffer.from(bytes));
  });

  app.get('/api/scenarios', async () => ({ scenarios: await ws.scenarios() }));

  app.post('/api/scenarios/:scenario/upload', async (req) => {
    const name = scenarioParam(req);
    const body = parse(uploadBody, req.body, 'upload');
    const files = body.files.map((f) => ({ name: f.name, data: Buffer.from(f.data, 'base64') }));
    return withLock(name, '上传 uploading', async () => {
      try {
        const read = await acceptUpload(ws, name, files, limits);
        await ws.log(name, { type: 'upload', files: files.map((f) => ({ name: f.name, bytes: f.data.length })), teachers: read.scenario.teachers.length, schools: read.scenario.schools.length });
        return { scenario: name, warnings: read.warnings, schools: read.scenario.schools.length, teachers: read.scenario.teachers.length };
      } catch (err) {
        if (err instanceof InputError) {
          await ws.log(name, { type: 'upload_refused', files: files.map((f) => f.name), problems: err.problems.length });
          throw new HttpError(422, `上传的文件有 ${err.problems.length} 处问题，请改正后重新上传 / the upload has ${err.problems.length} problem(s); fix them and upload again`, err.problems);
        }
        throw err;
      }
    });
  });

  app.get('/api/scenarios/:scenario', async (req) => {
    const name = scenarioParam(req);
    await needInput(name);
    const year = parse(yearSchema.optional(), (req.query as Record<string, string>)['year'], 'year');
    const read = await readInput(ws.inputDir(name));
    const scenario = read.scenario;
    const years = await ws.years(name);
    const shownYear = year ?? years.at(-1) ?? new Date().getFullYear();
    const term = termOf(shownYear, scenario.policy);
    const applied = applyNeedsMode(scenario, term, 'auto').scenario;
    const summary = summarize(applied, term, eligibilityAll(applied, term));
    const get = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], scenario.policy);
    const versions = Object.fromEntries(await Promise.all(years.map(async (y) => [y, await ws.versions(name, y)] as const)));
    const subjects = subjectList(scenario.policy.subjects);
    return {
      name, warnings: read.warnings, summary, years, versions,
      fields: FORM_FIELDS.map((f) => ({ ...f, default: get(f.key) ?? null })),
      schools: scenario.schools.map((s) => ({ school_id: s.school_id, name: s.name, county: s.county, area: s.area })),
      subjects: subjects.codes.map((c) => ({ code: c, zh: (subjects.zh as Record<string, string>)[c] ?? c })),
      locks: scenario.locks, objections: scenario.objections ?? [],
      labels: { title: TITLES.zh, backbone: BACKBONE_LEVELS.zh, lock: LOCK_ACTIONS.zh, objection: OBJECTION_KINDS.zh },
      busy: (await lockHolder(ws.scenarioDir(name)))?.what ?? null,
    };
  });

  app.get('/api/scenarios/:scenario/decisions', async (req) => {
    const name = scenarioParam(req);
    return { decisions: await ws.decisions(name) };
  });

  app.post('/api/scenarios/:scenario/decisions', async (req) => {
    const name = scenarioParam(req);
    await needInput(name);
    const body = parse(decisionBody, req.body, 'decision');
    return withLock(name, '记录决定 recording a decision', async () => {
      const current = (await readInput(ws.inputDir(name))).scenario;
      let file: 'locks.csv' | 'objections.csv';
      let text: string;
      if (body.type === 'lock') {
        const table = scenarioTables(current, 'zh').locks;
        const row = [body.teacher_id, (LOCK_ACTIONS.zh as Record<string, string>)[body.action] ?? body.action, body.school_id ?? '', body.reason];
        file = 'locks.csv';
        text = formatCsv(table.headers, [...table.rows, row]);
      } else {
        const o = { teacher_id: body.teacher_id, kind: body.kind, school_id: body.school_id || null, other_teacher_id: body.other_teacher_id || null, reason: body.reason };
        file = 'objections.csv';
        text = objectionsCsv({ ...current, objections: [...(current.objections ?? []), o as never] });
      }
      try {
        await changeInput(ws, name, file, text);
      } catch (err) {
        if (err instanceof InputError) throw new HttpError(422, `这条决定与已有数据不符 / the decision does not fit the scenario`, err.problems);
        throw err;
      }
      await ws.log(name, { ...body });
      return { ok: true, file };
    });
  });

  /** Walking a decision back: a lock or an objection leaves the input; the log keeps both the decision and its removal. */
  app.post('/api/scenarios/:scenario/decisions/remove', async (req) => {
    const name = scenarioParam(req);
    await needInput(name);
    const body = parse(removeBody, req.body, 'remove');
    return withLock(name, '撤销决定 removing a decision', async () => {
      const current = (await readInput(ws.inputDir(name))).scenario;
      const list: readonly { teacher_id: string }[] = body.type === 'lock' ? current.locks : current.objections ?? [];
      const row = list[body.index];
      if (row === undefined || row.teacher_id !== body.teacher_id) {
        throw new HttpError(409, `第 ${body.index + 1} 条${body.type === 'lock' ? '锁定' : '异议'}不是教师 ${body.teacher_id} 的（列表已变，请刷新）/ ${body.type} ${body.index + 1} is not ${body.teacher_id}'s (the list has changed: reload)`);
      }
      let file: 'locks.csv' | 'objections.csv';
      let text: string;
      if (body.type === 'lock') {
        const table = scenarioTables(current, 'zh').locks;
        file = 'locks.csv';
        text = formatCsv(table.headers, table.rows.filter((_, i) => i !== body.index));
      } else {
        file = 'objections.csv';
        text = objectionsCsv({ ...current, objections: (current.objections ?? []).filter((_, i) => i !== body.index) });
      }
      await changeInput(ws, name, file, text);
      await ws.log(name, { type: body.type === 'lock' ? 'lock_removed' : 'objection_removed', removed: row, reason: body.reason });
      return { ok: true, file };
    });
  });

  /** The input tables the decisions change, for the page: locks and objections with their rows. */
  app.get('/api/scenarios/:scenario/input/:file', async (req, reply) => {
    const name = scenarioParam(req);
    const file = parse(z.enum(['locks.csv', 'objections.csv', 'schools.csv', 'teachers.csv', 'needs.csv', 'history.csv', 'policy.json']), (req.params as Record<string, string>)['file'], 'file');
    await needInput(name);
    const data = await readFile(join(ws.inputDir(name), file));
    return reply.header('content-type', CONTENT_TYPES[extname(file)]!).send(data);
  });

  app.post('/api/scenarios/:scenario/plans', async (req, reply) => {
    const name = scenarioParam(req);
    await needInput(name);
    const body = parse(planBody, req.body, 'plan');
    const years = body.years ?? [body.year];
    if (years[0] !== body.year || years.some((y, i) => i > 0 && y !== years[i - 1]! + 1)) {
      throw new HttpError(400, `plan: years 应从 year 起逐年连续 / years must be consecutive and start at year (${body.year})`);
    }
    if (body.mode === 'replan' && years.length > 1) throw new HttpError(400, 'plan: 重新编制一次只针对一年 / a replan is for one year');
    const release = await lock(name, body.mode === 'plan' ? '编制计划 planning' : '重新编制 replanning');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    let job: ReturnType<typeof runPlanJob> | undefined;
    try {
      const timeoutMs = (body.time_limit ?? timeLimit) * 1000;
      let task: JobTask;
      let from: number | null = null;
      if (body.mode === 'plan') {
        task = { kind: 'plan', input: ws.inputDir(name), set: body.set, years, timeoutMs };
      } else {
        const versions = await ws.versions(name, body.year);
        from = body.from ?? versions.filter((v) => v.kind === 'plan').at(-1)?.version ?? null;
        if (from === null) throw new HttpError(409, `${body.year} 年还没有暂定计划，请先编制 / there is no provisional plan for ${body.year} yet: plan first`);
        const provisional = await loadPlan(name, body.year, from);
        const fromMeta = await metaOf(name, body.year, from);
        // A later year of a multi-year run was planned from its own input (the earlier years as history): replanned from it, with today's decisions.
        const ownInput = fromMeta.years !== undefined && fromMeta.years[0] !== body.year;
        task = {
          kind: 'replan', set: body.set, year: body.year, timeoutMs, provisional,
          ...(ownInput ? { input: await inputOf(name, body.year, from), decisions: ws.inputDir(name) } : { input: ws.inputDir(name) }),
        };
      }
      const running = runPlanJob(task, send, options.jobWorker);
      job = running;
      jobs.add(running);
      const done = await running.result;
      const metas: VersionMeta[] = [];
      for (const y of done.years) {
        const own = years.length > 1 && y.year !== years[0] ? inputFiles(y.scenario) : undefined;
        const meta = body.mode === 'plan'
          ? { year: y.year, kind: 'plan' as const, set: body.set, from: null, note: years.length > 1 ? `${years[0]}–${years.at(-1)}` : '', ...(years.length > 1 ? { years } : {}) }
          : { year: y.year, kind: 'replan' as const, set: body.set, from, note: `${y.changes ?? 0} changes` };
        metas.push(await saveVersion(name, y.scenario, y.plan, meta, own));
      }
      if (done.summary !== null) {
        await writeTree(join(ws.scenarioDir(name), `${years[0]}-${years.at(-1)}`), new Map([['summary.json', `${JSON.stringify(done.summary, null, 2)}\n`]]));
      }
      send('done', metas.length === 1 ? metas[0] : { ...metas.at(-1), years: metas });
    } catch (err) {
      if (err instanceof JobError && err.problems !== undefined) send('failed', { message: '输入有误 / bad input', problems: err.problems });
      else if (err instanceof InputError) send('failed', { message: '输入有误 / bad input', problems: err.problems });
      else if (err instanceof HttpError) send('failed', { message: err.message });
      else {
        process.stderr.write(`rotation serve: ${(err instanceof JobError ? err.workerStack : undefined) ?? (err as Error).stack ?? String(err)}\n`);
        send('failed', { message: '服务器内部错误，详见服务器终端 / internal error: see the server\'s terminal' });
      }
    } finally {
      if (job !== undefined) jobs.delete(job);
      await release();
      res.end();
    }
  });

  app.get('/api/scenarios/:scenario/years/:year/versions', async (req) => {
    const name = scenarioParam(req);
    return { versions: await ws.versions(name, yearParam(req)) };
  });

  app.get('/api/scenarios/:scenario/years/:year/versions/:version', async (req) => {
    const name = scenarioParam(req);
    const year = yearParam(req);
    const version = versionParam(req);
    const meta = await metaOf(name, year, version);
    const plan = await loadPlan(name, year, version);
    const scenario = await scenarioOf(name, plan, meta.set, year, version);
    const names = new Map(scenario.teachers.map((t) => [t.teacher_id, t.name]));
    const schoolNames = new Map(scenario.schools.map((s) => [s.school_id, s.name]));
    return {
      meta, plan,
      counties: countyResults(scenario, plan),
      files: await ws.versionFiles(name, year, version),
      teacher_names: Object.fromEntries(names), school_names: Object.fromEntries(schoolNames),
    };
  });

  app.get('/api/scenarios/:scenario/years/:year/versions/:version/files/:file', async (req, reply) => {
    const name = scenarioParam(req);
    const year = yearParam(req);
    const version = versionParam(req);
    const file = parse(fileName, (req.params as Record<string, string>)['file'], 'file');
    const files = await ws.versionFiles(name, year, version);
    if (!files.includes(file)) throw new HttpError(404, `没有文件 ${file} / no such file`);
    const data = await readFile(join(ws.versionDir(name, year, version), file));
    const download = `${name}-${year}-v${version}-${file}`;
    return reply.header('content-type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename="plan${extname(file)}"; filename*=UTF-8''${encodeURIComponent(download)}`)
      .send(data);
  });

  app.get('/api/scenarios/:scenario/years/:year/versions/:version/teachers/:id', async (req) => {
    const name = scenarioParam(req);
    const year = yearParam(req);
    const version = versionParam(req);
    const id = parse(z.string().min(1).max(64), (req.params as Record<string, string>)['id'], 'teacher');
    const meta = await metaOf(name, year, version);
    const plan = await loadPlan(name, year, version);
    const view = teacherView(await scenarioOf(name, plan, meta.set, year, version), plan, id);
    if (view === undefined) throw new HttpError(404, `没有教师 ${id} / no teacher ${id}`);
    return view;
  });

  app.get('/api/scenarios/:scenario/years/:year/versions/:version/schools/:id', async (req) => {
    const name = scenarioParam(req);
    const year = yearParam(req);
    const version = versionParam(req);
    const id = parse(z.string().min(1).max(64), (req.params as Record<string, string>)['id'], 'school');
    const meta = await metaOf(name, year, version);
    const plan = await loadPlan(name, year, version);
    const view = schoolView(await scenarioOf(name, plan, meta.set, year, version), plan, id);
    if (view === undefined) throw new HttpError(404, `没有学校 ${id} / no school ${id}`);
    return view;
  });

  app.get('/api/scenarios/:scenario/years/:year/diff', async (req) => {
    const name = scenarioParam(req);
    const year = yearParam(req);
    const q = req.query as Record<string, string>;
    const a = parse(versionSchema, q['a'], 'a');
    const b = parse(versionSchema, q['b'], 'b');
    const lang = parse(z.enum(['zh', 'en']).default('zh'), q['lang'], 'lang');
    const later = await loadPlan(name, year, b);
    const diff = planDiff(await loadPlan(name, year, a), later);
    // The scenario only lends the names of teachers and schools to the tables (as `rotation diff` with a scenario would).
    const scenario = await scenarioOf(name, later, (await metaOf(name, year, b)).set, year, b).catch(() => undefined);
    const changes = (later as { changes?: unknown }).changes ?? [];
    return { a, b, diff, sections: diffSections(diff, lang, scenario), changes };
  });

  app.get('/api/scenarios/:scenario/years/:year/versions/:version/suggest', async (req) => {
    const name = scenarioParam(req);
    const year = yearParam(req);
    const version = versionParam(req);
    const q = req.query as Record<string, string>;
    const school = parse(z.string().min(1).max(64), q['school'], 'school');
    const meta = await metaOf(name, year, version);
    const plan = await loadPlan(name, year, version);
    const scenario = await scenarioOf(name, plan, meta.set, year, version);
    const subject = q['subject'] ? lookupCode(subjectList(scenario.policy.subjects), q['subject']) : undefined;
    if (q['subject'] && subject === undefined) throw new HttpError(400, `"${q['subject']}" 不是学科 / is not a subject`);
    if (!plan.gaps.some((g) => g.school_id === school) && !scenario.schools.some((s) => s.school_id === school)) throw new HttpError(404, `没有学校 ${school} / no school ${school}`);
    const candidates = suggestCandidates(scenario, plan, { school, ...(subject !== undefined ? { subject } : {}), limit: 10 });
    return { school, subject: subject ?? null, candidates };
  });

  app.post('/api/scenarios/:scenario/years/:year/versions/:version/apply', async (req) => {
    const name = scenarioParam(req);
    const year = yearParam(req);
    const version = versionParam(req);
    const move = parse(moveBody, req.body, 'move');
    return withLock(name, '调整计划 applying a move', async () => {
      const meta = await metaOf(name, year, version);
      const plan = await loadPlan(name, year, version);
      const scenario = await scenarioOf(name, plan, meta.set, year, version);
      if (!scenario.teachers.some((t) => t.teacher_id === move.teacher_id)) throw new HttpError(404, `没有教师 ${move.teacher_id} / no teacher ${move.teacher_id}`);
      if (!scenario.schools.some((s) => s.school_id === move.to_school)) throw new HttpError(404, `没有学校 ${move.to_school} / no school ${move.to_school}`);
      const moved = applyMove(scenario, plan, move);
      const violations = checkPlan(scenario, moved);
      moved.stats['check'] = violations.length === 0 ? 'passed' : `failed: ${violations.length} violation(s)`;
      const saved = await saveVersion(name, scenario, moved, { year, kind: 'manual', set: meta.set, from: version, note: `${move.teacher_id} → ${move.to_school} ${move.subject}` }, await inputOf(name, year, version));
      return { meta: saved, violations: violations.map((v) => `${v.rule}: ${v.message}`) };
    });
  });

  /** Walking the history back: an earlier version becomes the newest again (as a copy; versions are never changed). */
  app.post('/api/scenarios/:scenario/years/:year/restore', async (req) => {
    const name = scenarioParam(req);
    const year = yearParam(req);
    const body = parse(restoreBody, req.body, 'restore');
    return withLock(name, '恢复版本 restoring', async () => {
      const meta = await metaOf(name, year, body.version);
      const plan = await loadPlan(name, year, body.version);
      const scenario = await scenarioOf(name, plan, meta.set, year, body.version);
      const saved = await saveVersion(name, scenario, plan, { year, kind: meta.kind, set: meta.set, from: body.version, note: `restored from v${body.version}` }, await inputOf(name, year, body.version));
      return { meta: saved };
    });
  });

  return app;
}

/** The single-page app: files under webDir, index.html for every other path. */
async function sendStatic(req: FastifyRequest, reply: FastifyReply, webDir: string | undefined) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply.code(404).send({ message: 'no such route' });
  if (webDir === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('the page is not built: run npm run build');
  const root = resolve(webDir);
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let path = resolve(root, `.${url}`);
  if (path !== root && !path.startsWith(root + sep)) return reply.code(400).send({ message: 'path leaves the page folder' });
  const isFile = await stat(path).then((s) => s.isFile(), () => false);
  if (!isFile) path = join(root, 'index.html');
  const data = await readFile(path).catch(() => undefined);
  if (data === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('the page is not built: run npm run build');
  const cache = path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  return reply.header('content-type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream').header('cache-control', cache).send(data);
}

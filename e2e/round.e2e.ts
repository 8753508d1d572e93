/**
 * The demo county's whole round in a real browser (Debian's chromium, driven
 * by playwright-core): a broken workbook shows its error, the demo workbook
 * loads, plan, filter the list, open a teacher, pin a teacher and record an
 * objection, replan, see the diff, download plan.xlsx and open it with
 * exceljs. Screenshots of the main pages go to test-results/e2e/.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../src/io/read/read-scenario.js';
import { scenarioWorkbook } from '../src/io/export/write-scenario-xlsx.js';
import { buildServer } from '../src/server/app.js';

/** A response's JSON body, typed loosely for the assertions. */
const json = async (r: Response | Promise<Response>): Promise<any> => (await r).json();
const SHOTS = 'test-results/e2e';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let dir: string;
let url: string;
let close: () => Promise<void>;
let context: BrowserContext;
let page: Page;
let demoXlsx: string;
let brokenXlsx: string;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
/** An Element Plus input: the data-test attribute lands on the <input> itself. */
const field = (name: string) => page.locator(`input[data-test=${name}], [data-test=${name}] input`).first();
const tab = (name: string) => page.locator(`#tab-${name}`).click();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotation-e2e-'));
  await mkdir(SHOTS, { recursive: true });
  const { scenario } = await readScenario('scenarios/lucheng-demo');
  demoXlsx = join(dir, 'lucheng-demo.xlsx');
  await writeFile(demoXlsx, await scenarioWorkbook(scenario, { lang: 'zh' }));
  // The same workbook with one impossible birth date.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(demoXlsx);
  wb.getWorksheet('teachers')!.getCell('D2').value = '1972-13-45';
  brokenXlsx = join(dir, 'broken.xlsx');
  await wb.xlsx.writeFile(brokenXlsx);

  const app = await buildServer({ workspace: join(dir, 'ws'), webDir: 'dist/web', timeLimit: 60 });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  close = () => app.close();
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: process.env.ROTATION_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS, acceptDownloads: true,
    viewport: { width: 1360, height: 900 }, locale: 'zh-CN',
  });
  page = context.pages()[0] ?? await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await close?.();
  await rm(dir, { recursive: true, force: true });
});

describe('the HR round in the browser', () => {
  it('shows the validation error of a broken workbook, by sheet, row, column and value', async () => {
    await page.goto(url);
    await page.getByText('城乡教师交流轮岗').first().waitFor();
    await field('scenario-name').fill('lucheng-demo');
    await page.locator('.el-upload__input').setInputFiles(brokenXlsx);
    await page.locator('[data-test=upload]').click();
    const problems = page.locator('[data-test=problems]');
    await problems.waitFor();
    await expect.poll(() => problems.innerText(), { timeout: 20_000 }).toContain('1972-13-45');
    expect(await problems.innerText()).toContain('broken.xlsx#teachers');
    expect(await problems.innerText()).toContain('出生日期 (D)');
    await page.waitForTimeout(600);
    await shot('01-validation-error');
  });

  it('loads the demo workbook', async () => {
    await page.locator('.el-upload__input').setInputFiles(demoXlsx);
    await page.locator('[data-test=upload]').click();
    await page.locator('[data-test=loaded]').waitFor();
    expect(await page.locator('[data-test=problems]').count()).toBe(0);
    expect(await page.locator('[data-test=loaded]').innerText()).toContain('lucheng-demo');
    await page.waitForTimeout(600); // the file list's leave animation
    await shot('02-loaded');
  });

  it('plans and shows the result per county with charts', async () => {
    await tab('plan');
    await page.locator('[data-test=run-plan]').click();
    const results = page.locator('[data-test=county-results]');
    await results.waitFor({ timeout: 120_000 });
    const text = await results.innerText();
    expect(text).toContain('鹿城区');
    expect(text).toContain('满足');
    expect(await page.locator('[data-test=optimal]').innerText()).toContain('已证明最优');
    expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(3);
    await page.waitForTimeout(800); // the charts' entry animation
    await shot('03-result');
  });

  it('filters the list and opens a teacher page', async () => {
    await tab('list');
    const count = page.locator('[data-test=row-count]');
    await count.waitFor();
    const all = await count.innerText();
    const total = Number(all.split('/')[1]!.trim());
    expect(total).toBeGreaterThan(1);
    const first = (await page.locator('[data-test=assignments] tbody tr').first().locator('td').first().innerText()).trim();
    const id = first.split(/\s+/)[0]!;
    await field('filter-who').fill(id);
    await expect.poll(() => count.innerText(), { timeout: 20_000 }).toBe(`1 / ${total}`);
    await shot('04-list-filtered');
    await page.locator('[data-test=assignments] tbody tr').first().locator('td').first().locator('a, .el-link').first().click();
    const teacher = page.locator('[data-test=teacher-page]');
    await teacher.waitFor();
    expect(await teacher.innerText()).toContain('符合交流条件');
    await shot('05-teacher');
    await page.keyboard.press('Escape');
    await field('filter-who').fill('');
  });

  let pinned = '';
  let objecting = '';

  it('pins a teacher and records an objection', async () => {
    // Whom to pin: a teacher the plan does not send whom `suggest` finds for an open or needed post.
    const v = await json(fetch(`${url}/api/scenarios/lucheng-demo/years/2019/versions/1`));
    const sent = new Set(v.plan.assignments.map((a: any) => a.teacher_id));
    let target: { teacher_id: string; to_school: string } | undefined;
    for (const g of v.plan.gaps) {
      const s = await json(fetch(`${url}/api/scenarios/lucheng-demo/years/2019/versions/1/suggest?school=${g.school_id}&subject=${g.subject}`));
      target = s.candidates.find((c: any) => !sent.has(c.teacher_id) && c.currently === null);
      if (target) break;
    }
    expect(target).toBeDefined();
    pinned = target!.teacher_id;
    objecting = v.plan.assignments.find((a: any) => !a.pinned && a.teacher_id !== pinned).teacher_id;
    await tab('decide');
    await field('lock-teacher').fill(pinned);
    await page.locator('[data-test=lock-school]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: target!.to_school }).first().click();
    await field('lock-reason').fill('教育集团内交流');
    await page.locator('[data-test=save-lock]').click();
    await expect.poll(() => page.locator('[data-test=decision-log]').innerText(), { timeout: 20_000 }).toContain(pinned);
    await field('objection-teacher').fill(objecting);
    await field('objection-reason').fill('家中老人需照顾');
    await page.locator('[data-test=save-objection]').click();
    await expect.poll(() => page.locator('[data-test=decision-log]').innerText(), { timeout: 20_000 }).toContain(objecting);
    expect(await page.locator('[data-test=decide-error]').count()).toBe(0);
    await shot('06-decide');
  });

  it('replans and shows the diff', async () => {
    await page.locator('[data-test=replan]').click();
    const diff = page.locator('[data-test=diff]');
    await diff.waitFor({ timeout: 120_000 });
    const text = await diff.innerText();
    expect(text).toContain('v1 → v2');
    expect(text).toContain(pinned);
    expect(text).toContain(objecting);
    await shot('07-diff');
  });

  it('downloads the final workbook and exceljs opens it', async () => {
    await tab('history');
    const link = page.locator('[data-test="download-2-plan.xlsx"]');
    await link.waitFor();
    await shot('08-versions');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = join(dir, 'plan.xlsx');
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const list = wb.getWorksheet('轮岗名单')!;
    const ids: string[] = [];
    list.eachRow((row) => ids.push(String(row.getCell(1).value)));
    expect(ids).toContain(pinned);
    expect(ids).not.toContain(objecting);
    await page.locator('[data-test=side-by-side]').click();
    await page.waitForTimeout(300);
    await shot('09-side-by-side');
  });

  it('switches to English', async () => {
    await page.getByText('English', { exact: true }).click();
    await tab('result');
    await page.getByText('Proven optimal').first().waitFor();
    await page.waitForTimeout(800);
    await shot('10-result-en');
  });

  it('withdraws the objection (logged) and walks the history back to v1', async () => {
    await page.getByText('中文', { exact: true }).click();
    await tab('decide');
    const objections = page.locator('[data-test=objections]');
    await objections.waitFor();
    expect(await objections.innerText()).toContain(objecting);
    await page.locator(`[data-test=withdraw-objection-${objecting}]`).first().click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    await box.locator('input').fill('已与本人沟通，同意交流');
    await shot('11-withdraw-ask');
    await box.locator('.el-button--primary').click();
    await expect.poll(() => objections.innerText(), { timeout: 20_000 }).not.toContain(objecting);
    await expect.poll(() => page.locator('[data-test=decision-log]').innerText(), { timeout: 20_000 }).toContain('撤销异议');
    expect(await page.locator('[data-test=decision-log]').innerText()).toContain('已与本人沟通');
    await page.waitForTimeout(500);
    await shot('12-withdrawn');
    await tab('history');
    const versions = page.locator('[data-test=versions]');
    await versions.waitFor();
    const before = (await json(fetch(`${url}/api/scenarios/lucheng-demo/years/2019/versions`))).versions.length;
    await page.locator('[data-test=restore-1]').click();
    await expect.poll(async () => (await json(fetch(`${url}/api/scenarios/lucheng-demo/years/2019/versions`))).versions.length, { timeout: 90_000 }).toBe(before + 1);
    const newest = (await json(fetch(`${url}/api/scenarios/lucheng-demo/years/2019/versions`))).versions.at(-1);
    expect(newest).toMatchObject({ from: 1, note: 'restored from v1' });
    // The page shows the restored copy as the newest before another version is opened.
    await expect.poll(() => page.locator('header').innerText(), { timeout: 60_000 }).toContain(`v${newest.version}`);
    await page.locator('[data-test=open-2]').click();
    await expect.poll(() => page.locator('header').innerText(), { timeout: 20_000 }).toContain('v2');
    await page.waitForTimeout(300);
    await shot('13-history');
  });

  it('plans 2018–2020 in turn with progress, lists each year, downloads a year\'s workbook', async () => {
    await tab('plan');
    await page.locator('[data-test=year-all]').click();
    await page.locator('[data-test=run-plan]').click();
    // The per-level line shows while a county solves (the demo county is quick: a screenshot when it is caught).
    const levelLine = page.locator('[data-test=level-progress]');
    const runs = page.locator('[data-test=year-runs]');
    const caught = await levelLine.waitFor({ timeout: 60_000 }).then(() => true, () => false);
    if (caught) await shot('14-progress');
    await runs.waitFor({ timeout: 180_000 });
    const text = await runs.innerText();
    for (const y of ['2018', '2019', '2020']) expect(text).toContain(y);
    expect(text).toContain('passed');
    await page.waitForTimeout(300);
    await shot('15-years');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="year-download-2020-plan.xlsx"]').click()]);
    const path = join(dir, 'plan-2020.xlsx');
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.getWorksheet('轮岗名单')!.rowCount).toBeGreaterThan(1);
    await page.locator('[data-test=open-year-2020]').click();
    await page.locator('[data-test=county-results]').waitFor();
    await expect.poll(() => page.locator('header').innerText(), { timeout: 20_000 }).toContain('2020');
    await page.waitForTimeout(800);
    await shot('16-result-2020');
  });
});

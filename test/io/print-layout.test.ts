/**
 * The workbook HR prints, stamps and publishes (issue 16), on the bundled
 * demo as `npm start -- plan scenarios/lucheng-demo --year 2019` writes it:
 * page setup on every sheet, every word of a zh workbook in Chinese, the
 * charts as pictures, and — where LibreOffice is installed — the printed
 * page counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSchema } from '../../src/domain/plan.js';
import { planSheets } from '../../src/io/export/plan-sheets.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { sheetsWorkbookBuffer } from '../../src/io/export/workbook.js';
import { planReport } from '../../src/report/plan-report.js';
import { buildCli, DEMO, rotation } from '../cli/built-cli.js';

let dir = '';

beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'rotation-print-'));
  for (const lang of ['zh', 'en']) {
    const r = rotation('plan', DEMO, '--year', '2019', '--out', join(dir, lang), '--lang', lang, '--csv', '--quiet');
    expect(r.code, r.stderr).toBe(0);
  }
}, 180_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

async function workbook(lang: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(dir, lang, 'plan.xlsx')) as unknown as ArrayBuffer);
  return wb;
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const stringCells = (ws: ExcelJS.Worksheet): string[] => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') out.push(c.value); }));
  return out;
};

/** Three Latin words in a row (code names like "LC-P004", "needs.csv", "highs" or "R1" are no sentence). */
const ENGLISH_SENTENCE = /[A-Za-z]{2,}[ ,;:()]+[A-Za-z]{2,}[ ,;:()]+[A-Za-z]{2,}/;
/** JSON in a cell: an object or array, or a quoted key. */
const JSON_TEXT = /^\s*[[{]|"\s*:/;

describe('plan.xlsx print layout (demo, zh)', async () => {
  it('every sheet: A4 landscape, fit to one page wide, header row on every page, page header and footer', async () => {
    const wb = await workbook('zh');
    expect(wb.worksheets.length).toBe(12);
    for (const ws of wb.worksheets) {
      const p = ws.pageSetup;
      expect(p.orientation, ws.name).toBe('landscape');
      expect(p.paperSize, ws.name).toBe(9);
      expect(p.fitToPage, ws.name).toBe(true);
      expect(p.fitToWidth, ws.name).toBe(1);
      expect(p.fitToHeight, ws.name).toBe(0);
      const headerRow = ws.name === '公示' ? 4 : 1; // 公示: title, preamble, an empty row, then the table
      expect(p.printTitlesRow, ws.name).toBe(`${headerRow}:${headerRow}`);
      expect(p.margins?.left, ws.name).toBeLessThanOrEqual(0.5);
      expect(ws.headerFooter.oddHeader, ws.name).toBe(`&C&"-,Bold"&12鹿城区 2019 学年城乡教师交流轮岗 · ${ws.name}`);
      expect(ws.headerFooter.oddFooter, ws.name).toBe(`&L计划日期 2019-09-01&C第 &P 页，共 &N 页&R${ws.name}`);
    }
  });

  it('long text wraps in a column no wider than 40, and its row is tall enough; numeric headers are right-aligned', async () => {
    const ws = (await workbook('zh')).getWorksheet('轮岗名单')!;
    const header = ws.getRow(1).values as unknown[];
    const reasons = header.indexOf('理由');
    expect(ws.getColumn(reasons).width).toBeLessThanOrEqual(40);
    expect(ws.getCell(2, reasons).alignment?.wrapText).toBe(true);
    expect(ws.getRow(2).height).toBeGreaterThan(15);
    expect(ws.getCell(1, header.indexOf('优先分')).alignment?.horizontal).toBe('right');
    expect(ws.getCell(1, header.indexOf('姓名')).alignment?.horizontal).toBe('left');
  });

  it('no string cell of the zh workbook holds JSON or an English sentence', async () => {
    const wb = await workbook('zh');
    const bad: string[] = [];
    for (const ws of wb.worksheets) for (const s of stringCells(ws)) if (JSON_TEXT.test(s) || ENGLISH_SENTENCE.test(s)) bad.push(`${ws.name}: ${s}`);
    expect(bad).toEqual([]);
    // and the reasons are there, in Chinese
    const reasons = stringCells(wb.getWorksheet('轮岗名单')!).filter((s) => /优先分 \d/.test(s));
    expect(reasons.length).toBe(11);
    const notes = stringCells(wb.getWorksheet('说明')!);
    expect(notes).toContain('缺编来源');
    expect(notes.some((s) => s.startsWith('stats.'))).toBe(false);
    expect(notes).toContain('派出人数缺口（R1，越少越好）');
  });

  it('the en workbook has English reasons and notes, none of the catalogue\'s Chinese', async () => {
    const wb = await workbook('en');
    const reasons = stringCells(wb.getWorksheet('Assignments')!).filter((s) => s.includes('priority score'));
    expect(reasons.length).toBe(11);
    for (const s of reasons) expect(s).not.toMatch(/优先分|填补|缺编|距离/);
    expect(stringCells(wb.getWorksheet('Notes')!)).toContain('teachers short of the R1 quota (fewer is better)');
  });

  it('均衡, 学科缺口 and 津贴 carry their chart as a PNG picture of the drawn size', async () => {
    const wb = await workbook('zh');
    const expected: Record<string, [number, number]> = { 均衡: [900, 400], 学科缺口: [860, 380], 津贴: [760, 380] };
    for (const ws of wb.worksheets) {
      const images = ws.getImages();
      if (!(ws.name in expected)) {
        expect(images, ws.name).toEqual([]);
        continue;
      }
      expect(images).toHaveLength(1);
      const [w, h] = expected[ws.name]!;
      expect((images[0]!.range as unknown as { ext: object }).ext).toMatchObject({ width: w, height: h });
      const media = wb.getImage(Number(images[0]!.imageId));
      expect(media.extension).toBe('png');
      const png = Buffer.from(media.buffer as unknown as ArrayBuffer);
      expect(pngSize(png)).toEqual({ width: w, height: h });
      expect(png.length).toBeGreaterThan(10_000); // drawn, not blank
    }
  });

  it('公示: title, preamble, the list of the 11 teachers, then the objection window and contact from policy.json', async () => {
    const ws = (await workbook('zh')).getWorksheet('公示')!;
    expect(ws.getCell(1, 1).value).toBe('鹿城区 2019 学年城乡教师交流轮岗人员名单公示');
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(['序号', '姓名', '派出学校', '接收学校', '任教学科', '开始日期', '结束日期']);
    expect(ws.getCell(15, 1).value).toBe(11);
    const notes = stringCells(ws);
    expect(notes).toContain('公示期：自公示之日起 5 个工作日。');
    expect(notes.some((s) => s.startsWith('公示期间如有异议'))).toBe(true);
  });

  it('CSV file names have no spaces', () => {
    for (const lang of ['zh', 'en']) {
      const r = spawnSync('ls', [join(dir, lang)], { encoding: 'utf8' });
      const names = r.stdout.trim().split('\n').filter((n) => n.endsWith('.csv'));
      expect(names.length).toBe(12);
      for (const n of names) expect(n).not.toMatch(/\s/);
    }
    expect(existsSync(join(dir, 'en', 'Title_warnings.csv'))).toBe(true);
  });
});

/** LibreOffice on PATH, or null. */
const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0) ?? null;
if (soffice === null) console.log('print-layout: LibreOffice (soffice) is not installed, the printed page counts are not checked');

/** Pages of a PDF: its /Type /Page objects. */
const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

function toPdf(xlsx: string): Buffer {
  const profile = mkdtempSync(join(tmpdir(), 'rotation-lo-'));
  try {
    const r = spawnSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(xlsx, '..'), xlsx], { encoding: 'utf8', timeout: 240_000 });
    const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
    expect(existsSync(pdf), `${r.stdout}${r.stderr}`).toBe(true);
    return readFileSync(pdf);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

describe.skipIf(soffice === null)('plan.xlsx printed with LibreOffice (demo)', () => {
  it('the whole workbook prints on at most 15 pages, 轮岗名单 on one', async () => {
    expect(pdfPages(toPdf(join(dir, 'zh', 'plan.xlsx')))).toBeLessThanOrEqual(15);
    const { scenario } = await readScenario(DEMO);
    const plan = planSchema.parse(JSON.parse(readFileSync(join(dir, 'zh', 'plan.json'), 'utf8')));
    const sheets = planSheets({ scenario, plan, report: planReport(scenario, plan) }, 'zh').filter((s) => s.key === 'assignments');
    const one = join(dir, 'assignments.xlsx');
    writeFileSync(one, await sheetsWorkbookBuffer(sheets, 'zh', plan.period.start, { print: { county: '鹿城区', year: 2019, date: plan.period.start } }));
    expect(pdfPages(toPdf(one))).toBe(1);
  }, 300_000);
});

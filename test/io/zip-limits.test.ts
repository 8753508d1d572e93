/**
 * Issue 15: a workbook zip bomb is refused from its declared sizes, or from
 * its actual ones while it is expanded a chunk at a time — before exceljs
 * sees it — with the limit in plain words. The bombs are made here, a
 * megabyte at a time, and are a few hundred KB at most.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, InputError } from '../../src/domain/errors.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { checkWorkbookLimits, WORKBOOK_LIMITS } from '../../src/io/read/zip-limits.js';
import { buildZip, deflated, deflatedRepeat, type DeflatedEntry } from '../fixtures/tools/zip-writer.mjs';

const TMP = mkdtempSync(join(tmpdir(), 'rotation-zip-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const MB = 1024 * 1024;
const TYPES = { name: '[Content_Types].xml', ...deflated(Buffer.from('<Types/>')) };
/** 250 MB of spaces, deflated (about 250 KB). */
let spaces: DeflatedEntry;
beforeAll(async () => { spaces = await deflatedRepeat(Buffer.alloc(MB, 0x20), 250); }, 60_000);

const sheetXml = (rows: string): Buffer => Buffer.from(`<?xml version="1.0"?><worksheet><sheetData>${rows}</sheetData></worksheet>`);

describe('checkWorkbookLimits', () => {
  it('a real workbook passes, with its rows and cells counted', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('teachers');
    for (let r = 0; r < 30; r++) ws.addRow(['T', r, 'x']);
    const verdict = await checkWorkbookLimits(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(verdict.ok).toBe(true);
    expect(verdict.counts).toMatchObject({ maxSheetRows: 30, cells: 90 });
  });

  it('rows and cells are counted exactly across chunk boundaries, also with a namespace prefix', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><x:c r="B${i + 1}"/></row>`).join('');
    const prefixed = Array.from({ length: 7 }, () => '<x:row><x:c/></x:row>').join('');
    const zip = buildZip([TYPES, { name: 'xl/worksheets/sheet1.xml', ...deflated(sheetXml(rows)) }, { name: 'xl/worksheets/sheet2.xml', ...deflated(sheetXml(prefixed)) }]);
    const verdict = await checkWorkbookLimits(zip);
    expect(verdict).toMatchObject({ ok: true, counts: { maxSheetRows: 100_000, cells: 200_007 } });
  });

  it('a bomb that declares its size (250 MB of spaces in 250 KB) is refused before anything is expanded', async () => {
    const zip = buildZip([TYPES, { name: 'xl/sharedStrings.xml', ...spaces }]);
    expect(zip.length).toBeLessThan(MB);
    const verdict = await checkWorkbookLimits(zip);
    expect(verdict).toMatchObject({ ok: false, limit: 'expanded_bytes', counts: { expandedBytes: 0 } });
    if (!verdict.ok) expect(verdict.message).toContain('the workbook expands to more than 200 MB');
  });

  it('a bomb that lies about its size is stopped once it has expanded just past the limit, not at its full size', async () => {
    const zip = buildZip([TYPES, { name: 'xl/sharedStrings.xml', ...spaces, declared: 1000 }]);
    const verdict = await checkWorkbookLimits(zip);
    expect(verdict).toMatchObject({ ok: false, limit: 'expanded_bytes' });
    expect(verdict.counts.expandedBytes).toBeGreaterThan(WORKBOOK_LIMITS.maxExpandedBytes);
    expect(verdict.counts.expandedBytes).toBeLessThanOrEqual(WORKBOOK_LIMITS.maxExpandedBytes + 64 * 1024);
  });

  it('overlapping entries (one stored part, 300 names pointing at it) are counted once per name', async () => {
    const mb = await deflatedRepeat(Buffer.alloc(MB, 0x20), 1);
    const zip = buildZip([TYPES, { name: 'a.bin', ...mb }], Array.from({ length: 300 }, (_, i) => ({ name: `b${i}.bin`, sameAs: 'a.bin' })));
    expect(await checkWorkbookLimits(zip)).toMatchObject({ ok: false, limit: 'expanded_bytes' });
  });

  it('rows per sheet and cells have their own limits, named in plain words', async () => {
    const zip = buildZip([TYPES, { name: 'xl/worksheets/sheet1.xml', ...deflated(sheetXml('<row><c/><c/></row>'.repeat(11))) }]);
    const rows = await checkWorkbookLimits(zip, { ...WORKBOOK_LIMITS, maxRowsPerSheet: 10 });
    expect(rows).toMatchObject({ ok: false, limit: 'rows' });
    if (!rows.ok) expect(rows.message).toBe('工作表超过 10 行（Excel 的上限）/ a sheet has more than 10 rows, more than Excel allows (xl/worksheets/sheet1.xml)');
    const cells = await checkWorkbookLimits(zip, { ...WORKBOOK_LIMITS, maxCells: 21 });
    expect(cells).toMatchObject({ ok: false, limit: 'cells' });
    if (!cells.ok) expect(cells.message).toBe('工作簿超过 21 个单元格 / the workbook has more than 21 cells');
    expect(await checkWorkbookLimits(zip, { ...WORKBOOK_LIMITS, maxCells: 22, maxRowsPerSheet: 11 })).toMatchObject({ ok: true });
  });

  it('a path works as well as the bytes; a file larger than the limit is refused without being read', async () => {
    const path = join(TMP, 'bomb.xlsx');
    writeFileSync(path, buildZip([TYPES, { name: 'xl/sharedStrings.xml', ...spaces, declared: 1000 }]));
    expect(await checkWorkbookLimits(path)).toMatchObject({ ok: false, limit: 'expanded_bytes' });
    expect(await checkWorkbookLimits(path, { ...WORKBOOK_LIMITS, maxExpandedBytes: 1000 })).toMatchObject({ ok: false, limit: 'file_bytes', counts: { entries: 0 } });
  });

  it('what is not a zip, or is cut short, is damaged, not a crash', async () => {
    expect(await checkWorkbookLimits(Buffer.from('name,school\n'))).toMatchObject({ ok: false, limit: 'damaged' });
    const zip = buildZip([TYPES, { name: 'xl/worksheets/sheet1.xml', ...deflated(sheetXml('<row/>'.repeat(1000))) }]);
    const cut = Buffer.concat([zip.subarray(0, 60), Buffer.alloc(zip.length - 60)]);
    expect(await checkWorkbookLimits(cut)).toMatchObject({ ok: false, limit: 'damaged' });
  });
});

describe('readScenario on a zip bomb: an InputError naming the file and the limit (the issue: 18.8 s, 1.4 GB, "Invalid string length")', () => {
  it('a lying bomb of 250 MB', async () => {
    const path = join(TMP, 'county.xlsx');
    writeFileSync(path, buildZip([TYPES, { name: 'xl/workbook.xml', ...deflated(Buffer.from('<workbook/>')) }, { name: 'xl/sharedStrings.xml', ...spaces, declared: 1000 }]));
    const err = await readScenario(path).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map(formatProblem)).toEqual([
      'county.xlsx: 工作簿展开后超过 200 MB（可能是"压缩炸弹"或损坏的文件）/ the workbook expands to more than 200 MB (a zip bomb or a damaged file?) (xl/sharedStrings.xml)',
    ]);
  });
});

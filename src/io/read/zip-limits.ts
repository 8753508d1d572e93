/**
 * Size limits of a workbook (.xlsx, a zip of XML parts), checked before any
 * spreadsheet library sees it. A zip bomb — a small file whose parts expand
 * to gigabytes, or claim to — is refused from its declared sizes at once, or
 * from its actual ones while it is being expanded, a chunk at a time, so it
 * never costs more memory than one chunk. The same check guards every way a
 * workbook comes in: `readScenario` and the review page's uploads.
 *
 * @example
 * const verdict = await checkWorkbookLimits('county.xlsx');
 * if (!verdict.ok) console.error(verdict.message); // "…展开后超过 200 MB / … expands to more than 200 MB …"
 */
import { readFile, stat } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { type CentralEntry, centralDirectory, entryBytes, zipEnd, ZipFormatError } from './zip-directory.js';

export interface WorkbookLimits {
  /** Bytes of all parts together once expanded (declared and actual). */
  readonly maxExpandedBytes: number;
  /** Parts (files) inside the zip. */
  readonly maxEntries: number;
  /** Rows of one worksheet: Excel's own limit. */
  readonly maxRowsPerSheet: number;
  /** Cells of all worksheets together (each costs the reader several hundred bytes of memory). */
  readonly maxCells: number;
}

/**
 * The defaults: 200 MB expanded, 10,000 parts, 1,048,576 rows a sheet (as
 * Excel), 2,000,000 cells (the whole of Wenzhou, ~58,000 teachers × 17
 * columns, is about 1,000,000).
 */
export const WORKBOOK_LIMITS: WorkbookLimits = {
  maxExpandedBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxRowsPerSheet: 1_048_576,
  maxCells: 2_000_000,
};

/** Which limit a workbook broke; `damaged` when it is not a zip we can read at all. */
export type WorkbookLimit = 'file_bytes' | 'expanded_bytes' | 'entries' | 'rows' | 'cells' | 'damaged';

/** What was counted (up to the point where a limit was hit). */
export interface WorkbookCounts {
  readonly entries: number;
  /** Sum of the sizes the zip declares for its parts. */
  readonly declaredBytes: number;
  /** Bytes actually expanded. */
  readonly expandedBytes: number;
  /** Rows of the largest worksheet. */
  readonly maxSheetRows: number;
  readonly cells: number;
}

export type WorkbookVerdict =
  | { readonly ok: true; readonly counts: WorkbookCounts }
  /** `message`: the limit in plain words, Chinese / English, ready to show a user. */
  | { readonly ok: false; readonly limit: WorkbookLimit; readonly message: string; readonly counts: WorkbookCounts };

/** A worksheet part, where rows and cells are counted. */
const WORKSHEET = /(^|\/)worksheets\/[^/]+\.xml$/i;
/** `<row …>` and `<c …>` with an optional namespace prefix (`<x:row>`); the tail kept between chunks is longer than any match. */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]{0,15}:)?row[\s/>]/g;
const CELL_TAG = /<(?:[A-Za-z_][\w.-]{0,15}:)?c[\s/>]/g;
const TAIL = 24;

class LimitHit extends Error {
  constructor(readonly limit: WorkbookLimit, message: string) {
    super(message);
  }
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
const n = (x: number): string => x.toLocaleString('en-US');

/** The plain-words message of each limit. */
function limitMessage(limit: WorkbookLimit, limits: WorkbookLimits, detail = ''): string {
  switch (limit) {
    case 'file_bytes':
    case 'expanded_bytes':
      return `工作簿展开后超过 ${mb(limits.maxExpandedBytes)}（可能是"压缩炸弹"或损坏的文件）/ the workbook expands to more than ${mb(limits.maxExpandedBytes)} (a zip bomb or a damaged file?)${detail}`;
    case 'entries':
      return `工作簿内部文件超过 ${n(limits.maxEntries)} 个 / the workbook holds more than ${n(limits.maxEntries)} parts${detail}`;
    case 'rows':
      return `工作表超过 ${n(limits.maxRowsPerSheet)} 行（Excel 的上限）/ a sheet has more than ${n(limits.maxRowsPerSheet)} rows, more than Excel allows${detail}`;
    case 'cells':
      return `工作簿超过 ${n(limits.maxCells)} 个单元格 / the workbook has more than ${n(limits.maxCells)} cells${detail}`;
    case 'damaged':
      return `工作簿已损坏，无法读取 / the workbook is damaged and cannot be read${detail}`;
  }
}

/** The central directory's entries. Throws LimitHit('damaged') when it cannot be read. */
function entriesOf(buf: Buffer, limits: WorkbookLimits): CentralEntry[] {
  const end = zipEnd(buf);
  if (end === null) throw new LimitHit('damaged', limitMessage('damaged', limits, ': 不是 zip 格式 / not a zip file'));
  // 0xFFFF entries means a zip64 directory: more parts than any workbook needs.
  if (end.count === 0xffff || end.count > limits.maxEntries) throw new LimitHit('entries', limitMessage('entries', limits));
  try {
    return centralDirectory(buf, end);
  } catch (err) {
    if (err instanceof ZipFormatError) throw new LimitHit('damaged', limitMessage('damaged', limits));
    throw err;
  }
}

/** The compressed bytes of one entry. */
function entryData(buf: Buffer, e: CentralEntry, limits: WorkbookLimits): Buffer {
  try {
    return entryBytes(buf, e);
  } catch (err) {
    if (err instanceof ZipFormatError) throw new LimitHit('damaged', limitMessage('damaged', limits, `: ${e.name}`));
    throw err;
  }
}

/** The expanded bytes of one entry, a chunk at a time; stops (and frees the inflater) as soon as the caller stops. */
async function* expanded(data: Buffer, e: CentralEntry, limits: WorkbookLimits): AsyncGenerator<Buffer> {
  if (e.method === 0) {
    yield data;
    return;
  }
  if (e.method !== 8) throw new LimitHit('damaged', limitMessage('damaged', limits, `: ${e.name} (compression method ${e.method})`));
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(data);
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } catch (err) {
    if (err instanceof LimitHit) throw err;
    throw new LimitHit('damaged', limitMessage('damaged', limits, `: ${e.name} (${(err as Error).message})`));
  } finally {
    inflater.destroy();
  }
}

/** Counts matches of `pattern` in a stream of text chunks, none twice, none split between chunks. */
class TagCounter {
  private tail = '';
  count = 0;

  constructor(private readonly pattern: RegExp) {}

  /** Feeds a chunk; `last` counts what is left in the tail too. */
  feed(chunk: string, last = false): void {
    const text = this.tail + chunk;
    const cut = last ? text.length : Math.max(0, text.length - TAIL);
    for (const m of text.matchAll(this.pattern)) if (m.index < cut) this.count++;
    this.tail = text.slice(cut);
  }
}

/**
 * Checks a workbook against the limits: first the sizes its zip declares,
 * then the bytes, rows and cells it actually expands to. Never throws for a
 * bad workbook: the verdict says which limit it broke, in plain words.
 * `source` is the file's bytes or its path (a path is not read when the file
 * alone is over the byte limit).
 */
export async function checkWorkbookLimits(source: Uint8Array | string, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<WorkbookVerdict> {
  const counts = { entries: 0, declaredBytes: 0, expandedBytes: 0, maxSheetRows: 0, cells: 0 };
  try {
    // Stored parts are at least as large as they are on disk, so a bigger file cannot be within the limit.
    if (typeof source === 'string' && (await stat(source)).size > limits.maxExpandedBytes) throw new LimitHit('file_bytes', limitMessage('file_bytes', limits));
    const bytes = typeof source === 'string' ? await readFile(source) : source;
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entries = entriesOf(buf, limits);
    counts.entries = entries.length;
    counts.declaredBytes = entries.reduce((sum, e) => sum + e.declared, 0);
    if (counts.declaredBytes > limits.maxExpandedBytes) {
      throw new LimitHit('expanded_bytes', limitMessage('expanded_bytes', limits, ` (${n(counts.declaredBytes)} bytes declared)`));
    }
    for (const e of entries) await countEntry(buf, e, limits, counts);
    return { ok: true, counts };
  } catch (err) {
    if (!(err instanceof LimitHit)) throw err;
    return { ok: false, limit: err.limit, message: err.message, counts };
  }
}

/** Expands one entry, adding to `counts`, and stops at the first limit it breaks. */
async function countEntry(buf: Buffer, e: CentralEntry, limits: WorkbookLimits,
  counts: { expandedBytes: number; maxSheetRows: number; cells: number }): Promise<void> {
  const sheet = WORKSHEET.test(e.name);
  const rows = new TagCounter(ROW_TAG);
  const cells = new TagCounter(CELL_TAG);
  const cellsBefore = counts.cells;
  const check = (): void => {
    if (counts.expandedBytes > limits.maxExpandedBytes) throw new LimitHit('expanded_bytes', limitMessage('expanded_bytes', limits, ` (${e.name})`));
    counts.maxSheetRows = Math.max(counts.maxSheetRows, rows.count);
    counts.cells = cellsBefore + cells.count;
    if (rows.count > limits.maxRowsPerSheet) throw new LimitHit('rows', limitMessage('rows', limits, ` (${e.name})`));
    if (counts.cells > limits.maxCells) throw new LimitHit('cells', limitMessage('cells', limits));
  };
  for await (const chunk of expanded(entryData(buf, e, limits), e, limits)) {
    counts.expandedBytes += chunk.length;
    if (sheet) {
      const text = chunk.toString('latin1'); // tags are ASCII; no byte of a UTF-8 sequence looks like '<'
      rows.feed(text);
      cells.feed(text);
    }
    check();
  }
  if (sheet) {
    rows.feed('', true);
    cells.feed('', true);
    check();
  }
}

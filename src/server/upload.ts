/**
 * An upload (one .xlsx, the CSV files, or a .zip of them) → a checked
 * scenario in the workspace. The files are read by the CLI's own reader
 * (readScenario) from a staging folder; only a scenario without problems
 * replaces the scenario's input, so a failed upload leaves the old one.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { InputError } from '../domain/errors.js';
import { OBJECTION_KINDS } from '../domain/codes.js';
import type { Scenario } from '../domain/scenario.js';
import { COLUMNS, TABLE_NAMES } from '../domain/tables.js';
import { formatCsv } from '../io/export/csv.js';
import { readScenario, type ReadResult } from '../io/read/read-scenario.js';
import { scenarioFiles } from '../io/export/write-scenario.js';
import { writeTree } from '../io/export/write-tree.js';
import { checkWorkbookLimits, WORKBOOK_LIMITS } from '../io/read/zip-limits.js';
import { readZip } from '../io/read/zip-read.js';
import type { Workspace } from './workspace.js';

export interface UploadLimits {
  /** Bytes of one request body (checked by the server), and of the files together. */
  readonly maxBytes: number;
  /** Data rows of all tables together. */
  readonly maxRows: number;
  readonly maxZipEntries: number;
  readonly maxExpandedBytes: number;
}

export const DEFAULT_LIMITS: UploadLimits = { maxBytes: 30 * 1048576, maxRows: 200_000, maxZipEntries: 2_000, maxExpandedBytes: 300 * 1048576 };

export interface UploadFile { readonly name: string; readonly data: Buffer }

/** The files a scenario folder may hold; anything else in a zip is left out with a warning. */
const KNOWN = new Set([...TABLE_NAMES.map((t) => `${t}.csv`), 'objections.csv', 'volunteers.csv', 'policy.json']);

const problem = (file: string, message: string) => new InputError([{ file, message }]);

/** Rows of a CSV text (lines, roughly: an upper bound checked before parsing). */
const lineCount = (data: Buffer) => { let n = 0; for (const b of data) if (b === 10) n++; return n; };

/** Writes the upload into `staging` as a scenario folder (CSV) or `scenario.xlsx`; returns the path to read and warnings. */
async function stage(staging: string, files: readonly UploadFile[], limits: UploadLimits): Promise<{ path: string; warnings: string[] }> {
  const warnings: string[] = [];
  if (files.length === 0) throw problem('upload', '没有文件 / no file was uploaded');
  const total = files.reduce((s, f) => s + f.data.length, 0);
  if (total > limits.maxBytes) throw problem('upload', `文件过大 / the upload exceeds ${Math.round(limits.maxBytes / 1048576)} MB`);
  const lower = (f: UploadFile) => basename(f.name).toLowerCase();
  if (files.length === 1 && extname(lower(files[0]!)) === '.xlsx') {
    const f = files[0]!;
    // An .xlsx is a zip: its entries, expanded size and cells are bounded before exceljs inflates it.
    const verdict = await checkWorkbookLimits(f.data, { ...WORKBOOK_LIMITS, maxEntries: limits.maxZipEntries, maxExpandedBytes: limits.maxExpandedBytes });
    if (!verdict.ok) throw problem(basename(f.name), verdict.message);
    // Under its own name, so that problems name the file the clerk uploaded (a fresh folder: no name can clash or escape).
    const own = basename(f.name.replaceAll('\\', '/'));
    const path = join(staging, /^[^/\\]{1,120}\.xlsx$/i.test(own) && !own.startsWith('.') ? own : 'scenario.xlsx');
    await writeFile(path, f.data);
    return { path, warnings };
  }
  let csvs: UploadFile[] = [];
  for (const f of files) {
    const ext = extname(lower(f));
    if (ext === '.zip') {
      const entries = readZip(f.data, basename(f.name), { maxEntries: limits.maxZipEntries, maxExpandedBytes: limits.maxExpandedBytes });
      for (const e of entries) {
        const name = basename(e.name.replaceAll('\\', '/'));
        if (KNOWN.has(name.toLowerCase())) csvs.push({ name: name.toLowerCase(), data: e.data });
        else if (!e.name.startsWith('__MACOSX')) warnings.push(`${f.name}: ${e.name} 不是场景文件，已忽略 / not a scenario file, left out`);
      }
    } else if (KNOWN.has(lower(f))) csvs.push({ name: lower(f), data: f.data });
    else if (ext === '.xlsx') throw problem(f.name, '工作簿请单独上传 / upload a workbook on its own, not with other files');
    else throw problem(f.name, `不认识的文件；应为 .xlsx、.zip 或 ${[...KNOWN].join('、')} / not a scenario file`);
  }
  const names = new Set<string>();
  csvs = csvs.filter((f) => { const dup = names.has(f.name); names.add(f.name); if (dup) warnings.push(`${f.name} 出现两次，只用第一份 / appears twice, the first is used`); return !dup; });
  const rows = csvs.filter((f) => f.name.endsWith('.csv')).reduce((s, f) => s + lineCount(f.data), 0);
  if (rows > limits.maxRows + csvs.length) throw problem('upload', `行数过多 (约 ${rows} 行，上限 ${limits.maxRows}) / too many rows (about ${rows}, limit ${limits.maxRows})`);
  const dir = join(staging, 'scenario');
  await writeTree(dir, new Map(csvs.map((f) => [f.name, f.data])));
  return { path: dir, warnings };
}

/** objections.csv of a scenario, in the same spelling as the other tables (Chinese headers and kinds). */
export function objectionsCsv(scenario: Scenario): string {
  const cols = COLUMNS.objections;
  const rows = (scenario.objections ?? []).map((o) => cols.map((c) => {
    const v = (o as Record<string, unknown>)[c.key];
    if (c.key === 'kind') return (OBJECTION_KINDS.zh as Record<string, string>)[String(v)] ?? String(v);
    return v === null || v === undefined ? '' : String(v);
  }));
  return formatCsv(cols.map((c) => c.zh), rows);
}

/** The files of a workspace input folder for a scenario. */
export function inputFiles(scenario: Scenario): Map<string, string> {
  const files = scenarioFiles(scenario, { lang: 'zh' });
  files.set('objections.csv', objectionsCsv(scenario));
  return files;
}

/** Reads a scenario folder or workbook the way the CLI does (needs.csv may be missing: the norms fill in). */
export function readInput(path: string, set: readonly string[] = []): Promise<ReadResult> {
  return readScenario(path, { set, optionalNeeds: true });
}

/** Checks an upload and, when it has no problems, makes it the scenario's input. Throws InputError otherwise. */
export async function acceptUpload(ws: Workspace, name: string, files: readonly UploadFile[], limits: UploadLimits): Promise<ReadResult> {
  const staging = await mkdtemp(join(ws.root, '.upload-'));
  try {
    const { path, warnings } = await stage(staging, files, limits);
    const read = await readInput(path);
    const rows = read.scenario.schools.length + read.scenario.teachers.length + read.scenario.needs.length + read.scenario.history.length + read.scenario.locks.length;
    if (rows > limits.maxRows) throw problem('upload', `行数过多 (${rows} 行，上限 ${limits.maxRows}) / too many rows (${rows}, limit ${limits.maxRows})`);
    await writeTree(ws.inputDir(name), inputFiles({ ...read.scenario, name }));
    await writeTree(ws.uploadDir(name), new Map(files.map((f) => [basename(f.name), f.data])));
    return { scenario: read.scenario, warnings: [...warnings, ...read.warnings] };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Changes one table of the input (locks.csv or objections.csv): the new
 * folder is read back by readScenario first, so a lock or objection that
 * clashes with the others is refused with the reader's own message.
 */
export async function changeInput(ws: Workspace, name: string, file: 'locks.csv' | 'objections.csv', text: string): Promise<ReadResult> {
  const staging = await mkdtemp(join(ws.root, '.change-'));
  try {
    const dir = join(staging, 'scenario');
    await cp(ws.inputDir(name), dir, { recursive: true });
    await writeFile(join(dir, file), text);
    const read = await readInput(dir);
    await writeTree(ws.inputDir(name), new Map([[file, text]]));
    return read;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

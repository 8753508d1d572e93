/**
 * Reads a scenario — a folder of CSV files or one .xlsx workbook — into a
 * checked Scenario. Throws InputError listing every problem found (all
 * files, all rows) and never returns a half-read scenario.
 */
import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { columnLetter, InputError, type InputProblem } from '../../domain/errors.js';
import { integrityProblems } from '../../domain/integrity.js';
import type { Policy } from '../../domain/policy.js';
import type { Scenario, ScenarioSource } from '../../domain/scenario.js';
import { objectionProblems } from '../../domain/objections.js';
import { volunteerProblems } from '../../domain/volunteers.js';
import { type ReviewTableName, rowSchemas, subjectList, TABLE_NAMES, type TableName } from '../../domain/tables.js';
import { parseCsv } from './csv.js';
import { readInput, readInputText } from './read-input.js';
import { decodeCsv, type Encoding, isLegacyXls } from './decode.js';
import { applyOverrides, type Json, type KeyRows, createdBySet, overriddenKeys, parsePolicy, policyFromRows, policyJsonText } from './policy-file.js';
import type { RawTable } from './raw-table.js';
import { KNOWN_HEADERS, readTable } from './table.js';

export interface ReadOptions {
  readonly encoding?: Encoding;
  /** `--set key=value` policy overrides. */
  readonly set?: readonly string[];
  /** needs.csv may be missing: the needs will come from the staffing norms (`--needs auto|norms`). */
  readonly optionalNeeds?: boolean;
}

export interface ReadResult {
  readonly scenario: Scenario;
  /** Things the user should know that are not errors (unknown columns kept out). */
  readonly warnings: string[];
}

const REQUIRED: readonly TableName[] = ['schools', 'teachers', 'needs'];
/** Sheet names accepted in a workbook, besides the English ones (the first is the one messages give). */
const SHEET_ZH: Record<TableName | ReviewTableName, readonly string[]> = {
  schools: ['学校', '学校名册', '学校名单', '学校信息', '学校情况'],
  teachers: ['教师', '教师名册', '教师名单', '教师信息', '教职工名册', '花名册'],
  needs: ['缺编', '缺编情况', '学科缺编', '缺编岗位', '岗位需求'],
  history: ['轮岗历史', '交流历史', '历年轮岗', '轮岗记录', '交流记录'],
  locks: ['锁定', '锁定名单', '已定事项'],
  objections: ['异议', '异议名单', '异议申请'],
  volunteers: ['银龄讲学', '银龄讲学教师', '银龄教师', '退休支教教师', '志愿者'],
};
const POLICY_SHEETS = ['policy', '政策', '政策参数', '参数'];
/**
 * Every table a scenario may hold: docs/format.md's five, then objections.csv (optional, read by `rotation replan`)
 * and volunteers.csv (optional, 银龄讲学).
 */
const ALL_TABLES: readonly (TableName | ReviewTableName)[] = [...TABLE_NAMES, 'objections', 'volunteers'];
type AnyTable = TableName | ReviewTableName;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** The raw material of a scenario, with the problems of whole files (missing, empty, unreadable) found so far. */
interface Sources {
  readonly tables: Partial<Record<AnyTable, RawTable>>;
  readonly policy: Record<string, Json>;
  readonly policyFile: string;
  /** The line of each key on a workbook's policy sheet. */
  readonly policyRows?: KeyRows;
  readonly problems: InputProblem[];
}

/** Runs `read`, turning an InputError into problems so that the other files are still read. */
async function collect<T>(problems: InputProblem[], read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(...err.problems);
    return undefined;
  }
}

async function readFolder(dir: string, encoding: Encoding): Promise<Sources> {
  const tables: Partial<Record<AnyTable, RawTable>> = {};
  const problems: InputProblem[] = [];
  for (const name of ALL_TABLES) {
    const file = `${name}.csv`;
    const path = join(dir, file);
    if (!(await exists(path))) {
      if ((REQUIRED as readonly AnyTable[]).includes(name)) problems.push({ file, message: '缺少必需的文件 / required file is missing' });
      continue;
    }
    const table = await collect(problems, async () => parseCsv(decodeCsv(await readInput(path, file), file, encoding, KNOWN_HEADERS), file));
    if (table !== undefined) tables[name] = table;
  }
  const policyPath = join(dir, 'policy.json');
  const policy = (await exists(policyPath)) ? await collect(problems, async () => policyJsonText(await readInputText(policyPath, 'policy.json'), 'policy.json')) : {};
  return { tables, policy: policy ?? {}, policyFile: 'policy.json', problems };
}

async function readWorkbook(path: string): Promise<Sources> {
  const file = basename(path);
  const bytes = await readInput(path, file);
  if (isLegacyXls(bytes)) throw new InputError([{ file, message: '这是旧版 Excel (.xls) 文件，请另存为 .xlsx / this is a legacy .xls file: please save it as .xlsx' }]);
  // Sheet names as a clerk types them: "Teachers", " teachers ".
  // exceljs is loaded only when a workbook is read: a CSV folder never needs it (fast start of `rotation validate`).
  const { readWorkbookTables } = await import('./xlsx-read.js');
  const sheets = new Map([...await readWorkbookTables(bytes, file)].map(([name, sheet]) => [name.trim().toLowerCase(), sheet]));
  const tables: Partial<Record<AnyTable, RawTable>> = {};
  const problems: InputProblem[] = [];
  const found = [...sheets.keys()].map((k) => `"${k}"`).join(', ');
  for (const name of ALL_TABLES) {
    const sheet = [name, ...SHEET_ZH[name]].map((n) => sheets.get(n)).find((x) => x !== undefined);
    if (sheet === undefined) {
      if ((REQUIRED as readonly AnyTable[]).includes(name)) {
        problems.push({ file, message: `缺少工作表 ${name} (${SHEET_ZH[name].join(' / ')}) / required sheet is missing; 工作簿中的工作表 / the workbook has: ${found}` });
      }
    } else if (sheet.headers.length === 0) {
      problems.push({ file: sheet.file, message: '工作表为空 / the sheet is empty (a header row is needed)' });
    } else tables[name] = sheet;
  }
  const beside = join(path, '..', 'policy.json');
  const policySheet = POLICY_SHEETS.map((n) => sheets.get(n)).find((x) => x !== undefined);
  // The header row is optional on the policy sheet: its first line may already be a key,value pair.
  if (policySheet) {
    // Every value of the policy sheet is read: a formula without a value there is never taken as blank, and its row is left out.
    const uncomputed = new Set((policySheet.uncomputed ?? []).map((c) => c.line));
    const lines = [policySheet.headerLine ?? 1, ...policySheet.lines];
    const kept = [policySheet.headers, ...policySheet.rows].map((row, i) => ({ row, line: lines[i]! })).filter((r) => !uncomputed.has(r.line));
    const sheet = policyFromRows(kept.map((r) => r.row), kept.map((r) => r.line), policySheet.file);
    const formulas = (policySheet.uncomputed ?? []).map((c): InputProblem => ({
      file: policySheet.file, row: c.line, column: columnLetter(c.column),
      message: `公式没有计算结果，请在 Excel 中打开并保存，或直接填入数值 / the formula ${c.formula} has no computed value: open and save the file in Excel, or type the value`,
    }));
    return { tables, policy: sheet.policy, policyFile: policySheet.file, policyRows: sheet.rows, problems: [...problems, ...sheet.problems, ...formulas] };
  }
  if (!(await exists(beside))) return { tables, policy: {}, policyFile: 'policy.json', problems };
  const policy = await collect(problems, async () => policyJsonText(await readInputText(beside, 'policy.json'), 'policy.json'));
  return { tables, policy: policy ?? {}, policyFile: 'policy.json', problems };
}

interface ParsedTables {
  readonly data: Record<TableName, unknown[]> & { objections?: unknown[]; volunteers?: unknown[] };
  readonly source: ScenarioSource;
  readonly problems: InputProblem[];
  readonly warnings: string[];
}

/** Every row of every table through its schema; problems of all tables together. */
function parseTables(tables: Partial<Record<AnyTable, RawTable>>, policy: Policy): ParsedTables {
  const schemas = rowSchemas(subjectList(policy.subjects));
  const problems: InputProblem[] = [];
  const warnings: string[] = [];
  const source: { files: Partial<Record<AnyTable, string>>; lines: Partial<Record<AnyTable, number[]>>; headers: ScenarioSource['headers'] } = { files: {}, lines: {}, headers: {} };
  const data: Record<TableName, unknown[]> & { objections?: unknown[]; volunteers?: unknown[] } = { schools: [], teachers: [], needs: [], history: [], locks: [] };
  for (const table of ALL_TABLES) {
    const raw = tables[table];
    if (raw === undefined) continue;
    const read = readTable(raw, table, schemas[table]);
    problems.push(...read.problems);
    warnings.push(...read.warnings);
    if (read.unknownColumns.length > 0) warnings.push(`${raw.file}: 未识别的列已忽略 / unknown columns kept out of the plan: ${read.unknownColumns.join(', ')}`);
    if (read.problems.length === 0 && read.rows.length === 0 && (table === 'schools' || table === 'teachers')) {
      problems.push({ file: raw.file, message: '没有数据行 / the file has a header but no data rows' });
    }
    data[table] = read.rows;
    source.files[table] = raw.file;
    source.lines[table] = read.lines;
    source.headers[table] = read.headers;
  }
  return { data, source, problems, warnings };
}

/**
 * Parses the raw tables into a Scenario, with every problem of every table.
 *
 * @example scenarioFromTables('upload', tables, defaultPolicy()).scenario.teachers.length
 */
export function scenarioFromTables(name: string, tables: Partial<Record<AnyTable, RawTable>>, policy: Policy): ReadResult {
  const { data, source, problems, warnings } = parseTables(tables, policy);
  if (problems.length > 0) throw new InputError(problems);
  const scenario = { name, policy, source, ...data } as Scenario;
  const cross = [...integrityProblems(scenario), ...objectionProblems(scenario), ...volunteerProblems(scenario)];
  if (cross.length > 0) throw new InputError(cross);
  return { scenario, warnings };
}

/** The problem of a missing needs.csv (or needs sheet). */
const isMissingNeeds = (p: InputProblem): boolean => (p.file === 'needs.csv' && p.row === undefined && p.message.includes('required file is missing'))
  || p.message.startsWith('缺少工作表 needs ');

/**
 * Reads a scenario folder or workbook.
 *
 * @example const { scenario, warnings } = await readScenario('scenarios/lucheng-demo', { set: ['rotation.min_share=0.15'] });
 */
export async function readScenario(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new InputError([{ file: path, message: '找不到场景文件夹或工作簿 / no such scenario folder or workbook' }]);
  const isWorkbook = info.isFile() && ['.xlsx', '.xls'].includes(extname(path).toLowerCase());
  if (info.isFile() && !isWorkbook) throw new InputError([{ file: path, message: '场景应为文件夹或 .xlsx 工作簿 / a scenario is a folder or an .xlsx workbook' }]);
  const sources = isWorkbook ? await readWorkbook(path) : await readFolder(path, options.encoding ?? 'auto');
  const problems = sources.problems.filter((p) => !(options.optionalNeeds && isMissingNeeds(p)));
  const sets = options.set ?? [];
  const policy = await collect(problems, async () => parsePolicy(applyOverrides(sources.policy, sets), sources.policyFile, [...overriddenKeys(sets), ...createdBySet(sources.policy, sets)], sources.policyRows));
  if (problems.length > 0) {
    // A missing or unreadable file must not hide the row problems of the others; cross-table checks wait for complete tables.
    if (policy !== undefined) problems.push(...parseTables(sources.tables, policy).problems);
    throw new InputError(problems);
  }
  return scenarioFromTables(basename(path), sources.tables, policy!);
}

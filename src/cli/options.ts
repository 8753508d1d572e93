/** Options several commands share, declared once. Descriptions are Chinese (the users'), flags English. */
import type { Argv } from 'yargs';
import { SOLVER_NAMES, type SolverName } from '../engine/solver-names.js';
import type { SolveSettings } from '../pipeline.js';

export function scenarioOptions<T>(y: Argv<T>) {
  return y
    .option('encoding', { choices: ['auto', 'utf8', 'gbk'] as const, default: 'auto' as const, describe: 'CSV 文件编码（auto 自动区分 UTF-8 与 GBK/GB18030）' })
    .option('set', { type: 'string', array: true, default: [] as string[], describe: '覆盖政策设置，如 --set rotation.min_share=0.15' });
}

/** The message when --year is missing (the same for every command that needs it). */
const YEAR_MISSING = '请用 --year 2019 指定年度 / name the plan year with --year 2019';

/** The plan year: the year the school term starts in. Required: a default (this calendar year) would silently judge the wrong term. */
export function yearOption<T>(y: Argv<T>) {
  return y.option('year', { type: 'number', describe: '计划年度（学期自该年开始，如 2019 → 2019-09-01…2020-08-31）' })
    .check((a) => {
      if (a.year === undefined || Number.isNaN(a.year)) throw new Error(YEAR_MISSING);
      return true;
    });
}

/** `--solver`, `--time-limit` (and `--jobs` where counties may run on workers). */
export function solveOptions<T>(y: Argv<T>) {
  return y
    .option('time-limit', { type: 'number', default: 120, describe: '求解器在每个县上最多用时（秒）' })
    .option('solver', { choices: SOLVER_NAMES, default: 'auto' as SolverName, describe: '求解器；auto = 小模型用 javascript-lp-solver，较大的用 HiGHS；flow = 先走精确的网络流路径，无法证明最优时改用 MILP（docs/solve.md）' })
    .option('jobs', { type: 'number', describe: '同时求解的县数（工作线程；默认每核一个，最多每县一个；1 = 不用线程）' });
}

/** The solve settings the solve options give. */
export function solveSettings(args: { 'time-limit': number; solver: SolverName; jobs?: number | undefined }, exportLp = false): SolveSettings {
  return { solver: args.solver, timeoutMs: args['time-limit'] * 1000, jobs: args.jobs, exportLp };
}

/** `--lang`: the terminal's language (and the workbook's, for commands that write one). */
export function langOption<T>(y: Argv<T>, writesWorkbook = false) {
  return y.option('lang', {
    choices: ['zh', 'en'] as const,
    describe: writesWorkbook
      ? '终端输出与工作簿的语言；不给时终端按系统语言（LANG/LC_ALL，无法判断时用中文），工作簿用中文'
      : '终端输出的语言；默认按系统语言（LANG/LC_ALL），无法判断时用中文',
  });
}

/** `--csv`: plan outputs also as CSV files. */
export function csvOption<T>(y: Argv<T>) {
  return y.option('csv', { type: 'boolean', default: false, describe: '另为每张工作表写一个 UTF-8 (带 BOM) 的 CSV 文件' });
}

/** `--verbose`, `--json`, `--quiet` of the commands that print a plan's summary. */
export function summaryOptions<T>(y: Argv<T>) {
  return y
    .option('verbose', { type: 'boolean', default: false, describe: '列出全部未满足事项（默认只列最重要的 10 条）' })
    .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出摘要（供程序读取）' })
    .option('quiet', { type: 'boolean', default: false, describe: '不在 stderr 上显示进度' });
}

/** Most years one run plans (the action plan spans three). */
const MAX_YEARS = 10;

/** "2018-2020" → [2018, 2019, 2020]; a single "2019" is one year. Throws a message for the command line. */
export function parseYears(text: string): number[] {
  const m = /^\s*(\d{4})\s*(?:[-–~]\s*(\d{4}))?\s*$/.exec(text);
  if (m === null) throw new Error(`--years 应写成 2018-2020 / --years takes a range of years like 2018-2020, got "${text}"`);
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (to < from) throw new Error(`--years ${text}: 结束年份早于开始年份 / the last year comes before the first`);
  if (to - from + 1 > MAX_YEARS) throw new Error(`--years ${text}: 最多 ${MAX_YEARS} 年 / at most ${MAX_YEARS} years in one run`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

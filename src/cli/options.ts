/** Options several commands share. */
import type { Argv } from 'yargs';

export function scenarioOptions<T>(y: Argv<T>) {
  return y
    .option('encoding', { choices: ['auto', 'utf8', 'gbk'] as const, default: 'auto' as const, describe: 'CSV encoding (auto tells UTF-8 from GBK/GB18030)' })
    .option('set', { type: 'string', array: true, default: [] as string[], describe: 'policy override, e.g. --set rotation.min_share=0.15' });
}

/** The message when --year is missing (the same for every command that needs it). */
export const YEAR_MISSING = '请用 --year 2019 指定年度 / name the plan year with --year 2019';

/** The plan year: the year the school term starts in. Required: a default (this calendar year) would silently judge the wrong term. */
export function yearOption<T>(y: Argv<T>) {
  return y.option('year', { type: 'number', describe: 'plan year (the term starts in this year, e.g. 2019 → 2019-09-01…2020-08-31)' })
    .check((a) => {
      if (a.year === undefined || Number.isNaN(a.year)) throw new Error(YEAR_MISSING);
      return true;
    });
}

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

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

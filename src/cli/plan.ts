/** `rotation plan <scenario> --year Y --out DIR` (or `--years 2018-2020`): the rotation list, checked, written whole or not at all. */
import type { CommandModule } from 'yargs';
import type { NeedsMode } from '../domain/norms-policy.js';
import type { SolverName } from '../engine/solver-names.js';
import type { Lang } from '../report/language.js';
import { planNeedsOption } from './needs-option.js';
import { csvOption, langOption, parseYears, scenarioOptions, solveOptions, summaryOptions } from './options.js';
import { run } from './run.js';
import { COMMANDS } from './commands.js';

export interface PlanArgs {
  scenario: string; year: number | undefined; years: string | undefined; out: string; encoding: 'auto' | 'utf8' | 'gbk'; set: string[];
  'time-limit': number; quiet: boolean; lang: Lang | undefined; csv: boolean; solver: SolverName; needs: NeedsMode; jobs: number | undefined;
  'export-lp': string | undefined; verbose: boolean; json: boolean;
}

export const planCommand: CommandModule<object, PlanArgs> = {
  command: COMMANDS.plan.command,
  describe: COMMANDS.plan.describe,
  builder: (y) => summaryOptions(csvOption(langOption(solveOptions(scenarioOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: '场景文件夹或 .xlsx 工作簿' }))), true)))
    .option('year', { type: 'number', describe: '计划年度（学期自该年开始，如 2019 → 2019-09-01…2020-08-31）' })
    .option('years', { type: 'string', describe: '逐年连续编制，如 2018-2020：上一年的轮岗成为下一年的历史；写出 DIR/<年度>/ 和 DIR/summary.*' })
    .conflicts('year', 'years')
    .check((a) => {
      if (a.year === undefined && a.years === undefined) throw new Error('请用 --year 2019 指定年度，或用 --years 2018-2020 / name the plan year with --year 2019 or the years with --years 2018-2020');
      if (a.years !== undefined) parseYears(String(a.years));
      const jobs = a['jobs'] as number | undefined;
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new Error(`--jobs 应为不小于 1 的整数 / --jobs must be a whole number ≥ 1, got ${jobs}`);
      return true;
    })
    .option('out', { type: 'string', demandOption: true, describe: '输出文件夹' })
    .option('export-lp', { type: 'string', describe: '另把交给求解器的每个模型（每县每个字典序步骤）以 CPLEX LP 格式写入此文件夹' })
    .option('needs', planNeedsOption)
    .example('$0 plan scenarios/lucheng-demo --year 2019 --out out/', '')
    .example('$0 plan scenarios/generated-county --years 2018-2020 --out out3/', '') as never,
  // The solvers, the pipeline and the workbook load only when a plan is made, not for --help (fast start).
  handler: (args) => run(async () => (await import('./plan-handler.js')).planHandler(args)),
};

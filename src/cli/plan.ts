/** `rotation plan <scenario> --year Y --out DIR` (or `--years 2018-2020`): the rotation list, checked, written whole or not at all. */
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import type { NeedsMode } from '../domain/norms-policy.js';
import type { SolverName } from '../engine/solvers.js';
import { readScenario } from '../io/read-scenario.js';
import { writePlanOutputs } from '../io/write-plan.js';
import { writeTree } from '../io/write-tree.js';
import { lpExportFiles } from '../io/years-files.js';
import { countyCount, planYear, scenarioWithNeeds } from '../pipeline.js';
import { type Lang, terminalLang } from '../report/language.js';
import { planSummary } from '../report/plan-summary.js';
import { planNeedsOption } from './needs-option.js';
import { csvOption, langOption, scenarioOptions, solveOptions, solveSettings, summaryOptions } from './options.js';
import { fullListAt, planHead, summaryBody, summaryJson, violationLine, warningText } from './plan-text.js';
import { parseYears, planYearsCommand } from './plan-years.js';
import { progress } from './progress.js';
import { EXIT_OK, EXIT_SHORTFALL, run } from './run.js';
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
  handler: (args) => run(async () => {
    const read = await readScenario(args.scenario, { encoding: args.encoding, set: args.set, optionalNeeds: args.needs !== 'file' });
    const lang = terminalLang(args.lang);
    for (const w of read.warnings) process.stderr.write(`warning: ${w}\n`);
    // Receivers without needs.csv rows (or all, with --needs norms) take their needs from the staffing norms.
    const scenario = scenarioWithNeeds(read.scenario, args.year ?? parseYears(args.years!)[0]!, args.needs);
    if (args.years !== undefined) return planYearsCommand(scenario, parseYears(args.years), args, lang);
    const say = (s: string) => { if (!args.quiet) process.stderr.write(`${s}\n`); };
    const shown = progress(process.stderr, { quiet: args.quiet || countyCount(scenario) < 2 });
    const year = await planYear(scenario, args.year!, { ...solveSettings(args, args['export-lp'] !== undefined), sets: args.set }, shown);
    if (args['export-lp'] !== undefined) {
      await writeTree(args['export-lp'], lpExportFiles(year));
      say(`  wrote ${year.models.length} LP file(s) into ${args['export-lp']}`);
    }
    const { plan, violations } = year;
    const written = await writePlanOutputs(args.out, { scenario, plan, lang: args.lang ?? 'zh', csv: args.csv });
    say(`  wrote ${written.map((f) => join(args.out, f)).join(', ')}`);
    const path = join(args.out, 'plan.json');
    if (args.json) {
      process.stdout.write(`${JSON.stringify(summaryJson(scenario, plan, violations, path, args.verbose), null, 2)}\n`);
    } else {
      const lines = [planHead(plan, path, lang), ...summaryBody(planSummary(scenario, plan), lang, args.verbose, fullListAt(args.out, lang))];
      process.stdout.write(`${lines.join('\n')}\n${warningText(plan, lang)}`);
    }
    for (const v of violations) process.stderr.write(`${violationLine(v, lang)}\n`);
    return plan.shortfalls.length > 0 || violations.length > 0 ? EXIT_SHORTFALL : EXIT_OK;
  }),
};

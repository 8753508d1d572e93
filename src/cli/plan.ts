/** `rotation plan <scenario> --year Y --out DIR` (or `--years 2018-2020`): the rotation list, checked, written whole or not at all. */
import { join } from 'node:path';
import { styleText } from 'node:util';
import type { CommandModule } from 'yargs';
import type { Plan } from '../domain/plan.js';
import { SOLVER_NAMES, type SolverName } from '../engine/solver-names.js';
import { readScenario } from '../io/read-scenario.js';
import type { NeedsMode } from '../domain/norms-policy.js';
import { planNeedsOption, scenarioWithNeeds } from './needs-option.js';
import { parseYears, scenarioOptions } from './options.js';
import type { SolveSettings } from './plan-run.js';
import { progress } from './progress.js';
import { warningLines } from './plan-policy.js';
import { EXIT_OK, EXIT_SHORTFALL, run } from './run.js';
import { COMMANDS } from './commands.js';

interface Args {
  scenario: string; year: number | undefined; years: string | undefined; out: string; encoding: 'auto' | 'utf8' | 'gbk'; set: string[];
  'time-limit': number; quiet: boolean; lang: 'zh' | 'en'; csv: boolean; solver: SolverName; needs: NeedsMode; jobs: number | undefined; 'export-lp': string | undefined;
}

export const planCommand: CommandModule<object, Args> = {
  command: COMMANDS.plan.command,
  describe: COMMANDS.plan.describe,
  builder: (y) => scenarioOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario folder or .xlsx workbook' }))
    .option('year', { type: 'number', describe: 'plan year (the term starts in this year, e.g. 2019 → 2019-09-01…2020-08-31)' })
    .option('years', { type: 'string', describe: 'plan several years in turn, e.g. 2018-2020: each year\'s rotations become history for the next; writes DIR/<year>/ and DIR/summary.*' })
    .conflicts('year', 'years')
    .check((a) => {
      if (a.year === undefined && a.years === undefined) throw new Error('请用 --year 2019 指定年度，或用 --years 2018-2020 / name the plan year with --year 2019 or the years with --years 2018-2020');
      if (a.years !== undefined) parseYears(String(a.years));
      const jobs = a['jobs'] as number | undefined;
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new Error(`--jobs 应为不小于 1 的整数 / --jobs must be a whole number ≥ 1, got ${jobs}`);
      return true;
    })
    .option('out', { type: 'string', demandOption: true, describe: 'output folder' })
    .option('time-limit', { type: 'number', default: 120, describe: 'seconds the solver may spend on one county' })
    .option('solver', { choices: SOLVER_NAMES, default: 'auto' as SolverName, describe: 'MILP solver; auto = javascript-lp-solver for small county models, HiGHS for larger ones' })
    .option('jobs', { type: 'number', describe: 'counties solved at once on worker threads (default: one per core, at most one per county; 1 = no workers)' })
    .option('export-lp', { type: 'string', describe: 'also write every model handed to the solver, per county and lexicographic step, in CPLEX LP format into this folder' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' })
    .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: 'language of the workbook\'s sheets and headers' })
    .option('csv', { type: 'boolean', default: false, describe: 'also write one UTF-8-with-BOM CSV per sheet' })
    .option('needs', planNeedsOption)
    .example('$0 plan scenarios/lucheng-demo --year 2019 --out out/', '')
    .example('$0 plan scenarios/generated-county --years 2018-2020 --out out3/', '') as never,
  handler: (args) => run(async () => {
    // The solvers, exceljs and the workbook code load here, not with the command line (fast `--help`).
    const [{ writePlanOutputs }, { writeTree }, { countyCount, lpExportFiles, planCheckedYear }, { planYears }] = await Promise.all([
      import('../io/write-plan.js'), import('../io/write-tree.js'), import('./plan-run.js'), import('./plan-years.js'),
    ]);
    const read = await readScenario(args.scenario, { encoding: args.encoding, set: args.set, optionalNeeds: args.needs !== 'file' });
    // Receivers without needs.csv rows (or all, with --needs norms) take their needs from the staffing norms.
    const { warnings } = read;
    const scenario = scenarioWithNeeds(read.scenario, args.year ?? parseYears(args.years!)[0]!, args.needs);
    const say = (s: string) => { if (!args.quiet) process.stderr.write(`${s}\n`); };
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    const settings: SolveSettings = { solver: args.solver, timeoutMs: args['time-limit'] * 1000, jobs: args.jobs, exportLp: args['export-lp'] !== undefined, sets: args.set };
    if (args.years !== undefined) {
      return planYears(scenario, parseYears(args.years), { ...args, settings, say });
    }
    const year = args.year!;
    const shown = progress(process.stderr, { quiet: args.quiet || countyCount(scenario) < 2 });
    const { plan, violations, ...checked } = await planCheckedYear(scenario, year, settings, shown);
    if (args['export-lp'] !== undefined) {
      await writeTree(args['export-lp'], lpExportFiles({ plan, violations, ...checked }));
      say(`  wrote ${checked.models.length} LP file(s) into ${args['export-lp']}`);
    }
    const written = await writePlanOutputs(args.out, { scenario, plan, lang: args.lang, csv: args.csv });
    say(`  wrote ${written.map((f) => join(args.out, f)).join(', ')}`);
    process.stdout.write(`${planLine(plan, join(args.out, 'plan.json'))}\n`);
    for (const f of plan.shortfalls) process.stdout.write(`  ${styleText('yellow', f.rule)} ${f.school_id}: ${f.detail}\n`);
    process.stdout.write(warningLines(plan));
    for (const v of violations) process.stderr.write(`${styleText('red', `check ${v.rule}`)} ${v.message}\n`);
    return plan.shortfalls.length > 0 || violations.length > 0 ? EXIT_SHORTFALL : EXIT_OK;
  }),
};

/** The one line a plan run prints per year. */
export function planLine(plan: Plan, path: string): string {
  const s = plan.stats;
  return `${plan.plan_year}: ${s.sent} teachers sent from ${plan.senders.length} senders, ${s.gaps_filled}/${s.gaps_needed} needed posts filled, ${plan.shortfalls.length} shortfalls; ${s.optimal ? 'proven optimal' : styleText('yellow', 'NOT proven optimal')} in ${s.solve_ms} ms → ${path}`;
}

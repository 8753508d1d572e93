/** `rotation plan <scenario> --year Y --out DIR`: the year's rotation list, checked, written whole or not at all. */
import { join } from 'node:path';
import { styleText } from 'node:util';
import type { CommandModule } from 'yargs';
import { checkPlan } from '../check/check.js';
import { planScenario } from '../engine/plan.js';
import { loadSolver, SOLVER_NAMES, type SolverName } from '../engine/solvers.js';
import { readScenario } from '../io/read-scenario.js';
import { writePlanOutputs } from '../io/write-plan.js';
import { extendPlan } from '../policy/plan-report.js';
import { scenarioOptions, yearOption } from './options.js';
import { EXIT_OK, EXIT_SHORTFALL, run } from './run.js';

interface Args {
  scenario: string; year: number; out: string; encoding: 'auto' | 'utf8' | 'gbk'; set: string[]; 'time-limit': number; quiet: boolean;
  lang: 'zh' | 'en'; csv: boolean; solver: SolverName;
}

export const planCommand: CommandModule<object, Args> = {
  command: 'plan <scenario>',
  describe: 'plan the year\'s rotation (R1–R5) and write DIR/plan.json and DIR/plan.xlsx',
  builder: (y) => yearOption(scenarioOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario folder or .xlsx workbook' })), true)
    .option('out', { type: 'string', demandOption: true, describe: 'output folder' })
    .option('time-limit', { type: 'number', default: 120, describe: 'seconds the solver may spend on one county' })
    .option('solver', { choices: SOLVER_NAMES, default: 'auto' as SolverName, describe: 'MILP solver; auto = javascript-lp-solver for small county models, HiGHS for larger ones' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' })
    .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: 'language of the workbook\'s sheets and headers' })
    .option('csv', { type: 'boolean', default: false, describe: 'also write one UTF-8-with-BOM CSV per sheet' })
    .example('$0 plan scenarios/lucheng-demo --year 2019 --out out/', '') as never,
  handler: (args) => run(async () => {
    const { scenario, warnings } = await readScenario(args.scenario, { encoding: args.encoding, set: args.set });
    const say = (s: string) => { if (!args.quiet) process.stderr.write(`${s}\n`); };
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    const solver = await loadSolver(args.solver);
    const solved = planScenario(scenario, args.year, {
      solver,
      timeoutMs: args['time-limit'] * 1000,
      onCounty: (county, done, total) => say(`  ${county} solved (${done}/${total})`),
    });
    const plan = extendPlan(scenario, solved.plan);
    // Every plan is re-checked by the independent checker before it is handed on.
    const violations = checkPlan(scenario, plan);
    plan.stats.check = violations.length === 0 ? 'passed' : `failed: ${violations.length} violation(s)`;
    const written = await writePlanOutputs(args.out, { scenario, plan, lang: args.lang, csv: args.csv });
    say(`  wrote ${written.map((f) => join(args.out, f)).join(', ')}`);
    const s = plan.stats;
    process.stdout.write(`${plan.plan_year}: ${s.sent} teachers sent from ${plan.senders.length} senders, ${s.gaps_filled}/${s.gaps_needed} needed posts filled, ${plan.shortfalls.length} shortfalls; ${s.optimal ? 'proven optimal' : styleText('yellow', 'NOT proven optimal')} in ${s.solve_ms} ms → ${join(args.out, 'plan.json')}\n`);
    for (const f of plan.shortfalls) process.stdout.write(`  ${styleText('yellow', f.rule)} ${f.school_id}: ${f.detail}\n`);
    for (const v of violations) process.stderr.write(`${styleText('red', `check ${v.rule}`)} ${v.message}\n`);
    return plan.shortfalls.length > 0 || violations.length > 0 ? EXIT_SHORTFALL : EXIT_OK;
  }),
};

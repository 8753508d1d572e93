/** `rotation replan <scenario> --from provisional/plan.json --out final/`: the final list after the objections, changing as few assignments as possible. */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { styleText } from 'node:util';
import type { CommandModule } from 'yargs';
import { checkPlan } from '../check/check.js';
import { parsePlanText } from '../check/plan-file.js';
import { InputError } from '../domain/errors.js';
import { NEEDS_MODES, type NeedsMode } from '../domain/norms-policy.js';
import type { Plan } from '../domain/plan.js';
import { SOLVER_NAMES, type SolverName } from '../engine/solver-names.js';
import { readScenario } from '../io/read-scenario.js';
import { NEEDS_DESCRIBE, scenarioForPlanNeeds } from './needs-option.js';
import { scenarioOptions } from './options.js';
import { planPolicy, planPolicyOption, recordOverrides, warningLines } from './plan-policy.js';
import { EXIT_OK, EXIT_SHORTFALL, run } from './run.js';
import { COMMANDS } from './commands.js';

interface Args {
  scenario: string; from: string; year?: number; out: string; encoding: 'auto' | 'utf8' | 'gbk'; set: string[]; 'time-limit': number;
  quiet: boolean; lang: 'zh' | 'en'; csv: boolean; solver: SolverName; needs?: NeedsMode; 'plan-policy': boolean;
}

/** Reads a plan.json for a command; a missing or malformed file is bad input. */
export async function readPlanJson(path: string): Promise<Plan> {
  const file = basename(path);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new InputError([{ file: path, message: '找不到计划文件 / cannot read the plan file' }]);
  });
  return parsePlanText(text, file);
}

export const replanCommand: CommandModule<object, Args> = {
  command: COMMANDS.replan.command,
  describe: COMMANDS.replan.describe,
  builder: (y) => planPolicyOption(scenarioOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario folder or .xlsx workbook (with objections.csv)' })))
    .option('from', { type: 'string', demandOption: true, describe: 'the provisional plan.json' })
    .option('year', { type: 'number', describe: 'plan year (default: the provisional plan\'s)' })
    .option('out', { type: 'string', demandOption: true, describe: 'output folder for the final plan.json and plan.xlsx' })
    .option('time-limit', { type: 'number', default: 120, describe: 'seconds the solver may spend on one county' })
    .option('solver', { choices: SOLVER_NAMES, default: 'auto' as SolverName, describe: 'MILP solver (as for plan)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' })
    .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: 'language of the workbook\'s sheets and headers' })
    .option('csv', { type: 'boolean', default: false, describe: 'also write one UTF-8-with-BOM CSV per sheet' })
    .option('needs', { choices: NEEDS_MODES, describe: `${NEEDS_DESCRIBE} (default: as the provisional plan.json stats.needs_mode says, else file)` })
    .example('$0 replan scenarios/lucheng-demo --from out/plan.json --out final/', '') as never,
  handler: (args) => run(async () => {
    const provisional = await readPlanJson(args.from);
    // The final plan is made under the policy the provisional one was made under, and records it.
    const policy = planPolicy(provisional, args.set, args['plan-policy']);
    if (policy.note !== null) process.stderr.write(`${policy.note}\n`);
    const read = await readScenario(args.scenario, { encoding: args.encoding, set: policy.sets, optionalNeeds: true });
    for (const w of read.warnings) process.stderr.write(`warning: ${w}\n`);
    // The final plan takes its needs where the provisional one did (needs.csv or the staffing norms).
    const scenario = scenarioForPlanNeeds(read.scenario, provisional, args.needs);
    const year = args.year ?? provisional.plan_year;
    if (year !== provisional.plan_year) {
      throw new InputError([{ file: basename(args.from), column: 'plan_year', message: `暂定计划是 ${provisional.plan_year} 年的，不是 ${year} 年 / the provisional plan is for ${provisional.plan_year}, not ${year}` }]);
    }
    const say = (s: string) => { if (!args.quiet) process.stderr.write(`${s}\n`); };
    if ((scenario.objections ?? []).length === 0) say('  no objections.csv rows: the final plan keeps the provisional assignments');
    // The solvers, the engine and exceljs load only now (fast `--help`).
    const [{ loadSolver }, { replanScenario }, { writePlanOutputs }] = await Promise.all([
      import('../engine/solvers.js'), import('../review/replan.js'), import('../io/write-plan.js'),
    ]);
    const solver = await loadSolver(args.solver);
    const result = replanScenario(scenario, provisional, year, { solver, timeoutMs: args['time-limit'] * 1000 });
    const plan = recordOverrides(result.plan, policy.sets);
    // The final plan is checked like every plan, against the rules including the objections.
    const violations = checkPlan(result.scenario, plan);
    plan.stats.check = violations.length === 0 ? 'passed' : `failed: ${violations.length} violation(s)`;
    const written = await writePlanOutputs(args.out, { scenario: result.scenario, plan, lang: args.lang, csv: args.csv });
    say(`  wrote ${written.map((f) => join(args.out, f)).join(', ')}`);
    const count = (k: string) => result.changes.filter((c) => c.change === k).length;
    const n = (scenario.objections ?? []).length;
    process.stdout.write(`${year}: ${n} objection(s) applied; ${result.changes.length} of ${provisional.assignments.length} provisional assignments changed `
      + `(${count('added')} added, ${count('removed')} removed, ${count('moved')} moved); ${plan.stats.sent} sent, ${plan.stats.gaps_filled}/${plan.stats.gaps_needed} posts filled, `
      + `${plan.shortfalls.length} shortfalls; ${plan.stats.optimal ? 'proven optimal' : styleText('yellow', 'NOT proven optimal')} → ${join(args.out, 'plan.json')}\n`);
    const names = new Map(scenario.teachers.map((t) => [t.teacher_id, t.name]));
    for (const c of result.changes) {
      process.stdout.write(`  ${c.change.padEnd(7)} ${c.teacher_id.padEnd(10)} ${(names.get(c.teacher_id) ?? '').padEnd(4, '　')} ${c.before_school ?? '-'} ${c.before_subject ?? ''} → ${c.after_school ?? '-'} ${c.after_subject ?? ''}: ${c.cause}\n`);
    }
    for (const f of plan.shortfalls) process.stdout.write(`  ${styleText('yellow', f.rule)} ${f.school_id}: ${f.detail}\n`);
    process.stdout.write(warningLines(plan));
    for (const v of violations) process.stderr.write(`${styleText('red', `check ${v.rule}`)} ${v.message}\n`);
    return plan.shortfalls.length > 0 || violations.length > 0 ? EXIT_SHORTFALL : EXIT_OK;
  }),
};

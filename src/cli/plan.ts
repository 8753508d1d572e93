/** `rotation plan <scenario> --year Y --out DIR`: the year's rotation list, checked, written whole or not at all. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { styleText } from 'node:util';
import type { CommandModule } from 'yargs';
import { planScenario } from '../engine/plan.js';
import { readScenario } from '../io/read-scenario.js';
import { scenarioOptions, yearOption } from './options.js';
import { EXIT_OK, EXIT_SHORTFALL, run } from './run.js';

interface Args { scenario: string; year: number; out: string; encoding: 'auto' | 'utf8' | 'gbk'; set: string[]; 'time-limit': number; quiet: boolean }

export const planCommand: CommandModule<object, Args> = {
  command: 'plan <scenario>',
  describe: 'plan the year\'s rotation (R1–R5) and write DIR/plan.json and DIR/plan.xlsx',
  builder: (y) => yearOption(scenarioOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario folder or .xlsx workbook' })), true)
    .option('out', { type: 'string', demandOption: true, describe: 'output folder' })
    .option('time-limit', { type: 'number', default: 120, describe: 'seconds the solver may spend on one county' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' })
    .example('$0 plan scenarios/lucheng-demo --year 2019 --out out/', '') as never,
  handler: (args) => run(async () => {
    const { scenario, warnings } = await readScenario(args.scenario, { encoding: args.encoding, set: args.set });
    const say = (s: string) => { if (!args.quiet) process.stderr.write(`${s}\n`); };
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    const { plan } = planScenario(scenario, args.year, {
      timeoutMs: args['time-limit'] * 1000,
      onCounty: (county, done, total) => say(`  ${county} solved (${done}/${total})`),
    });
    await mkdir(args.out, { recursive: true });
    const tmp = join(args.out, `.plan.json.${process.pid}.tmp`);
    await writeFile(tmp, `${JSON.stringify(plan, null, 2)}\n`);
    await rename(tmp, join(args.out, 'plan.json'));
    const s = plan.stats;
    process.stdout.write(`${plan.plan_year}: ${s.sent} teachers sent from ${plan.senders.length} senders, ${s.gaps_filled}/${s.gaps_needed} needed posts filled, ${plan.shortfalls.length} shortfalls; ${s.optimal ? 'proven optimal' : styleText('yellow', 'NOT proven optimal')} in ${s.solve_ms} ms → ${join(args.out, 'plan.json')}\n`);
    for (const f of plan.shortfalls) process.stdout.write(`  ${styleText('yellow', f.rule)} ${f.school_id}: ${f.detail}\n`);
    return plan.shortfalls.length > 0 ? EXIT_SHORTFALL : EXIT_OK;
  }),
};

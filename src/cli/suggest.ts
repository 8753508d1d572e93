/** `rotation suggest <scenario> <plan.json> --school S [--subject K]`: who could fill one receiver's open post by hand, and what each choice changes. */
import { basename } from 'node:path';
import { styleText } from 'node:util';
import type { CommandModule } from 'yargs';
import type { NeedsMode } from '../domain/norms-policy.js';
import { readPlanFile } from '../io/read/read-plan.js';
import { readScenario } from '../io/read/read-scenario.js';
import { suggestFor } from '../pipeline.js';
import { savedPlanNeedsOption } from './needs-option.js';
import { scenarioOptions } from './options.js';
import { planPolicy } from '../io/read/plan-overrides.js';
import { planPolicyOption } from './plan-policy.js';
import { EXIT_OK, run } from './run.js';
import { COMMANDS } from './commands.js';

interface Args { scenario: string; plan: string; school: string; subject?: string; year?: number; top: number; json: boolean; encoding: 'auto' | 'utf8' | 'gbk'; set: string[]; needs?: NeedsMode; 'plan-policy': boolean }

export const suggestCommand: CommandModule<object, Args> = {
  command: COMMANDS.suggest.command,
  describe: COMMANDS.suggest.describe,
  builder: (y) => planPolicyOption(scenarioOptions(y
    .positional('scenario', { type: 'string', demandOption: true, describe: '场景文件夹或 .xlsx 工作簿' })
    .positional('plan', { type: 'string', demandOption: true, describe: 'plan.json（plan 或 replan 写出）' })))
    .option('school', { type: 'string', demandOption: true, describe: '接收学校代码' })
    .option('subject', { type: 'string', describe: '空缺岗位的学科（代码或中文名）；默认该校每个未补岗位' })
    .option('year', { type: 'number', describe: '计划年度（默认与计划相同）' })
    .option('top', { type: 'number', default: 10, describe: '列出多少名候选人' })
    .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出候选人' })
    .option('needs', savedPlanNeedsOption)
    .example('$0 suggest scenarios/lucheng-demo final/plan.json --school LC-P008 --subject art', '') as never,
  handler: (args) => run(async () => {
    const plan = await readPlanFile(args.plan);
    const policy = planPolicy(plan, args.set, args['plan-policy']);
    if (policy.note !== null) process.stderr.write(`${policy.note}\n`);
    const read = await readScenario(args.scenario, { encoding: args.encoding, set: policy.sets, optionalNeeds: true });
    for (const w of read.warnings) process.stderr.write(`warning: ${w}\n`);
    const found = suggestFor(read.scenario, plan, { school: args.school, subject: args.subject, year: args.year, top: args.top, needs: args.needs, planFile: basename(args.plan) });
    const { candidates, subject } = found;
    const school = { name: found.school_name };
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ school: args.school, subject, ...(policy.note !== null ? { policy_overrides: args['plan-policy'] ? plan.policy_overrides : {} } : {}), candidates }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (candidates.length === 0) {
      process.stdout.write(`${args.school}${school.name ? ` ${school.name}` : ''}: 没有候选人 / no candidate${subject === null ? ' (no unfilled post: give --subject)' : ''}\n`);
      return EXIT_OK;
    }
    process.stdout.write(`${args.school}${school.name ? ` ${school.name}` : ''}: ${candidates.length} 名候选人 / best ${candidates.length} candidate(s)\n`);
    candidates.forEach((c, i) => {
      const verdict = c.passes_check ? styleText('green', 'passes check') : styleText('red', `breaks ${c.violations.length} rule(s)`);
      process.stdout.write(`${String(i + 1).padStart(2)}. ${c.teacher_id} ${c.name} (${c.from_school}) → ${c.to_school} ${c.subject}: ${verdict}\n`);
      for (const e of c.effects) process.stdout.write(`      ${e}\n`);
      for (const v of c.violations.slice(0, 3)) process.stdout.write(`      ${styleText('red', v)}\n`);
    });
    return EXIT_OK;
  }),
};

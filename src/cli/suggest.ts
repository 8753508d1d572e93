/** `rotation suggest <scenario> <plan.json> --school S [--subject K]`: who could fill one receiver's open post by hand, and what each choice changes. */
import { basename } from 'node:path';
import { styleText } from 'node:util';
import type { CommandModule } from 'yargs';
import { lookupCode } from '../domain/codes.js';
import { InputError } from '../domain/errors.js';
import { NEEDS_MODES, type NeedsMode } from '../domain/norms-policy.js';
import { isReceiver } from '../domain/scenario.js';
import { subjectList } from '../domain/tables.js';
import { readScenario } from '../io/read-scenario.js';
import { scenarioForCheck } from '../review/plan-locks.js';
import { suggestCandidates } from '../review/suggest.js';
import { NEEDS_DESCRIBE, scenarioForPlanNeeds } from './needs-option.js';
import { scenarioOptions } from './options.js';
import { planPolicy, planPolicyOption } from './plan-policy.js';
import { readPlanJson } from './replan.js';
import { EXIT_OK, run } from './run.js';
import { COMMANDS } from './commands.js';

interface Args { scenario: string; plan: string; school: string; subject?: string; year?: number; top: number; json: boolean; encoding: 'auto' | 'utf8' | 'gbk'; set: string[]; needs?: NeedsMode; 'plan-policy': boolean }

export const suggestCommand: CommandModule<object, Args> = {
  command: COMMANDS.suggest.command,
  describe: COMMANDS.suggest.describe,
  builder: (y) => planPolicyOption(scenarioOptions(y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario folder or .xlsx workbook' })
    .positional('plan', { type: 'string', demandOption: true, describe: 'plan.json (from plan or replan)' })))
    .option('school', { type: 'string', demandOption: true, describe: 'receiving school id' })
    .option('subject', { type: 'string', describe: 'subject of the open post (code or Chinese name); default: every unfilled post of the school' })
    .option('year', { type: 'number', describe: 'plan year (default: the plan\'s)' })
    .option('top', { type: 'number', default: 10, describe: 'how many candidates to list' })
    .option('json', { type: 'boolean', default: false, describe: 'print the candidates as JSON' })
    .option('needs', { choices: NEEDS_MODES, describe: `${NEEDS_DESCRIBE} (default: as plan.json stats.needs_mode says, else file)` })
    .example('$0 suggest scenarios/lucheng-demo final/plan.json --school LC-P008 --subject art', '') as never,
  handler: (args) => run(async () => {
    const plan = await readPlanJson(args.plan);
    const policy = planPolicy(plan, args.set, args['plan-policy']);
    if (policy.note !== null) process.stderr.write(`${policy.note}\n`);
    const read = await readScenario(args.scenario, { encoding: args.encoding, set: policy.sets, optionalNeeds: true });
    for (const w of read.warnings) process.stderr.write(`warning: ${w}\n`);
    const scenario = scenarioForCheck(scenarioForPlanNeeds(read.scenario, plan, args.needs), plan, basename(args.plan));
    const school = scenario.schools.find((s) => s.school_id === args.school);
    if (school === undefined || !isReceiver(school)) {
      throw new InputError([{ file: '--school', message: `${args.school} ${school === undefined ? '不在 schools 表中 / is not a school of the scenario' : '不是接收学校 / is not a receiving (rural or weak) school'}` }]);
    }
    const subject = args.subject === undefined ? undefined : lookupCode(subjectList(scenario.policy.subjects), args.subject);
    if (args.subject !== undefined && subject === undefined) throw new InputError([{ file: '--subject', message: `"${args.subject}" 不是学科 / is not a subject` }]);
    const candidates = suggestCandidates(scenario, plan, { school: args.school, ...(subject !== undefined ? { subject } : {}), ...(args.year !== undefined ? { year: args.year } : {}), limit: args.top });
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ school: args.school, subject: subject ?? null, ...(policy.note !== null ? { policy_overrides: args['plan-policy'] ? plan.policy_overrides : {} } : {}), candidates }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (candidates.length === 0) {
      process.stdout.write(`${args.school}${school.name ? ` ${school.name}` : ''}: 没有候选人 / no candidate${subject === undefined ? ' (no unfilled post: give --subject)' : ''}\n`);
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

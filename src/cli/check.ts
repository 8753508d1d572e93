/** `rotation check <scenario> <plan.json>`: re-check a plan (written by the planner or edited by hand) against every rule. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { styleText } from 'node:util';
import type { CommandModule } from 'yargs';
import { checkPlan, type Violation } from '../check/check.js';
import { parsePlanText } from '../check/plan-file.js';
import { InputError } from '../domain/errors.js';
import { readScenario } from '../io/read-scenario.js';
import { scenarioForCheck } from '../review/plan-locks.js';
import { NEEDS_MODES, type NeedsMode } from '../domain/norms-policy.js';
import { NEEDS_DESCRIBE, scenarioForPlanNeeds } from './needs-option.js';
import { scenarioOptions } from './options.js';
import { EXIT_OK, EXIT_SHORTFALL, run } from './run.js';
import { COMMANDS } from './commands.js';

interface Args { scenario: string; plan: string; json: boolean; needs: NeedsMode | undefined; encoding: 'auto' | 'utf8' | 'gbk'; set: string[] }

async function readPlanFile(path: string) {
  const file = basename(path);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new InputError([{ file, message: '找不到计划文件 / cannot read the plan file' }]);
  });
  return parsePlanText(text, file);
}

function printViolations(violations: readonly Violation[]): string {
  if (violations.length === 0) return `${styleText('green', '计划有效 / the plan breaks no rule')}\n`;
  const lines = [styleText('red', `计划违反规则 ${violations.length} 处 / the plan breaks ${violations.length} rule${violations.length === 1 ? '' : 's'}:`)];
  lines.push('rule          school          teacher         message');
  for (const v of violations) lines.push(`${v.rule.padEnd(13)} ${(v.school_id ?? '-').padEnd(15)} ${(v.teacher_id ?? '-').padEnd(15)} ${v.message}`);
  return `${lines.join('\n')}\n`;
}

export const checkCommand: CommandModule<object, Args> = {
  command: COMMANDS.check.command,
  describe: COMMANDS.check.describe,
  builder: (y) => scenarioOptions(y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario folder or .xlsx workbook' })
    .positional('plan', { type: 'string', demandOption: true, describe: 'plan.json written by `rotation plan` (or edited by hand)' }))
    .option('json', { type: 'boolean', default: false, describe: 'print { valid, violations } as JSON' })
    .option('needs', { choices: NEEDS_MODES, describe: `${NEEDS_DESCRIBE} (default: as plan.json stats.needs_mode says, else file)` })
    .example('$0 check scenarios/lucheng-demo out/plan.json', '') as never,
  handler: (args) => run(async () => {
    const read = await readScenario(args.scenario, { encoding: args.encoding, set: args.set, optionalNeeds: true });
    const { warnings } = read;
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    const plan = await readPlanFile(args.plan);
    // Needs derived from the staffing norms are re-derived from the scenario, never taken from the plan.
    const scenario = scenarioForPlanNeeds(read.scenario, plan, args.needs);
    // A final plan from `rotation replan` is checked with the objections it honours (plan.json objection_locks).
    const violations = checkPlan(scenarioForCheck(scenario, plan, basename(args.plan)), plan);
    process.stdout.write(args.json ? `${JSON.stringify({ valid: violations.length === 0, violations }, null, 2)}\n` : printViolations(violations));
    return violations.length === 0 ? EXIT_OK : EXIT_SHORTFALL;
  }),
};

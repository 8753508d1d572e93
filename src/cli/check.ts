/** `rotation check <scenario> <plan.json>`: re-check a plan (written by the planner or edited by hand) against every rule. */
import { basename } from 'node:path';
import { styleText } from 'node:util';
import type { CommandModule } from 'yargs';
import type { Violation } from '../check/check.js';
import type { NeedsMode } from '../domain/norms-policy.js';
import { readPlanFile } from '../io/read-plan.js';
import { readScenario } from '../io/read-scenario.js';
import { checkSavedPlan } from '../pipeline.js';
import { inLanguage, type Lang, terminalLang } from '../report/language.js';
import { savedPlanNeedsOption } from './needs-option.js';
import { langOption, scenarioOptions } from './options.js';
import { EXIT_OK, EXIT_SHORTFALL, run } from './run.js';

interface Args { scenario: string; plan: string; json: boolean; verbose: boolean; lang: Lang | undefined; needs: NeedsMode | undefined; encoding: 'auto' | 'utf8' | 'gbk'; set: string[] }

/** Violations shown without `--verbose`. */
const TOP_VIOLATIONS = 10;

/** The verdict, a count per rule, and the first violations (all with verbose), in one language. */
export function violationsText(violations: readonly Violation[], lang: Lang, verbose: boolean): string {
  if (violations.length === 0) return `${styleText('green', lang === 'zh' ? '计划有效：未违反任何规则' : 'the plan breaks no rule')}\n`;
  const byRule = new Map<string, number>();
  for (const v of violations) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
  const counts = [...byRule].map(([r, n]) => `${r} ${n}`).join(', ');
  const lines = [styleText('red', lang === 'zh' ? `计划违反规则 ${violations.length} 处（${counts}）：` : `the plan breaks ${violations.length} rule${violations.length === 1 ? '' : 's'} (${counts}):`)];
  const shown = verbose ? violations : violations.slice(0, TOP_VIOLATIONS);
  lines.push(lang === 'zh' ? '规则          学校            教师            说明' : 'rule          school          teacher         message');
  for (const v of shown) lines.push(`${v.rule.padEnd(13)} ${(v.school_id ?? '-').padEnd(15)} ${(v.teacher_id ?? '-').padEnd(15)} ${inLanguage(v.message, lang)}`);
  if (shown.length < violations.length) {
    lines.push(lang === 'zh' ? `…另有 ${violations.length - shown.length} 处；加 --verbose 或 --json 列出全部` : `… ${violations.length - shown.length} more; --verbose or --json lists them all`);
  }
  return `${lines.join('\n')}\n`;
}

export const checkCommand: CommandModule<object, Args> = {
  command: 'check <scenario> <plan>',
  describe: '按场景复核 plan.json：R1–R5、锁定、历史、县域、学科、距离及报告的合计',
  builder: (y) => langOption(scenarioOptions(y
    .positional('scenario', { type: 'string', demandOption: true, describe: '场景文件夹或 .xlsx 工作簿' })
    .positional('plan', { type: 'string', demandOption: true, describe: '`rotation plan` 写出（或手工修改过）的 plan.json' })))
    .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出 { valid, violations }' })
    .option('verbose', { type: 'boolean', default: false, describe: '列出全部违规（默认只列前 10 处）' })
    .option('needs', savedPlanNeedsOption)
    .example('$0 check scenarios/lucheng-demo out/plan.json', '') as never,
  handler: (args) => run(async () => {
    const read = await readScenario(args.scenario, { encoding: args.encoding, set: args.set, optionalNeeds: true });
    for (const w of read.warnings) process.stderr.write(`warning: ${w}\n`);
    const plan = await readPlanFile(args.plan);
    // Needs are re-derived from the scenario; a final plan is checked with the objections it honours.
    const violations = checkSavedPlan(read.scenario, plan, { needs: args.needs, planFile: basename(args.plan) });
    process.stdout.write(args.json ? `${JSON.stringify({ valid: violations.length === 0, violations }, null, 2)}\n` : violationsText(violations, terminalLang(args.lang), args.verbose));
    return violations.length === 0 ? EXIT_OK : EXIT_SHORTFALL;
  }),
};

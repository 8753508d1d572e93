/** `rotation diff a/plan.json b/plan.json`: who was added, removed or moved, and how R1/R2/R4/R5 changed. */
import type { CommandModule } from 'yargs';
import { diffSections } from '../io/export/diff-sheet.js';
import type { Plan } from '../domain/plan.js';
import { readPlanFile } from '../io/read/read-plan.js';
import { overridesText } from '../io/read/plan-overrides.js';
import { isEmptyDiff, planDiff, type PlanDiff } from '../report/diff.js';
import { EXIT_OK, run } from './run.js';
import { sectionText } from './text-table.js';
import { COMMANDS } from './commands.js';

interface Args { a: string; b: string; json: boolean; lang: 'zh' | 'en' }

/** The human table: a one-line summary, then each section. */
function diffText(diff: PlanDiff, a: string, b: string, lang: 'zh' | 'en'): string {
  const count = (k: string) => diff.teachers.filter((t) => t.kind === k).length;
  const head = lang === 'zh'
    ? `${a} → ${b}：新增 ${count('added')} 人，移出 ${count('removed')} 人，调整 ${count('moved')} 人`
    : `${a} → ${b}: ${count('added')} added, ${count('removed')} removed, ${count('moved')} moved`;
  if (isEmptyDiff(diff)) return `${head}\n${lang === 'zh' ? '两份计划相同' : 'the plans are the same'}\n`;
  const lines = [head];
  for (const s of diffSections(diff, lang)) lines.push('', ...sectionText(s, lang));
  return `${lines.join('\n')}\n`;
}

/** A line when the two plans were made under different policy overrides (plan.json policy_overrides), else null. */
function policyDifference(a: Plan, b: Plan): string | null {
  const before = overridesText(a);
  const after = overridesText(b);
  if (before === after) return before === '' ? null : `两份计划的政策参数相同 / both plans were made with: ${before}`;
  return `注意: 两份计划的政策参数不同，数字差异可能来自政策 / the plans were made under different policy overrides, so figures may differ for that reason: ${before || '(无 none)'} → ${after || '(无 none)'}`;
}

export const diffCommand: CommandModule<object, Args> = {
  command: COMMANDS.diff.command,
  describe: COMMANDS.diff.describe,
  builder: (y) => y
    .positional('a', { type: 'string', demandOption: true, describe: '较早的 plan.json（如暂定名单）' })
    .positional('b', { type: 'string', demandOption: true, describe: '较晚的 plan.json（如最终名单）' })
    .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出（供程序读取）' })
    .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: '表格的语言' })
    .example('$0 diff provisional/plan.json final/plan.json', '') as never,
  handler: (args) => run(async () => {
    const a = await readPlanFile(args.a);
    const b = await readPlanFile(args.b);
    const diff = planDiff(a, b);
    const policy = policyDifference(a, b);
    process.stdout.write(args.json
      ? `${JSON.stringify(policy === null ? diff : { ...diff, policy_overrides: { before: a.policy_overrides ?? {}, after: b.policy_overrides ?? {} } }, null, 2)}\n`
      : `${policy === null ? '' : `${policy}\n`}${diffText(diff, args.a, args.b, args.lang)}`);
    return EXIT_OK;
  }),
};

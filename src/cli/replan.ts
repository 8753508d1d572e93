/** `rotation replan <scenario> --from provisional/plan.json --out final/`: the final list after the objections, changing as few assignments as possible. */
import { basename, join } from 'node:path';
import type { CommandModule } from 'yargs';
import type { NeedsMode } from '../domain/norms-policy.js';
import type { SolverName } from '../engine/solvers.js';
import { readPlanFile } from '../io/read/read-plan.js';
import { readScenario } from '../io/read/read-scenario.js';
import { inLanguage, type Lang, terminalLang } from '../report/language.js';
import { planSummary } from '../report/plan-summary.js';
import { savedPlanNeedsOption } from './needs-option.js';
import { csvOption, langOption, scenarioOptions, solveOptions, summaryOptions } from './options.js';
import { fullListAt, planHead, summaryBody, summaryJson, violationLine, warningText } from './plan-text.js';
import { planPolicy } from '../io/read/plan-overrides.js';
import { planPolicyOption } from './plan-policy.js';
import { EXIT_OK, EXIT_SHORTFALL, run } from './run.js';
import { COMMANDS } from './commands.js';

interface Args {
  scenario: string; from: string; year?: number; out: string; encoding: 'auto' | 'utf8' | 'gbk'; set: string[]; 'time-limit': number;
  quiet: boolean; lang: Lang | undefined; csv: boolean; solver: SolverName; needs?: NeedsMode; verbose: boolean; json: boolean; 'plan-policy': boolean;
}

export const replanCommand: CommandModule<object, Args> = {
  command: COMMANDS.replan.command,
  describe: COMMANDS.replan.describe,
  builder: (y) => planPolicyOption(summaryOptions(csvOption(langOption(solveOptions(scenarioOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: '场景文件夹或 .xlsx 工作簿（含 objections.csv）' }))), true))))
    .option('from', { type: 'string', demandOption: true, describe: '暂定计划的 plan.json' })
    .option('year', { type: 'number', describe: '计划年度（默认与暂定计划相同）' })
    .option('out', { type: 'string', demandOption: true, describe: '最终 plan.json 和 plan.xlsx 的输出文件夹' })
    .option('needs', savedPlanNeedsOption)
    .example('$0 replan scenarios/lucheng-demo --from out/plan.json --out final/', '') as never,
  // A scenario of a `rotation serve` workspace: the page's busy.lock, as `rotation plan` takes it (src/server/lock.ts).
  handler: (args) => run(async () => (await import('../server/lock.js')).withWorkspaceInputLock(args.scenario, '命令行重新编制 rotation replan (command line)', async () => {
    // Loaded here, not at the top: --help needs neither the solvers nor the workbook (fast start).
    const [{ writePlanOutputs }, { replanYear }] = await Promise.all([import('../io/export/write-plan.js'), import('../pipeline.js')]);
    const lang = terminalLang(args.lang);
    const provisional = await readPlanFile(args.from);
    // The final plan is made under the policy the provisional one was made under, and records it.
    const policy = planPolicy(provisional, args.set, args['plan-policy']);
    if (policy.note !== null) process.stderr.write(`${policy.note}\n`);
    const read = await readScenario(args.scenario, { encoding: args.encoding, set: policy.sets, optionalNeeds: true });
    for (const w of read.warnings) process.stderr.write(`warning: ${w}\n`);
    const say = (s: string) => { if (!args.quiet) process.stderr.write(`${s}\n`); };
    const objections = (read.scenario.objections ?? []).length;
    if (objections === 0) say('  no objections.csv rows: the final plan keeps the provisional assignments');
    const final = await replanYear(read.scenario, provisional, {
      ...(args.year !== undefined ? { year: args.year } : {}), ...(args.needs !== undefined ? { needs: args.needs } : {}),
      solver: args.solver, timeoutMs: args['time-limit'] * 1000, planFile: basename(args.from), sets: policy.sets,
    });
    const { plan, violations, changes } = final;
    const written = await writePlanOutputs(args.out, { scenario: final.scenario, plan, lang: args.lang ?? 'zh', csv: args.csv });
    say(`  wrote ${written.map((f) => join(args.out, f)).join(', ')}`);
    const path = join(args.out, 'plan.json');
    const count = (k: string) => changes.filter((c) => c.change === k).length;
    if (args.json) {
      const data = { ...summaryJson(final.scenario, plan, violations, path, args.verbose), objections, provisional_assignments: provisional.assignments.length, changes };
      process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    } else {
      const head = lang === 'zh'
        ? `${plan.plan_year} 学年：采纳异议 ${objections} 条；暂定名单 ${provisional.assignments.length} 人中变动 ${changes.length} 人（新增 ${count('added')}，移出 ${count('removed')}，调整 ${count('moved')}）`
        : `${plan.plan_year}: ${objections} objection(s) applied; ${changes.length} of ${provisional.assignments.length} provisional assignments changed (${count('added')} added, ${count('removed')} removed, ${count('moved')} moved)`;
      const names = new Map(final.scenario.teachers.map((t) => [t.teacher_id, t.name]));
      const kind = { added: lang === 'zh' ? '新增' : 'added', removed: lang === 'zh' ? '移出' : 'removed', moved: lang === 'zh' ? '调整' : 'moved' } as Record<string, string>;
      const shownChanges = args.verbose ? changes : changes.slice(0, 10);
      const lines = [head, planHead(plan, path, lang), ...shownChanges.map((c) => `  ${(kind[c.change] ?? c.change).padEnd(7)} ${c.teacher_id.padEnd(10)} ${(names.get(c.teacher_id) ?? '').padEnd(4, '　')} ${c.before_school ?? '-'} ${c.before_subject ?? ''} → ${c.after_school ?? '-'} ${c.after_subject ?? ''}: ${inLanguage(c.cause, lang)}`)];
      if (shownChanges.length < changes.length) {
        lines.push(lang === 'zh' ? `  …另有 ${changes.length - shownChanges.length} 项变动，见 ${join(args.out, 'plan.xlsx')} 的「变动」表（或加 --verbose）` : `  … ${changes.length - shownChanges.length} more changes in the Changes sheet of ${join(args.out, 'plan.xlsx')} (or use --verbose)`);
      }
      lines.push(...summaryBody(planSummary(final.scenario, plan), lang, args.verbose, fullListAt(args.out, lang)));
      process.stdout.write(`${lines.join('\n')}\n${warningText(plan, lang)}`);
    }
    for (const v of violations) process.stderr.write(`${violationLine(v, lang)}\n`);
    return plan.shortfalls.length > 0 || violations.length > 0 ? EXIT_SHORTFALL : EXIT_OK;
  })),
};

/** `rotation validate <scenario>`: read and check a scenario, then show per county what the year requires. */
import type { CommandModule } from 'yargs';
import { eligibilityAll } from '../policy/eligibility.js';
import { pointsTable } from '../policy/points.js';
import { summarize, type ScenarioSummary } from '../report/scenario-summary.js';
import { termOf } from '../policy/term.js';
import { readScenario } from '../io/read/read-scenario.js';
import { applyNeedsMode } from '../policy/norms.js';
import { normsJson, normsText } from './needs-option.js';
import { scenarioOptions, yearOption } from './options.js';
import { pointsText } from './points-text.js';
import { EXIT_OK, run } from './run.js';
import { COMMANDS } from './commands.js';

interface Args { scenario: string; year: number; json: boolean; encoding: 'auto' | 'utf8' | 'gbk'; set: string[]; eligibility: boolean; needs: boolean; points: boolean; lang: 'zh' | 'en' }

function printSummary(s: ScenarioSummary, out: (line: string) => void): void {
  out(`场景 scenario ${s.scenario} — ${s.year} 学年 term ${s.term.start} … ${s.term.end}`);
  out(`教师 teachers ${s.teachers}, 符合交流条件 eligible ${s.eligible}`);
  for (const c of s.counties) {
    out('');
    out(`${c.county}: ${c.senders} 派出学校 senders, ${c.receivers} 接收学校 receivers, ${c.teachers} teachers, ${c.eligible} eligible, ≥ ${c.required} to send, ${c.needs} 缺编 needed posts (${c.needs_running} 已由在轮岗教师填补，净 ${c.needs_net} / ${c.needs_running} filled by running rotations, ${c.needs_net} net — the figure plan reports)`);
    if (c.sender_list.length === 0) continue;
    out('  school_id        eligible  backbone  R1 ≥10%  cap  R2 ≥20%  name');
    for (const x of c.sender_list) {
      out(`  ${x.school_id.padEnd(16)} ${String(x.eligible).padStart(8)}  ${String(x.eligible_backbone).padStart(8)}  ${String(x.required).padStart(7)}  ${String(x.cap).padStart(3)}  ${String(x.backbone_required).padStart(7)}  ${x.name}`);
    }
  }
}

export const validateCommand: CommandModule<object, Args> = {
  command: COMMANDS.validate.command,
  describe: COMMANDS.validate.describe,
  builder: (y) => yearOption(scenarioOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: '场景文件夹或 .xlsx 工作簿' })))
    .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出（供程序读取）' })
    .option('eligibility', { type: 'boolean', default: false, describe: '另列出每位教师是否符合交流条件及原因' })
    .option('needs', { type: 'boolean', default: false, describe: '另列出按编制标准测算的各接收学校缺编（编制测算）' })
    .option('points', { type: 'boolean', default: false, describe: '另列出派出学校每位教师的积分：各项、合计、校内排名' })
    .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: '--points 表的语言' })
    .example('$0 validate scenarios/lucheng-demo --year 2019', '') as never,
  handler: (args) => run(async () => {
    // needs.csv may be missing with --needs: the derivation shows what the norms give.
    const read = await readScenario(args.scenario, { encoding: args.encoding, set: args.set, optionalNeeds: args.needs });
    const { warnings } = read;
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    const term = termOf(args.year, read.scenario.policy);
    // What `plan` will use: needs.csv, and the norms for receivers without rows.
    const needs = applyNeedsMode(read.scenario, term, 'auto');
    const { scenario } = needs;
    const eligibility = eligibilityAll(scenario, term);
    const summary = { ...summarize(scenario, term, eligibility), ...(args.needs ? normsJson(needs) : {}) };
    if (args.json) {
      const points = args.points ? { points: pointsTable(scenario, term, eligibility) } : {};
      process.stdout.write(`${JSON.stringify({ ...summary, ...(args.eligibility ? { eligibility } : {}), ...points }, null, 2)}\n`);
      return EXIT_OK;
    }
    const lines: string[] = [];
    printSummary(summary, (l) => lines.push(l));
    if (args.eligibility) {
      lines.push('', 'teacher_id  eligible  reasons');
      for (const e of eligibility) lines.push(`${e.teacher_id}  ${e.eligible ? 'yes' : 'no '}  ${e.reasons.join('; ')}`);
    }
    if (args.points) lines.push('', ...pointsText(pointsTable(scenario, term, eligibility), scenario.policy, args.lang));
    if (args.needs) lines.push('', ...normsText(needs, 'zh'));
    process.stdout.write(`${lines.join('\n')}\n`);
    return EXIT_OK;
  }),
};

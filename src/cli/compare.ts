/**
 * `rotation compare <scenario> --year Y --set key=value … --variant "name: k=v,k=v" …`:
 * plans the scenario under its own policy (the base, always the first
 * column) and under each variant (pipeline.ts compareVariants), and prints
 * the figures side by side.
 */
import { styleText } from 'node:util';
import type { CommandModule } from 'yargs';
import { InputError } from '../domain/errors.js';
import type { NeedsMode } from '../domain/norms-policy.js';
import type { SolverName } from '../engine/solvers.js';
import { variantsOf } from '../io/read/policy-overrides.js';
import { col } from '../io/export/sheet-model.js';
import type { CompareColumn } from '../pipeline.js';
import { inLanguage, type Lang, terminalLang } from '../report/language.js';
import { planNeedsOption } from './needs-option.js';
import { langOption, solveOptions, solveSettings, yearOption } from './options.js';
import { EXIT_OK, run } from './run.js';
import { sectionText } from './text-table.js';
import { COMMANDS } from './commands.js';

interface Args {
  scenario: string; year: number; set: string[]; variant: string[]; encoding: 'auto' | 'utf8' | 'gbk';
  'time-limit': number; solver: SolverName; jobs: number | undefined; json: boolean; lang: Lang | undefined; quiet: boolean; needs: NeedsMode;
}

const ROWS: readonly { key: string; zh: string; en: string; show: (c: CompareColumn, lang: Lang) => string }[] = [
  { key: 'sent', zh: '派出人数 (R1)', en: 'sent (R1)', show: (c) => String(c.figures.sent) },
  { key: 'backbone_sent', zh: '骨干派出 (R2)', en: 'backbone sent (R2)', show: (c) => String(c.figures.backbone_sent) },
  { key: 'r2_excused', zh: '免于骨干比例的派出学校 (R2)', en: 'senders excused from R2', show: (c) => String(c.figures.r2_excused) },
  { key: 'gaps', zh: '已补/缺编 (R4)', en: 'gaps filled / needed (R4)', show: (c) => `${c.figures.gaps_filled}/${c.figures.gaps_needed}` },
  { key: 'r5', zh: '有县级骨干的接收学校 (R5)', en: 'receivers with R5 backbone', show: (c) => `${c.figures.r5_covered}/${c.figures.receivers}` },
  { key: 'allowance_cost', zh: '津贴合计（元）', en: 'allowance cost (yuan)', show: (c) => c.figures.allowance_cost.toFixed(2) },
  { key: 'rotation_allowance_cost', zh: '其中轮岗教师（元）', en: 'of it rotated teachers', show: (c) => c.figures.rotation_allowance_cost.toFixed(2) },
  { key: 'backbone_cv', zh: '骨干差异系数 小学/初中', en: 'backbone CV primary/junior', show: (c) => [c.figures.backbone_cv.primary, c.figures.backbone_cv.junior].map((x) => (x === null ? '–' : x.toFixed(4))).join('/') },
  { key: 'shortfalls', zh: '未满足事项', en: 'shortfalls', show: (c) => String(c.figures.shortfalls) },
  { key: 'optimal', zh: '已证明最优', en: 'proven optimal', show: (c, lang) => (c.figures.optimal ? (lang === 'zh' ? '是' : 'yes') : (lang === 'zh' ? '否' : 'no')) },
  { key: 'changed', zh: '与基准相比变动人数', en: 'teachers changed vs base', show: (c) => String(c.changed_from_base) },
];

/** The side-by-side table: one row per figure, one column per variant (the base first). */
function compareText(columns: readonly CompareColumn[], lang: Lang): string[] {
  const keys = columns.map((_, i) => `c${i}`);
  const section = {
    columns: [col('figure', '项目', 'figure'), ...columns.map((c, i) => col(keys[i]!, c.name, c.name, 'int'))],
    rows: ROWS.map((r) => ({ figure: lang === 'zh' ? r.zh : r.en, ...Object.fromEntries(columns.map((c, i) => [keys[i]!, r.show(c, lang)])) })),
  };
  const legend = columns.slice(1).filter((c) => c.name !== c.sets.join(',')).map((c) => `  ${c.name}: ${c.sets.join(', ')}`);
  return [...sectionText(section, lang), ...(legend.length > 0 ? ['', ...legend] : [])];
}

export const compareCommand: CommandModule<object, Args> = {
  command: COMMANDS.compare.command,
  describe: COMMANDS.compare.describe,
  builder: (y) => langOption(solveOptions(yearOption(y.positional('scenario', { type: 'string', demandOption: true, describe: '场景文件夹或 .xlsx 工作簿' }))))
    .option('set', { type: 'string', array: true, default: [] as string[], describe: '每个 --set 是一个变体，如 --set rotation.min_share=0.15' })
    .option('variant', { type: 'string', array: true, default: [] as string[], describe: '含多个设置的变体："名称: min_share=0.15,backbone_min_share=0.3"' })
    .option('encoding', { choices: ['auto', 'utf8', 'gbk'] as const, default: 'auto' as const, describe: 'CSV 文件编码（auto 自动区分 UTF-8 与 GBK/GB18030）' })
    .option('needs', planNeedsOption)
    .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出各列（供程序读取）' })
    .option('quiet', { type: 'boolean', default: false, describe: '不在 stderr 上显示进度' })
    .example('$0 compare scenarios/lucheng-demo --year 2019 --set rotation.min_share=0.15 --variant "strict: min_share=0.2,backbone_min_share=0.3"', '') as never,
  handler: (args) => run(async () => {
    // Loaded here, not at the top: --help needs neither the solvers nor the workbook (fast start).
    const { compareVariants } = await import('../pipeline.js');
    const lang = terminalLang(args.lang);
    const variants = variantsOf(args.set, args.variant);
    if (variants.length === 0) throw new InputError([{ file: '--set', message: '请至少给出一个变体 / give at least one --set or --variant to compare with the base' }]);
    const columns = await compareVariants(args.scenario, args.year, variants, {
      read: { encoding: args.encoding }, needs: args.needs, settings: solveSettings(args), baseName: lang === 'zh' ? '基准' : 'base',
      onWarning: (w) => process.stderr.write(`warning: ${w}\n`),
      onVariant: (name, done, total) => { if (!args.quiet) process.stderr.write(`  ${name} planned (${done}/${total})\n`); },
    });
    for (const c of columns) for (const x of c.violations) process.stderr.write(`${styleText('red', `check ${x.rule}`)} ${c.name}: ${inLanguage(x.message, lang)}\n`);
    process.stdout.write(args.json
      ? `${JSON.stringify({ scenario: args.scenario, year: args.year, columns: columns.map(({ violations: _, ...c }) => c) }, null, 2)}\n`
      : `${compareText(columns, lang).join('\n')}\n`);
    return EXIT_OK;
  }),
};

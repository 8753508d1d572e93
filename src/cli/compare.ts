/**
 * `rotation compare <scenario> --year Y --set key=value … --variant "name: k=v,k=v" …`:
 * plans the scenario under its own policy (the base, always the first
 * column) and under each variant, and prints the figures side by side.
 */
import { styleText } from 'node:util';
import type { CommandModule } from 'yargs';
import { InputError } from '../domain/errors.js';
import type { NeedsMode } from '../domain/norms-policy.js';
import type { Plan } from '../domain/plan.js';
import { defaultPolicy } from '../domain/policy.js';
import type { Scenario } from '../domain/scenario.js';
import { SOLVER_NAMES, type SolverName } from '../engine/solver-names.js';
import { readScenario } from '../io/read-scenario.js';
import { col, type Lang } from '../io/sheet-model.js';
import { compareFigures, type CompareFigures } from '../report/compare.js';
import { planDiff } from '../report/diff.js';
import { planNeedsOption, scenarioWithNeeds } from './needs-option.js';
import { yearOption } from './options.js';
import type { SolveSettings } from './plan-run.js';
import { progress } from './progress.js';
import { EXIT_OK, run } from './run.js';
import { sectionText } from './text-table.js';
import { COMMANDS } from './commands.js';

interface Args {
  scenario: string; year: number; set: string[]; variant: string[]; encoding: 'auto' | 'utf8' | 'gbk';
  'time-limit': number; solver: SolverName; jobs: number | undefined; json: boolean; lang: Lang; quiet: boolean; needs: NeedsMode;
}

/** A policy variant: its column name and its `key=value` overrides (full dotted keys). */
export interface Variant {
  readonly name: string;
  readonly sets: readonly string[];
  /** Where it was given, for messages: `--set` or `--variant "name"`. */
  readonly origin: string;
}

/**
 * "min_share" → "rotation.min_share": a key without a section is looked up
 * among the policy's sections and must name exactly one.
 */
export function qualifyKey(key: string, origin: string): string {
  if (key.includes('.')) return key;
  const policy = defaultPolicy() as unknown as Record<string, unknown>;
  const sections = Object.keys(policy).filter((s) => {
    const v = policy[s];
    return typeof v === 'object' && v !== null && !Array.isArray(v) && key in v;
  });
  if (sections.length === 1) return `${sections[0]}.${key}`;
  throw new InputError([{
    file: origin, column: key,
    message: sections.length === 0
      ? '未知的设置项 / unknown policy key (write it in full, e.g. rotation.min_share)'
      : `设置项不明确，请写全 / ambiguous key, write one of: ${sections.map((s) => `${s}.${key}`).join(', ')}`,
  }]);
}

/** "strict: min_share=0.15,backbone_min_share=0.3" (the name is optional) → a Variant. */
export function parseVariant(spec: string): Variant {
  const colon = spec.indexOf(':');
  const eq = spec.indexOf('=');
  const named = colon > 0 && (eq < 0 || colon < eq);
  const name = named ? spec.slice(0, colon).trim() : spec.trim();
  const origin = `--variant "${name}"`;
  // Split at commas that start a new key=, so a JSON value like [1,2] stays whole.
  const parts = (named ? spec.slice(colon + 1) : spec).split(/,(?=\s*[A-Za-z_][\w.]*\s*=)/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new InputError([{ file: origin, message: '变体没有设置项 / the variant sets no key; write key=value,key=value' }]);
  const sets = parts.map((p) => {
    const at = p.indexOf('=');
    if (at <= 0) throw new InputError([{ file: origin, message: `"${p}" 应写成 key=value / must be key=value, e.g. rotation.min_share=0.15` }]);
    return `${qualifyKey(p.slice(0, at).trim(), origin)}=${p.slice(at + 1).trim()}`;
  });
  return { name, sets, origin };
}

/** Each `--set` alone is one variant; each `--variant` one more. */
export function variantsOf(sets: readonly string[], variants: readonly string[]): Variant[] {
  return [
    ...sets.map((s) => {
      const v = parseVariant(s);
      return { ...v, origin: '--set' };
    }),
    ...variants.map(parseVariant),
  ];
}

export interface CompareColumn {
  readonly name: string;
  readonly sets: readonly string[];
  readonly figures: CompareFigures;
  /** Teachers added, removed or moved against the base plan (0 for the base). */
  readonly changed_from_base: number;
  readonly check: 'passed' | string;
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
export function compareText(columns: readonly CompareColumn[], lang: Lang): string[] {
  const keys = columns.map((_, i) => `c${i}`);
  const section = {
    columns: [col('figure', '项目', 'figure'), ...columns.map((c, i) => col(keys[i]!, c.name, c.name, 'int'))],
    rows: ROWS.map((r) => ({ figure: lang === 'zh' ? r.zh : r.en, ...Object.fromEntries(columns.map((c, i) => [keys[i]!, r.show(c, lang)])) })),
  };
  const legend = columns.slice(1).filter((c) => c.name !== c.sets.join(',')).map((c) => `  ${c.name}: ${c.sets.join(', ')}`);
  return [...sectionText(section, lang), ...(legend.length > 0 ? ['', ...legend] : [])];
}

/** An input error of a variant's overrides is told as that variant's (not the base's `--set`). */
function asVariant(err: unknown, v: Variant): unknown {
  if (!(err instanceof InputError)) return err;
  return new InputError(err.problems.map((p) => (p.file === '--set' ? { ...p, file: v.origin } : p)));
}

export const compareCommand: CommandModule<object, Args> = {
  command: COMMANDS.compare.command,
  describe: COMMANDS.compare.describe,
  builder: (y) => yearOption(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario folder or .xlsx workbook' }))
    .option('set', { type: 'string', array: true, default: [] as string[], describe: 'one variant per --set, e.g. --set rotation.min_share=0.15' })
    .option('variant', { type: 'string', array: true, default: [] as string[], describe: 'a variant of several keys: "name: min_share=0.15,backbone_min_share=0.3"' })
    .option('encoding', { choices: ['auto', 'utf8', 'gbk'] as const, default: 'auto' as const, describe: 'CSV encoding (auto tells UTF-8 from GBK/GB18030)' })
    .option('time-limit', { type: 'number', default: 120, describe: 'seconds the solver may spend on one county' })
    .option('solver', { choices: SOLVER_NAMES, default: 'auto' as SolverName, describe: 'MILP solver (as for plan)' })
    .option('jobs', { type: 'number', describe: 'worker threads for the counties (as for plan; default one per core, 1 = none)' })
    .option('needs', planNeedsOption)
    .option('json', { type: 'boolean', default: false, describe: 'print the columns as JSON for machines' })
    .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: 'language of the table' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' })
    .example('$0 compare scenarios/lucheng-demo --year 2019 --set rotation.min_share=0.15 --variant "strict: min_share=0.2,backbone_min_share=0.3"', '') as never,
  handler: (args) => run(async () => {
    const variants = variantsOf(args.set, args.variant);
    if (variants.length === 0) throw new InputError([{ file: '--set', message: '请至少给出一个变体 / give at least one --set or --variant to compare with the base' }]);
    const base: Variant = { name: args.lang === 'zh' ? '基准' : 'base', sets: [], origin: '--set' };
    // Read every variant first, so a bad key fails before any solving.
    const scenarios: Scenario[] = [];
    for (const v of [base, ...variants]) {
      const read = await readScenario(args.scenario, { encoding: args.encoding, set: v.sets, optionalNeeds: args.needs !== 'file' })
        .catch((err: unknown) => { throw asVariant(err, v); });
      if (v === base) for (const w of read.warnings) process.stderr.write(`warning: ${w}\n`);
      // Needs as `rotation plan` takes them (needs.csv, staffing norms where it has no rows); a variant may change the norms.
      scenarios.push(scenarioWithNeeds(read.scenario, args.year, args.needs));
    }
    const plans: Plan[] = [];
    const columns: CompareColumn[] = [];
    const settings: SolveSettings = { solver: args.solver, timeoutMs: args['time-limit'] * 1000, jobs: args.jobs, exportLp: false };
    // The engine and the solvers load only now (fast `--help`).
    const { planCheckedYear } = await import('./plan-run.js');
    for (const [i, v] of [base, ...variants].entries()) {
      // The plan command's own path: solve (counties on workers when several), extend, check.
      const { plan, violations } = await planCheckedYear(scenarios[i]!, args.year, settings, progress(process.stderr, { quiet: true }));
      plans.push(plan);
      columns.push({
        name: v.name, sets: v.sets, figures: compareFigures(plan), changed_from_base: planDiff(plans[0]!, plan).changed,
        check: violations.length === 0 ? 'passed' : `failed: ${violations.length} violation(s)`,
      });
      if (!args.quiet) process.stderr.write(`  ${v.name} planned (${i + 1}/${variants.length + 1})\n`);
      for (const x of violations) process.stderr.write(`${styleText('red', `check ${x.rule}`)} ${v.name}: ${x.message}\n`);
    }
    process.stdout.write(args.json
      ? `${JSON.stringify({ scenario: args.scenario, year: args.year, columns }, null, 2)}\n`
      : `${compareText(columns, args.lang).join('\n')}\n`);
    return EXIT_OK;
  }),
};

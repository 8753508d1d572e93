/**
 * `rotation check <scenario> <plan>`: re-check a plan — plan.json as written
 * or edited by hand, or an edited plan.xlsx — against every rule. Rules
 * broken are violations (exit 2); figures the plan states that counting does
 * not give (a stale distance, county_backbone_after …) are notes.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { styleText } from 'node:util';
import type { CommandModule } from 'yargs';
import { checkEditedPlan, type Violation } from '../check/check.js';
import { type UnknownField, unknownFieldText } from '../domain/plan-fields.js';
import { parsePlanFields } from '../io/read/plan-json.js';
import { planFromSheet, yearOfSheet } from '../check/rebuild.js';
import { InputError } from '../domain/errors.js';
import type { Plan } from '../domain/plan.js';
import { NEEDS_MODES, type NeedsMode } from '../domain/norms-policy.js';
import { readInputText } from '../io/read/read-input.js';
import { readScenario } from '../io/read/read-scenario.js';
import { scenarioForCheck } from '../review/plan-locks.js';
import { NEEDS_DESCRIBE } from './needs-option.js';
import { scenarioOptions } from './options.js';
import { planPolicy } from '../io/read/plan-overrides.js';
import { planPolicyOption } from './plan-policy.js';
import { inLanguage, type Lang, terminalLang } from '../report/language.js';
import { langOption } from './options.js';
import { EXIT_OK, EXIT_SHORTFALL, run } from './run.js';
import { COMMANDS } from './commands.js';

interface Args {
  scenario: string; plan: string; json: boolean; needs: NeedsMode | undefined; encoding: 'auto' | 'utf8' | 'gbk'; set: string[];
  'plan-policy': boolean; strict: boolean; year: number | undefined; verbose: boolean; lang: Lang | undefined;
}

/** Violations and notes shown without `--verbose`. */
const SHOWN = 10;

async function readPlanJsonFile(path: string): Promise<{ plan: Plan; unknownFields: UnknownField[] }> {
  const text = await readInputText(path, basename(path));
  return parsePlanFields(text, basename(path));
}

/** The note on fields the check did not read (not a violation: the exit code does not change). */
function printUnknownFields(file: string, fields: readonly UnknownField[]): string {
  if (fields.length === 0) return '';
  const n = fields.length;
  const head = `注 / note: ${file} 中有 ${n} 个字段不属于计划格式，检查未读取 / ${n} field${n === 1 ? ' is' : 's are'} not part of the plan format and ${n === 1 ? 'was' : 'were'} not checked:`;
  return `${[styleText('yellow', head), ...fields.map((f) => `  ${unknownFieldText(f)}`)].join('\n')}\n`;
}

const isWorkbook = (path: string) => ['.xlsx', '.xls'].includes(extname(path).toLowerCase());

/** The plan.json written beside a workbook (same folder), if any: it carries the year, policy overrides, needs mode and objection locks. */
async function besideJson(xlsx: string): Promise<{ path: string; plan: Plan } | null> {
  const path = join(dirname(xlsx), 'plan.json');
  if (!(await stat(path).then((s) => s.isFile(), () => false))) return null;
  return { path, plan: (await readPlanJsonFile(path)).plan };
}

function list(title: string, items: readonly Violation[], colour: 'red' | 'yellow', lang: Lang, verbose: boolean): string[] {
  const lines = [styleText(colour, title), lang === 'zh' ? '规则          学校            教师            说明' : 'rule          school          teacher         message'];
  const shown = verbose ? items : items.slice(0, SHOWN);
  for (const v of shown) lines.push(`${v.rule.padEnd(13)} ${(v.school_id ?? '-').padEnd(15)} ${(v.teacher_id ?? '-').padEnd(15)} ${inLanguage(v.message, lang)}`);
  if (shown.length < items.length) lines.push(lang === 'zh' ? `…另有 ${items.length - shown.length} 处；加 --verbose 或 --json 列出全部` : `… ${items.length - shown.length} more; --verbose or --json lists them all`);
  return lines;
}

/** The human report; `notes` is empty under --strict, where `counted` bookkeeping differences are among the violations. */
function printOutcome(violations: readonly Violation[], notes: readonly Violation[], counted: number, lang: Lang, verbose: boolean): string {
  const lines: string[] = [];
  if (violations.length === 0) lines.push(styleText('green', lang === 'zh' ? '计划有效：未违反任何规则' : 'the plan breaks no rule'));
  else lines.push(...list(lang === 'zh' ? `计划违反规则 ${violations.length} 处：` : `the plan breaks ${violations.length} rule${violations.length === 1 ? '' : 's'}:`, violations, 'red', lang, verbose));
  if (notes.length === 0 && counted > 0) lines.push(`其中记账差异 ${counted} 处（--strict 按违规计）/ ${counted} of them bookkeeping differences, counted as violations (--strict)`);
  if (notes.length > 0) {
    const head = `记账差异 ${notes.length} 处（不违反规则，计划所写数字与实际计数不符，如手工修改后未更新）/ ${notes.length} bookkeeping note(s): figures the plan states that counting does not give (stale after an edit); no rule broken:`;
    lines.push('', ...list(inLanguage(head, lang), notes, 'yellow', lang, verbose));
  }
  return `${lines.join('\n')}\n`;
}

export const checkCommand: CommandModule<object, Args> = {
  command: COMMANDS.check.command,
  describe: COMMANDS.check.describe,
  builder: (y) => langOption(planPolicyOption(scenarioOptions(y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario folder or .xlsx workbook' })
    .positional('plan', { type: 'string', demandOption: true, describe: 'plan.json written by `rotation plan` (or edited by hand), or plan.xlsx edited in Excel (its 轮岗名单 sheet)' }))))
    .option('json', { type: 'boolean', default: false, describe: '以 JSON 输出 { valid, violations, notes }' })
    .option('verbose', { type: 'boolean', default: false, describe: '列出全部违规与记账差异（默认各列前 10 处）' })
    .option('strict', { type: 'boolean', default: false, describe: 'count bookkeeping differences (stale distances, totals …) as violations too' })
    .option('year', { type: 'number', describe: 'plan year of an edited plan.xlsx (default: its plan.json\'s, else the year of its start dates)' })
    .option('needs', { choices: NEEDS_MODES, describe: `${NEEDS_DESCRIBE} (default: as plan.json stats.needs_mode says, else file)` })
    .example('$0 check scenarios/lucheng-demo out/plan.json', '')
    .example('$0 check scenarios/lucheng-demo out/plan.xlsx', 'the list as HR edited it in Excel') as never,
  handler: (args) => run(async () => {
    // Loaded here, not at the top: --help needs neither the solvers nor the workbook (fast start).
    const { scenarioForPlanNeeds } = await import('../pipeline.js');
    const say = (s: string) => process.stderr.write(`${s}\n`);
    const fromSheet = isWorkbook(args.plan);
    // exceljs loads only for an edited plan.xlsx (fast start of a plan.json check).
    const sheet = fromSheet ? await (await import('../io/read/read-plan-workbook.js')).readPlanWorkbook(args.plan) : null;
    const beside = fromSheet ? await besideJson(args.plan) : null;
    // An edited workbook carries only the decisions; the year, overrides and needs mode come from its plan.json.
    const read1 = sheet === null ? await readPlanJsonFile(args.plan) : null;
    const unknownFields = read1?.unknownFields ?? [];
    const context: Plan | null = read1?.plan ?? beside?.plan ?? null;
    const year = args.year ?? context?.plan_year ?? (sheet === null ? null : yearOfSheet(sheet));
    if (year === null || year === undefined) throw new InputError([{ file: basename(args.plan), message: '无法确定计划年度，请用 --year 2019 指定 / cannot tell the plan year: give --year 2019' }]);
    if (sheet !== null) say(`按编辑后的名单重新计算 / recomputing the plan from ${sheet.file} (${sheet.rows.length} row(s))${beside === null ? '' : `; year, policy overrides and needs mode from ${beside.path}`}`);
    const policy = planPolicy(context ?? skeletonOf(year), args.set, args['plan-policy']);
    if (policy.note !== null) say(policy.note);
    const read = await readScenario(args.scenario, { encoding: args.encoding, set: policy.sets, optionalNeeds: true });
    for (const w of read.warnings) say(`warning: ${w}`);
    const given = sheet === null ? context! : { ...skeletonOf(year), stats: { ...skeletonOf(year).stats, ...(context?.stats ?? {}) }, ...(context?.['objection_locks'] !== undefined ? { objection_locks: context['objection_locks'] } : {}) };
    // Needs derived from the staffing norms are re-derived from the scenario, never taken from the plan.
    const needsScenario = scenarioForPlanNeeds(read.scenario, given, args.needs);
    // A final plan from `rotation replan` is checked with the objections it honours (plan.json objection_locks).
    const scenario = scenarioForCheck(needsScenario, given, basename(beside?.path ?? args.plan));
    const plan = sheet === null ? given : planFromSheet(scenario, sheet, { ...given, plan_year: year });
    const outcome = checkEditedPlan(scenario, plan);
    const violations = args.strict ? [...outcome.violations, ...outcome.notes] : outcome.violations;
    const notes = args.strict ? [] : outcome.notes;
    if (args.json) {
      process.stdout.write(`${JSON.stringify({
        valid: violations.length === 0, violations, notes,
        ...(sheet !== null ? { recomputed_from: sheet.file, plan_year: year } : {}),
        ...(policy.note !== null ? { policy_overrides: args['plan-policy'] ? context?.policy_overrides ?? {} : {} } : {}),
        ...(unknownFields.length > 0 ? { unknown_fields: unknownFields } : {}),
      }, null, 2)}\n`);
    } else process.stdout.write(printOutcome(violations, notes, outcome.notes.length, terminalLang(args.lang), args.verbose) + printUnknownFields(basename(args.plan), unknownFields));
    return violations.length === 0 ? EXIT_OK : EXIT_SHORTFALL;
  }),
};

/** A plan with no assignments and nothing stated: the frame an edited sheet is rebuilt in. */
function skeletonOf(year: number): Plan {
  return {
    plan_year: year, period: { start: '', end: '' }, assignments: [], senders: [], gaps: [], receivers: [], allowances: [], shortfalls: [],
    stats: { teachers: 0, eligible: 0, sent: 0, gaps_needed: 0, gaps_filled: 0, solve_ms: 0, optimal: false },
  };
}

/** What `rotation plan` does once its flags are parsed (loaded on demand by plan.ts). */
import { join } from 'node:path';
import { InputError } from '../domain/errors.js';
import { readScenario } from '../io/read/read-scenario.js';
import { writePlanOutputs } from '../io/export/write-plan.js';
import { writeTree } from '../io/export/write-tree.js';
import { lpExportFiles } from '../io/export/years-files.js';
import { countyCount, planYear, scenarioWithNeeds } from '../pipeline.js';
import { terminalLang } from '../report/language.js';
import { planSummary } from '../report/plan-summary.js';
import { parseYears, solveSettings } from './options.js';
import { fullListAt, planHead, summaryBody, summaryJson, violationLine, warningText } from './plan-text.js';
import { planYearsCommand } from './plan-years.js';
import { progress } from './progress.js';
import { EXIT_OK, EXIT_SHORTFALL } from './run.js';
import type { PlanArgs } from './plan.js';

/** Plans the year (or the years), writes the outputs, prints the summary; the exit code. */
export async function planHandler(args: PlanArgs): Promise<number> {
  // A scenario of a `rotation serve` workspace: its busy.lock, so the page and the command line never plan it at once.
  const { BusyError, lockWorkspaceInput } = await import('../server/lock.js');
  let release: () => Promise<void>;
  try {
    release = await lockWorkspaceInput(args.scenario, '命令行编制 rotation plan (command line)');
  } catch (err) {
    if (!(err instanceof BusyError)) throw err;
    const h = err.holder;
    throw new InputError([{ file: args.scenario, message: `场景正忙：${h?.what ?? '?'}（进程 ${h?.pid ?? '?'}，${h?.host ?? '?'}，${h?.since ?? '?'} 起），请等它完成 / the scenario is busy (${h?.what ?? '?'}, pid ${h?.pid ?? '?'} on ${h?.host ?? '?'} since ${h?.since ?? '?'}): wait for it to finish` }]);
  }
  try {
    return await planLocked(args);
  } finally {
    await release();
  }
}

async function planLocked(args: PlanArgs): Promise<number> {
    const read = await readScenario(args.scenario, { encoding: args.encoding, set: args.set, optionalNeeds: args.needs !== 'file' });
    const lang = terminalLang(args.lang);
    for (const w of read.warnings) process.stderr.write(`warning: ${w}\n`);
    // Receivers without needs.csv rows (or all, with --needs norms) take their needs from the staffing norms.
    const scenario = scenarioWithNeeds(read.scenario, args.year ?? parseYears(args.years!)[0]!, args.needs);
    if (args.years !== undefined) return planYearsCommand(scenario, parseYears(args.years), args, lang);
    const say = (s: string) => { if (!args.quiet) process.stderr.write(`${s}\n`); };
    const shown = progress(process.stderr, { quiet: args.quiet || countyCount(scenario) < 2 });
    const year = await planYear(scenario, args.year!, { ...solveSettings(args, args['export-lp'] !== undefined), sets: args.set }, shown);
    if (args['export-lp'] !== undefined) {
      await writeTree(args['export-lp'], lpExportFiles(year));
      say(`  wrote ${year.models.length} LP file(s) into ${args['export-lp']}`);
    }
    const { plan, violations } = year;
    const written = await writePlanOutputs(args.out, { scenario, plan, lang: args.lang ?? 'zh', csv: args.csv });
    say(`  wrote ${written.map((f) => join(args.out, f)).join(', ')}`);
    const path = join(args.out, 'plan.json');
    if (args.json) {
      process.stdout.write(`${JSON.stringify(summaryJson(scenario, plan, violations, path, args.verbose), null, 2)}\n`);
    } else {
      const lines = [planHead(plan, path, lang), ...summaryBody(planSummary(scenario, plan), lang, args.verbose, fullListAt(args.out, lang))];
      process.stdout.write(`${lines.join('\n')}\n${warningText(plan, lang)}`);
    }
    for (const v of violations) process.stderr.write(`${violationLine(v, lang)}\n`);
    return plan.shortfalls.length > 0 || violations.length > 0 ? EXIT_SHORTFALL : EXIT_OK;
}

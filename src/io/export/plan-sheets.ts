/**
 * The sheets of plan.xlsx (and the CSV files), in order: 说明, 轮岗名单,
 * 派出学校配额, 学科缺口, 接收学校骨干, (走教 when the plan has covers), 津贴, 职称预警, 收入对比, (银龄讲学 with volunteers.csv),
 * 未满足事项, 编制测算, 均衡, 公示 (and 变动 after a replan). Pure:
 * plan + scenario + report tables in, sheet models out.
 */
import type { Plan } from '../../domain/plan.js';
import { allowancesSheet } from './allowances-sheet.js';
import { assignmentsSheet } from './assignments-sheet.js';
import { balanceSheet } from './balance-sheet.js';
import { normsSheet } from './norms-sheet.js';
import { changesSheet } from './changes-sheet.js';
import { gapsSheet } from './gaps-sheet.js';
import { incomeSheet } from './income-sheet.js';
import { itinerantSheet } from './itinerant-sheet.js';
import { notesSheet } from './notes-sheet.js';
import { noticeSheet } from './notice-sheet.js';
import type { PlanWorkbookInput } from './plan-sheet-input.js';
import { receiversSheet } from './receivers-sheet.js';
import { sendersSheet } from './senders-sheet.js';
import { shortfallsSheet } from './shortfalls-sheet.js';
import { titlesSheet } from './titles-sheet.js';
import { volunteersSheet } from './volunteers-sheet.js';
import type { Lang, PlanSheet } from './sheet-model.js';

/** Receivers whose needs came from the staffing norms (plan.json stats.needs_from_norms). */
const fromNorms = (plan: Plan): Set<string> => new Set(plan.stats.needs_from_norms ?? []);

/** Every sheet of the plan workbook, in order. */
export function planSheets(input: PlanWorkbookInput, lang: Lang): PlanSheet[] {
  return [
    notesSheet(input, lang), assignmentsSheet(input, lang), sendersSheet(input, lang), gapsSheet(input, lang),
    receiversSheet(input, lang), ...[itinerantSheet(input.scenario, input.plan, lang)].filter((x) => x !== null), allowancesSheet(input, lang), titlesSheet(input, lang), incomeSheet(input, lang),
    ...[volunteersSheet(input.scenario, input.plan, lang)].filter((x) => x !== null),
    shortfallsSheet(input, lang), normsSheet(input.scenario, input.report.norms, fromNorms(input.plan), lang),
    balanceSheet(input.report.balance, lang), noticeSheet(input, lang),
    ...[changesSheet(input.scenario, input.plan, lang)].filter((x) => x !== null),
  ];
}

/** The 未满足事项 sheet of plan.xlsx. */
import { inLang } from '../../domain/messages.js';
import { type PlanWorkbookInput, namer, type Row, SCHOOL, SCHOOL_NAME } from './plan-sheet-input.js';
import { col, type Lang, type PlanSheet } from './sheet-model.js';

export function shortfallsSheet({ scenario, plan }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const columns = [col('rule', '规则', 'Rule'), SCHOOL, SCHOOL_NAME, col('detail', '说明', 'Detail')];
  const rows = plan.shortfalls.map((s): Row => ({ ...s, detail: inLang(s.detail, lang), school_name: n.school(s.school_id) }));
  return { key: 'shortfalls', zh: '未满足事项', en: 'Shortfalls', sections: [{ columns, rows }] };
}

/** The 派出学校配额 sheet of plan.xlsx. */
import { inLang } from '../../domain/messages.js';
import { CAP_COLUMN, capOf } from './plan-sheet-columns.js';
import { type PlanWorkbookInput, namer, type Row, SCHOOL, SCHOOL_NAME, COUNTY } from './plan-sheet-input.js';
import { col, type Lang, type PlanSheet } from './sheet-model.js';

export function sendersSheet({ scenario, plan }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const columns = [
    SCHOOL, SCHOOL_NAME, COUNTY, col('eligible', '符合交流条件人数', 'Eligible', 'int'), col('required', '应派人数', 'Required', 'int'),
    col('sent', '实派人数', 'Sent', 'int'), col('backbone_sent', '骨干实派', 'Backbone sent', 'int'),
    col('backbone_required', '骨干应派', 'Backbone required', 'int'), col('met', '达标', 'Met', 'bool'), col('why', '说明', 'Why'),
    CAP_COLUMN,
  ];
  const rows = plan.senders.map((s): Row => ({
    ...s, why: s.why === null ? null : inLang(s.why, lang), school_name: n.school(s.school_id), county: n.county(s.school_id), cap: capOf(s, scenario),
  }));
  return { key: 'senders', zh: '派出学校配额', en: 'Senders', sections: [{ columns, rows }] };
}

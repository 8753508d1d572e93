/** The 接收学校骨干 sheet of plan.xlsx. */
import { type PlanWorkbookInput, namer, type Row, SCHOOL, SCHOOL_NAME, COUNTY } from './plan-sheet-input.js';
import { col, type Lang, type PlanSheet } from './sheet-model.js';

export function receiversSheet({ scenario, plan }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const tier = new Map(scenario.schools.map((s) => [s.school_id, s.tier]));
  const columns = [
    SCHOOL, SCHOOL_NAME, COUNTY, col('tier', '艰苦程度', 'Tier', 'int'),
    col('county_backbone_before', '县级以上骨干（轮岗前）', 'County backbone before', 'int'),
    col('county_backbone_after', '县级以上骨干（轮岗后）', 'County backbone after', 'int'),
  ];
  const rows = plan.receivers.map((r): Row => ({ ...r, school_name: n.school(r.school_id), county: n.county(r.school_id), tier: tier.get(r.school_id) }));
  return { key: 'receivers', zh: '接收学校骨干', en: 'Receivers', sections: [{ columns, rows }] };
}

/** The 学科缺口 sheet of plan.xlsx. */
import { gapsChartOption } from '../../report/charts.js';
import { type PlanWorkbookInput, namer, type Row, SCHOOL, SCHOOL_NAME, COUNTY } from './plan-sheet-input.js';
import { col, type Lang, type PlanSheet } from './sheet-model.js';

export function gapsSheet({ scenario, plan }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const columns = [
    SCHOOL, SCHOOL_NAME, COUNTY, col('subject', '学科', 'Subject'), col('needed', '缺编人数（净）', 'Needed (net)', 'int'),
    col('filled', '已补', 'Filled', 'int'), col('unfilled', '未补', 'Unfilled', 'int'),
    // 走教 (plan.json itinerant): how much of each gap the covers take, in periods and in posts made whole.
    ...(plan.itinerant === undefined ? [] : [
      col('itinerant_periods', '走教课时/周', 'Itinerant periods/week', 'int'), col('itinerant_posts', '走教折合岗位', 'Posts covered by 走教', 'int'),
    ]),
    // With volunteers.csv: how many of the posts rotation leaves open volunteers fill (银龄讲学).
    ...(plan.gaps.some((g) => g.volunteers !== undefined) ? [col('volunteers', '其中银龄讲学补', 'Of which volunteers fill', 'int')] : []),
  ];
  const rows = plan.gaps.map((g): Row => ({ ...g, subject: n.subject(g.subject), school_name: n.school(g.school_id), county: n.county(g.school_id) }));
  const posts = new Map<string, { name: string; needed: number; filled: number }>();
  for (const g of plan.gaps) {
    const p = posts.get(g.school_id) ?? { name: n.school(g.school_id) || g.school_id, needed: 0, filled: 0 };
    posts.set(g.school_id, { ...p, needed: p.needed + g.needed, filled: p.filled + g.filled });
  }
  const charts = posts.size === 0 ? [] : [{ key: 'gaps', option: gapsChartOption([...posts.values()], lang), width: 860, height: 380 }];
  return { key: 'gaps', zh: '学科缺口', en: 'Gaps', sections: [{ columns, rows }], charts };
}

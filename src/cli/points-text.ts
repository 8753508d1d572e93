/** The `rotation validate --points` table: the formula, then every teacher's parts, total and rank within the school. */
import type { Policy } from '../domain/policy.js';
import { POINTS_PARTS, type PointsPart } from '../domain/points-policy.js';
import { col, type Lang } from '../io/sheet-model.js';
import type { PointsRow } from '../policy/points.js';
import { sectionText } from './text-table.js';

export const POINTS_PART_LABELS: Readonly<Record<PointsPart, { zh: string; en: string }>> = {
  months_at_school: { zh: '本校月数', en: 'months at school' },
  service_months: { zh: '工作月数', en: 'months of service' },
  age_years: { zh: '年龄', en: 'age' },
  backbone: { zh: '骨干等级', en: 'backbone level' },
  title_need: { zh: '职称需乡村任教', en: 'title needs rural service' },
  rural_months: { zh: '乡村任教月数', en: 'rural months' },
};

/** "积分 = 1 × 本校月数" — the parts with a non-zero weight. */
export function pointsFormula(policy: Policy, lang: Lang): string {
  const terms = POINTS_PARTS.filter((k) => policy.points[k] !== 0).map((k) => `${policy.points[k]} × ${POINTS_PART_LABELS[k][lang]}`);
  const head = lang === 'zh' ? '积分' : 'points';
  const ties = lang === 'zh'
    ? '同分时出生日期早者优先，再按教师编号（字符顺序）'
    : 'ties: earlier birth date first, then the smaller teacher id (character order)';
  return `${head} = ${terms.length > 0 ? terms.join(' + ') : '0'}; ${ties}`;
}

export function pointsText(rows: readonly PointsRow[], policy: Policy, lang: Lang): string[] {
  const notEligible = lang === 'zh' ? '不符合条件' : 'not eligible';
  const section = {
    columns: [
      col('school_id', '学校代码', 'school', 'id'), col('rank', '校内排序', 'rank', 'id'), col('teacher_id', '教师编号', 'teacher', 'id'),
      col('name', '姓名', 'name'), ...POINTS_PARTS.map((k) => col(k, POINTS_PART_LABELS[k].zh, POINTS_PART_LABELS[k].en, 'int')),
      col('total', '积分', 'total', 'decimal'),
    ],
    rows: rows.map((r) => ({ school_id: r.school_id, rank: r.rank === null ? notEligible : String(r.rank), teacher_id: r.teacher_id, name: r.name, ...r.parts, total: r.total })),
  };
  return [pointsFormula(policy, lang), ...sectionText(section, lang)];
}

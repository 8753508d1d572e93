/** The `rotation validate --points` table: the formula, then every teacher's parts, total and rank within the school. */
import type { Policy } from '../domain/policy.js';
import { POINTS_PART_LABELS, POINTS_PARTS } from '../domain/points-policy.js';
import { col, type Lang } from '../io/export/sheet-model.js';
import { pointsFormula, type PointsRow } from '../policy/points.js';
import { sectionText } from './text-table.js';

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

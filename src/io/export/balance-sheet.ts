/** The 均衡 sheet of plan.xlsx: the county's 差异系数 before and after the plan, from plan.json `balance`. */
import { STAGES } from '../../domain/codes.js';
import type { BalanceIndicator, BalanceRow } from '../../policy/balance.js';
import { balanceChartOption } from '../../report/charts.js';
import { col, type CellValue, type Lang, type PlanSheet } from './sheet-model.js';

type Row = Record<string, CellValue>;

const INDICATOR_LABEL: Readonly<Record<BalanceIndicator, { zh: string; en: string }>> = {
  education: { zh: '每百名学生拥有高于规定学历教师数', en: 'Teachers above required education per 100 students' },
  backbone: { zh: '每百名学生拥有县级以上骨干教师数', en: 'County-level-or-above backbone teachers per 100 students' },
  pe_music_art: { zh: '每百名学生拥有体育、艺术（美术、音乐）专任教师数', en: 'PE, music and art teachers per 100 students' },
};

/** 均衡 sheet: plan.json `balance`, one row per county, stage and indicator. */
export function balanceSheet(rows: readonly BalanceRow[], lang: Lang): PlanSheet {
  const zh = lang === 'zh';
  const columns = [
    col('county', '县市区', 'County', 'text'), col('stage', '学段', 'Stage'), col('indicator', '指标', 'Indicator'),
    col('schools', '学校数', 'Schools', 'int'), col('students', '学生数', 'Students', 'int'),
    col('per_100_before', '每百名学生（轮岗前）', 'Per 100 students before', 'decimal'),
    col('per_100_after', '每百名学生（轮岗后）', 'Per 100 students after', 'decimal'),
    col('before', '差异系数（轮岗前）', 'CV before', 'decimal'), col('after', '差异系数（轮岗后）', 'CV after', 'decimal'),
    col('limit', '国家标准', 'National limit', 'decimal'), col('within', '达到国家标准', 'Within limit', 'bool'),
    col('target', '温州目标', 'Wenzhou target', 'decimal'), col('meets_target', '达到温州目标', 'Meets target', 'bool'),
  ];
  const out = rows.map((r): Row => ({
    ...r, stage: zh ? STAGES.zh[r.stage] : r.stage, indicator: INDICATOR_LABEL[r.indicator][lang],
  }));
  const charts = rows.some((r) => r.before !== null || r.after !== null)
    ? [{ key: 'balance', option: balanceChartOption(rows, lang), width: 900, height: 400 }] : [];
  return { key: 'balance', zh: '均衡', en: 'Balance', sections: [{ columns, rows: out }], charts };
}

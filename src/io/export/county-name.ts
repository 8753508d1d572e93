/** The county named on printed pages and the notice. */
import type { Lang } from './sheet-model.js';

/** The counties a scenario's schools lie in, as a page header names them. */
export function countyName(counties: readonly string[], lang: Lang): string {
  const unique = [...new Set(counties.filter((c) => c !== ''))];
  if (unique.length <= 3) return unique.join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh' ? `${unique.slice(0, 3).join('、')}等 ${unique.length} 个县（市、区）` : `${unique.slice(0, 3).join(', ')} and ${unique.length - 3} more`;
}

/**
 * One language per line. The planner's explanations are written
 * "中文 / English", often in several such parts ("头 / head: 理由 / reason");
 * the terminal shows one language, chosen by `--lang` or the locale.
 */

export type Lang = 'zh' | 'en';

export { inLanguage } from './in-language.js';

/**
 * The terminal's language: the flag when given, else the locale's
 * (LC_ALL, LC_MESSAGES, LANG: en… → English, zh… → Chinese), Chinese when unknown.
 *
 * @example terminalLang(undefined, { LANG: 'en_US.UTF-8' }) // 'en'
 */
export function terminalLang(flag: Lang | undefined, env: Record<string, string | undefined> = process.env): Lang {
  if (flag !== undefined) return flag;
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^en([_.-]|$)/i.test(locale) ? 'en' : 'zh';
}


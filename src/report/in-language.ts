/**
 * One language of a "中文 / English" text: no Node import, so the review
 * page (web/) shows the planner's explanations with the same function the
 * terminal uses (language.ts re-exports it).
 */
/** The two languages (as language.ts names them). */
type Lang = 'zh' | 'en';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const SEPARATORS = [': ', '; ', '；', '：', ', ', '，'] as const;

/**
 * One language of a "中文 / English" text. Each ` / ` parts a Chinese span
 * from an English one; between two ` / `, the English of one part and the
 * Chinese of the next meet at the last separator whose left side has no
 * Chinese. A text that does not have that shape is returned whole.
 *
 * @example inLanguage('缺 1 人 / 1 post unfilled: 县内无人 / nobody can go', 'en') // '1 post unfilled: nobody can go'
 */
export function inLanguage(text: string, lang: Lang): string {
  const pieces = text.split(' / ');
  if (pieces.length < 2) return text;
  let zh = pieces[0]!;
  let en = '';
  for (const middle of pieces.slice(1, -1)) {
    const cut = splitPoint(middle);
    if (cut === null) return text;
    en += middle.slice(0, cut.at) + englishSeparator(cut.sep);
    zh += cut.sep + middle.slice(cut.at + cut.sep.length);
  }
  en += pieces.at(-1)!;
  // Each side must be its language: a "/" inside one sentence is not a language break (names may appear on both sides).
  if (!CJK.test(zh) || !/[A-Za-z]{2}/.test(en)) return text;
  return lang === 'zh' ? zh : en;
}

function splitPoint(piece: string): { at: number; sep: string } | null {
  return lastSplit(piece, SEPARATORS) ?? lastSplit(piece, [' ']);
}

function lastSplit(piece: string, separators: readonly string[]): { at: number; sep: string } | null {
  let best: { at: number; sep: string } | null = null;
  for (const sep of separators) {
    for (let at = piece.indexOf(sep); at >= 0; at = piece.indexOf(sep, at + 1)) {
      if (CJK.test(piece.slice(0, at))) continue;
      if (!CJK.test(piece.slice(at + sep.length))) continue;
      if (best === null || at > best.at) best = { at, sep };
    }
  }
  return best;
}

const englishSeparator = (sep: string) => ({ '；': '; ', '：': ': ', '，': ', ' } as Record<string, string>)[sep] ?? sep;

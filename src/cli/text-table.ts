/** Sheet sections as aligned text for the terminal (CJK characters count double). */
import { displayText, label, type Lang, type SheetSection, textWidth } from '../io/export/sheet-model.js';

const pad = (text: string, width: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - textWidth(text)));
  return right ? fill + text : text + fill;
};

/** One section: its title, a header row and the rows, columns aligned; numbers to the right. */
export function sectionText(section: SheetSection, lang: Lang, empty = lang === 'zh' ? '（无）' : '(none)'): string[] {
  const head = section.columns.map((c) => label(c, lang));
  const cells = section.rows.map((r) => section.columns.map((c) => displayText(r[c.key], c.kind, lang)));
  const widths = head.map((h, i) => Math.max(textWidth(h), ...cells.map((row) => textWidth(row[i]!))));
  const right = section.columns.map((c, i) => cells.length > 0 && cells.every((row) => /^-?[\d.]+$|^$/.test(row[i]!)) && c.kind !== 'id');
  const line = (row: string[]) => `  ${row.map((t, i) => pad(t, widths[i]!, right[i]!)).join('  ')}`.trimEnd();
  const out = section.title ? [label(section.title, lang)] : [];
  if (cells.length === 0) return [...out, `  ${empty}`];
  return [...out, line(head), ...cells.map(line)];
}

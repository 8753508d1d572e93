/**
 * A fast path for string-width, the package yargs and cliui measure every line of a help screen with (three copies:
 * string-width 8 for yargs, 7 for cliui and for wrap-ansi). The bundle of the command line (vite.cli.config.ts)
 * puts it in front of each copy, which stays the exact path. string-width segments every string into grapheme
 * clusters with Intl.Segmenter and tests emoji regular expressions: creating the segmenter and compiling the
 * expressions took some 50 ms of `rotation --help` here, and yargs renders the command's help after starting
 * every command (to show it if the command fails), so every command paid it.
 *
 * The texts we print are Chinese, ASCII and a few dashes, arrows and signs. For a string made only of the code
 * points `isSimple` accepts, each code point is a grapheme cluster of its own that is neither an emoji nor a
 * zero-width mark, so every copy of string-width gives the sum of the code points' East Asian Widths (control
 * characters count 0), which is what this returns. Anything else (ANSI escapes, emoji, combining marks, Hangul
 * jamo, astral code points…) returns undefined and goes to the exact path. test/cli/fast-string-width.test.ts
 * compares this with every installed copy of string-width, code point by code point.
 */

type EastAsianWidth = (codePoint: number, options: { ambiguousAsWide: boolean }) => number;

/**
 * Code points that are a grapheme cluster on their own and that no copy of string-width treats as an emoji, a
 * zero-width character or a combining mark: ASCII and its control characters (not ESC, which may start an ANSI
 * escape), Latin-1 (not ©, ®, the soft hyphen, nor C1 CSI), general punctuation (not ‼ ⁉ nor the zero-width and
 * direction marks), arrows (not ↔–↙ ↩ ↪), mathematical operators, CJK punctuation (not 〰 〽 nor the tone marks),
 * kana (not the combining sound marks), CJK ideographs (extension A and the unified block) and fullwidth forms.
 */
export function isSimple(cp: number): boolean {
  if (cp <= 0x7e) return cp !== 0x1b;
  if (cp <= 0xff) return cp !== 0x9b && cp !== 0xa9 && cp !== 0xad && cp !== 0xae;
  if (cp >= 0x4e00) return cp <= 0x9fff || (cp >= 0xff01 && cp <= 0xff60);
  if (cp >= 0x3400) return cp <= 0x4dbf;
  if (cp >= 0x3000) return cp <= 0x30ff && cp !== 0x3030 && cp !== 0x303d && !(cp >= 0x302a && cp <= 0x302f) && cp !== 0x3099 && cp !== 0x309a;
  if (cp >= 0x2010 && cp <= 0x2027) return true;
  if (cp >= 0x2030 && cp <= 0x205e) return cp !== 0x203c && cp !== 0x2049;
  if (cp >= 0x2190 && cp <= 0x21ff) return !(cp >= 0x2194 && cp <= 0x2199) && cp !== 0x21a9 && cp !== 0x21aa;
  return cp >= 0x2200 && cp <= 0x22ff;
}

/** A control character: string-width gives it no width. */
const isControl = (cp: number) => cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);

/**
 * The width string-width gives `text`, when every code point of it `isSimple`; else undefined (the caller then
 * asks string-width itself). `eastAsianWidth` is the copy's own get-east-asian-width.
 */
export function simpleWidth(text: unknown, options: unknown, eastAsianWidth: EastAsianWidth): number | undefined {
  if (typeof text !== 'string') return undefined;
  let ambiguousAsWide = false;
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null) return undefined;
    const narrow = (options as { ambiguousIsNarrow?: unknown }).ambiguousIsNarrow;
    ambiguousAsWide = !(narrow === undefined ? true : narrow);
  }
  const eaw = { ambiguousAsWide };
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp >= 0x20 && cp <= 0x7e) width++;
    else if (!isSimple(cp)) return undefined;
    else if (!isControl(cp)) width += eastAsianWidth(cp, eaw);
  }
  return width;
}

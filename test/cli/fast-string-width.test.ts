/**
 * src/cli/fast-string-width.ts answers for string-width in the command line's bundle (vite.cli.config.ts puts it
 * in front of every copy yargs and cliui use). It must give what each installed copy gives, and the bundle's
 * rewrite of a copy (fast path first, the segmenter and the emoji expression made when first needed) must give
 * what the copy gives on everything, the strings the fast path hands on included.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSimple, simpleWidth } from '../../src/cli/fast-string-width.js';
import { fastStringWidth } from '../../vite.cli.config.js';
import { ROOT } from './built-cli.js';

type StringWidth = (text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;
type EastAsianWidth = (codePoint: number, options: { ambiguousAsWide: boolean }) => number;

/** Every installed copy of string-width (its folder), as the bundle finds them through yargs, cliui and wrap-ansi. */
function copies(dir = join(ROOT, 'node_modules'), depth = 0): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (name.startsWith('@')) { found.push(...copies(path, depth)); continue; }
    if (name === 'string-width') found.push(path);
    if (depth < 2) {
      try { found.push(...copies(join(path, 'node_modules'), depth + 1)); } catch { /* no nested node_modules */ }
    }
  }
  return found;
}

/** The code points the fast path takes. */
const SIMPLE: number[] = [];
for (let cp = 0; cp <= 0xffff; cp++) if (isSimple(cp)) SIMPLE.push(cp);

/** Strings the fast path must hand on: ANSI escapes, emoji, combining marks, Hangul jamo, astral and zero-width code points. */
const EXOTIC = ['\u001B[31m红\u001B[39m', 'a\u0301', '👍', '👨‍👩‍👧', '1️⃣', '©', '©️', '\u200B', '\u00AD', 'ᄀ\u1161', '한국어', '𠀀', '〰', '↔', 'ﾊﾞ', '\uFEFF字', 'क्षि', '🇨🇳'];

const versions = new Map<string, { width: StringWidth; eaw: EastAsianWidth }>();
beforeAll(async () => {
  for (const dir of copies()) {
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    const width = (await import(pathToFileURL(join(dir, 'index.js')).href) as { default: StringWidth }).default;
    // The copy's own get-east-asian-width, as the rewrite passes it.
    const eawPath = createRequire(join(dir, 'index.js')).resolve('get-east-asian-width');
    const eaw = (await import(pathToFileURL(eawPath).href) as { eastAsianWidth: EastAsianWidth }).eastAsianWidth;
    versions.set(`${dir.slice(ROOT.length + 1)} ${version}`, { width, eaw });
  }
});

describe('the fast path gives what every copy of string-width gives', () => {
  it('finds the copies yargs (8) and cliui (7) use', () => {
    expect([...versions.keys()].some((k) => k.startsWith('node_modules/string-width '))).toBe(true);
    expect(versions.size).toBeGreaterThanOrEqual(2);
  });

  it('every simple code point alone, ambiguous characters narrow and wide', () => {
    for (const [name, { width, eaw }] of versions) {
      const wrong = SIMPLE.filter((cp) => {
        const ch = String.fromCharCode(cp);
        return simpleWidth(ch, undefined, eaw) !== width(ch) || simpleWidth(ch, { ambiguousIsNarrow: false }, eaw) !== width(ch, { ambiguousIsNarrow: false });
      });
      expect(wrong.map((cp) => cp.toString(16)), name).toEqual([]);
    }
  });

  it('any string of simple code points', () => {
    const text = fc.array(fc.constantFrom(...SIMPLE), { maxLength: 40 }).map((cps) => String.fromCharCode(...cps));
    for (const [name, { width, eaw }] of versions) {
      fc.assert(fc.property(text, (t) => simpleWidth(t, undefined, eaw) === width(t)), { numRuns: 300, seed: 11 });
      expect(name).toBeTruthy();
    }
  });

  it('hands on what it cannot measure exactly', () => {
    const eaw = [...versions.values()][0]!.eaw;
    for (const t of EXOTIC) expect(simpleWidth(t, undefined, eaw), JSON.stringify(t)).toBeUndefined();
    expect(simpleWidth(42, undefined, eaw)).toBeUndefined();
  });
});

describe('the bundle\'s rewrite of each copy', () => {
  let dir: string;
  const rewritten = new Map<string, StringWidth>();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rotation-string-width-'));
    for (const copy of copies()) {
      const name = copy.slice(ROOT.length + 1).replaceAll(/[\\/]/g, '_');
      const entry = join(dir, `${name}.mjs`);
      writeFileSync(entry, `export { default } from ${JSON.stringify(join(copy, 'index.js'))};\n`);
      await build({
        configFile: false, logLevel: 'silent', root: ROOT, plugins: [fastStringWidth()], ssr: { noExternal: true },
        build: { ssr: entry, outDir: join(dir, name), emptyOutDir: true, minify: false, rolldownOptions: { output: { entryFileNames: 'index.js' } } },
      });
      const text = readFileSync(join(dir, name, 'index.js'), 'utf8');
      expect(text).toContain('exactStringWidth');
      expect(text).not.toMatch(/new Intl\.Segmenter\(\);/);
      rewritten.set(copy.slice(ROOT.length + 1), (await import(pathToFileURL(join(dir, name, 'index.js')).href) as { default: StringWidth }).default);
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives what the copy gives, on simple and exotic strings', async () => {
    for (const copy of copies()) {
      const original = (await import(pathToFileURL(join(copy, 'index.js')).href) as { default: StringWidth }).default;
      const patched = rewritten.get(copy.slice(ROOT.length + 1))!;
      for (const t of [...EXOTIC, '', 'rotation validate <scenario>', '显示帮助信息', '计划年度（学期自该年开始，如 2019 → 2019-09-01…2020-08-31）', 'R1 ≥10% – ×', '\r\n', 'tab\there']) {
        expect(patched(t), `${copy} ${JSON.stringify(t)}`).toBe(original(t));
        expect(patched(t, { ambiguousIsNarrow: false }), `${copy} ${JSON.stringify(t)} wide`).toBe(original(t, { ambiguousIsNarrow: false }));
        expect(patched(t, { countAnsiEscapeCodes: true }), `${copy} ${JSON.stringify(t)} ansi`).toBe(original(t, { countAnsiEscapeCodes: true }));
      }
    }
  });
});

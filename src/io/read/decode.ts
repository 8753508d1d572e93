/**
 * Bytes of a CSV file → text. UTF-8 (with or without BOM) or GB18030/GBK, as
 * older tools write. Some GBK bytes are valid UTF-8 too, so when both decode
 * we keep the one whose header row names our columns (and, when the header
 * reads the same both ways, the one whose data is not foreign letters).
 */
import { InputError } from '../../domain/errors.js';

export type Encoding = 'utf8' | 'gbk' | 'auto';

const XLS_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function isLegacyXls(bytes: Uint8Array): boolean {
  return XLS_MAGIC.every((b, i) => bytes[i] === b);
}

function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** How many of `known` header names appear in the first line of `text`. */
function headerScore(text: string, known: ReadonlySet<string>): number {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map((h) => h.replace(/^\uFEFF/, '').replace(/^"|"$/g, '').trim().toLowerCase())
    .filter((h) => known.has(h)).length;
}

/**
 * Decodes a CSV file's bytes. `known` holds every accepted header (lower case)
 * so that the right decoding can be told apart.
 */
export function decodeCsv(bytes: Uint8Array, file: string, encoding: Encoding, known: ReadonlySet<string>): string {
  if (isLegacyXls(bytes)) {
    throw new InputError([{ file, message: '这是旧版 Excel (.xls) 文件，请另存为 .xlsx 或 CSV / this is a legacy .xls file: please save it as .xlsx or CSV' }]);
  }
  // Excel's "Unicode text" is UTF-16 (and tab-separated): neither UTF-8 nor GBK would read it.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError([{ file, message: '这是 UTF-16 文本，请另存为 CSV UTF-8 / this is UTF-16 text: please save it as CSV UTF-8 (comma-separated)' }]);
  }
  if (encoding === 'gbk') return new TextDecoder('gb18030').decode(bytes);
  const utf8 = tryDecode(bytes, 'utf-8');
  if (encoding === 'utf8') {
    if (utf8 === undefined) throw new InputError([{ file, message: '文件不是 UTF-8 编码 / the file is not valid UTF-8 (try --encoding gbk)' }]);
    return utf8;
  }
  const gbk = new TextDecoder('gb18030').decode(bytes);
  if (utf8 === undefined) return gbk;
  // TextDecoder drops the BOM from its output, so look for it in the bytes.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8;
  const byHeader = headerScore(gbk, known) - headerScore(utf8, known);
  if (byHeader !== 0) return byHeader > 0 ? gbk : utf8;
  // Same header both ways (English headers): GBK text that happens to be valid UTF-8 reads as letters of
  // scripts no roster here holds, so the data decides.
  return !gbk.includes('\uFFFD') && foreignLetters(utf8) > foreignLetters(gbk) ? gbk : utf8;
}

/** Letters of Latin Extended … NKo (U+0100–U+07FF): what GB2312 Chinese turns into when read as UTF-8. */
function foreignLetters(text: string): number {
  return text.match(/[\u0100-\u07ff]/g)?.length ?? 0;
}

export { isLegacyXls };

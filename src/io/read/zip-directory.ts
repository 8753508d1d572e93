/**
 * Walking a zip archive (PKWARE's APPNOTE): the end record, the central
 * directory's entries, an entry's compressed bytes. Shared by zip-read.ts (a
 * .zip of scenario CSV files) and zip-limits.ts (a workbook's size check),
 * each of which says in its own words what is wrong with an archive.
 */

/** What is wrong with an archive: no end record, a damaged directory, a damaged entry header, an entry cut short. */
export type ZipFault = 'not_zip' | 'directory' | 'header' | 'truncated';

export class ZipFormatError extends Error {
  constructor(readonly fault: ZipFault, readonly entry = '') {
    super(`${fault}${entry === '' ? '' : `: ${entry}`}`);
    this.name = 'ZipFormatError';
  }
}

/** The end record: how many entries the directory lists and where it starts. */
export interface ZipEnd {
  readonly count: number;
  readonly offset: number;
}

/** One entry of the central directory. */
export interface CentralEntry {
  readonly name: string;
  /** General purpose flags (bit 0: encrypted; bit 11: the name is UTF-8). */
  readonly flags: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** Compressed and declared (uncompressed) sizes, and the local header's offset; Infinity when a zip64 value is missing. */
  readonly compressed: number;
  readonly declared: number;
  readonly local: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;

/**
 * The end record of `buf` (22 bytes plus a comment of at most 65,535), or null when there is none.
 *
 * @example zipEnd(bytes)?.count // 12
 */
export function zipEnd(buf: Buffer): ZipEnd | null {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) return { count: buf.readUInt16LE(i + 10), offset: buf.readUInt32LE(i + 16) };
  }
  return null;
}

/** A zip64 extra field's 8-byte values, in the order of the 32-bit fields that were 0xFFFFFFFF. */
function zip64Values(buf: Buffer, start: number, length: number): number[] {
  for (let at = start; at + 4 <= start + length;) {
    const id = buf.readUInt16LE(at);
    const size = buf.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      const out: number[] = [];
      for (let v = at + 4; v + 8 <= at + 4 + size; v += 8) out.push(Number(buf.readBigUInt64LE(v)));
      return out;
    }
    at += 4 + size;
  }
  return [];
}

/**
 * The entries the central directory lists; throws ZipFormatError('directory')
 * where it is damaged. A name is UTF-8 when flag bit 11 says so; otherwise
 * Windows' zip tools write the local code page (GBK in China).
 *
 * @example centralDirectory(bytes, zipEnd(bytes)!).map((e) => e.name) // ['teachers.csv', …]
 */
export function centralDirectory(buf: Buffer, end: ZipEnd): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let at = end.offset;
  for (let i = 0; i < end.count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError('directory');
    const flags = buf.readUInt16LE(at + 8);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    let compressed = buf.readUInt32LE(at + 20);
    let declared = buf.readUInt32LE(at + 24);
    let local = buf.readUInt32LE(at + 42);
    const wide = zip64Values(buf, at + 46 + nameLength, extraLength);
    if (declared === 0xffffffff) declared = wide.shift() ?? Infinity;
    if (compressed === 0xffffffff) compressed = wide.shift() ?? Infinity;
    if (local === 0xffffffff) local = wide.shift() ?? Infinity;
    const rawName = buf.subarray(at + 46, at + 46 + nameLength);
    const name = (flags & 0x800) !== 0 ? rawName.toString('utf8') : new TextDecoder('gb18030').decode(rawName);
    entries.push({ name, flags, method: buf.readUInt16LE(at + 10), compressed, declared, local });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The compressed bytes of one entry; throws ZipFormatError('header') when its
 * local header is not where the directory says, 'truncated' when the archive ends inside it.
 *
 * @example entryBytes(bytes, entries[0]).length // entries[0].compressed
 */
export function entryBytes(buf: Buffer, e: CentralEntry): Buffer {
  if (!Number.isFinite(e.local) || e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== LOCAL) throw new ZipFormatError('header', e.name);
  const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
  if (!Number.isFinite(e.compressed) || start + e.compressed > buf.length) throw new ZipFormatError('truncated', e.name);
  return buf.subarray(start, start + e.compressed);
}

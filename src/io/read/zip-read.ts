/**
 * Reads a .zip of scenario CSV files (the review page's upload) under limits, so that an upload cannot exhaust memory: at most `maxEntries`
 * entries and `maxExpandedBytes` bytes once inflated, counted while inflating
 * (node:zlib `maxOutputLength`), never trusting the sizes the archive
 * declares. Stored (0) and deflated (8) entries only; no ZIP64, no encryption.
 * (Workbooks are checked by zip-limits.ts, checkWorkbookLimits, before they are read; both walk the archive with zip-directory.ts.)
 */
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../../domain/errors.js';
import { type CentralEntry, centralDirectory, entryBytes, type ZipEnd, zipEnd, ZipFormatError } from './zip-directory.js';

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxExpandedBytes: number;
}

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

/** The entries of `bytes` (folders left out), inflated; throws InputError naming `file` when the archive is broken or over a limit. */
export function readZip(bytes: Uint8Array, file: string, limits: ZipLimits): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (message: string): never => { throw new InputError([{ file, message }]); };
  const end = zipEnd(buf) ?? bad('不是有效的 zip 文件 / not a valid zip archive');
  const { count } = end;
  if (count > limits.maxEntries) bad(`压缩包内文件过多 (${count} 个，上限 ${limits.maxEntries}) / too many entries in the archive (${count}, limit ${limits.maxEntries})`);
  if (end.offset === 0xffffffff || count === 0xffff) bad('不支持 ZIP64 压缩包 / ZIP64 archives are not supported');
  const entries: ZipEntry[] = [];
  let budget = limits.maxExpandedBytes;
  for (const e of directoryOf(buf, end, bad)) {
    const name = e.name;
    if (name.endsWith('/')) continue;
    if ((e.flags & 1) !== 0) bad(`${name}: 加密的文件无法读取 / encrypted entries are not supported`);
    const raw = compressedOf(buf, e, bad);
    let data: Buffer;
    if (e.method === 0) data = Buffer.from(raw);
    else if (e.method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget + 1) });
      } catch (err) {
        if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') data = Buffer.alloc(budget + 1);
        else return bad(`${name}: 无法解压 / cannot inflate: ${(err as Error).message}`);
      }
    } else return bad(`${name}: 不支持的压缩方式 ${e.method} / unsupported compression method`);
    budget -= data.length;
    if (budget < 0) bad(`解压后超过 ${Math.round(limits.maxExpandedBytes / 1048576)} MB 上限 / the archive expands beyond the ${Math.round(limits.maxExpandedBytes / 1048576)} MB limit`);
    entries.push({ name, data });
  }
  return entries;
}

function directoryOf(buf: Buffer, end: ZipEnd, bad: (message: string) => never): CentralEntry[] {
  try {
    return centralDirectory(buf, end);
  } catch (err) {
    if (!(err instanceof ZipFormatError)) throw err;
    return bad('zip 目录损坏 / the archive\'s directory is damaged');
  }
}

function compressedOf(buf: Buffer, e: CentralEntry, bad: (message: string) => never): Buffer {
  try {
    return entryBytes(buf, e);
  } catch (err) {
    if (!(err instanceof ZipFormatError)) throw err;
    return bad(err.fault === 'header' ? `${e.name}: zip 文件头损坏 / damaged entry header` : `${e.name}: zip 文件不完整 / the archive is truncated`);
  }
}

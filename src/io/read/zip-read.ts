/**
 * Reads a .zip of scenario CSV files (the review page's upload) under limits, so that an upload cannot exhaust memory: at most `maxEntries`
 * entries and `maxExpandedBytes` bytes once inflated, counted while inflating
 * (node:zlib `maxOutputLength`), never trusting the sizes the archive
 * declares. Stored (0) and deflated (8) entries only; no ZIP64, no encryption.
 * (Workbooks are checked by zip-limits.ts, checkWorkbookLimits, before they are read.)
 */
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../../domain/errors.js';

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxExpandedBytes: number;
}

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of `bytes` (folders left out), inflated; throws InputError naming `file` when the archive is broken or over a limit. */
export function readZip(bytes: Uint8Array, file: string, limits: ZipLimits): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (message: string): never => { throw new InputError([{ file, message }]); };
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) bad('不是有效的 zip 文件 / not a valid zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count > limits.maxEntries) bad(`压缩包内文件过多 (${count} 个，上限 ${limits.maxEntries}) / too many entries in the archive (${count}, limit ${limits.maxEntries})`);
  if (cdOffset === 0xffffffff || count === 0xffff) bad('不支持 ZIP64 压缩包 / ZIP64 archives are not supported');
  const entries: ZipEntry[] = [];
  let budget = limits.maxExpandedBytes;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) bad('zip 目录损坏 / the archive\'s directory is damaged');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    // Bit 11: the name is UTF-8; otherwise Windows' zip tools write the local code page (GBK in China).
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800) !== 0 ? rawName.toString('utf8') : new TextDecoder('gb18030').decode(rawName);
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    if ((flags & 1) !== 0) bad(`${name}: 加密的文件无法读取 / encrypted entries are not supported`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) bad(`${name}: zip 文件头损坏 / damaged entry header`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    if (raw.length !== compressed) bad(`${name}: zip 文件不完整 / the archive is truncated`);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget + 1) });
      } catch (err) {
        if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') data = Buffer.alloc(budget + 1);
        else return bad(`${name}: 无法解压 / cannot inflate: ${(err as Error).message}`);
      }
    } else return bad(`${name}: 不支持的压缩方式 ${method} / unsupported compression method`);
    budget -= data.length;
    if (budget < 0) bad(`解压后超过 ${Math.round(limits.maxExpandedBytes / 1048576)} MB 上限 / the archive expands beyond the ${Math.round(limits.maxExpandedBytes / 1048576)} MB limit`);
    entries.push({ name, data });
  }
  return entries;
}

/**
 * exceljs zips a workbook with every entry stamped with the current time,
 * so the same sheets give different bytes each run. This sets every entry's
 * DOS date and time, in the local headers and the central directory, to one
 * given day, making a workbook a function of its content.
 */

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** DOS date and time words of a "YYYY-MM-DD" day at midnight. */
function dosDate(day: string): { date: number; time: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { date: ((Math.max(1980, y) - 1980) << 9) | (m << 5) | d, time: 0 };
}

/**
 * A copy of the zip `buffer` with every entry dated `day`. A buffer that is
 * not a zip this function understands is returned unchanged.
 */
export function withZipDates(buffer: Buffer, day: string): Buffer {
  const out = Buffer.from(buffer);
  const { date, time } = dosDate(day);
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65 535.
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === END) { end = i; break; }
  }
  if (end < 0) return buffer;
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n++) {
    if (at + 46 > out.length || out.readUInt32LE(at) !== CENTRAL) return buffer;
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(date, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (local + 30 > out.length || out.readUInt32LE(local) !== LOCAL) return buffer;
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

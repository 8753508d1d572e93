/** readZip (a .zip of scenario CSV files) on the zip walk it shares with the workbook limits (io/read/zip-directory.ts). */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { centralDirectory, zipEnd } from '../../src/io/read/zip-directory.js';
import { readZip } from '../../src/io/read/zip-read.js';
import { problemLines } from './input-problems.js';

const LIMITS = { maxEntries: 10, maxExpandedBytes: 1024 * 1024 };

async function archive(compression: 'STORE' | 'DEFLATE'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('teachers.csv', 'teacher_id,name\n0101,张三\n');
  zip.folder('sub')!.file('schools.csv', 'school_id\nU1\n');
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

const problem = async (read: () => unknown): Promise<string> => (await problemLines(read)).join('\n');

describe('readZip', () => {
  it.each(['STORE', 'DEFLATE'] as const)('%s: every file with its path and bytes, folders left out', async (compression) => {
    const entries = readZip(await archive(compression), 'up.zip', LIMITS);
    expect(entries.map((e) => [e.name, e.data.toString('utf8')])).toEqual([
      ['teachers.csv', 'teacher_id,name\n0101,张三\n'], ['sub/schools.csv', 'school_id\nU1\n'],
    ]);
  });

  it('the shared directory walk lists the folder too, with the sizes the archive declares', async () => {
    const buf = await archive('STORE');
    const listed = centralDirectory(buf, zipEnd(buf)!);
    expect(listed.map((e) => e.name)).toEqual(['teachers.csv', 'sub/', 'sub/schools.csv']);
    expect(listed[0]!.declared).toBe(Buffer.byteLength('teacher_id,name\n0101,张三\n'));
  });

  it('not a zip, a cut-off archive, too many entries, too large once inflated: InputError naming the file', async () => {
    expect(await problem(() => readZip(Buffer.from('not a zip at all, just text'), 'up.zip', LIMITS))).toBe('up.zip: 不是有效的 zip 文件 / not a valid zip archive');
    const whole = await archive('DEFLATE');
    const end = whole.length - 22;
    // The end record kept, the first entry's data cut away: the directory now points past what is left.
    expect(await problem(() => readZip(Buffer.concat([whole.subarray(0, 40), whole.subarray(end)]), 'up.zip', LIMITS))).toMatch(/^up\.zip: /);
    expect(await problem(() => readZip(whole, 'up.zip', { ...LIMITS, maxEntries: 2 }))).toContain('too many entries in the archive (3, limit 2)');
    expect(await problem(() => readZip(whole, 'up.zip', { ...LIMITS, maxExpandedBytes: 10 }))).toContain('expands beyond');
  });
});

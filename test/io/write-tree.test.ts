import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTree } from '../../src/io/export/write-tree.js';

const dir = mkdtempSync(join(tmpdir(), 'rotation-tree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const leftovers = () => readdirSync(dir).filter((f) => f.startsWith('.'));

describe('writeTree: a folder of folders written whole or not at all', () => {
  it('a new folder appears with every file', async () => {
    const out = join(dir, 'new');
    await writeTree(out, new Map([['2018/plan.json', '{}'], ['2019/plan.json', '[]'], ['summary.json', '1']]));
    expect(readFileSync(join(out, '2019', 'plan.json'), 'utf8')).toBe('[]');
    expect(readdirSync(out).sort()).toEqual(['2018', '2019', 'summary.json']);
    expect(leftovers()).toEqual([]);
  });

  it('the new folder gets the mode a plain mkdir gives under the umask (not mkdtemp\'s private 0700)', async () => {
    const plain = join(dir, 'plain-mkdir');
    mkdirSync(plain);
    const out = join(dir, 'mode');
    await writeTree(out, new Map([['2018/plan.json', '{}']]));
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(out)).toBe(mode(plain));
    expect(mode(join(out, '2018'))).toBe(mode(plain));
    // Under the usual umask 022 this is 0755, readable by the office's other accounts.
    if ((mode(plain) & 0o077) !== 0) expect(mode(out)).not.toBe(0o700);
  });

  it('a write that fails half-way (the third year, say) leaves no folder and no temporary files', async () => {
    const out = join(dir, 'failed');
    const files = new Map<string, string>([['2018/plan.json', 'a'], ['2019/plan.json', 'b'], ['2020/\0bad', 'c']]);
    await expect(writeTree(out, files)).rejects.toThrow();
    expect(existsSync(out)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('an existing folder: our year folders replace theirs whole, other files stay; a failure changes nothing', async () => {
    const out = join(dir, 'existing');
    mkdirSync(join(out, '2018'), { recursive: true });
    writeFileSync(join(out, '2018', 'old.csv'), 'old');
    writeFileSync(join(out, 'notes.txt'), 'keep');
    await expect(writeTree(out, new Map([['2018/plan.json', 'x'], ['2019/\0bad', 'y']]))).rejects.toThrow();
    expect(readdirSync(join(out, '2018'))).toEqual(['old.csv']);
    await writeTree(out, new Map([['2018/plan.json', 'new']]));
    expect(readdirSync(join(out, '2018'))).toEqual(['plan.json']);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('keep');
    expect(leftovers()).toEqual([]);
  });

  it('a path that is a file is refused', async () => {
    const out = join(dir, 'file');
    writeFileSync(out, 'x');
    await expect(writeTree(out, new Map([['a', 'b']]))).rejects.toThrow(/not a folder/);
  });
});

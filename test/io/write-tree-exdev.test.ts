/**
 * writeTree's fallback where a rename crosses file systems (EXDEV), without
 * needing a mount: rename is made to refuse every move of a folder, as an
 * overlay does for a folder of its lower layer. The entries are copied beside
 * their destination and renamed from there; the result is the same tree.
 * (test/io/write-mounts.test.ts does this on a real overlay where mounting is permitted.)
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const refused: string[] = [];
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      // A folder that already exists under its name (ours or theirs) "lives on another layer": moving it is refused.
      if ((await fs.stat(from)).isDirectory() && !from.includes('.rotation-tmp-') && !from.includes('.tmp-')) {
        refused.push(from);
        throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${from}' -> '${to}'`), { code: 'EXDEV' });
      }
      return fs.rename(from, to);
    },
  };
});
const { writeTree } = await import('../../src/io/export/write-tree.js');

const dir = mkdtempSync(join(tmpdir(), 'rotation-exdev-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tree(root: string, at = ''): string[] {
  return readdirSync(join(root, at)).sort().flatMap((f) => {
    const path = join(at, f);
    return statSync(join(root, path)).isDirectory() ? [`${path}/`, ...tree(root, path)] : [`${path} ${readFileSync(join(root, path), 'utf8')}`];
  });
}

describe('writeTree where renames of folders are refused (EXDEV)', () => {
  it('their old year folder steps aside and ours takes its place by copy-then-rename; other files stay, nothing temporary is left', async () => {
    const out = join(dir, 'out');
    mkdirSync(join(out, '2019'), { recursive: true });
    writeFileSync(join(out, '2019', 'old.csv'), 'old');
    writeFileSync(join(out, 'notes.txt'), 'keep');
    await writeTree(out, new Map([['2019/plan.json', 'new'], ['2020/plan.json', 'next'], ['summary.json', '1']]));
    expect(refused.length).toBeGreaterThan(0);
    expect(tree(out)).toEqual(['2019/', '2019/plan.json new', '2020/', '2020/plan.json next', 'notes.txt keep', 'summary.json 1']);
    expect(readdirSync(dir)).toEqual(['out']);
  });
});

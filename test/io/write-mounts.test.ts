/**
 * Issue 15: every write works where HR points it, on a real second file
 * system (a tmpfs mounted in the test): `--out` at the root of a drive (not
 * the file system of its parent), an output folder on an overlay (a
 * container), a read-only drive (EROFS) and a full one (ENOSPC). A failure
 * names the file and the reason in Chinese and English, exits 1 and writes
 * nothing. Skipped, with the reason printed, where mounting is not permitted.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { planCommand } from '../../src/cli/plan.js';
import { OutputError } from '../../src/io/export/output-error.js';
import { writeTree } from '../../src/io/export/write-tree.js';
import { commandRunner } from '../cli/run-commands.js';
import { mount, mountProbe, unmount } from './mounts.js';

const DEMO = fileURLToPath(new URL('../../scenarios/lucheng-demo', import.meta.url));
const cannotMount = mountProbe();
const TMP = mkdtempSync(join(tmpdir(), 'rotation-mounts-'));
const mounted: string[] = [];
afterEach(() => { while (mounted.length > 0) unmount(mounted.pop()!); });
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const rotation = commandRunner(planCommand);

let n = 0;
/** A fresh folder with a file system of `type` mounted on it. */
function onFreshMount(type: string, options: string, source = type): string {
  const dir = join(TMP, `m${++n}`);
  mkdirSync(dir);
  const why = mount(type, dir, options, source);
  if (why !== null) throw new Error(`mount ${type} ${options}: ${why}`);
  mounted.push(dir);
  return dir;
}

/** Every path under `dir`, with file contents, sorted: "writes nothing" means this does not change. */
function tree(dir: string, at = ''): string[] {
  return readdirSync(join(dir, at)).sort().flatMap((f) => {
    const path = join(at, f);
    return statSync(join(dir, path)).isDirectory() ? [`${path}/`, ...tree(dir, path)] : [`${path} ${readFileSync(join(dir, path), 'utf8').slice(0, 20)}`];
  });
}

describe.skipIf(cannotMount !== null)('writing onto another file system', () => {
  it('--out at the root of a mounted drive: the plan is written (on main: "EXDEV: cross-device link not permitted"), no temporary folder is left', async () => {
    const drive = onFreshMount('tmpfs', 'size=16m');
    writeFileSync(join(drive, 'notes.txt'), 'keep');
    const run = await rotation('plan', DEMO, '--year', '2019', '--out', drive, '--quiet');
    expect(run.stderr).not.toMatch(/EXDEV|error/i);
    expect(run.code).toBe(0);
    expect(readdirSync(drive).sort()).toEqual(['notes.txt', 'plan.json', 'plan.xlsx']);
    expect(readdirSync(TMP).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('writeTree at a mount point replaces our folders whole and keeps the rest, also a second time', async () => {
    const drive = onFreshMount('tmpfs', 'size=1m');
    mkdirSync(join(drive, '2019'));
    writeFileSync(join(drive, '2019', 'old.csv'), 'old');
    writeFileSync(join(drive, 'notes.txt'), 'keep');
    await writeTree(drive, new Map([['2019/plan.json', 'new'], ['summary.json', '1']]));
    await writeTree(drive, new Map([['2019/plan.json', 'newer']]));
    expect(tree(drive)).toEqual(['2019/', '2019/plan.json newer', 'notes.txt keep', 'summary.json 1']);
  });

  it('an output folder on an overlay (a container) whose year folder is in the lower layer: copy-then-rename where rename says EXDEV', async () => {
    const base = join(TMP, `overlay${++n}`);
    for (const d of ['lower/out/2019', 'upper', 'work', 'root']) mkdirSync(join(base, d), { recursive: true });
    writeFileSync(join(base, 'lower/out/2019/old.csv'), 'old');
    const root = onFreshMount('overlay', `lowerdir=${base}/lower,upperdir=${base}/upper,workdir=${base}/work`, 'overlay');
    await writeTree(join(root, 'out'), new Map([['2019/plan.json', 'new'], ['summary.json', '1']]));
    expect(tree(join(root, 'out'))).toEqual(['2019/', '2019/plan.json new', 'summary.json 1']);
  });
});

describe.skipIf(cannotMount !== null)('a write that fails says which file and why, in words, and writes nothing', () => {
  it('a read-only drive (EROFS): exit 1, the folder named, 只读 / read-only, nothing written', async () => {
    const drive = onFreshMount('tmpfs', 'ro,size=1m');
    const out = join(drive, 'out');
    const err = await writeTree(out, new Map([['plan.json', '{}']])).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).message).toBe(`无法写入 / cannot write ${out}: 该位置只读（如写保护的 U 盘或光盘）/ the drive is read-only (a write-protected USB stick or a disc?) (EROFS)。未写入任何文件，原有文件不变 / nothing was written; files already there are unchanged`);
    const run = await rotation('plan', DEMO, '--year', '2019', '--out', out, '--quiet');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('写入失败 / write failed: 无法写入 / cannot write');
    expect(run.stderr).toContain('read-only');
    expect(run.stderr).not.toContain('EROFS:'); // not the raw "EROFS: read-only file system, mkdir …"
    expect(readdirSync(drive)).toEqual([]);
  });

  it('a full drive (ENOSPC): exit 1, the file named, 磁盘空间已满 / the drive is full; the earlier plan is intact, no temporary files', async () => {
    const drive = onFreshMount('tmpfs', 'size=48k');
    writeFileSync(join(drive, 'plan.json'), 'the earlier plan');
    const before = tree(drive);
    const run = await rotation('plan', DEMO, '--year', '2019', '--out', drive, '--quiet');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`cannot write ${drive}/plan\\.(json|xlsx): 磁盘空间已满 / the drive is full \\(no space left\\) \\(ENOSPC\\)`));
    expect(run.stderr).toContain('nothing was written');
    expect(tree(drive)).toEqual(before);
  });
});

/**
 * Writes a tree of files (`2018/plan.json`, `summary.json`, …) into a folder
 * so that a failure leaves nothing half-written: everything is written into
 * a temporary folder first, then moved into place by renames (atomic on one
 * file system). A new folder is built beside the target and appears in one
 * rename. In an existing folder — which may be the root of another drive (a
 * USB stick, a network share), on another file system than its parent — the
 * temporary folder is made inside the target, so every rename stays on the
 * target's file system; where a rename still crosses file systems (EXDEV:
 * a sub-folder that is itself a mount) the entry is copied to a temporary
 * name beside its destination and renamed from there. Each of our top-level
 * entries replaces its namesake (a folder of ours replaces theirs whole; a
 * file of ours never replaces a folder) and other files stay. Every output of
 * the tool goes through here: plan outputs, `--years` trees, LP exports,
 * written scenarios. A failure of the file system (full, read-only, no
 * permission) is an OutputError naming the file and the reason in words.
 */
import { chmod, cp, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputError, outputErrorOf } from './output-error.js';

/** Prefix of the temporary folder made inside an existing target (hidden; never one of our entry names). */
const TEMP_INSIDE = '.rotation-tmp-';

/**
 * Renames `from` to `to`. Where the file system refuses (EXDEV: across file
 * systems, or a folder of an overlay's lower layer, as in a container), copies
 * to a temporary name beside `to`, renames that into place — so `to` is still
 * never seen half-written — and removes `from`.
 */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
  }
  const beside = await mkdtemp(join(dirname(to), TEMP_INSIDE));
  try {
    const copy = join(beside, basename(to));
    await cp(from, copy, { recursive: true, errorOnExist: true, force: false });
    await rename(copy, to);
  } finally {
    await rm(beside, { recursive: true, force: true });
  }
  await rm(from, { recursive: true, force: true });
}

/** Writes every file under `temp`; a failure names the file as it would have been in `dir`. */
async function writeAll(temp: string, dir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of files) {
    const path = join(temp, ...name.split('/'));
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    } catch (err) {
      throw outputErrorOf(err, join(dir, ...name.split('/')), true);
    }
  }
}

/** Moves our entries from `temp` into the existing folder `target` (shown to users as `dir`). */
async function replaceEntries(temp: string, target: string, dir: string): Promise<void> {
  const entries = (await readdir(temp)).filter((e) => e !== '.replaced');
  // A file of ours where a folder stands is the one clash we can see coming: refuse before replacing anything.
  for (const entry of entries) {
    const ours = await stat(join(temp, entry));
    if (!ours.isDirectory() && (await stat(join(target, entry)).catch(() => undefined))?.isDirectory()) {
      throw new OutputError(join(dir, entry), 'EISDIR', '这是一个文件夹，不能用文件替换 / is a folder, not a file');
    }
  }
  const old = join(temp, '.replaced');
  await mkdir(old);
  for (const entry of entries) {
    const into = join(target, entry);
    try {
      // A folder cannot be renamed over a non-empty one: the old one steps aside first.
      if ((await stat(into).catch(() => undefined))?.isDirectory()) await move(into, join(old, entry));
      await move(join(temp, entry), into);
    } catch (err) {
      throw outputErrorOf(err, join(dir, entry));
    }
  }
}

/**
 * Puts `files` (relative path with `/` → content) into `dir`.
 *
 * @example await writeTree('out', new Map([['plan.json', text]]))
 */
export async function writeTree(dir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const target = resolve(dir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true }).catch((err: unknown) => { throw outputErrorOf(err, dirname(dir), true); });
  const existing = await stat(target).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) throw new OutputError(dir, 'ENOTDIR', '已存在同名文件，不是文件夹 / exists and is not a folder');
  // Inside the target when it exists: the target may be the root of another file system than its parent.
  const temp = await mkdtemp(existing === undefined ? join(parent, `.${basename(target)}.tmp-`) : join(target, TEMP_INSIDE))
    .catch((err: unknown) => { throw outputErrorOf(err, dir, true); });
  try {
    // mkdtemp makes a private (0700) folder; the folder the user gets has the mode their umask gives.
    await chmod(temp, await umaskFolderMode(temp)).catch((err: unknown) => { throw outputErrorOf(err, dir, true); });
    await writeAll(temp, dir, files);
    if (existing === undefined) await move(temp, target).catch((err: unknown) => { throw outputErrorOf(err, dir); });
    else await replaceEntries(temp, target, dir);
  } finally {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The mode a plain mkdir gives under the process's umask (read from a probe folder: process.umask() is deprecated). */
async function umaskFolderMode(inside: string): Promise<number> {
  const probe = join(inside, '.mode-probe');
  await mkdir(probe);
  const mode = (await stat(probe)).mode & 0o7777;
  await rm(probe, { recursive: true });
  return mode;
}

/**
 * Writes a tree of files (`2018/plan.json`, `summary.json`, …) into a folder
 * so that a failure leaves nothing half-written: everything is written into
 * a temporary folder beside the target first, then moved into place by
 * renames (atomic on one file system). A new folder appears in one rename;
 * in an existing one, each of our top-level entries replaces its namesake
 * (a folder of ours replaces theirs whole; a file of ours never replaces a
 * folder) and other files stay. Every output of the tool goes through here:
 * plan outputs, `--years` trees, LP exports, written scenarios.
 */
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../domain/errors.js';

/**
 * Puts `files` (relative path with `/` → content) into `dir`.
 *
 * @example await writeTree('out', new Map([['plan.json', text]]))
 */
export async function writeTree(dir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const target = resolve(dir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const existing = await stat(target).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) throw new InputError([{ file: dir, message: '输出位置已有同名文件，不是文件夹 / exists and is not a folder' }]);
  const temp = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  try {
    for (const [name, content] of files) {
      const path = join(temp, ...name.split('/'));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
    if (existing === undefined) {
      await rename(temp, target);
      return;
    }
    const entries = await readdir(temp);
    // A file of ours where a folder stands is the one clash we can see coming: refuse before replacing anything.
    for (const entry of entries) {
      const ours = await stat(join(temp, entry));
      if (!ours.isDirectory() && (await stat(join(target, entry)).catch(() => undefined))?.isDirectory()) {
        throw new InputError([{ file: join(dir, entry), message: '此处是文件夹，无法写入同名文件 / is a folder, not a file' }]);
      }
    }
    const old = join(temp, '.replaced');
    await mkdir(old);
    for (const entry of entries) {
      const into = join(target, entry);
      // A folder cannot be renamed over a non-empty one: the old one steps aside first.
      if ((await stat(into).catch(() => undefined))?.isDirectory()) await rename(into, join(old, entry));
      await rename(join(temp, entry), into);
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

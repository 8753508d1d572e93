/**
 * Writes a set of files into a folder so that a failure leaves nothing
 * half-written: everything is first written into a temporary folder beside
 * the target, then moved into place by rename (atomic on one file system).
 */
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Puts `files` (name → content) into `dir`. A new folder appears whole, in one
 * rename. An existing folder keeps its other files (a README, say); ours
 * replace their namesakes one rename each, only after every file is written.
 */
export async function replaceFiles(dir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const target = resolve(dir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const existing = await stat(target).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) throw new Error(`${dir} exists and is not a folder`);
  const temp = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  try {
    for (const [name, content] of files) await writeFile(join(temp, name), content);
    if (existing === undefined) {
      await rename(temp, target);
      return;
    }
    for (const name of files.keys()) await rename(join(temp, name), join(target, name));
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

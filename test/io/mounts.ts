/**
 * Real second file systems for tests: a tmpfs (or an overlay) mounted in a
 * temporary folder. Mounting needs root and a kernel that allows it; where it
 * is not permitted, `mountProbe()` says why, and the tests that need a mount
 * are skipped with that reason printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Mounts `type` at `dir` with `options`; returns null, or why it could not. */
export function mount(type: string, dir: string, options: string, source = type): string | null {
  try {
    execFileSync('mount', ['-t', type, '-o', options, source, dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    return (e.stderr?.toString().trim() || e.message).split('\n')[0]!;
  }
}

export function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
  }
}

/** Null when this process may mount a tmpfs; otherwise the reason, printed once. */
export function mountProbe(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'rotation-probe-'));
  const why = process.platform !== 'linux' ? `not Linux (${process.platform})` : mount('tmpfs', dir, 'size=64k');
  if (why === null) unmount(dir);
  rmSync(dir, { recursive: true, force: true });
  if (why !== null) console.log(`skipped: the tests on a second file system need to mount a tmpfs, which is not permitted here: ${why}`);
  return why;
}

/**
 * The scenario's busy lock, as a file in its workspace folder
 * (`<workspace>/<scenario>/busy.lock`), so that two server processes on one
 * workspace never plan, upload or change the same scenario at once.
 *
 * The file is created with the `wx` flag (atomic: exactly one creator wins)
 * and holds who holds it: pid, host, what it is doing and since when. A lock
 * left by a process that no longer runs (same host, pid gone) is taken over,
 * and the caller is told so it can log a note; taking over goes through a
 * second `wx` file, so two processes cannot both take the same stale lock.
 */
import { hostname } from 'node:os';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE = 'busy.lock';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly what: string;
  readonly since: string;
}

/** Someone else holds the lock. */
export class BusyError extends Error {
  constructor(readonly holder: LockHolder | null) {
    super(holder === null ? 'busy' : `busy: ${holder.what} (pid ${holder.pid} on ${holder.host} since ${holder.since})`);
  }
}

export interface HeldLock {
  /** The stale holder this lock was taken over from, if any. */
  readonly tookOver: LockHolder | null;
  readonly release: () => Promise<void>;
}

/** Whether a process of this host runs (EPERM: it runs under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<LockHolder | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string') return { pid: h.pid, host: h.host, what: String(h.what ?? ''), since: String(h.since ?? '') };
  } catch { /* a half-written file: treated as held (its writer is between open and write) */ }
  return { pid: -1, host: '?', what: '?', since: '' };
}

async function create(path: string, holder: LockHolder): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(holder)}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** The holder of a scenario folder's lock, or null when it is free (or held by a dead process). */
export async function lockHolder(dir: string): Promise<LockHolder | null> {
  const h = await readHolder(join(dir, LOCK_FILE));
  if (h === null) return null;
  return h.host === hostname() && h.pid > 0 && !alive(h.pid) ? null : h;
}

/**
 * Takes the lock of a scenario folder for `what`, or throws BusyError
 * naming the holder. A stale lock (its pid no longer runs on this host) is
 * taken over.
 */
export async function acquireLock(dir: string, what: string): Promise<HeldLock> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), what, since: new Date().toISOString() };
  const held = (tookOver: LockHolder | null): HeldLock => ({
    tookOver,
    release: async () => {
      // Only our own lock is removed (a lock taken over from us after we were thought dead stays).
      const now = await readHolder(path);
      if (now !== null && now.pid === me.pid && now.host === me.host && now.since === me.since) await rm(path, { force: true });
    },
  });
  if (await create(path, me)) return held(null);
  const holder = await readHolder(path);
  if (holder === null) {
    // Released between our two looks: one more try, then busy.
    if (await create(path, me)) return held(null);
    throw new BusyError(await readHolder(path));
  }
  const stale = holder.host === hostname() && holder.pid > 0 && holder.pid !== process.pid && !alive(holder.pid);
  if (!stale) throw new BusyError(holder);
  // Taking over: whoever creates the takeover file first moves the stale lock aside and creates its own.
  const takeover = `${path}.takeover`;
  if (!await create(takeover, me)) throw new BusyError(holder);
  try {
    const again = await readHolder(path);
    if (again === null || again.pid !== holder.pid || again.since !== holder.since) throw new BusyError(again);
    await rename(path, join(dir, `busy.lock.stale-${holder.pid}`));
    if (!await create(path, me)) throw new BusyError(await readHolder(path));
    return held(holder);
  } finally {
    await rm(takeover, { force: true });
  }
}

/**
 * The command line planning a workspace scenario's input (`rotation plan
 * <workspace>/<scenario>/input …`) takes the same lock, so it never reads an
 * input that the page is replacing, nor plans while the page plans. Any other
 * folder: no lock (a no-op release). Throws BusyError when the page is busy.
 */
export async function lockWorkspaceInput(path: string, what: string): Promise<() => Promise<void>> {
  const { basename, dirname, resolve } = await import('node:path');
  const { stat } = await import('node:fs/promises');
  const input = resolve(path);
  const scenarioDir = dirname(input);
  const isWorkspace = basename(input) === 'input' && await stat(join(scenarioDir, 'decisions.jsonl')).then(() => true, () => false);
  if (!isWorkspace) return async () => {};
  return (await acquireLock(scenarioDir, what)).release;
}

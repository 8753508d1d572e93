/**
 * The prologue of the tests that run the built command line as a user does:
 * the repository's paths, the build (tsc only: build:server, never the page's
 * Vite build) and a runner.
 * (test/cli/run-commands.ts runs commands in-process instead, with no build.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..');
export const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
export const DEMO = join(ROOT, 'scenarios', 'lucheng-demo');

/** What a run printed and its exit code. */
export interface Ran { code: number | null; stdout: string; stderr: string }

/**
 * Builds dist/ (type errors are the typecheck's business: the CLI only needs
 * the emitted JavaScript) and checks that `file` below dist/ is there.
 */
export function buildCli(file = 'cli/main.js'): void {
  spawnSync('npm', ['run', 'build:server'], { cwd: ROOT, encoding: 'utf8' });
  expect(existsSync(join(ROOT, 'dist', file))).toBe(true);
}

/** Runs `rotation ...args` with the built CLI; `env` adds to the environment, `nodeArgs` go before the script (e.g. `--import`). */
export function runBuilt(args: readonly string[], { env, nodeArgs = [] }: { env?: Record<string, string>; nodeArgs?: readonly string[] } = {}): Ran {
  const r = spawnSync(process.execPath, [...nodeArgs, MAIN, ...args], { encoding: 'utf8', ...(env === undefined ? {} : { env: { ...process.env, ...env } }) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `rotation ...args` with the built CLI. */
export const rotation = (...args: string[]): Ran => runBuilt(args);

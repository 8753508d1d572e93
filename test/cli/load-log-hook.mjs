// A module-load hook for test/cli/start-fast.test.ts: `node --import ./load-log-hook.mjs …` appends the URL of
// every module the process loads (ES modules and the CommonJS packages they import) to $ROTATION_LOAD_LOG.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

// Imported by `--import` on the main thread: register this same file as the hooks module (which runs off the main thread).
if (isMainThread) register(import.meta.url);

export async function load(url, context, next) {
  if (process.env.ROTATION_LOAD_LOG) appendFileSync(process.env.ROTATION_LOAD_LOG, `${url}\n`);
  return next(url, context);
}

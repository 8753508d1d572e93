#!/usr/bin/env node
/**
 * The `rotation` executable. It only turns on Node's compile cache, then loads
 * the command line (cli.ts): V8's compiled code of every module is kept on disk
 * between runs, so a command starts without compiling yargs, zod and our own
 * modules again. `module.enableCompileCache` came with Node 22.1; on Node 20
 * (engines: >=20.19) it is absent and this does nothing. It must run before
 * the modules it caches are loaded, hence the dynamic import below.
 */
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./cli.js');

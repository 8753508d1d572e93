#!/usr/bin/env node
/**
 * The `rotation` command line: one yargs command per file, exit codes mapped
 * in run.ts. Only the module of the command being run is loaded (commands.ts),
 * so `--help` and the light commands start fast.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commandFor, COMMANDS, requestedCommand } from './commands.js';

// `rotation validate … | head`: a reader that stops early is not an error (no EPIPE stack trace).
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

const argv = hideBin(process.argv);
const requested = requestedCommand(argv);
const cli = yargs(argv)
  .scriptName('rotation')
  .usage('$0 <command> [options]\n\n城乡教师交流轮岗 planner: validate a scenario, plan the year, check a plan.');
for (const entry of Object.values(COMMANDS)) cli.command(await commandFor(entry, requested));
await cli
  .demandCommand(1, 'Name a command (see --help).')
  .strict()
  .help()
  .alias('h', 'help')
  .version(false)
  .wrap(Math.min(110, process.stdout.columns ?? 100))
  .parseAsync();

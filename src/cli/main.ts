#!/usr/bin/env node
/** The `rotation` command line: one yargs command per file, exit codes mapped in run.ts. */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { diffCommand } from './diff.js';
import { generateCommand } from './generate.js';
import { planCommand } from './plan.js';
import { replanCommand } from './replan.js';
import { serveCommand } from './serve.js';
import { suggestCommand } from './suggest.js';
import { templateCommand } from './template.js';
import { validateCommand } from './validate.js';

// `rotation validate … | head`: a reader that stops early is not an error (no EPIPE stack trace).
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

await yargs(hideBin(process.argv))
  .scriptName('rotation')
  .usage('$0 <command> [options]\n\n城乡教师交流轮岗 planner: validate a scenario, plan the year, check a plan.')
  .command(validateCommand)
  .command(planCommand)
  .command(checkCommand)
  .command(replanCommand)
  .command(suggestCommand)
  .command(generateCommand)
  .command(diffCommand)
  .command(compareCommand)
  .command(templateCommand)
  .command(serveCommand)
  .demandCommand(1, 'Name a command (see --help).')
  .strict()
  .help()
  .alias('h', 'help')
  .version(false)
  .wrap(Math.min(110, process.stdout.columns ?? 100))
  .parseAsync();

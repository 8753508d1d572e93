#!/usr/bin/env node
/** The `rotation` command line: one yargs command per file, exit codes mapped in run.ts. */
import { readFileSync } from 'node:fs';
import { styleText } from 'node:util';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { diffCommand } from './diff.js';
import { generateCommand } from './generate.js';
import { planCommand } from './plan.js';
import { replanCommand } from './replan.js';
import { EXIT_BAD_INPUT } from './run.js';
import { suggestCommand } from './suggest.js';
import { validateCommand } from './validate.js';

// `rotation validate … | head`: a reader that stops early is not an error (no EPIPE stack trace).
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const COMMANDS = [validateCommand, planCommand, checkCommand, replanCommand, suggestCommand, generateCommand, diffCommand, compareCommand]
  .map((c) => String(c.command).split(' ')[0]!);

await yargs(hideBin(process.argv))
  .scriptName('rotation')
  .locale('zh_CN')
  .usage('$0 <命令> [选项]\n\n城乡教师交流轮岗计划：检查场景、编制年度计划、复核计划。')
  .command(validateCommand)
  .command(planCommand)
  .command(checkCommand)
  .command(replanCommand)
  .command(suggestCommand)
  .command(generateCommand)
  .command(diffCommand)
  .command(compareCommand)
  .option('debug', { type: 'boolean', global: true, describe: '程序出错时显示完整堆栈' })
  .demandCommand(1, '请指定一个命令 / name a command')
  .strict()
  // A wrong or missing flag: the message alone and where help is, not the whole help screen.
  .fail((message, err) => {
    const first = hideBin(process.argv)[0];
    const unknown = first !== undefined && !first.startsWith('-') && !COMMANDS.includes(first);
    const text = unknown ? `未知命令 / unknown command: ${first}` : message ?? err?.message ?? 'bad command';
    process.stderr.write(`${styleText('red', text)}\n运行 rotation --help 或 rotation <命令> --help 查看用法 / see rotation --help\n`);
    process.exit(EXIT_BAD_INPUT);
  })
  .help()
  .alias('h', 'help')
  .version(version)
  .alias('v', 'version')
  .wrap(Math.min(110, process.stdout.columns ?? 100))
  .parseAsync();

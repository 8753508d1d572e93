/**
 * The `rotation` command line (main.ts starts it): one yargs command per file, exit codes mapped
 * in run.ts. Only the module of the command being run is loaded (commands.ts),
 * so `--help` and the light commands start fast.
 */
import { readFileSync } from 'node:fs';
import { styleText } from 'node:util';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commandFor, COMMANDS, requestedCommand } from './commands.js';
import { EXIT_BAD_INPUT } from './run.js';

// `rotation validate … | head`: a reader that stops early is not an error (no EPIPE stack trace).
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

const argv = hideBin(process.argv);
const requested = requestedCommand(argv);
const cli = yargs(argv)
  .scriptName('rotation')
  .locale('zh_CN')
  .usage('$0 <命令> [选项]\n\n城乡教师交流轮岗计划：检查场景、编制年度计划、复核计划。');
for (const entry of Object.values(COMMANDS)) cli.command(await commandFor(entry, requested));
// yargs renders the running command's whole help screen right after starting its handler, to show it should the
// handler fail later (cacheHelpMessage in yargs' command.js): 10–25 ms of every command here. Our .fail() below never
// shows help and run() turns every failure into a message, so that screen is never shown: skip making it. (`--help`
// makes its own.) Reached through yargs' internals, hence the guards: without them this does nothing.
type Internals = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } | undefined } };
const usage = (cli as unknown as Internals).getInternalMethods?.().getUsageInstance?.();
if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const names = Object.values(COMMANDS).map((c) => c.name as string);
await cli
  .option('debug', { type: 'boolean', global: true, describe: '程序出错时显示完整堆栈' })
  .demandCommand(1, '请指定一个命令 / name a command')
  .strict()
  // A wrong or missing flag: the message alone and where help is, not the whole help screen.
  .fail((message, err) => {
    const first = argv[0];
    const unknown = first !== undefined && !first.startsWith('-') && !names.includes(first);
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

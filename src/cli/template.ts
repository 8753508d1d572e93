/** `rotation template --out 模板.xlsx [--lang en]`: an empty scenario workbook to fill in, with example rows, drop-downs and notes. */
import { basename, dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import { COMMANDS } from './commands.js';
import { templateWorkbook } from '../io/export/template.js';
import { writeTree } from '../io/export/write-tree.js';
import { EXIT_OK, run } from './run.js';

interface Args { out: string; lang: 'zh' | 'en' }

export const templateCommand: CommandModule<object, Args> = {
  command: COMMANDS.template.command,
  describe: COMMANDS.template.describe,
  builder: (y) => y
    .option('out', { type: 'string', demandOption: true, describe: 'the workbook to write, e.g. 模板.xlsx' })
    .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: 'language of sheet names, headers and codes' })
    .example('$0 template --out 模板.xlsx', '') as never,
  handler: (args) => run(async () => {
    await writeTree(dirname(args.out), new Map([[basename(args.out), await templateWorkbook(args.lang)]]));
    process.stdout.write(`wrote ${args.out}: delete the example rows, fill in the sheets, then run rotation validate ${args.out}\n`);
    return EXIT_OK;
  }),
};

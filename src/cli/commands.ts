/**
 * The commands of `rotation`: name, usage and one-line description, and how
 * to load the command's module. main.ts loads only the module of the command
 * being run, so `rotation --help` and `rotation validate` never load exceljs,
 * the solvers or the generator (each command module keeps its heavy work
 * behind a dynamic import too). Each command module takes its usage and
 * description from here: one place for the help text.
 */
import type { CommandModule } from 'yargs';

export interface CommandEntry {
  /** The first word on the command line. */
  readonly name: string;
  /** yargs usage, e.g. 'validate <scenario>'. */
  readonly command: string;
  readonly describe: string;
  readonly load: () => Promise<CommandModule<object, never>>;
}

const entry = (command: string, describe: string, load: () => Promise<unknown>): CommandEntry => ({
  name: command.split(' ')[0]!, command, describe, load: load as CommandEntry['load'],
});

/** In the order `rotation --help` lists them. */
export const COMMANDS = {
  validate: entry('validate <scenario>', 'check a scenario and show each county\'s senders, eligible teachers, R1/R2 requirements and needs',
    async () => (await import('./validate.js')).validateCommand),
  plan: entry('plan <scenario>', 'plan the year\'s rotation (R1–R5) and write DIR/plan.json and DIR/plan.xlsx',
    async () => (await import('./plan.js')).planCommand),
  check: entry('check <scenario> <plan>', 're-check a plan.json or an edited plan.xlsx against the scenario: R1–R5, locks, history, counties, subjects, distances; stale figures are notes',
    async () => (await import('./check.js')).checkCommand),
  replan: entry('replan <scenario>', 'final list after objections: re-plan with objections.csv as hard rules, changing as few assignments of the provisional plan as the rules R1–R5 allow',
    async () => (await import('./replan.js')).replanCommand),
  suggest: entry('suggest <scenario> <plan>', 'rank the teachers who could fill one receiving school\'s open post, with what each move changes and whether the plan still passes check',
    async () => (await import('./suggest.js')).suggestCommand),
  generate: entry('generate', 'write a synthetic scenario: --counties N --teachers M, or --preset wenzhou (the city at its 2018 size); --shape village for the hard shape',
    async () => (await import('./generate.js')).generateCommand),
  diff: entry('diff <a> <b>', 'compare two plan.json files: teachers added, removed or moved, and the R1/R2/R4/R5 figures per school',
    async () => (await import('./diff.js')).diffCommand),
  compare: entry('compare <scenario>', 'what-if: plan the scenario under its policy and under each variant, and print the figures side by side',
    async () => (await import('./compare.js')).compareCommand),
  template: entry('template', 'write an empty scenario workbook (sheets, headers, drop-down lists, one example row per sheet, a notes sheet)',
    async () => (await import('./template.js')).templateCommand),
  serve: entry('serve', 'start the HR review page (a local web server; prints its address, opens nothing)',
    async () => (await import('./serve.js')).serveCommand),
} as const;

/**
 * The yargs command to register for `entry`: the real module when it is the
 * command being run, else a stub with the same usage and description (enough
 * for the command list of `rotation --help`).
 */
export async function commandFor(entry: CommandEntry, requested: string | undefined): Promise<CommandModule<object, never>> {
  if (entry.name === requested) return entry.load();
  return {
    command: entry.command, describe: entry.describe,
    // Never reached when requestedCommand found the command yargs runs; a stub must not pass for a run.
    handler: () => { throw new Error(`internal: command ${entry.name} was not loaded`); },
  };
}

/** The command named on the command line: the first argument that is a command's name (options may come first). */
export function requestedCommand(argv: readonly string[]): string | undefined {
  const names = new Set(Object.values(COMMANDS).map((c) => c.name));
  return argv.find((a) => names.has(a));
}

/** `rotation generate`: write a synthetic scenario (a county roster or all of Wenzhou) for demos and benchmarks. */
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import type { Scenario } from '../domain/scenario.js';
import { MIN_TEACHERS_PER_COUNTY, SHAPES, type Shape } from '../generate/shapes.js';
import type { Lang } from '../io/export/scenario-rows.js';
import { EXIT_OK, run } from './run.js';
import { COMMANDS } from './commands.js';

export interface GenerateArgs {
  counties?: number | undefined;
  teachers?: number | undefined;
  seed: number;
  out: string;
  year: number;
  preset?: 'wenzhou' | undefined;
  shape?: Shape | undefined;
  scale: number;
  lang: Lang;
  format: 'csv' | 'xlsx';
}

export interface GenerateSummary {
  readonly counties: number;
  readonly schools: number;
  readonly teachers: number;
  /** Needed posts (the sum of needs.csv's 缺编人数). */
  readonly needs: number;
  /** The folder, or the workbook inside it. */
  readonly path: string;
}

function summaryOf(s: Scenario, path: string): GenerateSummary {
  return {
    counties: new Set(s.schools.map((x) => x.county)).size, schools: s.schools.length, teachers: s.teachers.length,
    needs: s.needs.reduce((n, x) => n + x.teachers, 0), path,
  };
}

/** Generates the scenario the arguments ask for and writes it; returns what was written. */
async function generateToDisk(args: GenerateArgs): Promise<GenerateSummary> {
  // The generator and the writers (exceljs) load only when something is generated (fast `--help`).
  const { generateScenario, generateWenzhou } = await import('../generate/index.js');
  const shape = args.shape ?? 'default';
  const scenario = args.preset === 'wenzhou'
    ? generateWenzhou({ seed: args.seed, year: args.year, scale: args.scale, shape })
    : generateScenario({ counties: args.counties!, teachers: args.teachers!, seed: args.seed, year: args.year, shape });
  if (args.format === 'xlsx') {
    const { writeScenarioWorkbook } = await import('../io/export/write-scenario-xlsx.js');
    await writeScenarioWorkbook(args.out, scenario, { lang: args.lang });
    return summaryOf(scenario, join(args.out, 'scenario.xlsx'));
  }
  const { writeScenario } = await import('../io/export/write-scenario.js');
  await writeScenario(args.out, scenario, { lang: args.lang });
  return summaryOf(scenario, args.out);
}

export const generateCommand: CommandModule<object, GenerateArgs> = {
  command: COMMANDS.generate.command,
  describe: COMMANDS.generate.describe,
  builder: (y) => y
    .option('counties', { type: 'number', describe: 'how many counties' })
    .option('teachers', { type: 'number', describe: `teachers in all (at least ${MIN_TEACHERS_PER_COUNTY} per county)` })
    .option('seed', { type: 'number', demandOption: true, describe: 'random seed: the same seed writes the same scenario' })
    .option('out', { type: 'string', demandOption: true, describe: 'output folder (created; our files in it are replaced)' })
    .option('year', { type: 'number', default: 2019, describe: 'plan year the roster, history and eligibility refer to' })
    .option('preset', { choices: ['wenzhou'] as const, describe: 'Wenzhou 2018: 11 counties, 901 schools, 58 400 teachers' })
    .option('scale', { type: 'number', default: 1, describe: 'with --preset: multiply schools and teachers' })
    .option('shape', {
      choices: SHAPES, default: 'default' as const,
      describe: 'default: ~65 teachers per school, needs below what senders can give; village: many small rural schools and teaching points (5–30 teachers), '
        + 'receivers 2–3 per sender, a third of teachers with a second subject, needs at 120–150 % of the senders\' cap (the hard shape)',
    })
    .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: 'headers and labels in Chinese or English' })
    .option('format', { choices: ['csv', 'xlsx'] as const, default: 'csv' as const, describe: 'a folder of CSV files, or one scenario.xlsx' })
    .check((a) => {
      if (!Number.isInteger(a.seed)) throw new Error('--seed must be a whole number');
      if (a.preset !== undefined) return true;
      const { counties, teachers } = a;
      if (counties === undefined || !Number.isInteger(counties) || counties < 1) throw new Error('--counties must be a whole number ≥ 1 (or use --preset wenzhou)');
      if (teachers === undefined || !Number.isInteger(teachers) || teachers < MIN_TEACHERS_PER_COUNTY * counties) {
        throw new Error(`--teachers must be a whole number ≥ ${MIN_TEACHERS_PER_COUNTY} × counties = ${MIN_TEACHERS_PER_COUNTY * counties}`);
      }
      return true;
    })
    .example('$0 generate --counties 1 --teachers 700 --seed 7 --out scenarios/generated-county', '')
    .example('$0 generate --preset wenzhou --seed 1 --out /tmp/wenzhou --format xlsx', '')
    .example('$0 generate --counties 1 --teachers 6000 --shape village --seed 7 --out /tmp/village', 'a hard county: small rural schools, needs above supply') as never,
  handler: (args) => run(async () => {
    const s = await generateToDisk(args);
    process.stderr.write(`generated ${s.counties} ${s.counties === 1 ? 'county' : 'counties'}, ${s.schools} schools, ${s.teachers} teachers, ${s.needs} needed posts → ${s.path}\n`);
    return EXIT_OK;
  }),
};

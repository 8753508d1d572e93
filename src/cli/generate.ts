/** `rotation generate`: write a synthetic scenario (a county roster or all of Wenzhou) for demos and benchmarks. */
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import type { Scenario } from '../domain/scenario.js';
import { generateScenario, generateWenzhou, MIN_TEACHERS_PER_COUNTY } from '../generate/index.js';
import type { Lang } from '../io/scenario-rows.js';
import { writeScenario } from '../io/write-scenario.js';
import { writeScenarioWorkbook } from '../io/write-scenario-xlsx.js';
import { EXIT_OK, run } from './run.js';

export interface GenerateArgs {
  counties?: number | undefined;
  teachers?: number | undefined;
  seed: number;
  out: string;
  year: number;
  preset?: 'wenzhou' | undefined;
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
export async function generateToDisk(args: GenerateArgs): Promise<GenerateSummary> {
  const scenario = args.preset === 'wenzhou'
    ? generateWenzhou({ seed: args.seed, year: args.year, scale: args.scale })
    : generateScenario({ counties: args.counties!, teachers: args.teachers!, seed: args.seed, year: args.year });
  if (args.format === 'xlsx') {
    await writeScenarioWorkbook(args.out, scenario, { lang: args.lang });
    return summaryOf(scenario, join(args.out, 'scenario.xlsx'));
  }
  await writeScenario(args.out, scenario, { lang: args.lang });
  return summaryOf(scenario, args.out);
}

export const generateCommand: CommandModule<object, GenerateArgs> = {
  command: 'generate',
  describe: '生成模拟场景：--counties N --teachers M，或 --preset wenzhou（2018 年规模的温州全市）',
  builder: (y) => y
    .option('counties', { type: 'number', describe: '县的个数' })
    .option('teachers', { type: 'number', describe: `教师总数（每县至少 ${MIN_TEACHERS_PER_COUNTY} 人）` })
    .option('seed', { type: 'number', demandOption: true, describe: '随机种子：同一种子生成同一场景' })
    .option('out', { type: 'string', demandOption: true, describe: '输出文件夹（自动创建；其中同名文件会被替换）' })
    .option('year', { type: 'number', default: 2019, describe: '名册、历史和交流资格所对应的计划年度' })
    .option('preset', { choices: ['wenzhou'] as const, describe: '温州 2018：11 个县市区，901 所学校，58 400 名教师' })
    .option('scale', { type: 'number', default: 1, describe: '与 --preset 一起用：学校和教师数的倍数' })
    .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: '表头和标签用中文或英文' })
    .option('format', { choices: ['csv', 'xlsx'] as const, default: 'csv' as const, describe: 'CSV 文件夹，或一个 scenario.xlsx' })
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
    .example('$0 generate --preset wenzhou --seed 1 --out /tmp/wenzhou --format xlsx', '') as never,
  handler: (args) => run(async () => {
    const s = await generateToDisk(args);
    process.stderr.write(`generated ${s.counties} ${s.counties === 1 ? 'county' : 'counties'}, ${s.schools} schools, ${s.teachers} teachers, ${s.needs} needed posts → ${s.path}\n`);
    return EXIT_OK;
  }),
};

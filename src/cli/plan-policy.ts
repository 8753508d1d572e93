/**
 * The `--plan-policy` flag (the overrides a plan records: io/read/plan-overrides.ts)
 * and the lines the plan's warnings print as.
 */
import { styleText } from 'node:util';
import type { Argv } from 'yargs';
import type { Plan } from '../domain/plan.js';

/** The `--plan-policy` flag (on by default). */
export function planPolicyOption<T>(y: Argv<T>) {
  return y.option('plan-policy', {
    type: 'boolean', default: true,
    describe: 'apply the policy overrides plan.json records (policy_overrides, from `plan --set`) before this command\'s --set; --no-plan-policy: the scenario\'s policy only',
  });
}

/** Warnings printed in full; the rest are counted (a city has up to six per county: plan.json lists them all). */
const SHOWN_WARNINGS = 6;

/** The plan's warnings (plan.json `warnings`, e.g. a balance indicator over its national limit), one line each: no rule broken, the exit code unchanged. */
export function warningLines(plan: Plan): string {
  const all = plan.warnings ?? [];
  const lines = all.slice(0, SHOWN_WARNINGS).map((w) => `  ${styleText('yellow', '警告 warning')} ${w.message}\n`);
  if (all.length > SHOWN_WARNINGS) lines.push(`  ${styleText('yellow', '警告 warning')} … 另有 ${all.length - SHOWN_WARNINGS} 条，见 plan.json warnings 与 均衡 工作表 / ${all.length - SHOWN_WARNINGS} more in plan.json warnings and the 均衡 sheet\n`);
  return lines.join('');
}

/**
 * The one place where outcomes become exit codes (FORMAT.md): 0 all rules
 * hold, 2 a plan was written with shortfalls (or a check found violations),
 * 1 bad input or a bad command — with a message naming file, row and column —
 * or an output that could not be written (OutputError: which file, and why).
 */
import { styleText } from 'node:util';
import { InputError } from '../domain/errors.js';
import { OutputError } from '../io/output-error.js';

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_SHORTFALL = 2;

/** Runs a command body; its number is the exit code. Errors are printed for people. */
export async function run(body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (err) {
    if (err instanceof InputError) {
      const n = err.problems.length;
      process.stderr.write(`${styleText('red', `输入有误 / bad input (${n} problem${n === 1 ? '' : 's'}):`)}\n${err.message}\n`);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    if (err instanceof OutputError) {
      process.stderr.write(`${styleText('red', '写入失败 / write failed:')} ${err.message}\n`);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    process.stderr.write(`${styleText('red', 'error:')} ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.ROTATION_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}

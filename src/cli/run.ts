/**
 * The one place where outcomes become exit codes (docs/format.md): 0 all
 * rules hold, 2 a plan was written with shortfalls (or a check found
 * violations), 1 bad input or a bad command — with a message naming file, row
 * and column —, 3 the program itself failed (a bug, a solver that broke):
 * one line that says so and how to report it, the stack only with --debug.
 * An output that could not be written (OutputError: which file, and why) is 1.
 */
import { styleText } from 'node:util';
import { InputError } from '../domain/errors.js';
import { OutputError } from '../io/export/output-error.js';

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_SHORTFALL = 2;
export const EXIT_INTERNAL = 3;

/** True when the stack of an internal error should be printed (`--debug`, or ROTATION_DEBUG=1). */
function debugWanted(argv: readonly string[] = process.argv, env: Record<string, string | undefined> = process.env): boolean {
  return argv.includes('--debug') || (env['ROTATION_DEBUG'] !== undefined && env['ROTATION_DEBUG'] !== '' && env['ROTATION_DEBUG'] !== '0');
}

/** The one line an internal error prints: not the user's fault, and how to report it. */
function internalErrorLine(err: unknown): string {
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  return `${styleText('red', '程序内部错误 / internal error:')} ${message} — 这不是您的输入有误，是本程序的问题 / this is the program's fault, not your input. `
    + '请把所用命令和这行信息报告给维护者（见 README「报告问题」），加 --debug 可附上详细堆栈 / please report the command and this line to the maintainers (README, "Reporting a problem"); --debug adds the stack.';
}

/** An error of the operating system (ENOENT, EACCES, ENOTDIR, ENOSPC, …) from a file system call. */
function isSystemError(err: unknown): err is NodeJS.ErrnoException {
  const e = err as NodeJS.ErrnoException | null;
  return e instanceof Error && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) && typeof e.syscall === 'string';
}

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
    if (isSystemError(err)) {
      // A folder that cannot be written, a disk that is full: the machine's or the path's problem, not a bug.
      process.stderr.write(`${styleText('red', '无法读写文件 / cannot read or write a file:')} ${err.message}\n`);
      process.exitCode = EXIT_BAD_INPUT;
      return;
    }
    process.stderr.write(`${internalErrorLine(err)}\n`);
    if (debugWanted() && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = EXIT_INTERNAL;
  }
}

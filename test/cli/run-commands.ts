/** Runs `rotation` commands in-process (no build needed) and captures what they print and their exit code. */
import { vi } from 'vitest';
import yargs, { type CommandModule } from 'yargs';

export interface CommandRun { stdout: string; stderr: string; code: number }

/** A `rotation(...args)` function that knows the given commands, as main.ts registers them. */
export function commandRunner<A extends unknown[]>(...commands: { [K in keyof A]: CommandModule<object, A[K]> }): (...args: string[]) => Promise<CommandRun> {
  return async (...args) => {
    let stdout = '';
    let stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { stdout += String(chunk); return true; });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { stderr += String(chunk); return true; });
    const before = process.exitCode;
    try {
      const cli = yargs(args);
      for (const c of commands) cli.command(c);
      await cli.strict().exitProcess(false).parseAsync();
      return { stdout, stderr, code: Number(process.exitCode ?? 0) };
    } finally {
      vi.restoreAllMocks();
      process.exitCode = before;
    }
  };
}

/** The problems an input error lists, for tests of bad input: what `read` throws, formatted as the CLI prints them. */
import { formatProblem, InputError } from '../../src/domain/errors.js';

/**
 * The lines of the InputError `read` throws (file, row, column: message); none
 * when it throws nothing. Any other error is rethrown.
 */
export async function problemLines(read: () => unknown): Promise<string[]> {
  try {
    await read();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(formatProblem);
    throw err;
  }
  return [];
}

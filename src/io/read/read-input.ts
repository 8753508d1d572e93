/**
 * Reading an input file from disk: an error of the file system (no
 * permission, a folder where a file should be, a drive pulled out) becomes an
 * InputError naming the file and saying why in words, not the operating
 * system's errno — so the command exits 1 with the file named, as for any
 * other bad input.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../../domain/errors.js';
import { bilingual, READ } from '../../domain/messages.js';

/** The InputError of a failed read of `file`; an error that is not the file system's is returned as it is. */
export function readErrorOf(err: unknown, file: string): unknown {
  const e = err as NodeJS.ErrnoException | null;
  if (!(e instanceof Error) || typeof e.code !== 'string' || !/^E[A-Z]+$/.test(e.code)) return err;
  const reason = READ.reasons[e.code] ?? READ.unknownReason(e.message);
  return new InputError([{ file, message: bilingual(READ.cannotRead(reason, e.code)) }]);
}

/**
 * The bytes of `path`; `file` names it in errors (as the user knows it: teachers.csv, the workbook's name).
 *
 * @example const bytes = await readInput('scenarios/lucheng-demo/teachers.csv', 'teachers.csv');
 */
export async function readInput(path: string, file: string = path): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw readErrorOf(err, file);
  }
}

/**
 * The text (UTF-8) of `path`, errors as readInput's.
 *
 * @example const text = await readInputText('scenarios/lucheng-demo/policy.json', 'policy.json');
 */
export async function readInputText(path: string, file: string = path): Promise<string> {
  return (await readInput(path, file)).toString('utf8');
}

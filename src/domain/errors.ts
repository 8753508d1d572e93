/**
 * The one error type for bad input: it names file, row (spreadsheet line,
 * header = 1) and column, with a message a clerk understands. The CLI maps it
 * to exit code 1.
 */
export interface InputProblem {
  readonly file: string;
  /** Spreadsheet line (header = 1); absent for a problem of the whole file. */
  readonly row?: number;
  /** Column header as written in the file, with its letter, e.g. "出生日期 (D)". */
  readonly column?: string;
  /** The offending cell's text, when the problem is about one cell. */
  readonly value?: string;
  readonly message: string;
}

/**
 * Bad input: one or more problems, each naming file, row and column. The CLI exits 1 on it.
 *
 * @example try { await readScenario('x') } catch (e) { if (e instanceof InputError) console.log(e.problems[0].file) }
 */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** "teachers.csv, row 7, column 出生日期 (D): …" */
export function formatProblem(p: InputProblem): string {
  const where = [p.file, p.row !== undefined ? `row ${p.row}` : undefined, p.column !== undefined ? `column ${p.column}` : undefined]
    .filter((s) => s !== undefined).join(', ');
  return `${where}: ${p.message}`;
}

/** Spreadsheet column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

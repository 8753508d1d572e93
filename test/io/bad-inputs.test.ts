/**
 * The corpus of bad inputs (test/fixtures/bad/<case>/): each case is a small
 * scenario with one kind of mistake and an expected.txt holding every problem
 * it must produce, as formatProblem prints them. A case folder holding a
 * workbook (scenario.xls) stands for that file. The workbook-* cases are made
 * by test/fixtures/tools/make-bad-workbooks.mjs (the zip bombs are a few KB on
 * disk and expand to hundreds of MB).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, InputError } from '../../src/domain/errors.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { buildCli } from '../cli/built-cli.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BAD = join(REPO, 'test/fixtures/bad');
const CLI = join(REPO, 'dist/cli/main.js');
const CASES = readdirSync(BAD).filter((d) => statSync(join(BAD, d)).isDirectory()).sort();

function scenarioPath(dir: string): string {
  const book = readdirSync(dir).find((f) => /\.xlsx?$/i.test(f));
  return book === undefined ? dir : join(dir, book);
}

function expectedLines(c: string): string[] {
  return readFileSync(join(BAD, c, 'expected.txt'), 'utf8').trimEnd().split('\n');
}

async function problemsOf(path: string): Promise<string[]> {
  try {
    await readScenario(path);
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(formatProblem);
    throw err;
  }
  return [];
}

/** Every file of a folder with its size and mtime: "writes nothing" means this does not change. */
function listing(dir: string): string[] {
  return readdirSync(dir).sort().map((f) => {
    const s = statSync(join(dir, f));
    return `${f} ${s.size} ${s.mtimeMs}`;
  });
}

describe('bad inputs: readScenario reports every problem, naming file, row and column', () => {
  it('the corpus covers the mistakes FORMAT.md rules out', () => {
    expect(CASES).toEqual(expect.arrayContaining([
      'duplicate-teacher-id', 'duplicate-school-id', 'unknown-school-in-teachers', 'unknown-teacher-in-history',
      'unknown-teacher-in-locks', 'needs-at-non-receiver', 'date-does-not-exist', 'date-is-text',
      'birth-after-school-start', 'hire-after-school-start', 'bad-enums', 'missing-required-column',
      'missing-required-file', 'empty-teachers', 'header-only-teachers', 'non-numeric-counts', 'tier-5',
      'pin-without-school', 'pin-to-another-county', 'pin-and-keep', 'preference-not-receiver',
      'policy-share-too-big', 'policy-unknown-key', 'policy-not-json', 'xls-as-scenario', 'xls-as-teachers',
      'several-problems-in-one-file', 'more-cells-than-header', 'spouse-not-mutual',
      // issue 15: nothing silently ignored
      'policy-unknown-top-level-key', 'policy-javascript-names', 'workbook-policy-unknown-key', 'workbook-zip-bomb',
      'workbook-too-many-rows', 'workbook-too-many-cells', 'workbook-formula-without-value',
    ]));
  });

  it('the empty teachers.csv is 0 bytes and the legacy workbooks start with the OLE signature D0 CF 11 E0', () => {
    expect(statSync(join(BAD, 'empty-teachers/teachers.csv')).size).toBe(0);
    for (const file of ['xls-as-scenario/scenario.xls', 'xls-as-teachers/teachers.csv']) {
      expect([...readFileSync(join(BAD, file)).subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    }
  });

  it.each(CASES)('%s: the full problem list is exactly expected.txt', async (c) => {
    expect(await problemsOf(scenarioPath(join(BAD, c)))).toEqual(expectedLines(c));
  });

  it('several problems in one file are all reported, in row order, not just the first', async () => {
    const rows = (await problemsOf(join(BAD, 'several-problems-in-one-file'))).map((p) => Number(/row (\d+)/.exec(p)?.[1]));
    expect(rows).toEqual([2, 3, 4, 4, 5]);
  });
});

describe('rotation validate on a bad input: exit 1, the message names file, row and column, nothing is written', () => {
  // tsc still emits when another part of the tree fails to type-check; only a missing CLI stops these tests.
  beforeAll(() => buildCli(), 120_000);

  it.each(CASES)('%s', (c) => {
    const dir = join(BAD, c);
    const before = listing(dir);
    const run = spawnSync(process.execPath, [CLI, 'validate', scenarioPath(dir), '--year', '2019'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const expected = expectedLines(c);
    for (const line of expected) expect(run.stderr).toContain(line);
    // A problem in a row names its column too; a problem of a whole file names the file.
    for (const line of expected) {
      if (/, row \d+/.test(line)) expect(line).toMatch(/^[^,]+\.(csv|xlsx?)(#\w+)?, row \d+, column [^:]+: /);
      else expect(line).toMatch(/^[^,:]+\.(csv|json|xlsx?)(#\w+)?[,:]/);
    }
    expect(listing(dir)).toEqual(before);
  });
});

/**
 * An input file the system cannot read (a folder where teachers.csv should be,
 * no permission, a drive pulled out) is bad input: exit 1, the file named and
 * why in words (zh / en), never the operating system's raw errno line.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { readPlanFile } from '../../src/io/read/read-plan.js';
import { readErrorOf } from '../../src/io/read/read-input.js';
import { readScenario } from '../../src/io/read/read-scenario.js';
import { buildCli, rotation } from '../cli/built-cli.js';
import { problemLines } from './input-problems.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** The demo scenario with a folder in the place of teachers.csv (EISDIR: unreadable even for root). */
function withFolderFor(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rotation-unreadable-'));
  dirs.push(dir);
  cpSync(join(REPO, 'scenarios/lucheng-demo'), dir, { recursive: true });
  rmSync(join(dir, file));
  mkdirSync(join(dir, file));
  return dir;
}

const problems = problemLines;

describe('an input file that cannot be read', () => {
  it('teachers.csv is a folder: the file named and why, in both languages', async () => {
    const dir = withFolderFor('teachers.csv');
    expect(await problems(() => readScenario(dir))).toEqual([expect.stringMatching(/^teachers\.csv: 无法读取该文件：这是一个文件夹，不是文件（EISDIR） \/ cannot read the file: it is a folder, not a file \(EISDIR\)$/)]);
  });

  it('policy.json is a folder: named as policy.json', async () => {
    const dir = withFolderFor('policy.json');
    expect((await problems(() => readScenario(dir))).join('\n')).toMatch(/^policy\.json: .*it is a folder, not a file \(EISDIR\)/);
  });

  it('a plan.json that is a folder: the path as given', async () => {
    const dir = withFolderFor('teachers.csv');
    expect(await problems(() => readPlanFile(join(dir, 'teachers.csv')))).toEqual([expect.stringContaining('cannot read the file: it is a folder, not a file (EISDIR)')]);
  });

  it('no permission (EACCES) is told in words; an error that is not the file system\'s passes through', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open 'x/teachers.csv'"), { code: 'EACCES', syscall: 'open' });
    const err = readErrorOf(denied, 'teachers.csv');
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems).toEqual([{ file: 'teachers.csv', message: '无法读取该文件：没有读取该文件的权限（EACCES） / cannot read the file: no permission to read it (EACCES)' }]);
    const bug = new TypeError('x is undefined');
    expect(readErrorOf(bug, 'teachers.csv')).toBe(bug);
  });

  it('rotation validate: exit 1, the file named, no raw errno line', () => {
    buildCli();
    const r = rotation('validate', withFolderFor('teachers.csv'), '--year', '2019');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('teachers.csv: 无法读取该文件');
    expect(r.stderr).not.toMatch(/^EISDIR: illegal operation/m);
  });
});

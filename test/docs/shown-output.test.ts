/**
 * Every command block the README and docs/ show is run, and its shown output
 * compared (timings normalised), so the documents cannot drift from the
 * program; every link in them resolves inside the repository.
 * The convention for blocks is in shown-blocks.mjs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript helper, also run as a script (--write)
import { documents, matches, normalise, root, runFile } from './shown-blocks.mjs';

beforeAll(() => {
  spawnSync('npm', ['run', 'build:server'], { cwd: root, encoding: 'utf8' });
  expect(existsSync(join(root, 'dist', 'cli', 'main.js'))).toBe(true);
});

type Ran = { shown: { body: string[]; start: number } | null; commands: string[][]; stdout: string; codes: (number | null)[] };

describe('shown outputs', () => {
  for (const doc of documents() as string[]) {
    it(`${doc}: every shown command prints what the page says`, { timeout: 600_000 }, () => {
      const ran = runFile(join(root, doc)) as Ran[];
      for (const b of ran) {
        // A bad command in a document (exit 1) or a crash (3) is never what a page means to show.
        expect(b.codes.filter((c) => c !== 0 && c !== 2), `${doc}: ${b.commands.map((c) => c.join(' ')).join('; ')}`).toEqual([]);
        if (b.shown === null) continue;
        const expected = b.shown.body.join('\n');
        if (!matches(expected, b.stdout)) {
          expect(normalise(b.stdout), `${doc} line ${b.shown.start + 1}: run \`node test/docs/shown-blocks.mjs --write\` after checking the change`).toBe(normalise(expected));
        }
      }
    });
  }
});

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

function anchorsOf(text: string): Set<string> {
  const inFence = (() => { let open = false; return (l: string) => { if (/^```/.test(l)) { open = !open; return true; } return open; }; })();
  return new Set(text.split('\n').filter((l) => !inFence(l) && /^#{1,6} /.test(l)).map((l) => anchor(l.replace(/^#+ /, ''))));
}

describe('links', () => {
  for (const doc of documents() as string[]) {
    it(`${doc}: every link resolves inside the repository`, () => {
      const text = readFileSync(join(root, doc), 'utf8').replace(/```[\s\S]*?```/g, '');
      const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
      for (const link of links) {
        if (/^(https?|mailto):/.test(link)) continue;
        const [file, hash] = link.split('#') as [string, string | undefined];
        const target = file === '' ? join(root, doc) : resolve(dirname(join(root, doc)), file);
        expect(relative(root, target).startsWith('..'), `${doc}: ${link} leaves the repository`).toBe(false);
        expect(existsSync(target), `${doc}: ${link} does not exist`).toBe(true);
        if (hash !== undefined && target.endsWith('.md')) {
          expect(anchorsOf(readFileSync(target, 'utf8')).has(decodeURIComponent(hash)), `${doc}: ${link}: no such heading`).toBe(true);
        }
      }
    });
  }

  it('nothing in the README, docs/ or src/ points outside the repository', () => {
    const grep = spawnSync('grep', ['-rnE', String.raw`\.\./shared|(FORMAT|POLICY|SOLVERS|STYLE)\.md`, 'README.md', 'docs', 'src'], { cwd: root, encoding: 'utf8' });
    expect(grep.stdout).toBe('');
  });
});

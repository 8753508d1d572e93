/**
 * io/ is split by direction: the readers (src/io/read) import only src/domain
 * (and each other), so reading a file never pulls in rules, the optimiser or
 * a report; the writers (src/io/export) may import policy/ and report/ too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

/** The src/ folders a folder's files import from (`import type` included: a type is a dependency too). */
function importedFolders(folder: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of readdirSync(join(SRC, folder)).filter((x) => x.endsWith('.ts'))) {
    const text = readFileSync(join(SRC, folder, f), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      const target = relative(SRC, resolve(dirname(join(SRC, folder, f)), m[1]!));
      const top = target.startsWith('io/') ? target.split('/').slice(0, 2).join('/') : target.split('/')[0]!;
      out.set(top, [...(out.get(top) ?? []), `${folder}/${f}`]);
    }
  }
  return out;
}

describe('io/ by direction', () => {
  it('the readers import only domain/ and io/read/', () => {
    expect([...importedFolders('io/read').keys()].sort()).toEqual(['domain', 'io/read']);
  });

  it('the writers never import the checker, the command line or the server', () => {
    const folders = importedFolders('io/export');
    expect(folders.has('check')).toBe(false);
    expect(folders.has('cli')).toBe(false);
    expect(folders.has('server')).toBe(false);
  });
});

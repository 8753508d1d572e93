/**
 * The checker shares no code with the optimiser: nothing reachable from
 * src/check (through value imports, type imports aside) is in src/engine.
 * Also for the new paths of issue 17: the rebuild of an edited plan.xlsx.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

/** Files a source file imports by value (`import type` left out), resolved to .ts paths. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'/gms)) out.push(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
  return out;
}

function reachable(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...valueImports(f));
  }
  return seen;
}

describe('the checker is independent of the optimiser', () => {
  it('no module reachable from src/check/ is in src/engine/', () => {
    const roots = readdirSync(join(SRC, 'check'), { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => join(SRC, 'check', f));
    expect(roots).toContain(join(SRC, 'check', 'rebuild.ts'));
    const engine = [...reachable(roots)].filter((f) => f.startsWith(join(SRC, 'engine')));
    expect(engine).toEqual([]);
  });

  it('the walk does find engine modules where they are imported (the test can fail)', () => {
    expect([...reachable([join(SRC, 'cli', 'plan-run.ts')])].some((f) => f.startsWith(join(SRC, 'engine')))).toBe(true);
  });
});

/** Every value src/index.ts exports carries TSDoc with a short example (the library's users read it in their editor). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');
const index = readFileSync(join(src, 'index.ts'), 'utf8');
const exported = [...index.matchAll(/export \{([^}]*)\} from '\.\/([^']+)\.js'/g)].flatMap((m) => m[1]!.split(',')
  .map((n) => n.trim()).filter((n) => n !== '' && !n.startsWith('type ')).map((name) => ({ name, module: m[2]! })));

describe('src/index.ts', () => {
  it('exports the use cases, readers, writers, checker and schemas', () => {
    const names = exported.map((e) => e.name);
    for (const n of ['planYear', 'planYears', 'replanYear', 'compareVariants', 'suggestFor', 'readScenario', 'readPlanFile', 'writePlanOutputs', 'checkPlan', 'planSchema', 'policySchema', 'rowSchemas']) expect(names).toContain(n);
  });

  for (const { name, module } of exported) {
    it(`${name} (${module}.ts) has TSDoc with an @example`, () => {
      const text = readFileSync(join(src, `${module}.ts`), 'utf8');
      const decl = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*?\\*/\\s*)?export (?:async )?(?:function|const|class) ${name}\\b`).exec(text);
      expect(decl, `${name} is declared in ${module}.ts`).not.toBeNull();
      expect(decl![1] ?? '', `${name}'s TSDoc`).toContain('@example');
    });
  }
});

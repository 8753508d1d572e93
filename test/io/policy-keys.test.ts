/**
 * Issue 15: nothing in a policy is silently ignored, and no key reaches an
 * object's prototype. Unknown keys at any depth (also at the top level, also
 * on a workbook's policy sheet) are errors naming the key and the file; the
 * names JavaScript gives every object (__proto__, constructor, prototype) are
 * never policy keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, InputError } from '../../src/domain/errors.js';
import { applyOverrides, type Json, parsePolicy, policyFromRows, policyJsonText } from '../../src/io/read/policy-file.js';

/** The problems parsing `text` as policy.json gives (none: []). */
function problemsOf(text: string, set: string[] = []): string[] {
  try {
    parsePolicy(applyOverrides(policyJsonText(text, 'policy.json'), set), 'policy.json');
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(formatProblem);
    throw err;
  }
  return [];
}

/** Everything Object.prototype holds, to compare before and after. */
const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

describe('unknown policy keys are errors at every depth', () => {
  it('a typo at the top level ("rotaton") names the key and the file; the policy is not used half-read', () => {
    expect(problemsOf('{"rotaton": {"min_share": 0.5}}')).toEqual(['policy.json, column rotaton: 未知的设置项 / unknown key']);
  });

  it('a nested typo names its full path', () => {
    expect(problemsOf('{"rotation": {"min_shre": 0.5}}')).toEqual(['policy.json, column rotation.min_shre: 未知的设置项 / unknown key']);
  });

  it('__proto__, constructor and prototype are not policy keys, at the top level or deeper', () => {
    expect(problemsOf('{"__proto__": {"rotation": {"min_share": 0.9}}}')).toEqual(['policy.json, column __proto__: 不是设置项 / not a policy key']);
    expect(problemsOf('{"constructor": {"prototype": {"polluted": 1}}}')).toEqual(['policy.json, column constructor: 不是设置项 / not a policy key']);
    expect(problemsOf('{"rotation": {"__proto__": {"min_share": 0.9}}, "subjects": {"constructor": "x"}}')).toEqual([
      'policy.json, column rotation.__proto__: 不是设置项 / not a policy key',
      'policy.json, column subjects.constructor: 不是设置项 / not a policy key',
    ]);
    expect(problemsOf('{"norms": {"curriculum": {"prototype": [1,1,1,1,1,1,1,1,1]}}}')).toEqual(['policy.json, column norms.curriculum.prototype: 不是设置项 / not a policy key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('such a key in --set names --set', () => {
    expect(problemsOf('{"rotaton": 1}', ['constructor.prototype.x=1'])).toEqual([
      '--set, column constructor.prototype.x: 不是设置项 / not a policy key',
    ]);
  });
});

describe('a workbook policy sheet: the same errors, with the row', () => {
  const sheet = (rows: string[][]) => policyFromRows(rows, rows.map((_, i) => i + 1), 'book.xlsx#policy');

  it('an unknown key names the sheet, its row and the key', () => {
    const { policy, rows, problems } = sheet([['key', 'value'], ['rotation.min_share', '0.15'], ['rotaton.min_share', '0.5']]);
    expect(problems).toEqual([]);
    expect(() => parsePolicy(policy, 'book.xlsx#policy', [], rows)).toThrow(InputError);
    try {
      parsePolicy(policy, 'book.xlsx#policy', [], rows);
    } catch (err) {
      expect((err as InputError).problems.map(formatProblem)).toEqual(['book.xlsx#policy, row 3, column rotaton: 未知的设置项 / unknown key']);
    }
  });

  it('__proto__ on the sheet and a key written twice are problems of their rows', () => {
    const { problems } = sheet([['__proto__.polluted', '1'], ['rotation.min_share', '0.1'], ['rotation.min_share', '0.2'], ['constructor', '1']]);
    expect(problems.map(formatProblem)).toEqual([
      'book.xlsx#policy, row 1, column __proto__.polluted: 不是设置项 / not a policy key',
      'book.xlsx#policy, row 3, column rotation.min_share: 设置项重复（第 2 行已有）/ key written twice (also on row 2)',
      'book.xlsx#policy, row 4, column constructor: 不是设置项 / not a policy key',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('pollution is impossible: no policy, however built, changes Object.prototype or any object’s prototype', () => {
  const key = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'rotation', 'min_share', 'subjects', 'norms', 'curriculum', 'x');
  const tree = fc.letrec<{ node: Json }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
      fc.constantFrom<Json>(1, 0.5, 'x', null, true),
      fc.array(key.chain((k) => tie('node').map((v) => [k, v] as const)), { maxLength: 4 })
        .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`)
        // JSON text, so that "__proto__" arrives as an own key, as it does from a file.
        .map((text) => JSON.parse(text) as Json)),
  })).node;

  /** Every object in a parsed policy has Object.prototype (or Array.prototype) as its prototype. */
  function plainAllTheWay(v: unknown): boolean {
    if (typeof v !== 'object' || v === null) return true;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== Array.prototype) return false;
    return Object.values(v).every(plainAllTheWay);
  }

  it('random policy.json trees built of dangerous keys: an InputError or a plain policy, never a changed prototype', () => {
    const before = prototypeNames();
    fc.assert(fc.property(tree, fc.array(fc.tuple(fc.array(key, { minLength: 1, maxLength: 3 }), fc.constantFrom('1', '{"polluted":1}')), { maxLength: 2 }),
      (raw, sets) => {
        const top = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : { x: raw }) as Record<string, Json>;
        try {
          const policy = parsePolicy(applyOverrides(top, sets.map(([path, v]) => `${path.join('.')}=${v}`)), 'policy.json');
          expect(plainAllTheWay(policy)).toBe(true);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
        }
        try {
          const rows = sets.map(([path, v]) => [path.join('.'), v]);
          const s = policyFromRows(rows, rows.map((_, i) => i + 1), 'book.xlsx#policy');
          parsePolicy(s.policy, 'book.xlsx#policy', [], s.rows);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
        }
        expect(prototypeNames()).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }), { numRuns: 500, seed: 15 });
  });
});

/** policy.json: a key written twice in one object is an error naming the key and both lines (JSON.parse would keep the last silently). */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { policyJsonText } from '../../src/io/read/policy-file.js';

function problems(text: string) {
  try {
    policyJsonText(text, 'policy.json');
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  return [];
}

describe('policy.json duplicate keys', () => {
  it('a key written twice inside one object: the key path, the line of the repeat, the line of the first', () => {
    const text = '{\n  "rotation": {\n    "min_share": 0.1,\n    "min_share": 0.15\n  }\n}\n';
    expect(problems(text)).toEqual([{ file: 'policy.json', row: 4, column: 'rotation.min_share', message: '设置项重复（第 3 行已有）/ key written twice (also on line 3)' }]);
  });

  it('a top-level section written twice (with a BOM, strings holding quotes, braces and colons)', () => {
    const text = '\uFEFF{"name": "a \\"{x}\\": y",\n"rotation": {"min_share": 0.1},\n"rotation": {"max_share": 0.2}}';
    expect(problems(text).map((p) => [p.row, p.column])).toEqual([[3, 'rotation']]);
  });

  it('the same key in two different objects, or inside arrays, is no repeat', () => {
    const text = '{"a": {"x": 1}, "b": {"x": 2}, "items": [{"name": "x"}, {"name": "y"}], "list": [1, [2, 3], "s"]}';
    expect(problems(text)).toEqual([]);
    expect(policyJsonText(text, 'policy.json')).toMatchObject({ b: { x: 2 } });
  });

  it('a key repeated inside an object within an array names its place', () => {
    expect(problems('{"items": [{"name": "x"},\n {"name": "y", "name": "z"}]}').map((p) => [p.row, p.column])).toEqual([[2, 'items.1.name']]);
  });
});

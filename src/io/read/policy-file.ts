/** policy.json (or a workbook's `policy` sheet) and `--set key=value` overrides → Policy. */
import { InputError, type InputProblem } from '../../domain/errors.js';
import type { z } from 'zod';
import { type Policy, policySchema } from '../../domain/policy.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Reads a `--set` value: JSON when it parses (0.15, null, true, "x"), text otherwise. */
function parseValue(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/**
 * Names JavaScript gives every object: a key spelt like one of them could
 * reach Object.prototype (`{"__proto__": …}`) or a constructor instead of the
 * policy, so no policy key may be one, at any depth.
 */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);
const NOT_A_KEY = '不是设置项 / not a policy key';

/** Whether `path` (a.b.c) names a key no policy has: one of JavaScript's own names. */
const isUnsafePath = (path: string): boolean => path.split('.').some((k) => UNSAFE_KEYS.has(k));

/** A plain object with the one given own property (never an assignment, which could reach a prototype). */
function defineOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Sets `a.b.c` = value inside a plain object, creating the levels on the way. */
function setPath(target: Record<string, Json>, path: string, value: Json, file = '--set'): void {
  if (isUnsafePath(path)) throw new InputError([{ file, column: path, message: NOT_A_KEY }]);
  const keys = path.split('.');
  let node: Record<string, Json> = target;
  for (const k of keys.slice(0, -1)) {
    const next = Object.hasOwn(node, k) ? node[k] : undefined;
    if (typeof next !== 'object' || next === null || Array.isArray(next)) defineOwn(node, k, {});
    node = node[k] as Record<string, Json>;
  }
  defineOwn(node, keys.at(-1)!, value);
}

/** Applies "rotation.min_share=0.15" style overrides to raw policy JSON. */
export function applyOverrides(raw: Record<string, Json>, sets: readonly string[], file = '--set'): Record<string, Json> {
  const out = structuredClone(raw);
  const problems: InputProblem[] = [];
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) problems.push({ file, message: `"${s}" 应写成 key=value / must be key=value, e.g. rotation.min_share=0.15` });
    else {
      try {
        setPath(out, s.slice(0, eq).trim(), parseValue(s.slice(eq + 1).trim()), file);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        problems.push(...err.problems);
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

/** Every key path (a.b.c) of raw policy JSON that is one of JavaScript's own names, read with own keys only. */
function unsafeKeyPaths(value: Json, at: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unsafeKeyPaths(v, [...at, String(i)]));
  return Object.keys(value).flatMap((k) => {
    const path = [...at, k];
    return UNSAFE_KEYS.has(k) ? [path.join('.')] : unsafeKeyPaths(Object.getOwnPropertyDescriptor(value, k)?.value as Json, path);
  });
}

/** A zod issue of the policy, told in Chinese and English (zod's own text is English only). */
function policyMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big': return `不能大于 ${String(issue.maximum)} / must be at most ${String(issue.maximum)}`;
    case 'too_small': return `不能小于 ${String(issue.minimum)} / must be at least ${String(issue.minimum)}`;
    case 'invalid_type': return `类型不对 / must be ${issue.expected}`;
    case 'invalid_value': return `不是可用的值 / must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys': return '未知的设置项 / unknown key';
    default: return issue.message;
  }
}

/**
 * Parses raw policy JSON; every problem names the key (as the "column"), and
 * `--set` as its file when the key is one of `overridden` (the keys set there,
 * and the sections a --set created: createdBySet).
 */
export function parsePolicy(raw: Record<string, Json>, file: string, overridden: readonly string[] = [], rows: KeyRows = new Map()): Policy {
  const fromSet = (key: string): boolean => overridden.some((k) => key === k || key.startsWith(`${k}.`) || k.startsWith(`${key}.`));
  const problem = (column: string, message: string): InputProblem => {
    if (fromSet(column)) return { file: '--set', column, message };
    const row = rowOfKey(rows, column);
    return { file, ...(row === undefined ? {} : { row }), column: column || '(top level)', message };
  };
  // Checked before zod sees the object: no key of ours is one of JavaScript's own names, so none is ever looked up.
  const unsafe = unsafeKeyPaths(raw);
  if (unsafe.length > 0) throw new InputError(unsafe.map((path) => problem(path, NOT_A_KEY)));
  const parsed = policySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new InputError(parsed.error.issues.flatMap((i) => {
    const at = i.path.map(String);
    // One problem per unknown key, at any depth, named by its full path, so a typo points at itself.
    const keys = i.code === 'unrecognized_keys' ? i.keys.map((k) => [...at, k]) : [at];
    return keys.map((path) => problem(path.join('.'), policyMessage(i)));
  }));
}

/** The sheet line of `column` (a key path): where it, or a key below it, was written. */
function rowOfKey(rows: KeyRows, column: string): number | undefined {
  if (column === '') return undefined;
  const exact = rows.get(column);
  if (exact !== undefined) return exact;
  const below = [...rows].filter(([k]) => k.startsWith(`${column}.`)).map(([, line]) => line);
  return below.length > 0 ? Math.min(...below) : undefined;
}

/** The keys a list of `key=value` overrides sets. */
export function overriddenKeys(sets: readonly string[]): string[] {
  return sets.filter((s) => s.indexOf('=') > 0).map((s) => s.slice(0, s.indexOf('=')).trim());
}

/**
 * The sections `--set` creates: for `income.base_pay.level1=5000` on a policy
 * without `income.base_pay`, "income.base_pay" — the keys missing beside
 * level1 are then --set's to give, not the policy file's.
 *
 * @example createdBySet({ income: {} }, ['income.base_pay.level1=5000']) // ['income.base_pay']
 */
export function createdBySet(raw: Record<string, Json>, sets: readonly string[]): string[] {
  const out: string[] = [];
  for (const key of overriddenKeys(sets)) {
    const keys = key.split('.');
    let node: Json = raw;
    for (let i = 0; i < keys.length - 1; i++) {
      const child: Json | undefined = Object.hasOwn(node as object, keys[i]!) ? (node as Record<string, Json>)[keys[i]!] : undefined;
      if (typeof child !== 'object' || child === null || Array.isArray(child)) {
        out.push(keys.slice(0, i + 1).join('.'));
        break;
      }
      node = child;
    }
  }
  return out;
}

/** `--set` overrides as plan.json records them: `{ "rotation.min_share": 0.15 }` (later sets of a key win). */
export function overridesRecord(sets: readonly string[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq > 0) out[s.slice(0, eq).trim()] = parseValue(s.slice(eq + 1).trim());
  }
  return out;
}

/** The recorded overrides back as `key=value` texts that applyOverrides reads to the same values. */
export function overrideSets(record: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(record).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
}

/** A key written again in the same object: JSON.parse would silently keep the last value. */
const twiceMessage = (first: number, unit: 'row' | 'line') =>
  `设置项重复（第 ${first} 行已有）/ key written twice (also on ${unit} ${first})`;

/** Reads policy.json text; a key written twice in one object is an error naming the key and both lines. */
export function policyJsonText(text: string, file: string): Record<string, Json> {
  const body = text.replace(/^\uFEFF/, '');
  let v: Json;
  try {
    v = JSON.parse(body) as Json;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('the top level must be an object { … }');
  } catch (err) {
    throw new InputError([{ file, message: `不是有效的 JSON / not valid JSON: ${(err as Error).message}` }]);
  }
  const twice = duplicateKeys(body);
  if (twice.length > 0) throw new InputError(twice.map((d) => ({ file, row: d.line, column: d.path, message: twiceMessage(d.first, 'line') })));
  return v;
}

/**
 * The keys written twice inside one object of valid JSON text, by key path
 * (a.b.c) with the line of the repeat and of the first.
 */
function duplicateKeys(text: string): { path: string; line: number; first: number }[] {
  const out: { path: string; line: number; first: number }[] = [];
  let i = 0;
  let line = 1;
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) if (text[i++] === '\n') line++;
  };
  // A valid JSON string has no raw line break: its end is the next unescaped quote.
  const string = (): string => {
    let j = i + 1;
    while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    const s = JSON.parse(text.slice(i, j + 1)) as string;
    i = j + 1;
    return s;
  };
  const value = (path: readonly string[]): void => {
    space();
    const c = text[i];
    if (c === '"') { string(); return; }
    if (c !== '{' && c !== '[') {
      while (i < text.length && !',]} \t\r\n'.includes(text[i]!)) i++;
      return;
    }
    i++;
    const close = c === '{' ? '}' : ']';
    const seen = new Map<string, number>();
    for (let n = 0; ; n++) {
      space();
      if (text[i] === close) { i++; return; }
      if (text[i] === ',') { i++; space(); }
      if (close === ']') value([...path, String(n)]);
      else {
        const at = line;
        const key = string();
        space();
        i++; // the colon
        const first = seen.get(key);
        if (first === undefined) seen.set(key, at);
        else out.push({ path: [...path, key].join('.'), line: at, first });
        value([...path, key]);
      }
    }
  };
  value([]);
  return out;
}

/** Where each key of a workbook's policy sheet was written: key path → spreadsheet line. */
export type KeyRows = ReadonlyMap<string, number>;

export interface PolicySheet {
  readonly policy: Record<string, Json>;
  readonly rows: KeyRows;
  readonly problems: InputProblem[];
}

/**
 * A workbook `policy` sheet of key,value rows → raw policy JSON, with the line
 * of every key. A key written twice is a problem (the second would silently
 * win), as is a key spelt like one of JavaScript's own names.
 */
export function policyFromRows(rows: readonly (readonly string[])[], lines: readonly number[], file: string): PolicySheet {
  const out: Record<string, Json> = {};
  const at = new Map<string, number>();
  const problems: InputProblem[] = [];
  rows.forEach(([cell, value], r) => {
    const key = (cell ?? '').trim();
    const line = lines[r] ?? r + 1;
    if (['', 'key', '键'].includes(key)) return;
    const first = at.get(key);
    if (first !== undefined) problems.push({ file, row: line, column: key, message: twiceMessage(first, 'row') });
    else if (isUnsafePath(key)) problems.push({ file, row: line, column: key, message: NOT_A_KEY });
    else {
      at.set(key, line);
      setPath(out, key, parseValue((value ?? '').trim()), file);
    }
  });
  return { policy: out, rows: at, problems };
}

export type { Json };

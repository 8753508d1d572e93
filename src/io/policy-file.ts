/** policy.json (or a workbook's `policy` sheet) and `--set key=value` overrides → Policy. */
import { InputError, type InputProblem } from '../domain/errors.js';
import type { z } from 'zod';
import { type Policy, policySchema } from '../domain/policy.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Reads a `--set` value: JSON when it parses (0.15, null, true, "x"), text otherwise. */
function parseValue(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** Sets `a.b.c` = value inside a plain object, creating the levels on the way. */
export function setPath(target: Record<string, Json>, path: string, value: Json): void {
  const keys = path.split('.');
  // A key like __proto__ would reach Object.prototype instead of the policy.
  if (keys.some((k) => UNSAFE_KEYS.has(k))) throw new InputError([{ file: '--set', column: path, message: '不是设置项 / not a policy key' }]);
  let node: Record<string, Json> = target;
  for (const k of keys.slice(0, -1)) {
    const next = node[k];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[k] = {};
    node = node[k] as Record<string, Json>;
  }
  node[keys.at(-1)!] = value;
}

/** Applies "rotation.min_share=0.15" style overrides to raw policy JSON. */
export function applyOverrides(raw: Record<string, Json>, sets: readonly string[], file = '--set'): Record<string, Json> {
  const out = structuredClone(raw);
  const problems: InputProblem[] = [];
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) problems.push({ file, message: `"${s}" 应写成 key=value / must be key=value, e.g. rotation.min_share=0.15` });
    else setPath(out, s.slice(0, eq).trim(), parseValue(s.slice(eq + 1).trim()));
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
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
 * `--set` as its file when the key is one of `overridden` (the keys set there).
 */
export function parsePolicy(raw: unknown, file: string, overridden: readonly string[] = []): Policy {
  const parsed = policySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fromSet = (key: string): boolean => overridden.some((k) => key === k || key.startsWith(`${k}.`) || k.startsWith(`${key}.`));
  throw new InputError(parsed.error.issues.flatMap((i) => {
    const at = i.path.map(String);
    // One problem per unknown key, named by its full path, so a typo points at itself.
    const keys = i.code === 'unrecognized_keys' ? i.keys.map((k) => [...at, k]) : [at];
    return keys.map((path) => {
      const column = path.join('.');
      return { file: fromSet(column) ? '--set' : file, column: column || '(top level)', message: policyMessage(i) };
    });
  }));
}

/** The keys a list of `key=value` overrides sets. */
export function overriddenKeys(sets: readonly string[]): string[] {
  return sets.filter((s) => s.indexOf('=') > 0).map((s) => s.slice(0, s.indexOf('=')).trim());
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

/** Reads policy.json text. */
export function policyJsonText(text: string, file: string): Record<string, Json> {
  try {
    const v = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('the top level must be an object { … }');
    return v;
  } catch (err) {
    throw new InputError([{ file, message: `不是有效的 JSON / not valid JSON: ${(err as Error).message}` }]);
  }
}

/** A workbook `policy` sheet of key,value rows → raw policy JSON. */
export function policyFromRows(rows: readonly (readonly string[])[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of rows) if (key && !['', 'key', '键'].includes(key.trim())) setPath(out, key.trim(), parseValue((value ?? '').trim()));
  return out;
}

export type { Json };

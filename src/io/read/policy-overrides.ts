/**
 * Policy overrides as people type them: `--set min_share=0.15` (the section
 * may be left out when only one section has the key) and what-if variants,
 * `--variant "strict: min_share=0.2,backbone_min_share=0.3"`. They become the
 * dotted `key=value` strings applyOverrides (policy-file.ts) applies.
 */
import { InputError } from '../../domain/errors.js';
import { defaultPolicy } from '../../domain/policy.js';

/** A policy variant: its column name and its `key=value` overrides (full dotted keys). */
export interface Variant {
  readonly name: string;
  readonly sets: readonly string[];
  /** Where it was given, for messages: `--set` or `--variant "name"`. */
  readonly origin: string;
}

/**
 * "min_share" → "rotation.min_share": a key without a section is looked up
 * among the policy's sections and must name exactly one.
 *
 * @example qualifyKey('min_share', '--set') // 'rotation.min_share'
 */
export function qualifyKey(key: string, origin: string): string {
  if (key.includes('.')) return key;
  const policy = defaultPolicy() as unknown as Record<string, unknown>;
  const sections = Object.keys(policy).filter((s) => {
    const v = policy[s];
    return typeof v === 'object' && v !== null && !Array.isArray(v) && key in v;
  });
  if (sections.length === 1) return `${sections[0]}.${key}`;
  throw new InputError([{
    file: origin, column: key,
    message: sections.length === 0
      ? '未知的设置项 / unknown policy key (write it in full, e.g. rotation.min_share)'
      : `设置项不明确，请写全 / ambiguous key, write one of: ${sections.map((s) => `${s}.${key}`).join(', ')}`,
  }]);
}

/**
 * "strict: min_share=0.15,backbone_min_share=0.3" (the name is optional) → a Variant.
 *
 * @example parseVariant('strict: min_share=0.2').sets // ['rotation.min_share=0.2']
 */
export function parseVariant(spec: string): Variant {
  const colon = spec.indexOf(':');
  const eq = spec.indexOf('=');
  const named = colon > 0 && (eq < 0 || colon < eq);
  const name = named ? spec.slice(0, colon).trim() : spec.trim();
  const origin = `--variant "${name}"`;
  // Split at commas that start a new key=, so a JSON value like [1,2] stays whole.
  const parts = (named ? spec.slice(colon + 1) : spec).split(/,(?=\s*[A-Za-z_][\w.]*\s*=)/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new InputError([{ file: origin, message: '变体没有设置项 / the variant sets no key; write key=value,key=value' }]);
  const sets = parts.map((p) => {
    const at = p.indexOf('=');
    if (at <= 0) throw new InputError([{ file: origin, message: `"${p}" 应写成 key=value / must be key=value, e.g. rotation.min_share=0.15` }]);
    return `${qualifyKey(p.slice(0, at).trim(), origin)}=${p.slice(at + 1).trim()}`;
  });
  return { name, sets, origin };
}

/**
 * Each `--set` alone is one variant; each `--variant` one more.
 *
 * @example variantsOf(['min_share=0.15'], []).map((v) => v.name) // ['min_share=0.15']
 */
export function variantsOf(sets: readonly string[], variants: readonly string[]): Variant[] {
  return [
    ...sets.map((s) => ({ ...parseVariant(s), origin: '--set' })),
    ...variants.map(parseVariant),
  ];
}

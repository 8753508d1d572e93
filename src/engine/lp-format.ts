/**
 * Our LinearModel as CPLEX LP text, the format HiGHS, GLPK (glpsol) and
 * CPLEX all read, so a county model can be saved, inspected and re-solved
 * by another solver.
 *
 * Names: our variable and row names hold `>`, `|`, `*`, `-` and Chinese
 * school ids, which LP forbids. Every character outside [A-Za-z0-9_] is
 * written as `_x<hex code point>_`, and a `_` that is followed by `x` as
 * `_x5f_`, so every `_x` in the text starts an escape and the mapping can be
 * undone (decodeLpName). A name that would start like a number or an
 * exponent (digit, `.`, `e` alone or before a digit) or equal an LP keyword gets the empty
 * escape `_x_` in front. A name still over the 255-character limit is
 * replaced by `_xn<index>_` (columns) or `_xr<index>` (rows; `n`, `r`, `lo`
 * and `hi` are not hex, so no escape collides with them); lpNames gives
 * the reverse map for every name.
 *
 * Rows: HiGHS 1.15 misreads the `lo <= expr <= hi` range form (measured: it
 * splits it into two wrong rows), so a ranged row is written as two rows,
 * `<name>_xlo_` (≥ min) and `<name>_xhi_` (≤ max); an equality stays one row.
 */
import type { LinearModel, Terms } from './solver.js';

/** CPLEX LP limits a name to 255 characters. */
const MAX_NAME = 255;
/** CPLEX LP limits a line to 560 characters; wrap well before. */
const WRAP_AT = 250;
/** Words a reader may take as a section keyword or a bound word. */
const KEYWORDS = new Set([
  'max', 'maximize', 'maximise', 'maximum', 'min', 'minimize', 'minimise', 'minimum', 'st', 's.t.', 'st.', 'subject', 'such',
  'bound', 'bounds', 'gen', 'general', 'generals', 'integer', 'integers', 'bin', 'binary', 'binaries', 'semi', 'semis',
  'semi-continuous', 'sos', 'end', 'free', 'inf', 'infinity',
]);

/** One name as an LP identifier (may exceed 255 characters: see lpNames). */
export function encodeLpName(name: string): string {
  let out = '';
  const chars = [...name];
  chars.forEach((ch, i) => {
    if (/[A-Za-z0-9]/.test(ch) || (ch === '_' && chars[i + 1] !== 'x')) out += ch;
    else out += `_x${ch.codePointAt(0)!.toString(16)}_`;
  });
  if (out === '' || /^([0-9.]|[eE]([0-9]|$))/.test(out) || KEYWORDS.has(out.toLowerCase())) out = `_x_${out}`;
  return out;
}

/** Inverse of encodeLpName; also strips the `_xlo_`/`_xhi_` row suffixes. Null for a replaced long name. */
export function decodeLpName(lpName: string): string | null {
  let out = '';
  let i = 0;
  while (i < lpName.length) {
    if (lpName.startsWith('_x', i)) {
      const end = lpName.indexOf('_', i + 2);
      if (end < 0) return null;
      const code = lpName.slice(i + 2, end);
      if (code === 'lo' || code === 'hi') {
        if (end !== lpName.length - 1) return null;
      } else if (/^[0-9a-f]+$/.test(code)) out += String.fromCodePoint(parseInt(code, 16));
      else if (code !== '' || i !== 0) return null;
      i = end + 1;
    } else out += lpName[i++];
  }
  return out;
}

export interface LpNames {
  /** Our variable name → LP column name. */
  readonly column: ReadonlyMap<string, string>;
  /** LP column name → our variable name. */
  readonly variable: ReadonlyMap<string, string>;
  /** LP row name → our constraint name (both rows of a ranged constraint map to it). */
  readonly constraint: ReadonlyMap<string, string>;
}

/** Row names of one constraint: one row, or `lo` and `hi` for a range. */
function rowNames(base: string, min: number | undefined, max: number | undefined): { name: string; op: '>=' | '<=' | '='; rhs: number }[] {
  if (min !== undefined && max !== undefined) {
    if (min === max) return [{ name: base, op: '=', rhs: min }];
    return [{ name: `${base}_xlo_`, op: '>=', rhs: min }, { name: `${base}_xhi_`, op: '<=', rhs: max }];
  }
  if (min !== undefined) return [{ name: base, op: '>=', rhs: min }];
  if (max !== undefined) return [{ name: base, op: '<=', rhs: max }];
  return [];
}

/** The LP names of a model's variables and rows, with the maps back to ours. */
export function lpNames(model: LinearModel): LpNames {
  const column = new Map<string, string>();
  const variable = new Map<string, string>();
  model.variables.forEach((v, i) => {
    let lp = encodeLpName(v.name);
    if (lp.length > MAX_NAME) lp = `_xn${i}_`;
    column.set(v.name, lp);
    variable.set(lp, v.name);
  });
  const constraint = new Map<string, string>();
  model.constraints.forEach((c, i) => {
    for (const row of constraintRows(c.name, i, c.min, c.max)) constraint.set(row.name, c.name);
  });
  return { column, variable, constraint };
}

function constraintRows(name: string, index: number, min: number | undefined, max: number | undefined) {
  let base = encodeLpName(name);
  if (base.length + 5 > MAX_NAME) base = `_xr${index}`;
  return rowNames(base, min, max);
}

/** A number as LP text: JavaScript's shortest round-trip form (`3`, `0.1`, `1e+21`), which LP readers parse back exactly. */
function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`LP format: non-finite number ${x}`);
  return String(x);
}

/** `+ 3 x - y ...` wrapped into lines under WRAP_AT characters; every line after the first starts with a sign. */
function expression(head: string, terms: Terms, column: ReadonlyMap<string, string>, tail: string): string[] {
  const lines: string[] = [];
  let line = head;
  const push = (piece: string) => {
    if (line.length + 1 + piece.length > WRAP_AT && line.trim() !== '') {
      lines.push(line);
      line = '   ';
    }
    line += (line.endsWith(' ') ? '' : ' ') + piece;
  };
  let any = false;
  for (const [name, coef] of terms) {
    if (coef === 0) continue;
    const lp = column.get(name);
    if (lp === undefined) throw new Error(`LP format: unknown variable ${name}`);
    const size = Math.abs(coef);
    push(`${coef < 0 ? '-' : '+'} ${size === 1 ? '' : `${num(size)} `}${lp}`);
    any = true;
  }
  // A row or objective with no term still needs an expression: 0 times the first column.
  if (!any) push(`0 ${column.values().next().value ?? '_x_empty'}`);
  if (tail !== '') push(tail);
  lines.push(line);
  return lines;
}

/**
 * Writes a model as CPLEX LP text: objective, one named row per bound of
 * each constraint, upper bounds, and the General section for integers.
 *
 * @example
 * toLpFormat({ sense: 'max', objective: new Map([['x', 1]]),
 *   variables: [{ name: 'x', integer: true, upper: 3 }], constraints: [] });
 * // 'Maximize\n obj: + x\nSubject To\n _xnone_: 0 x >= 0\nBounds\n 0 <= x <= 3\nGeneral\n x\nEnd\n'
 */
export function toLpFormat(model: LinearModel): string {
  const { column } = lpNames(model);
  const out: string[] = [model.sense === 'max' ? 'Maximize' : 'Minimize'];
  if (model.variables.length === 0) throw new Error('LP format: a model needs at least one variable');
  out.push(...expression(' obj:', model.objective, column, ''));
  out.push('Subject To');
  const before = out.length;
  model.constraints.forEach((c, i) => {
    for (const row of constraintRows(c.name, i, c.min, c.max)) out.push(...expression(` ${row.name}:`, c.terms, column, `${row.op} ${num(row.rhs)}`));
  });
  // GLPK's reader rejects an empty Subject To section: an always-true row keeps it valid.
  if (out.length === before) out.push(...expression(' _xnone_:', new Map(), column, '>= 0'));
  out.push('Bounds');
  for (const v of model.variables) if (v.upper !== undefined) out.push(` 0 <= ${column.get(v.name)!} <= ${num(v.upper)}`);
  const integers = model.variables.filter((v) => v.integer);
  if (integers.length > 0) {
    out.push('General');
    for (const v of integers) out.push(` ${column.get(v.name)!}`);
  }
  out.push('End');
  return `${out.join('\n')}\n`;
}

/**
 * The folder `rotation serve` keeps its work in — files HR and auditors can open:
 *
 *   <workspace>/<scenario>/upload/…          the files as uploaded (last accepted upload)
 *   <workspace>/<scenario>/input/…           the scenario as planned: schools.csv … objections.csv, policy.json
 *   <workspace>/<scenario>/decisions.jsonl   append-only log: uploads, locks, objections, plans, manual moves
 *   <workspace>/<scenario>/<year>/v<N>/      one plan version: plan.json, plan.xlsx, the CSV sheets, meta.json, input/ (what it was planned from)
 *
 * Every name from a request is checked here (a strict pattern, then the
 * resolved path must stay inside the workspace); every write goes through
 * writeTree (temporary folder, then rename) or appends one JSON line.
 */
import { appendFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { z } from 'zod';

/** A scenario name: letters (any script), digits, `_ - .`; no leading dot, at most 64 characters. */
export const scenarioName = z.string().regex(/^[\p{L}\p{N}_-][\p{L}\p{N}_.-]{0,63}$/u, 'scenario name: letters, digits, _ - . (max 64)')
  .refine((s) => !s.includes('..'), 'scenario name may not contain ..');
export const yearSchema = z.coerce.number().int().min(2000).max(2100);
export const versionSchema = z.coerce.number().int().min(1).max(100000);
/** A file of a plan version: a plain name, no folders. */
export const fileName = z.string().regex(/^[\p{L}\p{N}_-][\p{L}\p{N}_. -]{0,99}$/u).refine((s) => !s.includes('..'));

export interface VersionMeta {
  readonly version: number;
  readonly year: number;
  /** plan: a fresh plan; replan: the final list after objections; manual: one move applied by hand. */
  readonly kind: 'plan' | 'replan' | 'manual';
  readonly created: string;
  readonly set: readonly string[];
  /** The version this one was made from (replan, manual). */
  readonly from: number | null;
  readonly note: string;
  /** A version from a multi-year run (the CLI's --years): the years planned in turn. */
  readonly years?: readonly number[];
  readonly sent: number;
  readonly gaps_filled: number;
  readonly gaps_needed: number;
  readonly shortfalls: number;
  readonly optimal: boolean;
  readonly check: string;
}

export class PathError extends Error {}

export class Workspace {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** A path under the workspace from checked parts; throws PathError if it would leave it. */
  path(...parts: string[]): string {
    const p = resolve(this.root, ...parts);
    if (p !== this.root && !p.startsWith(this.root + sep)) throw new PathError('path leaves the workspace');
    return p;
  }

  scenarioDir(name: string): string { return this.path(scenarioName.parse(name)); }
  inputDir(name: string): string { return join(this.scenarioDir(name), 'input'); }
  uploadDir(name: string): string { return join(this.scenarioDir(name), 'upload'); }
  versionDir(name: string, year: number, version: number): string {
    return join(this.scenarioDir(name), String(yearSchema.parse(year)), `v${versionSchema.parse(version)}`);
  }

  async init(): Promise<void> { await mkdir(this.root, { recursive: true }); }

  async scenarios(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    const out: string[] = [];
    for (const e of entries) {
      if (e.isDirectory() && scenarioName.safeParse(e.name).success && await exists(join(this.root, e.name, 'input'))) out.push(e.name);
    }
    return out.sort();
  }

  async hasInput(name: string): Promise<boolean> { return exists(join(this.inputDir(name), 'schools.csv')); }

  /** Every version of a scenario's year, oldest first. */
  async versions(name: string, year: number): Promise<VersionMeta[]> {
    const dir = join(this.scenarioDir(name), String(yearSchema.parse(year)));
    const entries = await readdir(dir).catch(() => [] as string[]);
    const metas: VersionMeta[] = [];
    for (const e of entries) {
      if (!/^v\d+$/.test(e)) continue;
      const text = await readFile(join(dir, e, 'meta.json'), 'utf8').catch(() => undefined);
      if (text !== undefined) metas.push(JSON.parse(text) as VersionMeta);
    }
    return metas.sort((a, b) => a.version - b.version);
  }

  /** Years that have at least one plan version. */
  async years(name: string): Promise<number[]> {
    const entries = await readdir(this.scenarioDir(name)).catch(() => [] as string[]);
    return entries.filter((e) => /^\d{4}$/.test(e)).map(Number).sort();
  }

  async nextVersion(name: string, year: number): Promise<number> {
    const v = await this.versions(name, year);
    return (v.at(-1)?.version ?? 0) + 1;
  }

  /** Files of one version (plain names only). */
  async versionFiles(name: string, year: number, version: number): Promise<string[]> {
    const entries = await readdir(this.versionDir(name, year, version), { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile() && fileName.safeParse(e.name).success && e.name !== 'meta.json').map((e) => e.name).sort();
  }

  /** Appends one record to the decision log, stamped with the time. */
  async log(name: string, record: Record<string, unknown>): Promise<void> {
    const dir = this.scenarioDir(name);
    await mkdir(dir, { recursive: true });
    await appendFile(join(dir, 'decisions.jsonl'), `${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
  }

  async decisions(name: string): Promise<Record<string, unknown>[]> {
    const text = await readFile(join(this.scenarioDir(name), 'decisions.jsonl'), 'utf8').catch(() => '');
    return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}

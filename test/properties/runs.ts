/**
 * Run counts of the property suites, scaled by ROTATION_PROPERTY_SCALE
 * (default 1, what CI runs). `ROTATION_PROPERTY_SCALE=5 npx vitest run
 * test/properties/plan-passes-check.test.ts` runs five times as many cases,
 * with five times the time allowed.
 */
const scale = Number(process.env.ROTATION_PROPERTY_SCALE ?? '1');
if (!Number.isFinite(scale) || scale <= 0) throw new Error(`ROTATION_PROPERTY_SCALE must be a positive number, not "${process.env.ROTATION_PROPERTY_SCALE}"`);

/** `n` cases at scale 1, at least 1 at any scale. */
export const runs = (n: number): number => Math.max(1, Math.round(n * scale));

/** A test's time allowed, `ms` at scale 1 (never less). */
export const timeAllowed = (ms: number): number => Math.round(ms * Math.max(1, scale));

/** The objective's fixed numbers live in OBJECTIVE_DEFAULTS (src/domain/policy.ts), not as bare numbers in the engine. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OBJECTIVE_DEFAULTS } from '../../src/domain/policy.js';
import { roundKm } from '../../src/domain/distance.js';
import { LEVELS, preferenceWeight } from '../../src/engine/model.js';

describe('OBJECTIVE_DEFAULTS', () => {
  it('preferences: 3 points for a first choice, 2 for a second, 1 for any later one', () => {
    expect(OBJECTIVE_DEFAULTS.preferenceWeights).toEqual([3, 2, 1]);
    expect([0, 1, 2, 3, 7].map(preferenceWeight)).toEqual([3, 2, 1, 1, 1]);
  });

  it('distances in units of 0.1 km', () => {
    expect(OBJECTIVE_DEFAULTS.distanceUnitsPerKm).toBe(10);
    expect([roundKm(12.345), roundKm(0.04), roundKm(null)]).toEqual([12.3, 0, null]);
  });

  it('needs priorities 1 (first filled) to 3', () => {
    expect(OBJECTIVE_DEFAULTS.needPriorities).toEqual([1, 2, 3]);
  });

  it('the model takes them from there: no bare 0.1 km factor, priority list or 3 − rank in model.ts', () => {
    const model = readFileSync(fileURLToPath(new URL('../../src/engine/model.ts', import.meta.url)), 'utf8');
    expect(model).not.toMatch(/\* 10\)/);
    expect(model).not.toMatch(/\[1, 2, 3\]/);
    expect(model).not.toMatch(/3 - rank/);
  });

  it('docs/policy.md lists each of them with its value', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/policy.md', import.meta.url)), 'utf8');
    for (const [key, value] of Object.entries(OBJECTIVE_DEFAULTS)) {
      const shown = Array.isArray(value) ? value.join(', ') : String(value);
      expect(doc, key).toContain(`| \`${key}\` | \`${shown}\` |`);
    }
  });

  it('the model\'s levels are a typed table in priority order, each named once', () => {
    expect(LEVELS.map((l) => l.id)).toEqual(['r1', 'r2', 'balance', 'r4-priority-1', 'r4-priority-2', 'r4-priority-3', 'r5', 'changes', 'extras', 'title', 'preferences', 'group', 'distance']);
    expect(new Set(LEVELS.map((l) => l.name)).size).toBe(LEVELS.length);
  });
});

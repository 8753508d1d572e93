/** R5's reading (which backbone teacher counts) lives in src/policy/r5-backbone.ts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BACKBONE_LEVELS } from '../../src/domain/codes.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { countsForR5, R5 } from '../../src/policy/r5-backbone.js';

describe('R5: a backbone teacher at every rural school', () => {
  it('counts teachers at rotation.r5_backbone_level or above, and names its clause', () => {
    const policy = defaultPolicy();
    expect(policy.rotation.r5_backbone_level).toBe('county');
    expect(BACKBONE_LEVELS.codes.filter((b) => countsForR5(b, policy))).toEqual(['county', 'municipal', 'provincial']);
    expect(R5).toEqual({ rule: 'R5', clause: '四(二)1 四' });
  });

  it('outside the independent checker, only r5-backbone.ts compares a backbone level with rotation.r5_backbone_level', () => {
    const src = fileURLToPath(new URL('../../src', import.meta.url));
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('check'));
    const inline = files.filter((f) => /backboneAtLeast\([^,]*,[^)]*r5_backbone_level/.test(readFileSync(join(src, f), 'utf8')));
    expect(inline).toEqual(['policy/r5-backbone.ts']);
  });
});

/** The township of the 走教 tests (test/more-hands/itinerant*.test.ts). */
import type { Scenario } from '../../src/domain/scenario.js';
import type { School } from '../../src/domain/tables.js';
import { rural, scenario, staff, teacher, urban } from '../engine/builders.js';

const recent = { school_start_date: '2018-08-25' }; // not eligible for rotation: stays at home

/**
 * 四(二)2 二: the township 南岙 has a central school C (12 classes, two music teachers: 32 periods a week against
 * 24 needed, 8 spare) and a village school V of 3 classes with no music teacher (6 periods of music a week).
 * Rotation has no music teacher to send (the urban school U has none eligible), so the music post stays open.
 */
export function township(extra: { c?: Partial<School>; v?: Partial<School>; policy?: Partial<Scenario['policy']> } = {}): Scenario {
  const s = scenario({
    schools: [
      urban('U'),
      { ...urban('C', { area: 'town', tier: 1, classes: 12, students: 480, lat: 28.0, lon: 120.65 }), district: '南岙学区', ...extra.c },
      { ...rural('V', { classes: 3, students: 40, lat: 28.05, lon: 120.62 }), district: '南岙学区', ...extra.v },
    ],
    teachers: [
      ...staff('U', 'U', 10, ['chinese', 'math']),
      teacher('CM1', 'C', { subject: 'music', ...recent }), teacher('CM2', 'C', { subject: 'music', ...recent }),
      ...staff('C', 'C', 6, ['chinese', 'math'], () => recent),
      ...staff('V', 'V', 3, ['chinese', 'math'], () => recent),
    ],
    needs: [],
  });
  return { ...s, policy: { ...s.policy, ...extra.policy } };
}


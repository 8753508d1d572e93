/** Scenarios with 银龄讲学 volunteers for the tests of test/more-hands/volunteers*.test.ts. */
import type { Plan } from '../../src/domain/plan.js';
import type { Scenario } from '../../src/domain/scenario.js';
import type { Volunteer } from '../../src/domain/tables.js';
import { planScenario } from '../../src/engine/plan.js';
import { extendPlan } from '../../src/report/plan-report.js';
import { rural, scenario, staff, teacher, urban } from '../engine/builders.js';

/** A volunteer of 鹿城区, 60 on 2019-09-01, healthy, music, available all year. */
export function volunteer(id: string, extra: Partial<Volunteer> = {}): Volunteer {
  return {
    volunteer_id: id, name: id, subject: 'music', qualified_subjects: [], birth_date: '1959-05-01', gender: 'F', county: '鹿城区',
    available_from: null, available_to: null, health_ok: true, preferred_schools: [], backbone_level: 'none', ...extra,
  };
}

/**
 * U1 sends 1 (10 eligible chinese/math teachers); R1 needs chinese 1 (rotation fills it) and music 2 (nobody in
 * U1 teaches music: rotation leaves both open); R2 needs music 1 and has no county backbone teacher.
 */
export function withVolunteers(volunteers: Volunteer[], extra: Partial<Scenario> = {}): Scenario {
  const s = scenario({
    schools: [urban('U1'), rural('R1'), rural('R2', { lat: 28.2, tier: 3 }), rural('W1', { county: '瓯海区' })],
    teachers: [
      ...staff('E', 'U1', 10, ['chinese', 'math'], (i) => (i === 0 ? { backbone: 'county' } : {})),
      teacher('RB1', 'R1', { backbone: 'county', school_start_date: '2018-08-25' }),
    ],
    needs: [
      { school_id: 'R1', subject: 'chinese', teachers: 1, priority: 1 }, { school_id: 'R1', subject: 'music', teachers: 2, priority: 2 },
      { school_id: 'R2', subject: 'music', teachers: 1, priority: 1 },
    ],
  });
  return { ...s, volunteers, ...extra };
}

export function planned(s: Scenario, year = 2019): Plan {
  return extendPlan(s, planScenario(s, year).plan);
}

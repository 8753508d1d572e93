/**
 * The network path (--solver flow) against the MILP path, level by level: on random counties (pins, forbids,
 * preferences, running rotations, distance caps, extras caps, R2- and R5-binding shares, replan targets,
 * balance.backbone_weight > 0) every lexicographic level's value and the status must be the MILP's. Where the
 * network's optimum is not certified the county goes to the MILP (the fallback) — counted, and the test
 * asserts that a good share is certified so that the comparison is not vacuous.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { InputError } from '../../../src/domain/errors.js';
import type { Scenario } from '../../../src/domain/scenario.js';
import { countyInputs, type Target } from '../../../src/engine/county.js';
import { solveByFlow } from '../../../src/engine/flow/lexicographic-flow.js';
import { loadHighsSolver } from '../../../src/engine/highs.js';
import { solveLexicographic } from '../../../src/engine/lexicographic.js';
import { buildCountyModel, type CountyModel } from '../../../src/engine/model.js';
import { planScenario } from '../../../src/engine/plan.js';
import type { Solver } from '../../../src/engine/solver.js';
import { eligibilityAll } from '../../../src/policy/eligibility.js';
import { termOf } from '../../../src/policy/term.js';
import { scenarioArb } from '../random-scenario.js';

let highs: Solver;
beforeAll(async () => {
  highs = await loadHighsSolver();
});

type Variant = 'plain' | 'replan' | 'balance';

/** A random county with its variant: as generated, as a replan of its own MILP plan (targets), or with the balance term. */
const countyArb = fc.tuple(
  scenarioArb({ senders: 2, receivers: 3, teachersPerSender: 7 }),
  fc.constantFrom<Variant>('plain', 'plain', 'plain', 'plain', 'replan', 'balance'),
  fc.constantFrom(0.2, 0.2, 0.4),
).map(([s, variant, backboneShare]): [Scenario, Variant] => [{ ...s, policy: { ...s.policy, rotation: { ...s.policy.rotation, backbone_min_share: backboneShare } } }, variant]);

function targetsOf(s: Scenario): Map<string, Target | null> | null {
  try {
    const plan = planScenario(s, 2019, { solver: highs }).plan;
    return new Map(plan.assignments.map((a) => [a.teacher_id, { receiver: a.to_school, subject: a.subject }]));
  } catch (err) {
    if (err instanceof InputError) return null;
    throw err;
  }
}

it('the network path and the MILP path\'s shortcuts reach plain MILP\'s status and value at every lexicographic level on 240 random counties', () => {
  const tally = { compared: 0, certified: 0, fallback: new Map<string, number>(), answers: new Map<string, number>(), r2Binding: 0, r5: 0, replan: 0, pins: 0, forbids: 0, branched: 0, preferences: 0, running: 0, distanceCap: 0, extrasCap: 0 };
  fc.assert(fc.property(countyArb, ([base, variant]) => {
    const s = variant === 'balance' ? { ...base, policy: { ...base.policy, balance: { ...base.policy.balance, backbone_weight: 0.5 } } } : base;
    const term = termOf(2019, s.policy);
    const targets = variant === 'replan' ? targetsOf(s) : undefined;
    if (targets === null) return;
    let inputs;
    try {
      inputs = countyInputs(s, term, eligibilityAll(s, term), targets);
    } catch (err) {
      if (err instanceof InputError) return;
      throw err;
    }
    for (const input of inputs) {
      const model = buildCountyModel(input, s.policy);
      const milp = solveLexicographic(model, model.levels, highs, 30_000);
      // The MILP path's own shortcuts (integral LP, the support and neighbourhood MILPs, reduced-cost fixing, the
      // start plan) against plain MILP solves of every step: the same status and value at every level.
      const plain = solveLexicographic(model, model.levels, { ...highs, relax: undefined }, 30_000);
      expect({ status: milp.status, levels: milp.levelValues }).toEqual({ status: plain.status, levels: plain.levelValues });
      for (const step of milp.steps) tally.answers.set(step.answer, (tally.answers.get(step.answer) ?? 0) + 1);
      const flow = solveByFlow(model, s.policy);
      tally.compared++;
      if (!flow.certified) {
        const kind = flow.reason.split(':')[0]!;
        tally.fallback.set(kind, (tally.fallback.get(kind) ?? 0) + 1);
        continue;
      }
      tally.certified++;
      expect({ status: flow.result.status, levels: flow.result.levelValues }).toEqual({ status: milp.status, levels: milp.levelValues });
      // What the certified counties cover: a sender whose R2 row is tight (backbone sent = the share of sent, > 0),
      // R5 receivers, replan targets, pins, forbids, preferences, running rotations, the distance and extras caps.
      if ([...model.slackR2.keys()].some((sid) => r2Tight(model, flow.result.values, sid))) tally.r2Binding++;
      if (model.r5.size > 0) tally.r5++;
      if (flow.nodes > 1) tally.branched++;
      if (variant === 'replan') tally.replan++;
      if (input.classes.some((c) => c.pin !== null)) tally.pins++;
      if (input.classes.some((c) => c.forbidden.size > 0)) tally.forbids++;
      if (input.classes.some((c) => c.preferences.length > 0)) tally.preferences++;
      if (s.history.length > 0) tally.running++;
      if (s.policy.assignment.max_distance_km !== null) tally.distanceCap++;
      if (s.policy.assignment.max_extra_per_receiver !== null) tally.extrasCap++;
    }
  }), { numRuns: 240, seed: 20261204 });
  console.log('differential:', JSON.stringify({ ...tally, fallback: Object.fromEntries(tally.fallback), answers: Object.fromEntries(tally.answers) }));
  expect(tally.compared).toBeGreaterThanOrEqual(200);
  expect(tally.certified).toBeGreaterThan(tally.compared * 0.7);
  for (const key of ['r2Binding', 'r5', 'branched', 'replan', 'pins', 'forbids', 'preferences', 'running', 'distanceCap', 'extrasCap'] as const) expect(tally[key], key).toBeGreaterThan(5);
  expect(tally.fallback.get('balance.backbone_weight > 0')).toBeGreaterThan(0);
}, 900_000);

/** The sender's R2 row holds with equality at a positive backbone count: R2 binds there. */
function r2Tight(model: CountyModel, values: ReadonlyMap<string, number>, sid: string): boolean {
  const row = model.constraints.find((c) => c.name === `R2_${sid}`)!;
  let lhs = 0;
  let backbone = 0;
  for (const [v, c] of row.terms) {
    const x = values.get(v) ?? 0;
    lhs += c * x;
    if (c > 0 && v !== model.slackR2.get(sid)) backbone += x;
  }
  return backbone > 0 && lhs < row.terms.get(model.slackR2.get(sid)!)!;
}

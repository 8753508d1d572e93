/**
 * A large county solved in two models: the pooled model for every level but distance, then the full model for
 * distance alone.
 *
 * The full model's columns are mostly sender flows z[s,r,k] (sender × receiver × subject: 82,592 of 114,714 in
 * the generated city's largest village-shape county). Only the distance level tells two senders apart; every
 * other level sees a flow's receiver, subject, backbone and education group. So when every sender reaches every
 * receiver, the senders of one education group can share one pool (buildCountyModel with `pooled`):
 * z[g,r,k] = Σ_{s in g} z[s,r,k], 15,295 flows there.
 *
 * Why the pooled model's optimum is the full model's at every level but distance:
 * - full → pooled: summing a plan's flows over each group's senders gives a pooled plan with the same class
 *   variables (a, w), posts left open (s), R5 (y) and shortfalls (u1, u2), so the same value at every level
 *   (extra teachers, which may go to the group's best receiver or an R5 receiver in both, keep their group and R5
 *   counts);
 * - pooled → full: a pool's flows go back to its senders as a transport problem (each sender's teachers of a
 *   role, backbone ones first to the backbone counters b), always feasible when every sender reaches every
 *   receiver, with the same values at every level but distance.
 * So the lexicographic optima agree on those levels. The full model then solves distance with every other level
 * fixed at the pooled optimum, and with what the pooled steps proved: a class column (a, w, s, y, u) fixed by
 * reduced costs there keeps its bound in every plan of the full model that is optimal at those levels (such a
 * plan maps to an optimal pooled plan with the same class columns), a row of those columns tight there stays
 * tight, and a pool's flow fixed at 0 means 0 for every sender of the group.
 * test/engine/pooled.test.ts compares every level with the full model's own lexicographic solve.
 */
import type { Policy } from '../domain/policy.js';
import { EXTRA, buildCountyModel, type CountyModel, levelValue, poolOfSender } from './model.js';
import { type LevelListener, type LexResult, type ModelListener, solveLexicographic } from './lexicographic.js';
import type { Constraint, Solver, Variable } from './solver.js';

/**
 * Fewest sender flows for which a county is solved pooled. Measured (`node bench/pooled.js`, idle 2-core machine):
 * village shape 6,000 teachers (26,833 flows) 12.2 → 9.0 s, default shape 6,000 (11,748 flows) 2.9 → 3.2 s.
 */
export const POOLED_MIN_FLOWS = 20_000;

/**
 * Whether the county can be solved pooled: every plain class reaches every receiver (no distance cap cuts a
 * pair), the backbone balance term is off (it counts backbone teachers per sender and receiver), and the model
 * has at least `minFlows` sender flows.
 */
export function poolable(model: CountyModel, minFlows = POOLED_MIN_FLOWS): boolean {
  const { input } = model;
  if (input.balance !== undefined && input.balance.weight > 0) return false;
  let flows = 0;
  for (const list of model.flows.values()) flows += list.length;
  if (flows < minFlows) return false;
  const everyone = input.receivers.length;
  return input.classes.every((c) => c.pin !== null || c.forbidden.size > 0 || c.couple !== undefined || c.receivers.length === everyone);
}

/** The full model's columns and rows narrowed by what the pooled steps proved (see the module's comment). */
function handOn(full: CountyModel, pooled: CountyModel, narrowed: NonNullable<LexResult['narrowed']>): { variables: Variable[]; constraints: Constraint[] } {
  const proved = new Map(narrowed.variables.map((v) => [v.name, v]));
  // Pool flows held at 0: "pool|receiver|role" and the same with "|b" for its backbone counter (not extras, whose
  // receivers differ between the two models).
  const zero = new Set<string>();
  for (const [pool, list] of pooled.flows) {
    for (const f of list) {
      if (f.role === EXTRA) continue;
      if (proved.get(f.name)?.upper === 0) zero.add(`${pool}|${f.receiver}|${f.role}`);
      if (f.backbone !== null && proved.get(f.backbone)?.upper === 0) zero.add(`${pool}|${f.receiver}|${f.role}|b`);
    }
  }
  const poolOf = poolOfSender(full.input);
  const flowZero = new Set<string>();
  for (const [sender, list] of full.flows) {
    for (const f of list) {
      const key = `${poolOf.get(sender)}|${f.receiver}|${f.role}`;
      if (zero.has(key)) flowZero.add(f.name);
      if (f.backbone !== null && zero.has(`${key}|b`)) flowZero.add(f.backbone);
    }
  }
  const shared = new Set(full.variables.map((v) => v.name));
  const variables = full.variables.map((v) => {
    const p = proved.get(v.name);
    return (p?.upper === 0 || flowZero.has(v.name)) && v.upper !== 0 ? { ...v, upper: 0 } : v;
  });
  const rowAt = new Map(full.constraints.map((c, i) => [c.name, i]));
  const constraints = [...full.constraints];
  const same = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) => a.size === b.size && [...a].every(([n, c]) => b.get(n) === c);
  for (const c of narrowed.constraints) {
    // Pins at a bound other than 0 (fix_<column>), and rows made tight, on the columns both models share.
    if (c.name.startsWith('fix_')) {
      if ([...c.terms.keys()].every((n) => shared.has(n))) constraints.push(c);
      continue;
    }
    const i = rowAt.get(c.name);
    if (i !== undefined && same(c.terms, full.constraints[i]!.terms)) constraints[i] = c;
  }
  return { variables, constraints };
}

/**
 * The county's lexicographic optimum by the pooled model and then the full model (the module's comment). Null
 * when a pooled step is not proven optimal: the caller solves the full model as ever.
 */
export function solvePooled(
  full: CountyModel, policy: Policy, solver: Solver, timeoutMs: number, onStep?: ModelListener, onLevel?: LevelListener,
): LexResult | null {
  const started = performance.now();
  const pooled = buildCountyModel(full.input, policy, { pooled: true });
  const rest = full.levels.filter((l) => !pooled.levels.some((p) => p.name === l.name));
  // Progress counts the full model's solve as one step more.
  let total = 1;
  const first = solveLexicographic(pooled, pooled.levels, solver, timeoutMs, onStep, onLevel === undefined ? undefined : (step, n, levels) => {
    total = n + 1;
    onLevel(step, total, levels);
  }, true);
  if (first.status !== 'optimal' || first.narrowed === undefined) return null;
  const { variables, constraints } = handOn(full, pooled, first.narrowed);
  const value = new Map(first.levelValues.map((l) => [l.name, l.value]));
  const fixed = full.levels.filter((l) => value.has(l.name)).map((l, i): Constraint => ({
    name: `pooled_${i}`, terms: l.terms, min: value.get(l.name)! - (l.offset ?? 0) - 0.5,
  }));
  const left = Math.max(1, timeoutMs - (performance.now() - started));
  const second = solveLexicographic({ variables, constraints: [...constraints, ...fixed], cuts: full.cuts }, rest, solver, left,
    onStep === undefined ? undefined : (step, m, r) => onStep(first.steps.length + step, m, r),
    onLevel === undefined ? undefined : (_step, _n, levels) => onLevel(total, total, levels));
  return {
    status: second.status, values: second.values, steps: [...first.steps, ...second.steps], ms: performance.now() - started,
    levelValues: full.levels.map((l) => ({ name: l.name, value: Math.round(levelValue(l, second.values)) })),
    ...(second.message !== undefined ? { message: second.message } : {}),
  };
}

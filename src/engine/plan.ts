/**
 * Scenario + year → Plan: one lexicographic optimisation per county
 * (rotation never crosses a county line), turned into named assignments,
 * quota and gap reports, and shortfalls explained by counting.
 */
import { bilingual, joinTexts, SHORTFALL, type Text } from '../domain/messages.js';
import { InputError } from '../domain/errors.js';
import type { Assignment, GapReport, Plan, ReceiverReport, SenderReport, Shortfall } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import type { Teacher } from '../domain/tables.js';
import { eligibilityAll, type Eligibility } from '../policy/eligibility.js';
import { backboneAfter, gapFilled, planTotals, senderCounts } from '../policy/plan-counts.js';
import { countsForR2 } from '../policy/r2-backbone.js';
import { type Term, termOf } from '../policy/term.js';
import { type CountyInput, countyInputs, pairKey, type Target } from './county.js';
import { decompose, type Move } from './decompose.js';
import { roundKm } from '../domain/distance.js';
import { coupleReason, gapWhy, moveReasons, r1Why, r2ExcuseNote, r2Why, r5Why } from './explain.js';
import { type LevelListener, type LexResult, type ModelListener, solveLexicographic } from './lexicographic.js';
import { poolable, solvePooled } from './pooled.js';
import { buildCountyModel, EXTRA } from './model.js';
import { solveByFlow } from './flow/lexicographic-flow.js';
import { isFlowSolver } from './flow/solver.js';
import { r2Excused } from './r2-reading.js';
import { jslpSolver } from './jslp.js';
import { type LinearModel, modelSize, type SolveResult, type Solver } from './solver.js';

export interface PlanOptions {
  /** A solver, or a choice of solver by the county model's number of variables (see solvers.ts). */
  readonly solver?: Solver | ((variables: number) => Solver);
  /** Time limit per county, ms. */
  readonly timeoutMs?: number;
  /** Called after each county is solved (for progress output), with the county's model size and status. */
  readonly onCounty?: (county: string, done: number, total: number, stats: CountyStats) => void;
  /**
   * Called with every model handed to the solver, after its solve: the county,
   * the 1-based lexicographic step, the model exactly as given, and the answer
   * (for `--export-lp`; see lexicographic.ts ModelListener).
   */
  readonly onModel?: (county: string, step: number, model: LinearModel, result: SolveResult) => void;
  /** Called before each lexicographic step of a county's solve: step i of n and its levels (for progress within a county). */
  readonly onLevel?: (county: string, step: number, steps: number, levels: readonly string[]) => void;
  /** `rotation replan`: each teacher's provisional place; the plan then changes as few of them as the rules R1–R5 allow (model.ts). */
  readonly targets?: ReadonlyMap<string, Target | null>;
}

/** One county's share of a plan, in the order planScenario lists it; merged by mergeCountyPlans. */
export interface CountyPlan {
  readonly assignments: Assignment[];
  readonly senders: SenderReport[];
  readonly gaps: GapReport[];
  readonly receivers: ReceiverReport[];
  readonly shortfalls: Shortfall[];
  readonly stats: CountyStats;
}

export interface CountyStats {
  county: string; teachers: number; classes: number; variables: number; constraints: number; nonzeros: number;
  solves: number; solve_ms: number; status: string; solver: string; levels: { name: string; value: number }[];
  /** Largest relative MIP gap any step reported (0 = every step proven optimal); null when the solver reports none. */
  mip_gap: number | null;
  /** --solver flow: why the network's optimum was not certified and the MILP path planned the county. */
  flow_fallback?: string;
}

export interface PlanResult {
  readonly plan: Plan;
  readonly counties: readonly CountyStats[];
  readonly eligibility: readonly Eligibility[];
  readonly term: Term;
}

function countyResult(input: CountyInput, scenario: Scenario, options: PlanOptions): { moves: Move[]; lex: LexResult; stats: CountyStats; solver: Solver } {
  const model = buildCountyModel(input, scenario.policy);
  const choose = options.solver;
  const chosen = typeof choose === 'function' ? choose(model.variables.length) : choose ?? jslpSolver;
  const onModel = options.onModel;
  const timeoutMs = options.timeoutMs ?? 120_000;
  // --solver flow: the network's certified optimum, else the MILP path (flow/solver.ts).
  const viaFlow = isFlowSolver(chosen) ? solveByFlow(model, scenario.policy) : null;
  const fallback = isFlowSolver(chosen) ? (typeof chosen.fallback === 'function' ? chosen.fallback(model.variables.length) : chosen.fallback) : chosen;
  const solver = viaFlow?.certified === true ? chosen : fallback;
  const onStep: ModelListener | undefined = onModel ? (step, m, r) => onModel(input.county, step, m, r) : undefined;
  const onLevel: LevelListener | undefined = options.onLevel ? (step, steps, levels) => options.onLevel!(input.county, step, steps, levels) : undefined;
  const left = Math.max(1, timeoutMs - (viaFlow?.certified === false ? viaFlow.ms : 0));
  // A large county whose senders all reach all receivers: pooled first (pooled.ts), the full model as ever if that fails.
  const poolStarted = performance.now();
  const viaPool = viaFlow?.certified !== true && fallback.pools !== undefined && fallback.relax !== undefined && poolable(model, fallback.pools)
    ? solvePooled(model, scenario.policy, fallback, left, onStep, onLevel) : null;
  // The time limit is the county's: what a pooled attempt that was not proven took is spent.
  const rest = Math.max(1, left - (performance.now() - poolStarted));
  const lex = viaFlow?.certified === true ? viaFlow.result : viaPool ?? solveLexicographic(model, model.levels, fallback, rest, onStep, onLevel);
  const flowMs = viaFlow?.certified === false ? viaFlow.ms : 0;
  if (lex.status === 'infeasible') {
    // Every rule but the pins is soft or always satisfiable, so only HR's pins can make a county infeasible.
    const pins = scenario.locks.filter((l) => l.action === 'pin' && input.classes.some((c) => c.pin !== null && c.members.some((t) => t.teacher_id === l.teacher_id)));
    throw new InputError([{
      file: scenario.source?.files.locks ?? 'locks.csv',
      message: `${input.county}: 指定派出 (pin) 无法同时满足 — 接收学校的缺编与 max_extra_per_receiver 容不下这些教师 / the pins cannot all be honoured together: `
        + `the receivers' needs and assignment.max_extra_per_receiver leave no room for ${pins.map((l) => `${l.teacher_id} → ${l.school_id}`).join(', ')}`,
    }]);
  }
  // The model's size as the solver got it (with the valid inequalities when it takes them).
  const size = modelSize({ sense: 'max', objective: new Map(), variables: model.variables, constraints: solver.takesCuts === true ? [...model.constraints, ...model.cuts] : model.constraints });
  if (lex.status !== 'optimal' && lex.values.size === 0) {
    throw new Error(`${input.county}: the solver (${solver.name}) found no usable plan (${lex.status}${lex.message ? `: ${lex.message}` : ''}); `
      + `model ${size.variables} variables × ${size.constraints} constraints. Try a longer --time-limit or another --solver.`);
  }
  return {
    moves: decompose(model, lex.values), lex, solver,
    stats: {
      county: input.county, teachers: input.teachers, classes: input.classes.length, ...size,
      solves: lex.steps.length, solve_ms: Math.round(lex.ms + flowMs), status: lex.status,
      solver: viaFlow?.certified === false ? `${chosen.name}→${solver.name}` : viaPool !== null ? `${solver.name}+pooled` : solver.name, levels: [...lex.levelValues],
      mip_gap: viaFlow?.certified === true ? 0 : largestGap(lex.steps),
      ...(viaFlow?.certified === false ? { flow_fallback: viaFlow.reason } : {}),
    },
  };
}

/** Plans the year for every county of the scenario. Pure apart from timing. */
export function planScenario(scenario: Scenario, year: number, options: PlanOptions = {}): PlanResult {
  const eligibility = eligibilityAll(scenario, termOf(year, scenario.policy));
  return mergeCountyPlans(scenario, year, planCounties(scenario, year, options, eligibility), eligibility);
}

/**
 * Each county's part of the year's plan, in county order (the schools
 * table's). A county's part depends only on that county's schools, their
 * teachers, needs, history and locks, so it can be computed apart from the
 * others (parallel.ts) and merged to the same plan.
 */
export function planCounties(
  scenario: Scenario, year: number, options: PlanOptions = {}, eligibility = eligibilityAll(scenario, termOf(year, scenario.policy)),
): CountyPlan[] {
  const policy = scenario.policy;
  const term = termOf(year, policy);
  const elig = new Map(eligibility.map((e) => [e.teacher_id, e]));
  const inputs = countyInputs(scenario, term, eligibility, options.targets);
  const pinnedIds = new Set(scenario.locks.filter((l) => l.action === 'pin').map((l) => l.teacher_id));
  const r2 = (t: Teacher) => countsForR2(t.backbone, policy);

  return inputs.map((input, i): CountyPlan => {
    const assignments: Assignment[] = [];
    const senders: SenderReport[] = [];
    const gaps: GapReport[] = [];
    const receivers: ReceiverReport[] = [];
    const shortfalls: Shortfall[] = [];
    const { moves, stats } = countyResult(input, scenario, options);
    options.onCounty?.(input.county, i + 1, inputs.length, stats);
    // The first R5-level backbone teacher placed at a receiver that had none is the one that meets R5 there.
    const r5Giver = new Map<string, string>();
    for (const m of moves) if (m.r5 && !r5Giver.has(m.receiver)) r5Giver.set(m.receiver, m.teacher.teacher_id);
    for (const m of moves) {
      const pinned = pinnedIds.has(m.teacher.teacher_id);
      assignments.push({
        teacher_id: m.teacher.teacher_id, from_school: m.cls.sender, to_school: m.receiver,
        subject: m.role === EXTRA ? m.teacher.subject : m.role, backbone: m.teacher.backbone,
        start_date: term.start, end_date: term.end,
        distance_km: roundKm(input.distance.get(pairKey(m.cls.sender, m.receiver)) ?? null), pinned,
        reasons: withCouple(moveReasons(m, input, elig.get(m.teacher.teacher_id)!, policy, pinned, r5Giver.get(m.receiver) === m.teacher.teacher_id), coupleReason(m, moves, policy)).map(bilingual),
        kind: m.role === EXTRA ? 'extra' : 'gap', score: input.points.get(m.teacher.teacher_id)!.total,
      });
    }

    for (const s of input.senders) {
      const { sent, backbone_sent: backboneSent, backbone_required: backboneRequired } = senderCounts(assignments, s.school.school_id, policy);
      const whys: Text[] = [];
      if (sent < s.required) {
        const why = r1Why(s, input, sent);
        whys.push(SHORTFALL.rule('R1', why));
        shortfalls.push({ rule: 'R1', school_id: s.school.school_id, detail: bilingual(why) });
      }
      const excused = r2Excused(s, input, policy);
      if (backboneSent < backboneRequired) {
        const why = excused ? joinTexts([r2Why(s, input, sent, backboneSent, policy, r2), r2ExcuseNote(s)]) : r2Why(s, input, sent, backboneSent, policy, r2);
        whys.push(SHORTFALL.rule('R2', why));
        shortfalls.push({ rule: 'R2', school_id: s.school.school_id, detail: bilingual(why) });
      }
      senders.push({
        school_id: s.school.school_id, eligible: s.eligible.length, required: s.required, sent,
        backbone_sent: backboneSent, backbone_required: backboneRequired, met: whys.length === 0, why: whys.length > 0 ? bilingual(joinTexts(whys, '；', '; ')) : null,
        cap: s.cap, name: s.school.name, county: input.county, ...(excused ? { r2_excused: true } : {}),
      });
    }

    for (const r of input.receivers) {
      const rid = r.school.school_id;
      for (const g of r.gaps) {
        const filled = gapFilled(assignments, rid, g.subject, g.needed);
        gaps.push({ school_id: rid, subject: g.subject, needed: g.needed, filled, unfilled: g.needed - filled, priority: g.priority, gross: g.gross });
        if (filled < g.needed) shortfalls.push({ rule: 'R4', school_id: rid, detail: bilingual(gapWhy(input, rid, g.subject, g.needed - filled, moves)) });
      }
      const after = backboneAfter(assignments, rid, r.backboneBefore, policy);
      receivers.push({ school_id: rid, county_backbone_before: r.backboneBefore, county_backbone_after: after });
      if (after === 0) shortfalls.push({ rule: 'R5', school_id: rid, detail: bilingual(r5Why(input, rid, policy.rotation.r5_backbone_level)) });
    }
    return { assignments, senders, gaps, receivers, shortfalls, stats };
  });
}

/** The year's plan from its counties' parts, in the order given. */
export function mergeCountyPlans(
  scenario: Scenario, year: number, parts: readonly CountyPlan[], eligibility = eligibilityAll(scenario, termOf(year, scenario.policy)),
): PlanResult {
  const term = termOf(year, scenario.policy);
  const assignments = parts.flatMap((p) => p.assignments);
  const senders = parts.flatMap((p) => p.senders);
  const gaps = parts.flatMap((p) => p.gaps);
  const counties = parts.map((p) => p.stats);
  const solvers = new Set(counties.map((c) => c.solver));
  const plan: Plan = {
    plan_year: year,
    period: { start: term.start, end: term.end },
    assignments, senders, gaps, receivers: parts.flatMap((p) => p.receivers), allowances: [], shortfalls: parts.flatMap((p) => p.shortfalls),
    stats: {
      teachers: scenario.teachers.length,
      ...planTotals({ assignments, senders, gaps }),
      // Counties planned one after another: the wall time is their sum (planScenarioParallel puts its own wall time here).
      solve_ms: counties.reduce((n, c) => n + c.solve_ms, 0), optimal: counties.every((c) => c.status === 'optimal'),
      solve_ms_summed: counties.reduce((n, c) => n + c.solve_ms, 0),
      solver: [...solvers].join(', ') || 'none',
      r2_when_short: scenario.policy.rotation.r2_when_short,
      variables: counties.reduce((n, c) => n + c.variables, 0),
      constraints: counties.reduce((n, c) => n + c.constraints, 0),
      counties: counties.map((c) => ({ county: c.county, teachers: c.teachers, classes: c.classes, variables: c.variables, constraints: c.constraints, solver: c.solver, solve_ms: c.solve_ms, solves: c.solves, status: c.status, mip_gap: c.mip_gap, ...(c.flow_fallback !== undefined ? { flow_fallback: c.flow_fallback } : {}) })),
      objective: Object.fromEntries(levelTotals(counties)),
    },
  };
  return { plan, counties, eligibility, term };
}

/** The couple rule's reason goes before the last line, the priority score. */
function withCouple(reasons: Text[], couple: Text | null): Text[] {
  return couple === null ? reasons : [...reasons.slice(0, -1), couple, reasons.at(-1)!];
}

function largestGap(steps: readonly { gap?: number }[]): number | null {
  const gaps = steps.flatMap((s) => (s.gap !== undefined ? [s.gap] : []));
  return gaps.length > 0 ? Math.max(...gaps) : null;
}

function levelTotals(counties: readonly CountyStats[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of counties) for (const l of c.levels) out.set(l.name, (out.get(l.name) ?? 0) + l.value);
  return out;
}

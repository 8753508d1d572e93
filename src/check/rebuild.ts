/**
 * A plan rebuilt from an edited assignments sheet: HR's decisions (who goes
 * where, teaching what) are taken as written; everything derived from them
 * — from_school, backbone, distance, pinned, the senders, gaps, receivers,
 * totals and the shortfall list — is recomputed here, by the checker's own
 * counting (no code of the optimiser). What the sheet states about a row
 * (its distance, from_school, backbone, pinned) is kept, so that the
 * bookkeeping rules can name what went stale.
 */
import { parseDateText } from '../domain/cells.js';
import { BACKBONE_LEVELS, lookupCode } from '../domain/codes.js';
import { InputError, type InputProblem } from '../domain/errors.js';
import type { Assignment, Plan, Shortfall } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { subjectList } from '../domain/tables.js';
import type { EditedSheet } from '../io/read/read-plan-workbook.js';
import { factsOf } from './facts.js';
import { schoolDistance } from './reach.js';
import { termDates } from './term.js';

const YES = new Set(['true', '1', '是', 'y', 'yes']);
const NO = new Set(['false', '0', '否', 'n', 'no', '']);

/** What a plan.json beside the workbook adds: the facts a sheet cannot carry. */
export interface PlanContext {
  readonly plan_year: number;
  readonly policy_overrides?: Plan['policy_overrides'];
  readonly stats?: Partial<Plan['stats']>;
  readonly objection_locks?: unknown;
}

/** The plan year the sheet's start dates name (the most common year), or null when none does. */
export function yearOfSheet(sheet: EditedSheet): number | null {
  const years = new Map<number, number>();
  for (const r of sheet.rows) {
    const iso = parseDateText(r.cells.start_date ?? '');
    if (iso !== undefined) years.set(Number(iso.slice(0, 4)), (years.get(Number(iso.slice(0, 4))) ?? 0) + 1);
  }
  return [...years].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
}

/**
 * The Plan an edited sheet describes under `scenario` (whose policy is the
 * plan's) for `context.plan_year`. A cell that cannot be read (an unknown
 * subject, a teacher named ambiguously, a date or number that is none) is an
 * InputError naming the sheet, line and column.
 */
export function planFromSheet(scenario: Scenario, sheet: EditedSheet, context: PlanContext): Plan {
  const term = termDates(context.plan_year, scenario.policy);
  const subjects = subjectList(scenario.policy.subjects);
  const byName = new Map<string, string[]>();
  for (const t of scenario.teachers) if (t.name !== '') byName.set(t.name, [...(byName.get(t.name) ?? []), t.teacher_id]);
  const schoolByName = new Map<string, string[]>();
  for (const s of scenario.schools) if (s.name !== '') schoolByName.set(s.name, [...(schoolByName.get(s.name) ?? []), s.school_id]);
  const teachers = new Map(scenario.teachers.map((t) => [t.teacher_id, t]));
  const pins = new Set(scenario.locks.filter((l) => l.action === 'pin').map((l) => `${l.teacher_id}|${l.school_id}`));
  const problems: InputProblem[] = [];
  const skeleton = factsOf(scenario, emptyPlan(context.plan_year, term));
  const assignments: Assignment[] = [];

  for (const { line, cells } of sheet.rows) {
    if (Object.values(cells).every((v) => v === '')) continue;
    const at = (field: keyof typeof sheet.columns, message: string) => problems.push({ file: sheet.file, row: line, column: sheet.columns[field] ?? field, message });
    const teacherId = cells.teacher_id || unique(byName, cells.name ?? '');
    if (teacherId === undefined || teacherId === '') {
      at(cells.teacher_id === undefined ? 'name' : 'teacher_id', `${cells.name ? `姓名 "${cells.name}" 对应的教师不唯一或不在名册中 / the name "${cells.name}" names no single teacher of the roster` : '教师编号为空 / the teacher id is empty'}`);
      continue;
    }
    const toSchool = cells.to_school || unique(schoolByName, cells.to_name ?? '');
    if (toSchool === undefined || toSchool === '') {
      at(cells.to_school === undefined ? 'to_name' : 'to_school', `接收学校为空或名称不唯一 / the receiving school is empty or its name is not unique ("${cells.to_name ?? ''}")`);
      continue;
    }
    const subject = lookupCode(subjects, cells.subject ?? '');
    if (subject === undefined) {
      at('subject', `"${cells.subject ?? ''}" 不是学科 / is not a subject`);
      continue;
    }
    const teacher = teachers.get(teacherId);
    const fromSchool = cells.from_school || teacher?.school_id || '';
    const km = schoolDistance(skeleton, teacher?.school_id ?? fromSchool, toSchool);
    const stated = cells.distance_km ?? '';
    const distance = stated === '' ? (cells.distance_km === undefined ? roundKm(km) : null) : Number(stated);
    if (!Number.isFinite(distance ?? 0)) at('distance_km', `"${stated}" 不是数字 / is not a number`);
    const backbone = cells.backbone === undefined ? teacher?.backbone ?? 'none' : lookupCode(BACKBONE_LEVELS, cells.backbone) ?? cells.backbone;
    const pinned = cells.pinned === undefined ? pins.has(`${teacherId}|${toSchool}`) : readBool(cells.pinned);
    if (pinned === undefined) at('pinned', `"${cells.pinned ?? ''}" 不是是/否 / is not a yes/no value`);
    const start = cells.start_date ? parseDateText(cells.start_date) : term.start;
    const end = cells.end_date ? parseDateText(cells.end_date) : term.end;
    if (start === undefined) at('start_date', `"${cells.start_date ?? ''}" 不是有效日期 / is not a real date`);
    if (end === undefined) at('end_date', `"${cells.end_date ?? ''}" 不是有效日期 / is not a real date`);
    assignments.push({
      teacher_id: teacherId, from_school: fromSchool, to_school: toSchool, subject, backbone,
      start_date: start ?? term.start, end_date: end ?? term.end, distance_km: distance, pinned: pinned ?? false,
      reasons: [`${sheet.file} 第 ${line} 行 / line ${line}`], ...(teacher?.name ? { name: teacher.name } : {}),
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return withCountedReports(scenario, { ...emptyPlan(context.plan_year, term), assignments }, context);
}

/** The plan with senders, gaps, receivers, stats and shortfalls counted from its assignments (every unmet rule listed: counting then judges it). */
function withCountedReports(scenario: Scenario, plan: Plan, context: PlanContext): Plan {
  const { tally } = factsOf(scenario, plan);
  const senders = [...tally.senders.values()].filter((s) => s.eligible.length > 0 || s.sent.length > 0).map((s) => ({
    school_id: s.school.school_id, eligible: s.eligible.length, required: s.required, sent: s.sent.length, backbone_sent: s.backboneSent,
    backbone_required: s.backboneRequired, met: s.sent.length >= s.required && s.backboneSent >= s.backboneRequired, why: null,
  }));
  const gaps = tally.gaps.map((g) => ({ school_id: g.school_id, subject: g.subject, needed: g.needed, filled: g.filled, unfilled: g.unfilled }));
  const receivers = [...tally.receivers.values()].map((r) => ({ school_id: r.school.school_id, county_backbone_before: r.before, county_backbone_after: r.after }));
  const recomputed = '由编辑后的名单重新计算 / recomputed from the edited list';
  const shortfalls: Shortfall[] = [
    ...senders.filter((s) => s.sent < s.required).map((s) => ({ rule: 'R1' as const, school_id: s.school_id, detail: recomputed })),
    ...senders.filter((s) => s.backbone_sent < s.backbone_required).map((s) => ({ rule: 'R2' as const, school_id: s.school_id, detail: recomputed })),
    ...[...new Set(gaps.filter((g) => g.unfilled > 0).map((g) => g.school_id))].map((id) => ({ rule: 'R4' as const, school_id: id, detail: recomputed })),
    ...receivers.filter((r) => r.county_backbone_after === 0).map((r) => ({ rule: 'R5' as const, school_id: r.school_id, detail: recomputed })),
  ];
  return {
    ...plan, senders, gaps, receivers, shortfalls,
    stats: {
      teachers: scenario.teachers.length, eligible: senders.reduce((n, s) => n + s.eligible, 0), sent: [...tally.senders.values()].reduce((n, s) => n + s.sent.length, 0),
      gaps_needed: gaps.reduce((n, g) => n + g.needed, 0), gaps_filled: gaps.reduce((n, g) => n + g.filled, 0), solve_ms: 0, optimal: false,
      ...(context.stats?.['needs_mode'] !== undefined ? { needs_mode: context.stats['needs_mode'] } : {}),
    },
    ...(context.policy_overrides !== undefined ? { policy_overrides: context.policy_overrides } : {}),
    ...(context.objection_locks !== undefined ? { objection_locks: context.objection_locks } : {}),
  };
}

function emptyPlan(year: number, term: { start: string; end: string }): Plan {
  return {
    plan_year: year, period: { start: term.start, end: term.end }, assignments: [], senders: [], gaps: [], receivers: [], allowances: [], shortfalls: [],
    stats: { teachers: 0, eligible: 0, sent: 0, gaps_needed: 0, gaps_filled: 0, solve_ms: 0, optimal: false },
  };
}

function unique(index: ReadonlyMap<string, string[]>, name: string): string | undefined {
  const ids = index.get(name.trim()) ?? [];
  return ids.length === 1 ? ids[0] : undefined;
}

function readBool(v: string): boolean | undefined {
  const low = v.trim().toLowerCase();
  return YES.has(low) ? true : NO.has(low) ? false : undefined;
}

const roundKm = (km: number | null): number | null => (km === null ? null : Math.round(km * 100) / 100);

/**
 * The sheets of plan.xlsx (and the CSV files), in order: 说明, 轮岗名单,
 * 派出学校配额, 学科缺口, 接收学校骨干, 走教 (when the plan has covers), 津贴, 职称预警, 收入对比, 未满足事项, 编制测算, 均衡, 公示
 * (and 变动 after a replan). Pure:
 * plan + scenario + report tables in, sheet models out.
 */
import { BACKBONE_LEVELS, TITLES } from '../domain/codes.js';
import { inLang } from '../domain/messages.js';
import type { Plan } from '../domain/plan.js';
import type { Scenario } from '../domain/scenario.js';
import { subjectList } from '../domain/tables.js';
import { itemNames, type AllowanceTotal } from '../policy/allowances.js';
import type { PlanReport } from '../policy/plan-report.js';
import { balanceSheet, normsSheet } from './norms-balance-sheets.js';
import { changesSheet } from './changes-sheet.js';
import { notesSheet } from './notes-sheet.js';
import { itinerantSheet } from './itinerant-sheet.js';
import { noticeSheet } from './notice-sheet.js';
import { allowancesChartOption, gapsChartOption } from '../report/charts.js';
import { col, type CellValue, type Lang, type PlanSheet, type SheetColumn } from './sheet-model.js';
import { CAP_COLUMN, capOf, TEACHER_COLUMNS, teacherCells } from './plan-sheet-columns.js';

/** What the workbook is written from. */
export interface PlanWorkbookInput {
  readonly scenario: Scenario;
  readonly plan: Plan;
  readonly report: PlanReport;
}

/** Labels of the assignment kinds (plan.json extension `kind`). */
export const ASSIGNMENT_KIND: Readonly<Record<string, { zh: string; en: string }>> = {
  gap: { zh: '补缺', en: 'gap' }, extra: { zh: '超额派出', en: 'extra' },
};

type Row = Record<string, CellValue>;

/** Turns codes into the words of the chosen language. */
function namer(scenario: Scenario, lang: Lang) {
  const subjects = subjectList(scenario.policy.subjects).zh;
  const schools = new Map(scenario.schools.map((s) => [s.school_id, s]));
  const teachers = new Map(scenario.teachers.map((t) => [t.teacher_id, t]));
  const zh = lang === 'zh';
  return {
    subject: (c: string) => (zh ? subjects[c] ?? c : c),
    backbone: (c: string) => (zh ? BACKBONE_LEVELS.zh[c as keyof typeof BACKBONE_LEVELS.zh] ?? c : c),
    title: (c: string) => (zh ? TITLES.zh[c as keyof typeof TITLES.zh] ?? c : c),
    kind: (c: string | undefined) => (c === undefined ? null : ASSIGNMENT_KIND[c]?.[lang] ?? c),
    school: (id: string) => schools.get(id)?.name ?? '',
    county: (id: string) => schools.get(id)?.county ?? '',
    teacher: (id: string) => teachers.get(id)?.name ?? '',
  };
}

const SCHOOL = col('school_id', '学校代码', 'School ID', 'id');
const SCHOOL_NAME = col('school_name', '学校名称', 'School', 'text');
const COUNTY = col('county', '县市区', 'County', 'text');

function assignmentsSheet({ scenario, plan, report }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const columns = [
    col('teacher_id', '教师编号', 'Teacher ID', 'id'), col('name', '姓名', 'Name'),
    col('from_school', '派出学校代码', 'From school ID', 'id'), col('from_name', '派出学校', 'From school'),
    col('to_school', '接收学校代码', 'To school ID', 'id'), col('to_name', '接收学校', 'To school'),
    col('subject', '任教学科', 'Subject'), col('backbone', '骨干等级', 'Backbone'),
    col('start_date', '开始日期', 'Start', 'date'), col('end_date', '结束日期', 'End', 'date'),
    col('distance_km', '距离（公里）', 'Distance (km)', 'km'), col('pinned', '指定', 'Pinned', 'bool'),
    col('kind', '类型', 'Kind'), col('score', '优先分', 'Score', 'decimal'), col('reasons', '理由', 'Reasons'),
    col('rural_months_before', '乡村任教月数（轮岗前）', 'Rural months before', 'int'),
    col('rural_months_after', '乡村任教月数（轮岗后）', 'Rural months after', 'int'),
    ...TEACHER_COLUMNS,
  ];
  const rows = plan.assignments.map((a): Row => {
    const m = report.ruralMonths.get(a.teacher_id);
    return {
      teacher_id: a.teacher_id, name: n.teacher(a.teacher_id), from_school: a.from_school, from_name: n.school(a.from_school),
      to_school: a.to_school, to_name: n.school(a.to_school), subject: n.subject(a.subject), backbone: n.backbone(a.backbone),
      start_date: a.start_date, end_date: a.end_date, distance_km: a.distance_km, pinned: a.pinned, kind: n.kind(a.kind),
      score: a.score, reasons: a.reasons.map((x) => inLang(x, lang)).join('; '), ...teacherCells(scenario, plan, a.teacher_id, a.from_school, lang),
      rural_months_before: numberOr(a['rural_months_before'], m?.before), rural_months_after: numberOr(a['rural_months_after'], m?.after),
    };
  });
  return { key: 'assignments', zh: '轮岗名单', en: 'Assignments', sections: [{ columns, rows }] };
}

const numberOr = (v: unknown, fallback: number | undefined): number | undefined => (typeof v === 'number' ? v : fallback);

function sendersSheet({ scenario, plan }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const columns = [
    SCHOOL, SCHOOL_NAME, COUNTY, col('eligible', '符合交流条件人数', 'Eligible', 'int'), col('required', '应派人数', 'Required', 'int'),
    col('sent', '实派人数', 'Sent', 'int'), col('backbone_sent', '骨干实派', 'Backbone sent', 'int'),
    col('backbone_required', '骨干应派', 'Backbone required', 'int'), col('met', '达标', 'Met', 'bool'), col('why', '说明', 'Why'),
    CAP_COLUMN,
  ];
  const rows = plan.senders.map((s): Row => ({
    ...s, why: s.why === null ? null : inLang(s.why, lang), school_name: n.school(s.school_id), county: n.county(s.school_id), cap: capOf(s, scenario),
  }));
  return { key: 'senders', zh: '派出学校配额', en: 'Senders', sections: [{ columns, rows }] };
}

function gapsSheet({ scenario, plan }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const columns = [
    SCHOOL, SCHOOL_NAME, COUNTY, col('subject', '学科', 'Subject'), col('needed', '缺编人数（净）', 'Needed (net)', 'int'),
    col('filled', '已补', 'Filled', 'int'), col('unfilled', '未补', 'Unfilled', 'int'),
    // 走教 (plan.json itinerant): how much of each gap the covers take, in periods and in posts made whole.
    ...(plan.itinerant === undefined ? [] : [
      col('itinerant_periods', '走教课时/周', 'Itinerant periods/week', 'int'), col('itinerant_posts', '走教折合岗位', 'Posts covered by 走教', 'int'),
    ]),
  ];
  const rows = plan.gaps.map((g): Row => ({ ...g, subject: n.subject(g.subject), school_name: n.school(g.school_id), county: n.county(g.school_id) }));
  const posts = new Map<string, { name: string; needed: number; filled: number }>();
  for (const g of plan.gaps) {
    const p = posts.get(g.school_id) ?? { name: n.school(g.school_id) || g.school_id, needed: 0, filled: 0 };
    posts.set(g.school_id, { ...p, needed: p.needed + g.needed, filled: p.filled + g.filled });
  }
  const charts = posts.size === 0 ? [] : [{ key: 'gaps', option: gapsChartOption([...posts.values()], lang), width: 860, height: 380 }];
  return { key: 'gaps', zh: '学科缺口', en: 'Gaps', sections: [{ columns, rows }], charts };
}

function receiversSheet({ scenario, plan }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const tier = new Map(scenario.schools.map((s) => [s.school_id, s.tier]));
  const columns = [
    SCHOOL, SCHOOL_NAME, COUNTY, col('tier', '艰苦程度', 'Tier', 'int'),
    col('county_backbone_before', '县级以上骨干（轮岗前）', 'County backbone before', 'int'),
    col('county_backbone_after', '县级以上骨干（轮岗后）', 'County backbone after', 'int'),
  ];
  const rows = plan.receivers.map((r): Row => ({ ...r, school_name: n.school(r.school_id), county: n.county(r.school_id), tier: tier.get(r.school_id) }));
  return { key: 'receivers', zh: '接收学校骨干', en: 'Receivers', sections: [{ columns, rows }] };
}

const itemKey = (name: string) => `item:${name}`;

function allowancesSheet({ scenario, plan, report }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const policyItems = scenario.policy.allowances.items;
  const names = itemNames(plan.allowances, policyItems);
  // The 走教 subsidy is not one of allowances.items: its English label is its policy section's name.
  const enKey = (name: string) => policyItems.find((i) => i.name === name)?.key ?? (name === scenario.policy.itinerant.subsidy_name ? 'itinerant' : name);
  const itemCols = names.map((name) => col(itemKey(name), name, enKey(name), 'money'));
  const sums = [col('teachers', '人数', 'Teachers', 'int'), col('months', '月数合计', 'Months', 'months'), ...itemCols, col('total', '合计（元）', 'Total (yuan)', 'money')];
  const items = (t: Pick<AllowanceTotal, 'items'>) => Object.fromEntries(names.map((name) => [itemKey(name), t.items[name]]));
  const perTeacher = {
    columns: [
      col('teacher_id', '教师编号', 'Teacher ID', 'id'), col('name', '姓名', 'Name'), SCHOOL, SCHOOL_NAME, col('tier', '艰苦程度', 'Tier', 'int'),
      col('rotated', '轮岗', 'Rotated', 'bool'), ...(plan.itinerant === undefined ? [] : [col('itinerant', '走教', 'Itinerant', 'bool')]),
      col('months', '月数', 'Months', 'months'), col('monthly', '月标准（元）', 'Monthly (yuan)', 'money'),
      ...itemCols, col('total', '合计（元）', 'Total (yuan)', 'money'),
    ],
    rows: plan.allowances.map((a): Row => ({
      teacher_id: a.teacher_id, name: n.teacher(a.teacher_id), school_id: a.school_id, school_name: n.school(a.school_id), tier: a.tier,
      rotated: typeof a['rotated'] === 'boolean' ? a['rotated'] : undefined, itinerant: a['itinerant'] === true, months: a.months, monthly: a.monthly, ...items(a), total: a.total,
    })),
  };
  const { schools, counties } = report.allowanceTotals;
  const tiers = [...new Set(plan.allowances.map((a) => a.tier))].sort((a, b) => a - b).map((tier) => ({
    tier, items: Object.fromEntries(names.map((name) => [name, plan.allowances.filter((a) => a.tier === tier).reduce((x, a) => x + (a.items[name] ?? 0), 0)])),
  }));
  const itemLabel = (name: string) => (lang === 'zh' ? name : enKey(name));
  const byLabel = tiers.map((t) => ({ tier: t.tier, items: Object.fromEntries(Object.entries(t.items).map(([k, v]) => [itemLabel(k), v])) }));
  return {
    key: 'allowances', zh: '津贴', en: 'Allowances',
    charts: tiers.length === 0 ? [] : [{ key: 'allowances', option: allowancesChartOption(byLabel, names.map(itemLabel), lang), width: 760, height: 380 }],
    sections: [
      perTeacher,
      {
        title: { zh: '按学校合计', en: 'Totals per school' },
        columns: [SCHOOL, SCHOOL_NAME, COUNTY, col('tier', '艰苦程度', 'Tier', 'int'), ...sums],
        rows: schools.map((s): Row => ({ school_id: s.school_id, school_name: s.name, county: s.county, tier: s.tier, teachers: s.teachers, months: s.months, ...items(s), total: s.total })),
      },
      {
        title: { zh: '按县市区合计', en: 'Totals per county' },
        columns: [COUNTY, col('schools', '学校数', 'Schools', 'int'), ...sums],
        rows: counties.map((c): Row => ({ county: c.county, schools: c.schools, teachers: c.teachers, months: c.months, ...items(c), total: c.total })),
      },
    ],
  };
}

function titlesSheet({ scenario, report }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const columns = [
    col('teacher_id', '教师编号', 'Teacher ID', 'id'), col('name', '姓名', 'Name'), SCHOOL, SCHOOL_NAME, col('title', '现职称', 'Title'),
    col('title_target_year', '拟申报年份', 'Target year', 'int'), col('rural_months_before', '乡村任教月数（现有）', 'Rural months now', 'int'),
    col('rural_months_after', '本期后', 'After this term', 'int'), col('required', '所需月数', 'Required', 'int'),
    col('assigned_to', '接收学校代码', 'Sent to', 'id'), col('eligible', '符合交流条件', 'Eligible', 'bool'),
    col('eligibility', '交流条件情况', 'Eligibility'), col('why', '原因', 'Why'),
  ];
  const rows = report.titleWarnings.map(({ why_text, eligibility_text, ...w }): Row => ({
    ...w, title: n.title(w.title), school_name: n.school(w.school_id),
    eligibility: eligibility_text.map((t) => t[lang]).join(lang === 'zh' ? '；' : '; '), why: why_text[lang],
  }));
  return { key: 'titles', zh: '职称预警', en: 'Title warnings', sections: [{ columns, rows }] };
}

function incomeSheet({ scenario, report }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const base = { key: 'income', zh: '收入对比', en: 'Income parity' };
  if (report.income === null) {
    return { ...base, sections: [{ columns: [col('note', '说明', 'Note')], rows: [{ note: lang === 'zh'
      ? '未设置 income.base_pay（各职称基本工资），不作收入对比。'
      : 'income.base_pay (base pay per title) is not set: no income parity report.' }] }] };
  }
  const n = namer(scenario, lang);
  const first = report.income.rows;
  const ruralNames = [...new Set(first.flatMap((r) => Object.keys(r.rural_items)))];
  const urbanNames = [...new Set(first.flatMap((r) => Object.keys(r.urban_items)))];
  const columns: SheetColumn[] = [
    col('title', '职称', 'Title'), col('tier', '艰苦程度', 'Tier', 'int'), col('base', '基本工资', 'Base pay', 'money'),
    ...ruralNames.map((x) => col(`rural:${x}`, x, x, 'money')), col('rural', '乡村教师月收入', 'Rural monthly', 'money'),
    ...urbanNames.map((x) => col(`urban:${x}`, x, x, 'money')), col('urban', '城区教师月收入', 'Urban monthly', 'money'),
    col('difference', '差额', 'Difference', 'money'), col('ok', '乡村更高', 'Rural higher', 'bool'),
  ];
  const rows = first.map((r): Row => ({
    title: n.title(r.title), tier: r.tier, base: r.base, rural: r.rural, urban: r.urban, difference: r.difference, ok: r.ok,
    ...Object.fromEntries(Object.entries(r.rural_items).map(([k, v]) => [`rural:${k}`, v])),
    ...Object.fromEntries(Object.entries(r.urban_items).map(([k, v]) => [`urban:${k}`, v])),
  }));
  return { ...base, sections: [{ columns, rows }] };
}

function shortfallsSheet({ scenario, plan }: PlanWorkbookInput, lang: Lang): PlanSheet {
  const n = namer(scenario, lang);
  const columns = [col('rule', '规则', 'Rule'), SCHOOL, SCHOOL_NAME, col('detail', '说明', 'Detail')];
  const rows = plan.shortfalls.map((s): Row => ({ ...s, detail: inLang(s.detail, lang), school_name: n.school(s.school_id) }));
  return { key: 'shortfalls', zh: '未满足事项', en: 'Shortfalls', sections: [{ columns, rows }] };
}

/** Receivers whose needs came from the staffing norms (plan.json stats.needs_from_norms). */
const fromNorms = (plan: Plan): Set<string> => new Set(Array.isArray(plan.stats['needs_from_norms']) ? plan.stats['needs_from_norms'] as string[] : []);

/** Every sheet of the plan workbook, in order. */
export function planSheets(input: PlanWorkbookInput, lang: Lang): PlanSheet[] {
  return [
    notesSheet(input, lang), assignmentsSheet(input, lang), sendersSheet(input, lang), gapsSheet(input, lang),
    receiversSheet(input, lang), ...[itinerantSheet(input.scenario, input.plan, lang)].filter((x) => x !== null), allowancesSheet(input, lang), titlesSheet(input, lang), incomeSheet(input, lang),
    shortfallsSheet(input, lang), normsSheet(input.scenario, input.report.norms, fromNorms(input.plan), lang),
    balanceSheet(input.report.balance, lang), noticeSheet(input, lang),
    ...[changesSheet(input.scenario, input.plan, lang)].filter((x) => x !== null),
  ];
}

/**
 * The code lists of docs/format.md, each with its Chinese spelling. A cell may be
 * written either way; the canonical (English) code is what the program uses.
 */

/** A code list: canonical code → Chinese label (plus extra accepted spellings). */
export interface CodeList<C extends string> {
  readonly codes: readonly C[];
  readonly zh: Readonly<Record<C, string>>;
  readonly aliases?: Readonly<Record<string, C>>;
}

function codeList<C extends string>(zh: Record<C, string>, aliases: Record<string, NoInfer<C>> = {}): CodeList<C> {
  return { codes: Object.keys(zh) as C[], zh, aliases };
}

export const SUBJECTS = codeList({
  chinese: '语文', math: '数学', english: '英语', science: '科学', morality: '道德与法治',
  history_society: '历史与社会', pe: '体育', music: '音乐', art: '美术', it: '信息技术',
  practice: '综合实践',
}, { 体育与健康: 'pe', 思想品德: 'morality', 品德: 'morality', 信息: 'it', 综合实践活动: 'practice', 数学学科: 'math' });
export type Subject = string;

export const GENDERS = codeList({ M: '男', F: '女' }, { m: 'M', f: 'F', male: 'M', female: 'F', 男性: 'M', 女性: 'F' });
export type Gender = 'M' | 'F';

export const STAGES = codeList({ primary: '小学', junior: '初中', nine_year: '九年一贯制', twelve_year: '十二年一贯制' });
export type Stage = 'primary' | 'junior' | 'nine_year' | 'twelve_year';

export const AREAS = codeList({ urban: '城区', town: '镇区', rural: '乡村' }, { 城镇: 'town', 农村: 'rural' });
export type Area = 'urban' | 'town' | 'rural';

export const TITLES = codeList({
  none: '无', level3: '三级', level2: '二级', level1: '一级', senior: '高级', professor: '正高级',
}, {
  '': 'none', 三级教师: 'level3', 二级教师: 'level2', 一级教师: 'level1', 高级教师: 'senior', 正高级教师: 'professor',
  // The titles' full names since the 2015 reform of primary and secondary teachers' titles, as HR rosters write them.
  中小学三级教师: 'level3', 中小学二级教师: 'level2', 中小学一级教师: 'level1', 中小学高级教师: 'senior', 中小学正高级教师: 'professor',
  未定级: 'none', 未评: 'none',
  // Secondary titles from before the reform carry over one for one.
  中学三级教师: 'level3', 中学二级教师: 'level2', 中学一级教师: 'level1', 中学高级教师: 'senior',
});
export type Title = 'none' | 'level3' | 'level2' | 'level1' | 'senior' | 'professor';

/** Ordered from lowest to highest: comparisons use the index. */
export const BACKBONE_LEVELS = codeList({
  none: '无', school: '校级', county: '县级', municipal: '市级', provincial: '省级',
}, {
  '': 'none', 校级骨干: 'school', 县级骨干: 'county', 县骨干: 'county', 市级骨干: 'municipal',
  市骨干: 'municipal', 省级骨干: 'provincial', 县名师: 'county', 县学科带头人: 'county',
  市名师: 'municipal', 市学科带头人: 'municipal', 省名师: 'provincial', 特级教师: 'provincial', 特级: 'provincial',
  // Full names as rosters write them; a district (区) is county-level.
  校级骨干教师: 'school', 县级骨干教师: 'county', 区级骨干教师: 'county', 区级骨干: 'county', 区骨干: 'county', '县(区)级骨干教师': 'county',
  市级骨干教师: 'municipal', 省级骨干教师: 'provincial', 县级名师: 'county', 区级名师: 'county', 市级名师: 'municipal', 省级名师: 'provincial',
  县级学科带头人: 'county', 区级学科带头人: 'county', 市级学科带头人: 'municipal', 省级学科带头人: 'provincial',
  非骨干: 'none', 否: 'none',
});
export type BackboneLevel = 'none' | 'school' | 'county' | 'municipal' | 'provincial';

export const EDUCATION = codeList({
  secondary: '中专', college: '大专', bachelor: '本科', master: '硕士', doctor: '博士',
}, {
  高中: 'secondary', 专科: 'college', 研究生: 'master',
  // Full names as rosters write them.
  中等专科: 'secondary', 中师: 'secondary', 中等师范: 'secondary', 大学专科: 'college', 专科学历: 'college', 大专学历: 'college',
  大学本科: 'bachelor', 本科学历: 'bachelor', 硕士研究生: 'master', 研究生学历: 'master', 博士研究生: 'doctor',
});
export type Education = 'secondary' | 'college' | 'bachelor' | 'master' | 'doctor';

export const LOCK_ACTIONS = codeList({ pin: '指定', forbid: '禁止', keep: '留任' }, { 锁定: 'pin', 不去: 'forbid', 保留: 'keep', 留校: 'keep' });

/** Kinds of a teacher's objection to the provisional list (objections.csv, issue 6). */
export const OBJECTION_KINDS = codeList({ keep: '留任', not_to: '不去', to: '去', swap: '对调' }, {
  'not-to': 'not_to', notto: 'not_to', 留校: 'keep', 不参加交流: 'keep', 不去该校: 'not_to', 拒绝: 'not_to',
  申请去: 'to', 要求去: 'to', 希望去: 'to', 互换: 'swap', 交换: 'swap', 对换: 'swap',
});

/** True when `level` is at least `min` in the backbone order. */
export function backboneAtLeast(level: BackboneLevel, min: BackboneLevel): boolean {
  const order = BACKBONE_LEVELS.codes;
  return order.indexOf(level) >= order.indexOf(min);
}

/**
 * Reads a cell of a code list: the English code (any case), the Chinese
 * label, or an accepted alias. Returns undefined when it is none of them.
 */
export function lookupCode<C extends string>(list: CodeList<C>, cell: string): C | undefined {
  // "中小学 一级教师", "县（区）级骨干教师": spaces dropped, full-width brackets as half-width.
  const text = cell.trim().replace(/\s+/g, ' ').replace(/（/g, '(').replace(/）/g, ')');
  const squeezed = /[\u4e00-\u9fff]/.test(text) ? text.replace(/ /g, '') : text;
  if (squeezed !== text) return lookupCode(list, squeezed);
  for (const code of list.codes) {
    if (code.toLowerCase() === text.toLowerCase() || list.zh[code] === text) return code;
  }
  // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
  const aliases = list.aliases ?? {};
  if (Object.hasOwn(aliases, text)) return aliases[text];
  if (Object.hasOwn(aliases, text.toLowerCase())) return aliases[text.toLowerCase()];
  return undefined;
}

/** "chinese (语文)" style listing for error messages. */
export function describeCodes<C extends string>(list: CodeList<C>): string {
  return list.codes.map((c) => `${c} ${list.zh[c]}`).join(', ');
}

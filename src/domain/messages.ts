/**
 * The message catalogue: every sentence the planner writes for people —
 * why a teacher moves, why a rule could not be met, why a teacher is not
 * eligible, why a title warning — once, in Chinese and in English. A
 * workbook shows one language per text (`inLang`); plan.json keeps one
 * bilingual string per text, `中文 / English` (`bilingual`), as before.
 */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

export const text = (zh: string, en: string): Text => ({ zh, en });

/** The separator of a bilingual string: Chinese before it, English after. */
const SEP = ' / ';

/** plan.json's bilingual string: `中文 / English` (a " / " inside the Chinese part is closed up, so the first one splits). */
export const bilingual = (t: Text): string => `${t.zh.replaceAll(SEP, '/')}${SEP}${t.en}`;

/** A bilingual string's part in one language; a string without the separator is returned whole. */
export function inLang(s: string, lang: 'zh' | 'en'): string {
  const at = s.indexOf(SEP);
  if (at < 0) return s;
  return lang === 'zh' ? s.slice(0, at) : s.slice(at + SEP.length);
}

/** Texts joined, each language with its own separator. */
export const joinTexts = (parts: readonly Text[], zh = '；', en = '; '): Text => text(parts.map((p) => p.zh).join(zh), parts.map((p) => p.en).join(en));

/** A text with a prefix or suffix in each language. */
export const wrap = (t: Text, before: Text, after: Text = text('', '')): Text => text(`${before.zh}${t.zh}${after.zh}`, `${before.en}${t.en}${after.en}`);

const ym = (months: number) => ({ y: Math.floor(months / 12), m: months % 12 });

/** Eligibility facts and failures (policy/eligibility.ts). */
export const ELIGIBILITY = {
  notSender: () => text('本校不是派出学校', 'home school is not a sending school'),
  joinsLate: (date: string) => text(`${date} 才到本校，晚于轮岗期首日`, `joins the school on ${date}, after the term's first day`),
  yearsAtSchool: (months: number, min: number, ok: boolean) => {
    const { y, m } = ym(months);
    return text(`在校 ${y} 年 ${m} 月 ${ok ? '≥' : '<'} ${min} 年`, `${y} years ${m} months at school ${ok ? '≥' : '<'} ${min}`);
  },
  age: (age: number, max: number, ok: boolean) => text(`年龄 ${age} 岁 ${ok ? '<' : '≥'} ${max} 岁`, `age ${age} ${ok ? '<' : '≥'} ${max}`),
  exempt: (why: string) => text(`免于交流：${why}`, `exempt: ${why}`),
  away: (school: string, end: string) => text(`正在 ${school} 轮岗，至 ${end}`, `on rotation at ${school} until ${end}`),
  cooldown: (from: string, years: number) => text(`${from} 起曾交流，在 ${years} 年间隔期内`, `rotated from ${from}, within the ${years}-year cooldown`),
  keep: (reason: string) => text(`HR 留任${reason ? `：${reason}` : ''}`, `kept home by HR${reason ? `: ${reason}` : ''}`),
};

/** Title warnings (policy/titles.ts). */
export const TITLE = {
  stillShort: (to: string, before: number, gained: number, required: number, rural: boolean) => text(
    `已安排轮岗（至 ${to}），但仍不足：${before} + ${gained} < ${required}${rural ? '' : `；${to} 不是乡村学校，在该校任教不计乡村任教`}`,
    `in the plan (to ${to}) but still short: ${before} + ${gained} < ${required}${rural ? '' : `; ${to} is not a rural school, so its months are not rural service`}`,
  ),
  notEligible: (reasons: Text) => wrap(reasons, text('不符合交流条件：', 'not eligible: ')),
  unknownTeacher: () => text('未知教师', 'unknown teacher'),
  notChosen: (facts: Text) => wrap(facts, text('符合条件但未被选派：', 'eligible but not chosen: ')),
  quotaFilled: (school: string, sent: number, cap: number) => text(
    `派出名额已由优先分更高的教师占满（${school} 派出 ${sent} 人，上限 ${cap} 人）`,
    `sender's quota filled by teachers with higher priority (${school} sends ${sent}, at most ${cap})`,
  ),
  lastOfSubject: (subject: string, school: string) => text(`${school} 仅剩的${subject}教师须留校`, `the last ${subject} teacher left at ${school} stays home`),
  noOpenPost: (subjects: string, county: string) => text(`${county}的接收学校已无未补的${subjects}岗位`, `no unfilled ${subjects} post left at a receiver in ${county}`),
  preferredOthers: (posts: string, km: number | null) => text(
    `尚有未补岗位（${posts}），但计划选派了其他教师${km === null ? '' : `，或这些岗位超出 ${km} 公里`}`,
    `unfilled posts remain (${posts}) but the plan preferred other teachers${km === null ? '' : ` or they lie beyond ${km} km`}`,
  ),
};

/** The reasons of a move and the shortfall explanations (engine/explain.ts). */
export const MOVE = {
  pinned: () => text('HR 指定（locks.csv）', 'pinned by HR (locks.csv)'),
  extra: (subjectZh: string, subject: string) => text(`为完成派出比例（R1）的额外教师，任教${subjectZh}`, `extra teacher sent to meet R1, teaches ${subject}`),
  fillsGap: (school: string, subjectZh: string, subject: string, priority: number) => text(
    `填补${school}${subjectZh}缺编（优先级 ${priority}）`, `fills a ${subject} post at ${school} (priority ${priority})`,
  ),
  r5: () => text('为该校提供县级以上骨干教师（R5）', 'gives the school its county-level backbone teacher (R5)'),
  r2: (levelZh: string, level: string) => text(`骨干教师（${levelZh}），计入派出学校骨干比例（R2）`, `backbone teacher (${level}), counts for the sender's R2`),
  monthsAtSchool: (months: number) => text(`在校 ${ym(months).y} 年 ${ym(months).m} 月`, `${months} months at school`),
  titleNeed: (year: number, months: number, required: number) => text(
    `拟 ${year} 年申报职称，乡村任教 ${months} 月 < ${required}`, `title application in ${year} with ${months} rural months < ${required}`,
  ),
  preference: (rank: number, weight: number) => text(`第 ${rank} 意向学校（权重 ${weight}）`, `preference #${rank} (weight ${weight})`),
  sameGroup: (group: string) => text(`同一教育集团 ${group}`, `same education group ${group}`),
  distance: (km: number | null) => (km === null ? text('距离未知', 'distance unknown') : text(`距离 ${km} 公里`, `distance ${km} km`)),
  score: (total: number, working: string, parts: Text) => text(
    `优先分 ${total}${working ? `（积分 ${working}）` : ''}：${parts.zh}`, `priority score ${total}${working ? ` (points ${working})` : ''}: ${parts.en}`,
  ),
  placedByHand: () => text('HR 手工安排（rotation suggest）', 'placed by hand (rotation suggest)'),
};

export const SHORTFALL = {
  unreachable: (n: number) => text(
    `${n} 人无可去的接收学校（距离上限、禁止或配偶规则）`, `${n} have no receiving school in reach (distance cap, forbid, or the couple rule for a spouse in another county)`,
  ),
  lastOfSubject: (subjectZh: string, subject: string, present: number, left: number, eligible: number) => text(
    `${subjectZh}仅 ${present} 名在岗，须留 1 人：最多派 ${left} 人`, `only ${present} ${subject} teacher(s) present, one stays: at most ${left} of ${eligible} eligible`,
  ),
  r1Base: (school: string, eligible: number, required: number, sent: number, kept: number) => text(
    `${school}：符合条件 ${eligible} 人 → 应派 ${required} 人，实派 ${sent} 人${kept > 0 ? `，另有 ${kept} 人被留任` : ''}`,
    `${school}: ${eligible} eligible → ${required} required, ${sent} sent${kept > 0 ? `; ${kept} kept home by HR (not counted as eligible)` : ''}`,
  ),
  r1AtMost: (count: number, notes: Text | null) => text(
    `最多可派 ${count} 人：${notes?.zh ?? '没有符合条件的教师能派出'}`, `at most ${count} can go: ${notes?.en ?? 'no eligible teacher can leave'}`,
  ),
  r1Full: () => text('接收学校容量已满（缺编已补且已达 max_extra_per_receiver 上限）', 'the receivers can take no more teachers (needs filled, extra cap reached)'),
  r2: (school: string, sent: number, required: number, backboneSent: number, levelZh: string, eligible: number, canGo: number, minimumSent: number, minimum: number) => text(
    `${school}：派出 ${sent} 人 → 骨干应至少 ${required} 人，实派 ${backboneSent} 人；符合条件的${levelZh}以上骨干仅 ${eligible} 人（可派 ${canGo} 人），即使只派 ${minimumSent} 人也需 ${minimum} 人`,
    `${school}: ${sent} sent → ${required} backbone required, ${backboneSent} sent; only ${eligible} eligible backbone teacher(s) (${canGo} can go), and even the minimum ${minimumSent} sent needs ${minimum}`,
  ),
  gapHead: (school: string, subjectZh: string, subject: string, unfilled: number) => text(
    `${school} ${subjectZh}缺 ${unfilled} 人未补`, `${school}: ${unfilled} ${subject} post(s) unfilled`,
  ),
  gapNobody: (subjectZh: string, subject: string) => text(
    `县内没有可派往该校、能教${subjectZh}的符合条件教师`, `no eligible teacher in the county qualified in ${subject} can go there`,
  ),
  gapHeld: (subjectZh: string, people: number, placed: number) => text(
    `县内能教${subjectZh}、可去该校的符合条件教师 ${people} 人，其中 ${placed} 人已派往其他岗位；其余受派出学校比例上限、须留 1 人任教该学科或骨干比例（R2）所限`,
    `${people} eligible qualified teacher(s) could go, ${placed} placed elsewhere; the rest are held by their school's cap, its last teacher of a subject, or R2`,
  ),
  r5Head: (school: string, levelZh: string, level: string) => text(`${school} 没有${levelZh}以上骨干教师`, `${school} has no ${level}-level-or-above backbone teacher`),
  r5Nobody: () => text('县内没有可派往该校的符合条件骨干教师', 'no eligible backbone teacher of that level can go there'),
  r5Held: (n: number) => text(
    `${n} 名符合条件的骨干教师可去该校，但都用于更优先的规则（R1–R4）或受派出学校上限所限`,
    `${n} eligible backbone teacher(s) could go, all needed for higher rules (R1–R4) or held by their school's cap`,
  ),
  balance: (weight: number) => text(
    `；或为降低骨干教师差异系数而留空（balance.backbone_weight = ${weight}）`, `; or left open for a lower backbone CV (balance.backbone_weight = ${weight})`,
  ),
  editedR1: (school: string, required: number, sent: number) => text(`${school}：应派 ${required} 人，实派 ${sent} 人（手工修改）`, `${school}: ${required} required, ${sent} sent (edited by hand)`),
  editedR2: (school: string, sent: number, required: number, backboneSent: number) => text(
    `${school}：派出 ${sent} 人 → 骨干应至少 ${required} 人，实派 ${backboneSent} 人（手工修改）`, `${school}: ${sent} sent → ${required} backbone required, ${backboneSent} sent (edited by hand)`,
  ),
  editedR4: (school: string, subjectZh: string, subject: string, unfilled: number) => text(
    `${school} ${subjectZh}缺 ${unfilled} 人未补（手工修改）`, `${school}: ${unfilled} ${subject} post(s) unfilled (edited by hand)`,
  ),
  edited: () => text('手工修改', 'edited by hand'),
  r2Excused: (cap: number) => text(
    `按 rotation.r2_when_short = excuse，该校无法满足 R2，免于骨干比例：能派的骨干都派出，其余可派至上限 ${cap} 人`,
    `under rotation.r2_when_short = excuse the school, unable to meet R2, is excused from the ratio: every backbone teacher who can go goes, and it may send up to its cap of ${cap}`,
  ),
  rule: (rule: string, why: Text) => text(`${rule}：${why.zh}`, `${rule}: ${why.en}`),
};

/** The couple rule's part in a move (policy `couples`). */
export const COUPLE = {
  notBoth: (spouse: string) => text(`配偶 ${spouse} 本年不派出（couples.rule = not_both：夫妻不同年交流）`, `spouse ${spouse} stays this year (couples.rule = not_both)`),
  notSent: (spouse: string) => text(`配偶 ${spouse} 本年未派出（couples.rule = together）`, `spouse ${spouse} is not sent this year (couples.rule = together)`),
  sameSchool: (spouse: string) => text(`与配偶 ${spouse} 同去一校（couples.rule = together）`, `goes with spouse ${spouse} to the same school (couples.rule = together)`),
  near: (spouse: string, school: string, km: number) => text(
    `配偶 ${spouse} 派往 ${school}，两校相距不超过 ${km} 公里（couples.rule = together）`, `spouse ${spouse} goes to ${school}, within couples.max_km = ${km} km`,
  ),
};

/** 走教 covers and the periods they leave open (engine/itinerant.ts). */
export const ITINERANT = {
  homeSpare: (school: string, subject: Text, staff: number, load: number, periods: number, spare: number) => text(
    `${school}${subject.zh}教师 ${staff} 人，满工作量每周 ${load} 节，本校需 ${round1(periods)} 节，富余 ${spare} 节`,
    `${school} has ${staff} ${subject.en} teacher(s) at ${load} periods a week, needs ${round1(periods)} itself: ${spare} spare`,
  ),
  placedHere: (school: string) => text(`本年轮岗派至 ${school}，在该校学区内走教`, `placed at ${school} by this year's rotation, walks within its district`),
  needed: (school: string, subject: Text, uncovered: number) => text(
    `${school}${subject.zh}轮岗后每周仍缺 ${uncovered} 节`, `${school} still lacks ${uncovered} ${subject.en} periods a week after the rotation`,
  ),
  distance: (km: number, limit: number | null, district: string) => text(
    `同属学区「${district}」，相距 ${km} 公里${limit === null ? '' : `（上限 ${limit} 公里）`}`,
    `same district "${district}", ${km} km apart${limit === null ? '' : ` (limit ${limit} km)`}`,
  ),
  interchangeable: () => text('同校同学科教师可互换，按教师编号依次安排', 'teachers of one school and subject are interchangeable: taken in id order'),
  optimum: () => text('学区内可覆盖的课时最多，其次总路程最短（已证明最优）', 'most periods covered in the district, then least travel (proven optimal)'),
  noPeriodsLack: (subject: Text, periods: number) => text(
    `按课时测算，本校${subject.zh}教师已能承担全部 ${round1(periods)} 节，缺的是岗位而非课时，走教不补`,
    `by the period count the school's own ${subject.en} teachers already give all ${round1(periods)} periods: the gap is a post, not periods, so 走教 does not fill it`,
  ),
  noDistrict: () => text('本校未填学区，不安排走教', 'the school has no district: no itinerant teaching'),
  noSpare: (subject: Text) => text(`学区内没有${subject.zh}富余课时`, `no school of the district has spare ${subject.en} periods`),
  tooFar: (subject: Text, limit: number | null) => text(
    `学区内有${subject.zh}富余课时的学校都超出 ${limit ?? '—'} 公里或缺坐标`, `every school of the district with spare ${subject.en} periods is beyond ${limit ?? '—'} km or has no coordinates`,
  ),
  usedUp: (subject: Text, reachable: number) => text(
    `学区内可达的${subject.zh}富余课时共 ${reachable} 节，已尽数安排或受每人课时、校数上限所限`,
    `the district's reachable spare ${subject.en} periods (${reachable}) are all used, or held back by the per-teacher limits`,
  ),
  notSolved: (status: string) => text(`走教求解未得最优（${status}），本学区未安排`, `the itinerant model was not solved to optimality (${status}): no covers in this district`),
};

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
/** 银龄讲学: why a volunteer is placed where, or not placed (engine/volunteers.ts). */
export const VOLUNTEER = {
  fills: (school: string, subject: Text, open: number, priority: number) => text(
    `填补 ${school} ${subject.zh} 空缺（轮岗后仍缺 ${open} 人，优先级 ${priority}）`, `fills a ${subject.en} post at ${school} that rotation leaves open (${open} open, priority ${priority})`,
  ),
  offSubject: (subject: Text) => text(`以可任教学科 ${subject.zh} 任教`, `teaches ${subject.en}, one of the qualified subjects`),
  preferred: (rank: number) => text(`意向学校第 ${rank} 位`, `the volunteer's choice no. ${rank}`),
  backbone: (school: string) => text(`骨干教师：${school} 轮岗后无县级以上骨干，由其补上 (R5)`, `a backbone teacher at ${school}, which rotation leaves without one (R5)`),
  period: (from: string, to: string, partial: boolean) => text(
    `支教 ${from} 至 ${to}${partial ? '（按可支教日期，补助按天折算）' : ''}`, `serves ${from} to ${to}${partial ? ' (the dates the volunteer is available; the subsidy is pro-rated)' : ''}`,
  ),
  disabled: () => text('volunteers.enabled = false，本年不安排银龄讲学', 'volunteers.enabled = false: no volunteer is placed'),
  county: (county: string) => text(`所在县市区 ${county} 没有接收学校`, `the volunteer's county ${county} has no receiving school in the scenario`),
  age: (age: number, max: number) => text(`轮岗期首日年龄 ${age} 岁，超过 volunteers.max_age ${max} 岁`, `aged ${age} on the term's first day, over volunteers.max_age ${max}`),
  health: () => text('身体健康一栏为“否”', 'health_ok is no'),
  dates: (from: string, to: string, termStart: string, termEnd: string) => text(
    `可支教 ${from} 至 ${to}，不在本期 ${termStart} 至 ${termEnd} 内`, `available ${from} to ${to}, outside the term ${termStart} to ${termEnd}`,
  ),
  noOpenGap: (county: string, subjects: Text) => text(
    `${county} 轮岗后没有 ${subjects.zh} 的空缺`, `rotation leaves no open ${subjects.en} post in ${county}`,
  ),
  postsTaken: (subjects: Text, others: string) => text(
    `${subjects.zh} 的空缺已由其他志愿者填补（${others}）：志愿者多于空缺`, `the open ${subjects.en} posts went to other volunteers (${others}): more volunteers than posts`,
  ),
  shortfallNote: (n: number) => text(`银龄讲学志愿者补其中 ${n} 人`, `volunteers (银龄讲学) fill ${n} of them`),
};

/** Why an input file could not be read, by the operating system's error code (io/read/read-input.ts). */
export const READ = {
  reasons: {
    EACCES: text('没有读取该文件的权限', 'no permission to read it'),
    EPERM: text('没有读取该文件的权限', 'no permission to read it'),
    EISDIR: text('这是一个文件夹，不是文件', 'it is a folder, not a file'),
    ENOENT: text('文件不存在', 'there is no such file'),
    ENOTDIR: text('路径中有一项是文件而不是文件夹', 'a part of the path is a file, not a folder'),
    ENAMETOOLONG: text('路径太长', 'the path is too long'),
    EMFILE: text('同时打开的文件太多', 'too many files are open'),
    ENFILE: text('同时打开的文件太多', 'too many files are open'),
    EIO: text('磁盘读写出错（驱动器是否已拔出？）', 'the drive reported a read error (was it removed?)'),
    EBUSY: text('文件正被占用（是否在 Excel 中打开？）', 'the file is in use (is it open in Excel?)'),
  } as Readonly<Record<string, Text>>,
  cannotRead: (reason: Text, code: string) => text(`无法读取该文件：${reason.zh}（${code}）`, `cannot read the file: ${reason.en} (${code})`),
  unknownReason: (message: string) => text(message, message),
};

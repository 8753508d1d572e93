/** The page's words in Chinese (default) and English. */
import { ref } from 'vue';

export const lang = ref<'zh' | 'en'>((localStorage.getItem('rotation-lang') as 'zh' | 'en' | null) ?? 'zh');

const words = {
  title: ['城乡教师交流轮岗', 'Teacher rotation'],
  load: ['载入数据', 'Load'], plan: ['编制计划', 'Plan'], result: ['结果', 'Result'], list: ['轮岗名单', 'List'],
  decide: ['决定与异议', 'Decide'], history: ['版本与下载', 'Versions'],
  scenario: ['场景名称', 'Scenario name'], upload: ['上传并检查', 'Upload and check'], drop: ['把工作簿 (.xlsx)、CSV 文件或 .zip 拖到这里，或点击选择', 'Drop the workbook (.xlsx), the CSV files or a .zip here, or click to choose'],
  template: ['下载空白模板', 'Download the empty template'], problems: ['数据问题', 'Problems'], file: ['文件', 'File'], row: ['行', 'Row'], column: ['列', 'Column'],
  value: ['单元格内容', 'Cell value'], message: ['应为 / 说明', 'What it should be'], loaded: ['已载入', 'Loaded'], existing: ['已有场景', 'Existing scenarios'],
  year: ['学年', 'Year'], run: ['开始编制', 'Run the plan'], replan: ['按异议重新编制', 'Replan with objections'], default: ['默认值', 'Default'], clause: ['条款', 'Clause'],
  override: ['本次取值', 'Value for this run'], otherSet: ['其他设置 (key=value，每行一条)', 'Other settings (key=value, one per line)'], timeLimit: ['每县求解时限 (秒)', 'Seconds per county'],
  progress: ['进度', 'Progress'], county: ['县市区', 'County'], sent: ['派出', 'Sent'], posts: ['缺编填补', 'Posts filled'], optimal: ['已证明最优', 'Proven optimal'],
  notOptimal: ['未证明最优', 'Not proven optimal'], met: ['满足', 'met'], short: ['未满足', 'short'], allowance: ['津贴合计 (元)', 'Allowances (yuan)'],
  sender: ['派出学校', 'Sender'], receiver: ['接收学校', 'Receiver'], subject: ['学科', 'Subject'], backbone: ['骨干', 'Backbone'], teacher: ['教师', 'Teacher'],
  search: ['姓名或编号', 'Name or id'], all: ['全部', 'All'], reasons: ['理由', 'Reasons'], distance: ['距离 km', 'km'], pinned: ['指定', 'Pinned'],
  pin: ['指定去向', 'Pin'], forbid: ['禁止去', 'Forbid'], keep: ['留任', 'Keep'], school: ['学校', 'School'], reason: ['原因', 'Reason'], save: ['记录', 'Record'],
  objection: ['异议', 'Objection'], kind: ['类型', 'Kind'], other: ['对调教师', 'Swap with'], decisions: ['决定记录', 'Decision log'], diff: ['差异', 'Difference'],
  suggest: ['为空缺岗位推荐', 'Suggest for an open post'], apply: ['采用', 'Apply'], versions: ['版本', 'Versions'], download: ['下载', 'Download'],
  restore: ['恢复为最新', 'Make newest again'], provisional: ['暂定名单', 'Provisional list'], final: ['最终名单', 'Final list'], side: ['暂定与最终对照', 'Provisional and final side by side'],
  eligible: ['符合交流条件', 'Eligible'], notEligible: ['不符合交流条件', 'Not eligible'], points: ['积分', 'Points'], rank: ['校内排名', 'Rank in school'], whyNot: ['为何未入选', 'Why not chosen'],
  leaves: ['派出教师', 'Leaving'], arrives: ['派入教师', 'Arriving'], gaps: ['缺编', 'Gaps'], needed: ['需', 'needed'], filled: ['已填', 'filled'], unfilled: ['未填', 'unfilled'],
  balance: ['差异系数 (调整前/后)', 'Balance coefficient (before/after)'], gapsChart: ['各接收学校缺编填补', 'Posts filled per receiver'], tierChart: ['按艰苦程度的津贴', 'Allowances by tier'],
  before: ['调整前', 'before'], after: ['调整后', 'after'], target: ['温州目标 0.30', 'Wenzhou target 0.30'], limit: ['国家限值', 'national limit'],
  noPlan: ['还没有计划：先载入数据并编制', 'No plan yet: load the data and plan first'], version: ['版本', 'Version'], created: ['时间', 'Time'], check: ['独立检查', 'Check'],
  added: ['新增', 'added'], removed: ['移出', 'removed'], moved: ['调整', 'moved'], compare: ['比较', 'Compare'], open: ['查看', 'Open'],
  allYears: ['2018–2020 逐年', '2018–2020 in turn'], level: ['求解层级', 'level'], yearsResult: ['逐年结果', 'Results per year'],
  current: ['当前', 'current'], viewing: ['正在查看', 'viewing'], locks: ['当前锁定', 'Locks in force'], objections: ['当前异议', 'Objections in force'],
  withdraw: ['撤销', 'Withdraw'], withdrawAsk: ['撤销原因（记入决定记录）', 'Why it is withdrawn (goes into the decision log)'], withdrawn: ['已撤销', 'Withdrawn'],
  totals: ['合计', 'Totals'], shortfalls: ['未满足事项', 'Shortfalls'], none: ['无', 'none'], teachers: ['教师数', 'Teachers'],
} as const;

export function t(key: keyof typeof words): string {
  return words[key][lang.value === 'zh' ? 0 : 1];
}

export function setLang(l: 'zh' | 'en'): void {
  lang.value = l;
  localStorage.setItem('rotation-lang', l);
}

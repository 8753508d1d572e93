// A county of the "hard" shape (issue 11), made from a generated county until `generate --shape village`
// lands: many small rural receivers (5–30 teachers) with needs in most subjects, receivers about 2.5× the
// senders, a third of the teachers qualified in a second subject, needs at ~135 % of what the senders may send.
// Then the county is planned with each solver named (same process, same scenario) and the times compared.
// Run: npm run build && node bench/village.js 6000 flow,auto      Not a test: nothing here asserts on time.
import { generateScenario } from '../dist/generate/index.js';
import { countyInputs } from '../dist/engine/county.js';
import { planScenario } from '../dist/engine/plan.js';
import { loadSolver } from '../dist/engine/solvers.js';
import { eligibilityAll } from '../dist/policy/eligibility.js';
import { termOf } from '../dist/policy/term.js';
import { isReceiver, isSender } from '../dist/domain/scenario.js';

const teachers = Number(process.argv[2] ?? 6000);
const solvers = (process.argv[3] ?? 'flow,auto').split(',');
const year = 2019;
let state = 12345;
const rand = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);

export function villageCounty(teachers, seed = 7) {
  const base = generateScenario({ counties: 1, teachers, seed, year });
  const senders = base.schools.filter(isSender);
  const rurals = base.schools.filter(isReceiver);
  const template = rurals[0];
  const subjects = [...new Set(base.teachers.map((t) => t.subject))].sort();
  const schools = [...base.schools];
  const extraTeachers = [];
  const want = Math.round(senders.length * 2.5) - rurals.length;
  for (let i = 0; i < want; i++) {
    const from = rurals[i % rurals.length];
    const id = `VX${String(i + 1).padStart(4, '0')}`;
    schools.push({ ...template, school_id: id, name: `村小${i + 1}`, lat: from.lat + (rand() - 0.5) * 0.1, lon: from.lon + (rand() - 0.5) * 0.1, students: 40 + Math.floor(rand() * 200), classes: 3 + Math.floor(rand() * 6), group: rand() < 0.3 ? from.group : '' });
    const staff = 5 + Math.floor(rand() * 26);
    for (let j = 0; j < staff; j++) {
      const t = base.teachers[Math.floor(rand() * base.teachers.length)];
      extraTeachers.push({ ...t, teacher_id: `${id}T${j + 1}`, school_id: id, backbone: rand() < 0.05 ? 'county' : 'none', preferences: [] });
    }
  }
  const roster = [...base.teachers, ...extraTeachers].map((t) => (rand() < 0.33 && t.qualified_subjects.length === 0
    ? { ...t, qualified_subjects: [subjects[Math.floor(rand() * subjects.length)]].filter((k) => k !== t.subject) } : t));
  let scenario = { ...base, schools, teachers: roster };
  const term = termOf(year, scenario.policy);
  const [input] = countyInputs(scenario, term, eligibilityAll(scenario, term));
  const cap = input.senders.reduce((n, s) => n + s.cap, 0);
  const receivers = schools.filter(isReceiver);
  const posts = Math.round(cap * 1.35);
  const needs = [];
  let left = posts;
  while (left > 0) {
    for (const r of receivers) {
      for (const k of subjects) {
        if (left <= 0 || rand() > 0.08) continue;
        const row = needs.find((n) => n.school_id === r.school_id && n.subject === k);
        if (row) row.teachers++; else needs.push({ school_id: r.school_id, subject: k, teachers: 1, priority: 1 + Math.floor(rand() * 3) });
        left--;
      }
    }
  }
  scenario = { ...scenario, needs };
  return { scenario, cap, posts, senders: senders.length, receivers: receivers.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { scenario, cap, posts, senders, receivers } = villageCounty(teachers);
  console.log(`village county: ${scenario.teachers.length} teachers, ${senders} senders, ${receivers} receivers, ${scenario.needs.length} need rows, ${posts} posts against a sender cap of ${cap}`);
  const times = {};
  for (const name of solvers) {
    const solver = await loadSolver(name);
    const started = performance.now();
    const { plan, counties } = planScenario(scenario, year, { solver, timeoutMs: 600_000 });
    times[name] = performance.now() - started;
    const c = counties[0];
    console.log(`${name}: ${Math.round(times[name])} ms wall (solve ${c.solve_ms} ms, ${c.solves} solves), solver ${c.solver}, ${c.status}${c.flow_fallback ? `, fallback: ${c.flow_fallback}` : ''}; `
      + `levels ${c.levels.map((l) => l.value).join(' ')}; sent ${plan.stats.sent}, posts ${plan.stats.gaps_filled}/${plan.stats.gaps_needed}`);
  }
  if (times.flow && times.auto) console.log(`ratio auto / flow: ${(times.auto / times.flow).toFixed(1)}×`);
}

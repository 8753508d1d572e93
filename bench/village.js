// A county of the "hard" shape (issue 11), made from a generated county until `generate --shape village`
// lands: many small rural receivers (5–30 teachers) with needs in most subjects, receivers about 2.5× the
// senders, a third of the teachers qualified in a second subject, needs at ~135 % of what the senders may send.
// Then the county is planned with each solver named (same process, same scenario) and the times compared.
// Run: npm run build && node bench/village.js 6000 flow,auto      Not a test: nothing here asserts on time.
import { generateScenario } from '../dist/generate/index.js';
import { countyInputs } from '../dist/engine/county.js';
import { buildCountyModel } from '../dist/engine/model.js';
import { solveLexicographic } from '../dist/engine/lexicographic.js';
import { solveByFlow } from '../dist/engine/flow/lexicographic-flow.js';
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
  const { scenario, cap, posts, senders, receivers } = process.env.SHAPE === 'default'
    ? { scenario: generateScenario({ counties: 1, teachers, seed: 7, year }), cap: '?', posts: '?', senders: '?', receivers: '?' }
    : villageCounty(teachers);
  console.log(`${process.env.SHAPE === 'default' ? 'default-shape' : 'village'} county: ${scenario.teachers.length} teachers, ${senders} senders, ${receivers} receivers, ${scenario.needs.length} need rows, ${posts} posts against a sender cap of ${cap}`);
  // The county's solve, step by step, by each path, on the same model (the time to read, derive and build it is printed once).
  const term = termOf(year, scenario.policy);
  let t = performance.now();
  const [input] = countyInputs(scenario, term, eligibilityAll(scenario, term));
  const model = buildCountyModel(input, scenario.policy);
  console.log(`county inputs + model: ${Math.round(performance.now() - t)} ms; ${model.variables.length} columns, ${model.constraints.length} rows`);
  const times = {};
  for (const name of solvers) {
    t = performance.now();
    if (name === 'flow') {
      const answer = solveByFlow(model, scenario.policy, process.env.FLOW_MAX_NODES ? { maxNodes: Number(process.env.FLOW_MAX_NODES) } : {});
      times[name] = performance.now() - t;
      console.log(`flow: ${Math.round(times[name])} ms, ${answer.nodes} network solves, ${answer.certified ? `certified, levels ${answer.result.levelValues.map((l) => l.value).join(' ')}` : `not certified (${answer.reason})`}`);
      if (answer.certified) for (const s of answer.result.steps) console.log(`  ${String(Math.round(s.ms)).padStart(6)} ms  ${s.levels.join(' + ')}  (the plan's network solve)`);
      continue;
    }
    const loaded = await loadSolver(name);
    const solver = typeof loaded === 'function' ? loaded(model.variables.length) : loaded;
    const lex = solveLexicographic(model, model.levels, solver, 1_200_000);
    times[name] = performance.now() - t;
    console.log(`${name} (${solver.name}): ${Math.round(times[name])} ms, ${lex.status}, levels ${lex.levelValues.map((l) => l.value).join(' ')}`);
    for (const s of lex.steps) console.log(`  ${String(Math.round(s.ms)).padStart(6)} ms  ${s.answer.padEnd(12)} ${s.levels.join(' + ')}`);
  }
  if (times.flow && times.auto) console.log(`ratio auto / flow (solve only): ${(times.auto / times.flow).toFixed(2)}×`);
}

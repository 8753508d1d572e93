// The network path on one generated county: its time per level and whether the optimum is certified.
// Run: npm run build && node bench/flow-probe.js 2000,10000
import { generateScenario } from '../dist/generate/index.js';
import { countyInputs } from '../dist/engine/county.js';
import { buildCountyModel } from '../dist/engine/model.js';
import { solveByFlow } from '../dist/engine/flow/lexicographic-flow.js';
import { termOf } from '../dist/policy/term.js';
import { eligibilityAll } from '../dist/policy/eligibility.js';

for (const teachers of (process.argv[2] ?? '2000').split(',').map(Number)) {
  const scenario = generateScenario({ counties: 1, teachers, seed: Number(process.env.SEED ?? 7), year: 2019 });
  const term = termOf(2019, scenario.policy);
  let t = performance.now();
  const [input] = countyInputs(scenario, term, eligibilityAll(scenario, term));
  const model = buildCountyModel(input, scenario.policy);
  const built = performance.now() - t;
  t = performance.now();
  const answer = solveByFlow(model, scenario.policy);
  console.log(`${teachers}: built ${Math.round(built)} ms; flow ${Math.round(performance.now() - t)} ms; certified ${answer.certified} after ${answer.nodes} network solves ${answer.certified ? '' : answer.reason}`);
  if (answer.certified) for (const s of answer.result.steps) console.log(`  ${Math.round(s.ms)} ms ${s.levels[0]} ${s.objective} fixed ${s.fixedColumns}`);
}

// Where a county's solve time goes: one generated county per size, its model
// size by kind of variable, and the time of each lexicographic step.
// Run: npm run build && node bench/steps.js 700,2000,5000 [solver] [shape]   (STEPS_TIME_LIMIT: seconds, default 600)
// shape: default or village (`rotation generate --shape`). STEPS_COUNTY=<name> takes that county of the generated city. `npm run bench` prints each step's time too; this adds
// the variables by kind, the LP bound of each step and what answered it.
// Not a test: nothing here asserts on time.
import { generateScenario, generateWenzhou } from '../dist/generate/index.js';
import { applyNeedsMode } from '../dist/policy/norms.js';
import { countyInputs } from '../dist/engine/county.js';
import { buildCountyModel } from '../dist/engine/model.js';
import { solveLexicographic } from '../dist/engine/lexicographic.js';
import { loadSolver } from '../dist/engine/solvers.js';
import { termOf } from '../dist/policy/term.js';
import { eligibilityAll } from '../dist/policy/eligibility.js';

const sizes = (process.argv[2] ?? '700,2000,5000').split(',').map(Number);
const loaded = await loadSolver(process.argv[3] ?? 'auto');
const shape = process.argv[4] ?? 'default';
for (const teachers of sizes) {
  // STEPS_COUNTY=<name>: that county of the generated city (`--preset wenzhou`, needs as `plan` takes them) instead.
  const cityCounty = process.env.STEPS_COUNTY;
  const generated = cityCounty ? generateWenzhou({ seed: 7, year: 2019, shape }) : generateScenario({ counties: 1, teachers, seed: 7, year: 2019, shape });
  const scenario = cityCounty ? applyNeedsMode(generated, termOf(2019, generated.policy), 'auto').scenario : generated;
  const term = termOf(2019, scenario.policy);
  const started = performance.now();
  const inputs = countyInputs(scenario, term, eligibilityAll(scenario, term));
  const input = cityCounty ? inputs.find((x) => x.county === cityCounty) : inputs[0];
  const model = buildCountyModel(input, scenario.policy);
  const built = performance.now() - started;
  // Variables by kind: a = class × role, w = personal, z = sender flows, b/y = R5, s = posts left open, u1/u2 = R1/R2 shortfalls.
  const kinds = {};
  for (const v of model.variables) {
    const kind = v.name.startsWith('u') ? v.name.slice(0, 2) : v.name[0];
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  const solver = typeof loaded === 'function' ? loaded(model.variables.length) : loaded;
  const lex = solveLexicographic(model, model.levels, solver, Number(process.env.STEPS_TIME_LIMIT ?? 600) * 1000);
  console.log(`${teachers} teachers (${shape}): ${input.classes.length} classes, ${model.variables.length} variables ${JSON.stringify(kinds)}, `
    + `${model.constraints.length} constraints + ${model.cuts.length} valid inequalities; built in ${Math.round(built)} ms; ${solver.name} ${lex.status} in ${Math.round(lex.ms)} ms`);
  for (const step of lex.steps) {
    const lp = step.relaxation === undefined ? '' : ` (LP ${Math.round(step.relaxation.ms)} ms, bound ${step.relaxation.bound}; answer: ${step.answer})`;

    const fixed = step.fixedColumns === undefined ? '' : `; then ${step.fixedColumns} columns fixed, ${step.tightenedRows} rows tight`;
    console.log(`  ${String(Math.round(step.ms)).padStart(7)} ms  ${step.status}  ${step.levels.join(" + ")}${lp}${fixed}`);
  }
}

// Each fractional step of one generated county: the LP bound, and the MILP on the LP optimum's neighbourhood
// at depth 1, 2, … (columns within that many rows of ≤ ROW_LIMIT terms of a fractional column free, the rest
// fixed at their integral LP values): how many columns it frees, its value and time, against the step's optimum;
// and the MILP on the LP optimum's support before it.
// Run: npm run build:server && node bench/neighbourhood.js 6000 village 1,2 [ROW_LIMIT=100]
// Not a test: nothing here asserts on time.
const D = new URL('../dist', import.meta.url).href;
const { generateScenario } = await import(`${D}/generate/index.js`);
const { countyInputs } = await import(`${D}/engine/county.js`);
const { buildCountyModel } = await import(`${D}/engine/model.js`);
const { solveLexicographic } = await import(`${D}/engine/lexicographic.js`);
const H = await import(`${D}/engine/highs.js`);
const { termOf } = await import(`${D}/policy/term.js`);
const { eligibilityAll } = await import(`${D}/policy/eligibility.js`);
const { applyNeedsMode } = await import(`${D}/policy/norms.js`);
const [teachers, shape] = [Number(process.argv[2]), process.argv[3]];
const depths = (process.argv[4] ?? '1,2,3').split(',').map(Number);
const maxRow = Number(process.argv[5] ?? 100);
const gen = generateScenario({ counties: 1, teachers, seed: 7, year: 2019, shape });
const scenario = applyNeedsMode(gen, termOf(2019, gen.policy), 'auto').scenario;
const term = termOf(2019, scenario.policy);
const [input] = countyInputs(scenario, term, eligibilityAll(scenario, term));
const model = buildCountyModel(input, scenario.policy);
const hs = await H.loadHighsSolver();
const seen = [];
const lex = solveLexicographic(model, model.levels, hs, 600000, (step, m, r) => seen.push({ m, r }));
console.log('lex', Math.round(lex.ms), lex.steps.map(s => `${Math.round(s.ms)}:${s.answer}`).join(' '));
for (let k = 1; k < seen.length; k++) {
  const { m, r } = seen[k];
  const lp = hs.relax(m, { timeoutMs: 1e6 });
  const col = new Map(m.variables.map((v, j) => [v.name, j]));
  const rowsOf = new Map();
  m.constraints.forEach((c, i) => { if (c.terms.size <= maxRow) for (const n of c.terms.keys()) { const l = rowsOf.get(n); if (l) l.push(i); else rowsOf.set(n, [i]); } });
  const support = hs.solve({ ...m, variables: m.variables.map((v, j) => (v.upper !== 0 && Math.abs(lp.values[j]) <= 1e-9 ? { ...v, upper: 0 } : v)) }, { timeoutMs: 1e6 });
  console.log(`step ${k + 1}: support MILP ${support.status} ${support.objective} in ${Math.round(support.ms)} ms`);
  const frac = m.variables.filter((v, j) => v.integer && Math.abs(lp.values[j] - Math.round(lp.values[j])) > 1e-9).map(v => v.name);
  for (const depth of depths) {
    const t0 = performance.now();
    const free = new Set(frac);
    let frontier = [...frac];
    for (let d = 0; d < depth; d++) {
      const next = [];
      for (const n of frontier) for (const i of rowsOf.get(n) ?? []) for (const x of m.constraints[i].terms.keys()) if (!free.has(x)) { free.add(x); next.push(x); }
      frontier = next;
    }
    const pins = [];
    const variables = m.variables.map((v, j) => {
      if (free.has(v.name) || v.upper === 0) return v;
      const x = Math.round(lp.values[j]);
      if (x === 0) return { ...v, upper: 0 };
      pins.push({ name: `pin_${v.name}`, terms: new Map([[v.name, 1]]), min: x, max: x });
      return v;
    });
    const sub = hs.solve({ ...m, variables, constraints: [...m.constraints, ...pins] }, { timeoutMs: 1e6 });
    console.log(`step ${k + 1}: LP ${Math.round(lp.ms)} ms bound ${lp.objective}; ${frac.length} fractional; depth ${depth}: ${free.size} free: ${sub.status} ${sub.objective} in ${Math.round(performance.now() - t0)} ms; step optimum ${r.objective}`);
  }
}

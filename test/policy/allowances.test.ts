import fc from 'fast-check';
import { addDays, addMonths, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { policySchema } from '../../src/domain/policy.js';
import { parsePolicy } from '../../src/io/read/policy-file.js';
import { allowancesFor, allowanceTotals } from '../../src/policy/allowances.js';
import { monthSlices, monthsServed, periodFen } from '../../src/policy/pay-period.js';
import { assignment, plan, scenario, school, teacher } from '../report/fixture.js';

const day = (iso: string, n: number) => format(addDays(parseISO(iso), n), 'yyyy-MM-dd');
const fen = (yuan: number) => Math.round(yuan * 100);

/** One urban sender, receivers of tier 0 (weak urban) to 3, one teacher sent with the given dates. */
function oneRotation(tier: number, dates: { start_date: string; end_date: string }, policy: unknown = {}) {
  const s = scenario({
    policy,
    schools: [school({ school_id: 'U1' }), school({ school_id: 'R', area: tier === 0 ? 'urban' : 'rural', weak: tier === 0, tier })],
    teachers: [teacher({ teacher_id: 'T1', school_id: 'U1' })],
  });
  const p = plan({ assignments: [assignment({ teacher_id: 'T1', from_school: 'U1', to_school: 'R', ...dates })] });
  return allowancesFor(s, p);
}

describe('allowances by example (四(二)1 三)', () => {
  it('a rotation 2019-09-01 … 2020-08-31 at tier 2 is 12 whole months at the tier-2 rates', () => {
    const [row, ...rest] = oneRotation(2, { start_date: '2019-09-01', end_date: '2020-08-31' });
    expect(rest).toEqual([]);
    expect(row).toEqual({
      teacher_id: 'T1', school_id: 'R', tier: 2, rotated: true, months: 12, monthly: 500 + 500 + 250 + 200,
      items: { 乡村教师生活补助: 6000, 交流轮岗补贴: 6000, 乡镇工作补贴: 3000, 特岗津贴: 2400 }, total: 17400,
    });
  });

  it('a rotation from 2019-09-16 pays September 15/30 with pro_rata, nothing for it with whole_months', () => {
    const dates = { start_date: '2019-09-16', end_date: '2020-08-31' };
    const [pro] = oneRotation(2, dates);
    expect(pro!.months).toBe(11.5);
    expect(pro!.items['乡村教师生活补助']).toBe(500 * 11 + 250);
    expect(pro!.items['特岗津贴']).toBe(200 * 11 + 100);
    expect(pro!.total).toBe(1450 * 11.5);
    const [whole] = oneRotation(2, dates, { allowances: { part_month: 'whole_months' } });
    expect(whole!.months).toBe(11.5);
    expect(whole!.items['乡村教师生活补助']).toBe(500 * 11);
    expect(whole!.total).toBe(1450 * 11);
  });

  it('February of a leap year: 29 days are the whole month; 15 of them pay 15/29', () => {
    expect(periodFen(30000, monthSlices('2020-02-01', '2020-02-29'), 'pro_rata')).toBe(30000);
    expect(periodFen(30000, monthSlices('2019-02-01', '2019-02-28'), 'pro_rata')).toBe(30000);
    expect(periodFen(30000, monthSlices('2020-02-01', '2020-02-28'), 'whole_months')).toBe(0);
    const [row] = oneRotation(1, { start_date: '2019-09-01', end_date: '2020-02-15' });
    expect(row!.months).toBe(5.52); // 5 + 15/29
    expect(row!.items['乡村教师生活补助']).toBe(300 * 5 + 155.17); // 300 × 15/29 = 155.172…
    expect(row!.items['交流轮岗补贴']).toBe(400 * 5 + 206.9); // 400 × 15/29 = 206.896…
  });

  it('a weak urban receiver (tier 0) pays only the rotation subsidy, at its tier-0 amount', () => {
    const [row] = oneRotation(0, { start_date: '2019-09-01', end_date: '2020-08-31' });
    expect(row).toMatchObject({ tier: 0, rotated: true, monthly: 0, total: 0, items: { 交流轮岗补贴: 0 } });
  });

  it('residents of tier ≥ 1 schools are paid for the days they serve there; tier 0 residents are not listed', () => {
    const s = scenario({
      schools: [
        school({ school_id: 'U1' }), school({ school_id: 'TOWN', area: 'town', tier: 1 }),
        school({ school_id: 'R1', area: 'rural', tier: 1 }), school({ school_id: 'R3', area: 'rural', tier: 3 }),
      ],
      teachers: [
        teacher({ teacher_id: 'home', school_id: 'R1' }),
        teacher({ teacher_id: 'back', school_id: 'R1' }), // away on a running rotation until the end of 2019
        teacher({ teacher_id: 'away', school_id: 'U1' }), // running rotation to R3 until 2020-01-31
        teacher({ teacher_id: 'sent', school_id: 'TOWN' }), // a town school of tier 1 that sends, sent by this plan
        teacher({ teacher_id: 'urban', school_id: 'U1' }),
      ],
      history: [
        { teacher_id: 'back', from_school: 'R1', to_school: 'U1', start_date: '2018-09-01', end_date: '2019-12-31' },
        { teacher_id: 'away', from_school: 'U1', to_school: 'R3', start_date: '2018-02-01', end_date: '2020-01-31' },
      ],
    });
    const p = plan({ assignments: [assignment({ teacher_id: 'sent', from_school: 'TOWN', to_school: 'R3' })] });
    const rows = allowancesFor(s, p);
    expect(rows.map((r) => [r.teacher_id, r.school_id, r.months, r.rotated, r.total])).toEqual([
      ['back', 'R1', 8, false, 8 * 500],
      ['home', 'R1', 12, false, 12 * 500],
      ['away', 'R3', 5, true, 5 * (800 + 600 + 300 + 400)],
      ['sent', 'R3', 12, true, 12 * 2100],
      ['back', 'U1', 4, true, 0],
    ].sort((a, b) => String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0]))));
    expect(rows.find((r) => r.teacher_id === 'back' && r.school_id === 'U1')!.items).toEqual({ 交流轮岗补贴: 0 });
  });

  it('a policy where a harder tier pays less is rejected, naming the item', () => {
    const bad = policySchema.safeParse({ allowances: { items: [{ key: 'x', name: '山区津贴', monthly: [0, 500, 400, 600], applies_to: 'rotated' }] } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/山区津贴.*第2档 400 元低于第1档 500 元/);
    expect(bad.error!.issues[0]!.path).toEqual(['allowances', 'items', 0, 'monthly', 2]);
  });

  it('policy.json with a harder tier paying less is an InputError naming policy.json, the key path and the item', () => {
    const raw = { allowances: { items: [{ key: 'rural_living', name: '乡村教师生活补助', monthly: [0, 300, 200, 800], applies_to: 'rural_staff' }] } };
    expect(() => parsePolicy(raw, 'policy.json')).toThrow(InputError);
    try {
      parsePolicy(raw, 'policy.json');
    } catch (err) {
      expect((err as InputError).problems).toEqual([expect.objectContaining({ file: 'policy.json', column: 'allowances.items.0.monthly.2' })]);
      expect((err as InputError).problems[0]!.message).toContain('allowance "rural_living" (乡村教师生活补助) pays 200 at tier 2, less than 300 at tier 1');
    }
  });

  it('an amount at a tier the item never pays is rejected; so are duplicate names', () => {
    const items = [{ key: 'sp', name: '特岗', monthly: [0, 100, 200, 300], applies_to: 'special_post' }];
    expect(policySchema.safeParse({ allowances: { items } }).error?.issues[0]?.message).toMatch(/tier-1 amount is never paid/);
    const twice = [{ key: 'a', name: '同名', monthly: [0, 1, 2, 3], applies_to: 'rotated' }, { key: 'b', name: '同名', monthly: [0, 1, 2, 3], applies_to: 'rotated' }];
    expect(policySchema.safeParse({ allowances: { items: twice } }).error?.issues[0]?.message).toMatch(/duplicate allowance name "同名"/);
  });
});

const isoDay = fc.integer({ min: 0, max: 4 * 366 }).map((n) => day('2018-01-01', n));

describe('allowances by property', () => {
  it('a period split in two at any day pays the same as the whole, to the cent (pro_rata)', () => {
    fc.assert(fc.property(isoDay, fc.integer({ min: 1, max: 800 }), fc.nat(), fc.integer({ min: 0, max: 200_000 }), (from, length, at, rate) => {
      const to = day(from, length);
      const split = day(from, at % length); // last day of the first part
      const whole = periodFen(rate, monthSlices(from, to), 'pro_rata');
      const parts = periodFen(rate, monthSlices(from, split), 'pro_rata') + periodFen(rate, monthSlices(day(split, 1), to), 'pro_rata');
      expect(parts).toBe(whole);
      const months = monthsServed(monthSlices(from, split)) + monthsServed(monthSlices(day(split, 1), to));
      expect(months).toBeCloseTo(monthsServed(monthSlices(from, to)), 9);
    }));
  });

  it('with whole_months, a split at a month boundary pays the same as the whole', () => {
    const monthStart = (n: number) => format(addMonths(parseISO('2018-01-01'), n), 'yyyy-MM-dd');
    fc.assert(fc.property(fc.nat(48), fc.integer({ min: 2, max: 30 }), fc.nat(), fc.integer({ min: 0, max: 200_000 }), (first, length, at, rate) => {
      const from = monthStart(first);
      const to = day(monthStart(first + length), -1);
      const cut = day(monthStart(first + 1 + (at % (length - 1))), -1); // the last day of a month inside the period
      const whole = periodFen(rate, monthSlices(from, to), 'whole_months');
      expect(whole).toBe(rate * length);
      expect(periodFen(rate, monthSlices(from, cut), 'whole_months') + periodFen(rate, monthSlices(day(cut, 1), to), 'whole_months')).toBe(whole);
    }));
  });

  const tierRates = fc.tuple(fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.nat(1000)).map((steps) => {
    let sum = 0;
    return steps.map((s) => (sum += s)) as [number, number, number, number];
  });
  const periodArb = fc.tuple(isoDay, fc.integer({ min: 0, max: 500 })).map(([from, n]) => ({ start_date: from, end_date: day(from, n) }));

  it('a higher tier never pays less (whole-yuan monthly amounts, any period, both part-month rules)', () => {
    fc.assert(fc.property(tierRates, tierRates, periodArb, fc.constantFrom('pro_rata', 'whole_months'), (a, b, dates, part_month) => {
      const policy = { allowances: { part_month, items: [
        { key: 'a', name: 'A', monthly: a, applies_to: 'rotated' },
        { key: 'b', name: 'B', monthly: [0, ...b.slice(1)], applies_to: 'rural_staff' },
      ] } };
      const totals = [0, 1, 2, 3].map((tier) => oneRotation(tier, dates, policy)[0]!);
      for (let t = 1; t < 4; t++) {
        expect(totals[t]!.total).toBeGreaterThanOrEqual(totals[t - 1]!.total);
        for (const name of Object.keys(totals[t - 1]!.items)) expect(totals[t]!.items[name]).toBeGreaterThanOrEqual(totals[t - 1]!.items[name]!);
      }
    }));
  });

  it('totals equal the sum of the rows: per row, per school, per county, overall', () => {
    const schools = [
      school({ school_id: 'U1', county: 'A' }), school({ school_id: 'U2', county: 'B' }),
      school({ school_id: 'R1', county: 'A', area: 'rural', tier: 1 }), school({ school_id: 'R2', county: 'A', area: 'rural', tier: 2 }),
      school({ school_id: 'R3', county: 'B', area: 'rural', tier: 3 }), school({ school_id: 'W', county: 'B', weak: true }),
    ];
    const teacherArb = fc.record({ home: fc.constantFrom('U1', 'U2', 'R1', 'R2', 'R3'), to: fc.option(fc.constantFrom('R1', 'R2', 'R3', 'W')), dates: periodArb });
    fc.assert(fc.property(fc.array(teacherArb, { maxLength: 25 }), (list) => {
      const teachers = list.map((t, i) => teacher({ teacher_id: `T${String(i).padStart(3, '0')}`, school_id: t.home }));
      const s = scenario({ schools, teachers });
      const assignments = list.flatMap((t, i) => (t.to === null ? [] : [assignment({ teacher_id: teachers[i]!.teacher_id, from_school: t.home, to_school: t.to, ...t.dates })]));
      const rows = allowancesFor(s, plan({ assignments }));
      for (const r of rows) expect(fen(r.total)).toBe(Object.values(r.items).reduce((x, v) => x + fen(v), 0));
      const totals = allowanceTotals(rows, s);
      const sumFen = (xs: readonly { total: number }[]) => xs.reduce((x, r) => x + fen(r.total), 0);
      expect(fen(totals.all.total)).toBe(sumFen(rows));
      expect(sumFen(totals.schools)).toBe(sumFen(rows));
      expect(sumFen(totals.counties)).toBe(sumFen(rows));
      expect(totals.schools.reduce((n, x) => n + x.teachers, 0)).toBe(rows.length);
      for (const c of totals.counties) {
        const inCounty = rows.filter((r) => schools.find((x) => x.school_id === r.school_id)!.county === c.county);
        expect(fen(c.total)).toBe(sumFen(inCounty));
        for (const [name, v] of Object.entries(c.items)) expect(fen(v)).toBe(inCounty.reduce((x, r) => x + fen(r.items[name] ?? 0), 0));
      }
    }));
  });
});

describe('pay period edge cases', () => {
  it('one day pays that day’s share; a period inside one month is one slice', () => {
    expect(monthSlices('2019-09-16', '2019-09-16')).toEqual([{ month: '2019-09', firstDay: 16, lastDay: 16, daysInMonth: 30 }]);
    expect(periodFen(3000, monthSlices('2019-09-16', '2019-09-16'), 'pro_rata')).toBe(100);
  });
});

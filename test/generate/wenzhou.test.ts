import { describe, expect, it } from 'vitest';
import { isReceiver } from '../../src/domain/scenario.js';
import { generateWenzhou } from '../../src/generate/index.js';
import { groupBy } from '../../src/policy/eligibility.js';

const COUNTIES = ['鹿城区', '龙湾区', '瓯海区', '洞头区', '瑞安市', '乐清市', '永嘉县', '平阳县', '苍南县', '文成县', '泰顺县'];
const within = (value: number, target: number, tolerance: number) => Math.abs(value - target) <= target * tolerance;

describe('--preset wenzhou: the city at its 2018 size', () => {
  const s = generateWenzhou({ seed: 2018, year: 2019 });
  const byCounty = groupBy(s.schools, (x) => x.county);
  const ruralShare = (county: string) => byCounty.get(county)!.filter((x) => x.area === 'rural').length / byCounty.get(county)!.length;

  it('11 counties, ~901 schools (562 primary), ~58 400 teachers', () => {
    expect([...byCounty.keys()]).toEqual(COUNTIES);
    expect(within(s.schools.length, 901, 0.03)).toBe(true);
    expect(within(s.teachers.length, 58_400, 0.03)).toBe(true);
    expect(within(s.schools.filter((x) => x.stage === 'primary').length, 562, 0.03)).toBe(true);
    expect(s.schools.some((x) => x.stage === 'nine_year')).toBe(true);
  });
  it('schools and teachers split by population: 苍南 and 乐清 largest, 洞头 smallest', () => {
    const teachers = groupBy(s.teachers, (t) => t.school_id.slice(0, 2));
    const size = (code: string) => teachers.get(code)!.length;
    expect(size('CN')).toBeGreaterThan(size('LC'));
    expect(size('YQ')).toBeGreaterThan(size('WC'));
    expect(Math.min(...['LC', 'LW', 'OH', 'RA', 'YQ', 'YJ', 'PY', 'CN', 'WC', 'TS'].map(size))).toBeGreaterThan(size('DT'));
  });
  it('文成, 泰顺, 永嘉, 洞头 are the most rural; 洞头 rural schools are islands (tier 3)', () => {
    const rural = ['文成县', '泰顺县', '永嘉县', '洞头区'];
    const others = COUNTIES.filter((c) => !rural.includes(c));
    expect(Math.min(...rural.map(ruralShare))).toBeGreaterThan(Math.max(...others.map(ruralShare)));
    const dongtou = byCounty.get('洞头区')!.filter((x) => x.area === 'rural');
    expect(dongtou.every((x) => x.tier === 3)).toBe(true);
    const tier3 = (c: string) => byCounty.get(c)!.filter((x) => x.tier === 3).length / byCounty.get(c)!.filter((x) => x.area === 'rural').length;
    expect(tier3('泰顺县')).toBeGreaterThan(tier3('鹿城区'));
  });
  it('every county has receivers and needs', () => {
    const needs = groupBy(s.needs, (x) => x.school_id.slice(0, 2));
    for (const [, local] of byCounty) expect(local.some(isReceiver)).toBe(true);
    expect(needs.size).toBe(11);
  });
  it('scale shrinks it proportionally', () => {
    const small = generateWenzhou({ seed: 2018, year: 2019, scale: 0.1 });
    expect(within(small.teachers.length, 5840, 0.03)).toBe(true);
    expect(within(small.schools.length, 90, 0.1)).toBe(true);
  });
});

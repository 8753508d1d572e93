import { describe, expect, it } from 'vitest';
import type { CountyStats } from '../../src/engine/plan.js';
import { progress } from '../../src/cli/progress.js';

const stats = (county: string, teachers: number): CountyStats => ({
  county, teachers, classes: 10, variables: 4210, constraints: 900, nonzeros: 5000, solves: 3, solve_ms: 812, status: 'optimal', solver: 'highs', levels: [], mip_gap: 0,
});

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, write: (t: string) => written.push(t), written };
}

describe('progress on stderr', () => {
  it('not a terminal: one line per county with teachers, variables, status and time', () => {
    const s = stream(false);
    const p = progress(s, { quiet: false });
    p.county('瑞安市', 3, 11, stats('瑞安市', 6012));
    p.end();
    expect(s.written).toEqual(['[3/11] 瑞安市: 6,012 teachers, 4,210 variables, optimal, 812 ms\n']);
  });

  it('a terminal: one line redrawn with \\r — a bar, county i/n, its name, seconds elapsed — ended by a newline', () => {
    const s = stream(true);
    let t = 0;
    const p = progress(s, { quiet: false, label: '2019 ', now: () => t });
    p.start(2);
    expect(s.written.shift()).toBe(`\r\x1b[K2019 [${'░'.repeat(20)}] 0/2 0.0 s`);
    t = 1500;
    p.county('鹿城区', 1, 2, stats('鹿城区', 100));
    t = 3000;
    p.county('瓯海区', 2, 2, stats('瓯海区', 100));
    p.end();
    expect(s.written[0]).toBe(`\r\x1b[K2019 [${'█'.repeat(10)}${'░'.repeat(10)}] 1/2 鹿城区 1.5 s`);
    expect(s.written[1]).toBe(`\r\x1b[K2019 [${'█'.repeat(20)}] 2/2 瓯海区 3.0 s`);
    expect(s.written[2]).toBe('\n');
  });

  it('--quiet: nothing at all', () => {
    const s = stream(true);
    const p = progress(s, { quiet: true });
    p.start(1);
    p.county('鹿城区', 1, 1, stats('鹿城区', 1));
    p.end();
    expect(s.written).toEqual([]);
  });
});

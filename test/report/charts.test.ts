import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planSheets } from '../../src/io/export/plan-sheets.js';
import { sheetsWorkbookBuffer } from '../../src/io/export/workbook.js';
import { renderCharts, chartSvg, woffToSfnt } from '../../src/report/chart-render.js';
import { balanceChartOption, gapsChartOption, yearsChartOption } from '../../src/report/charts.js';
import { planReport } from '../../src/report/plan-report.js';
import { sampleScenario, samplePlan } from './sample.js';
import { deflateSync } from 'node:zlib';

const row = { county: '鹿城区', stage: 'primary', indicator: 'backbone', schools: 3, students: 900, per_100_before: 1, per_100_after: 1, before: 0.358, after: 1.359, limit: 0.5, target: 0.3, within: false, meets_target: false } as const;

describe('chart options (shared with the review page)', () => {
  it('均衡: before and after per stage and indicator, lines at the Wenzhou target and the national limit, words in the language asked', () => {
    const zh = balanceChartOption([row], 'zh') as { series: { name: string; data: unknown[]; markLine?: { data: { yAxis: number }[] } }[]; xAxis: { data: string[] } };
    expect(zh.series.map((s) => [s.name, s.data])).toEqual([['轮岗前', [0.358]], ['轮岗后', [1.359]]]);
    expect(zh.series[0]!.markLine!.data.map((d) => d.yAxis)).toEqual([0.3, 0.5]);
    expect(zh.xAxis.data).toEqual(['小学县级以上骨干']);
    expect(JSON.stringify(balanceChartOption([row], 'en'))).not.toMatch(/[\u4e00-\u9fff]/); // county name aside, which one county leaves out
  });
  it('学科缺口 and the years chart carry the numbers given', () => {
    const g = gapsChartOption([{ name: '西岸学校', needed: 3, filled: 2 }], 'zh') as { series: { data: number[] }[] };
    expect(g.series.map((s) => s.data)).toEqual([[3], [2]]);
    const y = yearsChartOption([{ year: 2018, eligible: 50, sent: 5, gaps_needed: 6, gaps_filled: 5 }], 0.1, 'en') as { series: { data: number[] }[] };
    expect(y.series.map((s) => s.data)).toEqual([[6], [5], [10]]);
  });
  it('SSR draws SVG text with the Chinese words', async () => {
    const svg = await chartSvg(gapsChartOption([{ name: '西岸学校', needed: 3, filled: 2 }], 'zh'), 600, 300);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('西岸学校');
  });
});

describe('chart pictures', () => {
  it('a WOFF font unwraps to its sfnt tables (stored and zlib-compressed)', () => {
    const tables = [['cmap', Buffer.from('abcdefgh')], ['head', Buffer.alloc(60, 7)]] as const;
    const header = Buffer.alloc(44);
    header.write('wOFF', 0, 'latin1');
    header.writeUInt32BE(0x00010000, 4);
    header.writeUInt16BE(2, 12);
    const dir = Buffer.alloc(40);
    const bodies: Buffer[] = [];
    let offset = 44 + 40;
    tables.forEach(([tag, data], i) => {
      const packed = i === 1 ? deflateSync(data) : data;
      dir.write(tag, i * 20, 'latin1');
      dir.writeUInt32BE(offset, i * 20 + 4);
      dir.writeUInt32BE(packed.length, i * 20 + 8);
      dir.writeUInt32BE(data.length, i * 20 + 12);
      bodies.push(packed);
      offset += packed.length;
    });
    const sfnt = woffToSfnt(Buffer.concat([header, dir, ...bodies]));
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    expect(sfnt.readUInt16BE(4)).toBe(2);
    expect(sfnt.toString('latin1', 12, 16)).toBe('cmap');
    const headAt = sfnt.readUInt32BE(12 + 16 + 8); // second table record's offset
    expect(sfnt.subarray(headAt, headAt + 60)).toEqual(Buffer.alloc(60, 7));
  });

  it('without the native renderer the workbook is still written, without pictures, and a warning says so', async () => {
    const scenario = sampleScenario();
    const plan = samplePlan(scenario);
    const sheets = planSheets({ scenario, plan, report: planReport(scenario, plan) }, 'zh');
    expect(sheets.some((s) => (s.charts ?? []).length > 0)).toBe(true);
    const warnings: string[] = [];
    const missing = () => Promise.reject(new Error("Cannot find module '@resvg/resvg-js-win32-x64-msvc'"));
    const buffer = await sheetsWorkbookBuffer(sheets, 'zh', '2019-09-01', { onWarning: (m) => warnings.push(m), drawCharts: (specs) => renderCharts(specs, missing) });
    expect(warnings).toEqual([expect.stringMatching(/^图表未能生成.*resvg-js-win32-x64-msvc/)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.getImages().length)).toEqual(wb.worksheets.map(() => 0));
    expect(wb.getWorksheet('均衡')).toBeDefined();
  });
});

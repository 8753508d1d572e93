/**
 * Charts as PNG pictures for the workbooks (exceljs cannot write native
 * charts): ECharts' server-side rendering draws the option as SVG, resvg
 * (a native module with prebuilt binaries for Windows, macOS and Linux)
 * turns it into a PNG. The text is set in Noto Sans SC from the
 * @fontsource/noto-sans-sc package, so Chinese renders on a machine with no
 * CJK font installed.
 *
 * When the native module or the font cannot be loaded, `renderCharts`
 * returns no pictures and a warning: the workbook is written without them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { CHART_FONT, type ChartOption, type ChartSpec } from './charts.js';

const require = createRequire(import.meta.url);

/** A chart drawn as a PNG. */
export interface ChartPicture {
  readonly key: string;
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/**
 * A WOFF 1.0 font as the plain TrueType/OpenType (sfnt) file it wraps: each
 * table is zlib-inflated when stored compressed, the table directory rebuilt.
 * resvg reads sfnt only; the font package ships WOFF.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const tag = woff.readUInt32BE(at);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error('WOFF table of the wrong length');
    return { tag, checksum, data };
  });
  const pad4 = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + numTables * 16;
  const size = tables.reduce((n, t) => n + pad4(t.data.length), headerSize);
  const out = Buffer.alloc(size);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += pad4(t.data.length);
  });
  return out;
}

const fontDir = () => dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
let slices: { file: string; ranges: [number, number][] }[] | undefined;
const decoded = new Map<string, Buffer>();

/** The font package's unicode-range slices of Noto Sans SC regular: file and code-point ranges. */
function fontSlices(): { file: string; ranges: [number, number][] }[] {
  if (slices !== undefined) return slices;
  const map = JSON.parse(readFileSync(join(fontDir(), 'unicode.json'), 'utf8')) as Record<string, string>;
  slices = Object.entries(map).map(([key, ranges]) => ({
    file: `noto-sans-sc-${key.replace(/^\[(\d+)\]$/, '$1')}-400-normal.woff`,
    ranges: ranges.split(',').map((r): [number, number] => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    }),
  }));
  return slices;
}

/**
 * Noto Sans SC regular as sfnt buffers: only the slices that hold a character
 * of `text` (the package splits the font by unicode range; loading the ~100
 * slices a chart does not use would triple its drawing time). Each slice is
 * decoded once.
 */
function chartFonts(text: string): Buffer[] {
  const points = new Set<number>();
  for (const ch of text) points.add(ch.codePointAt(0)!);
  const wanted = fontSlices().filter((s) => [...points].some((p) => s.ranges.some(([a, b]) => p >= a && p <= b)));
  if (wanted.length === 0) throw new Error('the font package has no slice for the chart text');
  return wanted.map((s) => {
    let font = decoded.get(s.file);
    if (font === undefined) {
      font = woffToSfnt(readFileSync(join(fontDir(), 'files', s.file)));
      decoded.set(s.file, font);
    }
    return font;
  });
}

type EChartsModule = {
  init: (dom: null, theme: null, opts: { renderer: 'svg'; ssr: true; width: number; height: number }) => {
    setOption: (o: ChartOption) => void; renderToSVGString: () => string; dispose: () => void;
  };
};

/** The chart as SVG text (ECharts server-side rendering). */
export async function chartSvg(option: ChartOption, width: number, height: number): Promise<string> {
  const echarts = await import('echarts') as unknown as EChartsModule;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

type ResvgModule = {
  Resvg: new (svg: string, opts: object) => { render: () => { asPng: () => Buffer } };
};

/** The chart as a PNG of width × height pixels. Throws when resvg or the font cannot be loaded. */
async function chartPng(option: ChartOption, width: number, height: number): Promise<Buffer> {
  const svg = await chartSvg(option, width, height);
  const { Resvg } = await import('@resvg/resvg-js') as unknown as ResvgModule;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontBuffers: chartFonts(svg), defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  });
  return Buffer.from(resvg.render().asPng());
}

/**
 * Every chart as a picture. When rendering fails (the native module is
 * missing on this platform, the font package is absent), no pictures and a
 * warning saying why: the caller writes the workbook without them.
 */
export async function renderCharts(specs: readonly ChartSpec[], draw: typeof chartPng = chartPng): Promise<{ pictures: ChartPicture[]; warning: string | null }> {
  const pictures: ChartPicture[] = [];
  try {
    for (const s of specs) pictures.push({ key: s.key, png: await draw(s.option, s.width, s.height), width: s.width, height: s.height });
    return { pictures, warning: null };
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { pictures: [], warning: `图表未能生成，工作簿中不含图表 / charts could not be drawn, the workbook has none: ${why}` };
  }
}

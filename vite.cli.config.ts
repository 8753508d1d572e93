/**
 * Bundles the `rotation` command line into dist/cli/ after tsc has emitted dist/ (`npm run build`,
 * `npm run build:server`): Node then loads a handful of files instead of some 220 (docs/benchmarks-shapes.md,
 * "Start-up"). dist/cli/main.js (the `bin`) is the bundle's entry; tsc's own dist/cli/*.js stay beside it, unused
 * by it, and the library (dist/index.js) is tsc's output as before.
 *
 * - Code splitting keeps what each command loads as before: `--help` loads main.js and the `cli` chunk (what
 *   src/cli/cli.ts imports, yargs included), `validate` adds the `scenario` chunk (what validate.ts imports:
 *   reading and checking a scenario, zod, date-fns, csv-parse) and its own chunk; the engine, the checker, the
 *   generator, the workbook code and the server stay in chunks of their own, loaded by the dynamic imports of the
 *   commands that use them. test/cli/start-fast.test.ts checks what each command loads through the source maps.
 * - Bundled in: our sources and the pure-ESM packages they import (yargs with its helpers, zod, date-fns,
 *   csv-parse, csv-stringify). Left to node_modules (EXTERNAL): packages that find files of their own at run time
 *   (highs and glpk.js their WebAssembly, @resvg/resvg-js its native binary, echarts, exceljs, fastify), CommonJS
 *   iconv-lite, and javascript-lp-solver. yargs still reads its locale files from node_modules (yargsShimPath).
 * - Every chunk is written to dist/cli/ itself, so a `new URL(…, import.meta.url)` means what it meant from tsc's
 *   output one folder below dist/: '../../package.json', '../web' (serve), and the worker files, which are entries
 *   here: plan-worker.js (engine/parallel.ts) and plan-job.js (server/plan-job.ts).
 * - Vite builds with rolldown, the same tool as the review page's build, so `npm ci` needs nothing new: rolldown
 *   ships prebuilt binaries for Windows, macOS and Linux and a WebAssembly build for the rest.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const OUT = fileURLToPath(new URL('./dist/cli', import.meta.url));
const source = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));
/** A path with forward slashes: the bundler may spell a Windows path either way. */
const slashed = (path: string) => path.replaceAll('\\', '/');

/** Packages imported from node_modules at run time (see above); the rest is bundled. */
const EXTERNAL = ['exceljs', 'highs', 'glpk.js', 'javascript-lp-solver', '@resvg/resvg-js', 'echarts', 'fastify', 'iconv-lite'];

/**
 * yargs finds its locales (our --help is zh_CN) and the package.json it reads its settings from by the path of its
 * own platform shim (lib/platform-shims/esm.mjs). Bundled, that path would be the chunk's; this points it back at
 * the installed yargs, so yargs behaves as it does unbundled (and the build fails if a new yargs changed the line).
 */
function yargsShimPath(): Plugin {
  const line = 'const __dirname = fileURLToPath(import.meta.url);';
  return {
    name: 'rotation:yargs-shim-path',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/.test(id)) return null;
      if (!code.includes(line)) throw new Error(`yargs' ${id} no longer has the line «${line}»: see vite.cli.config.ts`);
      // The same line, only longer: the source map stays right (map: null keeps it).
      return { code: code.replace(line, "const __dirname = fileURLToPath(new URL('./lib/platform-shims/esm.mjs', import.meta.resolve('yargs')));"), map: null };
    },
  };
}

/**
 * Puts src/cli/fast-string-width.ts in front of every copy of string-width (yargs and cliui measure their help
 * screens with it; see that file), and makes what a copy costs to load lazy, made when the exact path first needs
 * it: its Intl.Segmenter (some 14 ms) and string-width 8's /^\p{RGI_Emoji}$/v (V8 checks a regular expression
 * literal when it compiles the file: some 16 ms, even inside a function). Each rewrite keeps its line, so lines
 * before the end keep their numbers; the build fails if a new string-width changed what is rewritten.
 */
export function fastStringWidth(): Plugin {
  const must = (code: string, id: string, text: string) => {
    if (!code.includes(text)) throw new Error(`${id} no longer has «${text}»: see vite.cli.config.ts`);
  };
  return {
    name: 'rotation:fast-string-width',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]string-width[\\/]index\.js$/.test(id)) return null;
      for (const text of ['const segmenter = new Intl.Segmenter();', 'export default function stringWidth(', "from 'get-east-asian-width';"]) must(code, id, text);
      let patched = code
        .replace('const segmenter = new Intl.Segmenter();', () => 'let segmenterMade; const segmenter = { segment: (text) => (segmenterMade ??= new Intl.Segmenter()).segment(text) };')
        .replace('export default function stringWidth(', () => 'function exactStringWidth(');
      if (code.includes('rgiEmojiRegex')) {
        const uses = code.split('rgiEmojiRegex').length - 1;
        must(code, id, 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;');
        if (code.split('rgiEmojiRegex.test(').length - 1 !== uses - 1) throw new Error(`${id} uses rgiEmojiRegex other than by .test(): see vite.cli.config.ts`);
        patched = patched.replace('const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', () =>
          "let rgiEmojiMade; const rgiEmojiRegex = { test: (text) => (rgiEmojiMade ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };");
      }
      return {
        code: `${patched}
export default function stringWidth(string, options) {
\treturn simpleWidth(string, options, eastAsianWidth) ?? exactStringWidth(string, options);
}
import { simpleWidth } from ${JSON.stringify(slashed(source('cli/fast-string-width.ts')))};
`,
        map: null,
      };
    },
  };
}

/**
 * Removes the chunks of earlier builds that this one did not write (their names carry a content hash), after
 * writing: the tests rebuild while other tests run the command line, and a chunk this build writes again keeps
 * its name, so it is never missing. tsc's files beside them stay.
 */
function removeOldChunks(): Plugin {
  return {
    name: 'rotation:remove-old-chunks',
    writeBundle(_options, bundle) {
      for (const name of readdirSync(OUT)) {
        if (/^chunk-.*\.js(\.map)?$/.test(name) && !(name in bundle)) rmSync(join(OUT, name), { force: true });
      }
    },
  };
}

interface Graph { getModuleInfo(id: string): { importedIds: readonly string[] } | null }

/** Every module `from` imports statically, directly or not (dynamic imports are where chunks may split). */
function staticClosure(graph: Graph, from: string): Set<string> {
  const seen = new Set<string>();
  // The bundler's id of `from` (on Windows it may spell the path with forward slashes).
  const todo = [[from, slashed(from)].find((id) => graph.getModuleInfo(id) !== null) ?? from];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/** The named chunks: `cli` what every command loads (cli.ts's imports); `scenario` what `validate` adds (shared by most commands). */
let layers: { graph: Graph; cli: Set<string>; scenario: Set<string> } | undefined;
function chunkOf(id: string, graph: Graph): string | null {
  if (layers?.graph !== graph) {
    // Not cli.ts itself: its body awaits the command's chunk, which imports this chunk (a cycle would deadlock).
    const main = source('cli/cli.ts');
    const cli = new Set([...staticClosure(graph, main)].filter((m) => slashed(m) !== slashed(main)));
    const validate = source('cli/validate.ts');
    const scenario = new Set([...staticClosure(graph, validate)].filter((m) => slashed(m) !== slashed(validate) && !cli.has(m)));
    layers = { graph, cli, scenario };
  }
  if (layers.cli.has(id)) return 'cli';
  if (layers.scenario.has(id)) return 'scenario';
  return null;
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'warn',
  plugins: [removeOldChunks(), yargsShimPath(), fastStringWidth()],
  ssr: { noExternal: true, external: EXTERNAL },
  build: {
    ssr: true,
    outDir: OUT,
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      // "src/engine/jslp.ts is dynamically imported by … but also statically imported by …": true and harmless (both
      // are in the engine's chunks); test/cli/start-fast.test.ts checks what each command loads.
      onLog(level, log, handler) {
        if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') handler(level, log);
      },
      input: { main: source('cli/main.ts'), 'plan-worker': source('engine/plan-worker.ts'), 'plan-job': source('server/plan-job.ts') },
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunk-[name]-[hash].js',
        codeSplitting: { groups: [{ debugName: 'cli+scenario', name: (id, ctx) => chunkOf(id, ctx) }] },
      },
    },
  },
});

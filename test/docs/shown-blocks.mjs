// The command blocks the README and docs/ show, run for real.
//
// Convention: a fenced block tagged `sh` is run — each line that starts with
// `npm start -- ` becomes `node dist/cli/main.js …` (a trailing `\` joins the
// next line, `# …` comments are dropped, other lines such as `npm ci` are not
// run). When the next fenced block is tagged `text`, it is the output the
// reader is shown: stdout of the block's commands, compared after
// normalising timings (`123 ms` → `N ms`). A line `…` alone in a shown output
// stands for any number of lines (an abridged output). Blocks tagged `shell`
// are shown only, never run. The blocks of one file run in order in one
// scratch folder (where `scenarios/` is the repo's), so a later block may use
// what an earlier one wrote.
//
// `node test/docs/shown-blocks.mjs --write` re-runs every block and writes the
// outputs into the files (an abridged output keeps its first and last lines
// around the `…` only if you put them back by hand).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The fenced blocks of a markdown text: { tag, start, end (line indexes of the fences), body }. */
export function fences(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    let j = i + 1;
    while (j < lines.length && !/^```\s*$/.test(lines[j])) j++;
    out.push({ tag: open[1], start: i, end: j, body: lines.slice(i + 1, j) });
    i = j;
  }
  return out;
}

/** The rotation commands of an `sh` block, as argument lists. */
export function commandsOf(body) {
  const joined = body.join('\n').replace(/\\\n\s*/g, ' ').split('\n');
  const out = [];
  for (const raw of joined) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    const m = /^npm start (?:--silent )?-- (.*)$/.exec(line);
    if (m) out.push(splitArgs(m[1]));
  }
  return out;
}

function splitArgs(text) {
  const args = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) args.push(m[1] ?? m[2] ?? m[3]);
  return args;
}

/** The `sh` blocks of a markdown file, each with its shown output (or null). */
export function shownBlocks(text) {
  const fs = fences(text);
  return fs.flatMap((f, k) => {
    if (f.tag !== 'sh') return [];
    const next = fs[k + 1];
    const lines = text.split('\n');
    const between = next ? lines.slice(f.end + 1, next.start).join('').trim() : 'x';
    const shown = next && next.tag === 'text' && between === '' ? next : null;
    return [{ block: f, commands: commandsOf(f.body), shown }];
  });
}

export const normalise = (s) => s.split('\n').map((l) => l.replace(/\d[\d,]* ms\b/g, 'N ms').replace(/\s+$/, '')).join('\n').replace(/\n+$/, '');

/** True when `actual` matches `expected`, where a line `…` alone stands for any number of lines. */
export function matches(expected, actual) {
  const e = normalise(expected).split('\n');
  const a = normalise(actual).split('\n');
  const go = (i, j) => {
    if (i === e.length) return j === a.length;
    if (e[i].trim() === '…') { for (let k = j; k <= a.length; k++) if (go(i + 1, k)) return true; return false; }
    return j < a.length && e[i] === a[j] && go(i + 1, j + 1);
  };
  return go(0, 0);
}

/** Runs every `sh` block of one file in a scratch folder; returns each block's stdout. */
export function runFile(path) {
  const text = readFileSync(path, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'rotation-shown-'));
  symlinkSync(join(root, 'scenarios'), join(dir, 'scenarios'));
  try {
    return shownBlocks(text).map((b) => {
      let stdout = '';
      const codes = [];
      for (const args of b.commands) {
        const r = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), ...args], {
          cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', FORCE_COLOR: '0', NO_COLOR: '1' },
        });
        stdout += r.stdout;
        codes.push(r.status);
      }
      return { ...b, stdout, codes };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const documents = () => ['README.md', ...readdirDocs()];

function readdirDocs() {
  return spawnSync('ls', [join(root, 'docs')], { encoding: 'utf8' }).stdout.split('\n').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
}

if (process.argv.includes('--write')) {
  for (const doc of documents()) {
    const path = join(root, doc);
    const ran = runFile(path).filter((b) => b.shown !== null);
    if (ran.length === 0) continue;
    const lines = readFileSync(path, 'utf8').split('\n');
    // From the end, so earlier line numbers stay valid.
    for (const b of [...ran].reverse()) {
      const out = b.stdout.replace(/\n+$/, '').split('\n').map((l) => l.replace(/\s+$/, ''));
      if (matches(b.shown.body.join('\n'), b.stdout)) continue;
      lines.splice(b.shown.start + 1, b.shown.end - b.shown.start - 1, ...out);
    }
    writeFileSync(path, lines.join('\n'));
    console.log(`${doc}: ${ran.length} shown output(s) checked`);
  }
}

// `npm run typecheck`, the page's part: vue-tsc over web/ (the .vue files' scripts and templates).
// vue-tsc drives the classic TypeScript compiler API, which the project's TypeScript 7 (a native compiler) does not
// ship; so vue-tsc and the TypeScript 6 it runs on live in tools/vue-tsc, with their own exact versions and lock file
// (installed here with `npm ci` the first time). Arguments go to vue-tsc (default: --noEmit -p web/tsconfig.json).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const tools = fileURLToPath(new URL('../tools/vue-tsc/', import.meta.url));
if (!existsSync(`${tools}node_modules/vue-tsc/package.json`)) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: tools, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    process.stderr.write('web/typecheck: could not install tools/vue-tsc (npm ci)\n');
    process.exit(r.status ?? 1);
  }
}
const require = createRequire(`${tools}package.json`);
const args = process.argv.slice(2);
if (args.length === 0) process.argv.push('--noEmit', '-p', fileURLToPath(new URL('./tsconfig.json', import.meta.url)));
require('vue-tsc').run(require.resolve('typescript/lib/tsc'));

// `npm run test:e2e`: the browser suite (Debian's chromium driven by playwright-core; no browser is ever downloaded).
// Skips with a reason when /usr/bin/chromium is missing, so machines without it still pass.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.ROTATION_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  process.stdout.write(`e2e skipped: ${chromium} not found (apt-get install -y chromium)\n`);
  process.exit(0);
}
if (!existsSync('dist/web/index.html')) {
  process.stderr.write('e2e: dist/web is missing: run npm run build first\n');
  process.exit(1);
}
const r = spawnSync('npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts'], { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
process.exit(r.status ?? 1);

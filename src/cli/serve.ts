/** `rotation serve [--port 8080] [--workspace DIR]`: the HR review page on a local web server. */
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandModule } from 'yargs';
import { COMMANDS } from './commands.js';
import { run } from './run.js';

interface Args { port: number; host: string; workspace: string; token?: string; 'time-limit': number }

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const serveCommand: CommandModule<object, Args> = {
  command: COMMANDS.serve.command,
  describe: COMMANDS.serve.describe,
  builder: (y) => y
    .option('port', { type: 'number', default: 8080, describe: 'port to listen on (0 = any free port)' })
    .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on; anything but loopback requires a token' })
    .option('workspace', { type: 'string', default: 'rotation-workspace', describe: 'folder for uploads, plan versions and the decision log' })
    .option('token', { type: 'string', describe: 'access token every request must carry (generated and printed when --host is not loopback)' })
    .option('time-limit', { type: 'number', default: 120, describe: 'seconds the solver may spend on one county' })
    .example('$0 serve --workspace 轮岗工作区', '') as never,
  handler: (args) => run(async () => {
    const loopback = LOOPBACK.has(args.host);
    const token = args.token ?? (loopback ? undefined : randomBytes(18).toString('base64url'));
    const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');
    // Loaded here, so that the other commands do not pay for the web server's modules.
    const { buildServer } = await import('../server/app.js');
    const app = await buildServer({
      workspace: args.workspace, token, webDir, timeLimit: args['time-limit'],
      // Off loopback the token guards every request; on loopback the Host header must be a loopback name (no DNS rebinding).
      allowedHosts: loopback ? ['127.0.0.1', 'localhost', '[::1]', '::1'] : [],
    });
    const address = await app.listen({ port: args.port, host: args.host });
    const url = new URL(address.replace('0.0.0.0', args.host));
    if (token !== undefined) url.searchParams.set('token', token);
    process.stdout.write(`rotation serve: ${url.href}\n  workspace ${resolve(args.workspace)}\n${token !== undefined && args.token === undefined ? `  token ${token} (generated: every request must carry it)\n` : ''}  Ctrl+C to stop\n`);
    await new Promise<void>((done) => {
      const stop = () => { void app.close().then(done); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  }),
};

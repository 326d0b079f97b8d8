import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import type { DemoLogin } from '../../server/demo.js';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { roleName, writeLine } from '../output.js';
import type { Action } from '../program.js';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535 (0 picks a free one).');
  }
  return port;
}

export function addServeCommand(program: Command, ctx: CliContext, action: Action): void {
  program
    .command('serve')
    .description('serve the web UI and the GraphQL API (GraphiQL at /graphiql); Ctrl-C stops it')
    .option('-p, --port <port>', 'port to listen on (default: $PORT or 4200)', parsePort)
    .option('--host <host>', 'address to listen on (default: $HOST or 127.0.0.1)')
    .option('--data-dir <dir>', 'where the SQLite database lives (default: $KEYPLANE_DATA_DIR or ./data)')
    .option('--demo', 'seed a demo tenant with users, service accounts and keys, and print the demo sign-ins')
    .option('--no-build', 'do not build the web UI when dist/ui is missing (serve the API alone)')
    .action(
      action(async (options: { port?: number; host?: string; dataDir?: string; demo?: boolean; build: boolean }) => {
        const port = options.port ?? (ctx.env.PORT ? parsePortFromEnv(ctx.env.PORT) : 4200);
        const host = options.host ?? ctx.env.HOST ?? '127.0.0.1';
        const dataDir = options.dataDir ?? ctx.env.KEYPLANE_DATA_DIR ?? 'data';

        const uiDir = join(PACKAGE_ROOT, 'dist', 'ui');
        if (!existsSync(join(uiDir, 'index.html')) && options.build) await buildUi(ctx);

        // Imported here, not at the top: auth and agent commands need no server code.
        const { serve } = await import('../../server/serve.js');
        let server: Awaited<ReturnType<typeof serve>>;
        try {
          server = await serve({ port, host, dataDir, demo: options.demo, uiDir });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE') {
            throw new CliError(`Port ${port} on ${host} is already in use. Choose another with --port or PORT.`, ExitCode.ERROR);
          }
          if (code === 'EACCES') {
            throw new CliError(`Not allowed to listen on ${host}:${port}. Choose a port above 1023.`, ExitCode.ERROR);
          }
          throw error;
        }

        writeLine(ctx.stdout, `Keyplane is running at ${server.url}`);
        writeLine(ctx.stdout, `  GraphQL API: ${server.url}/graphql  (GraphiQL: ${server.url}/graphiql)`);
        writeLine(ctx.stdout, `  Data:        ${join(dataDir, 'keyplane.db')}`);
        if (!existsSync(join(uiDir, 'index.html'))) {
          writeLine(ctx.stdout, '  The web UI is not built (run npm run build); serving the API and GraphiQL.');
        }
        printDemoLogins(ctx, server.demoLogins);
        writeLine(ctx.stdout, 'Press Ctrl-C to stop.');

        if (!ctx.stopSignal.aborted) {
          await new Promise((resolve) => ctx.stopSignal.addEventListener('abort', resolve, { once: true }));
        }
        writeLine(ctx.stdout, 'Stopping...');
        await server.close();
        writeLine(ctx.stdout, 'Stopped.');
        return ExitCode.OK;
      }),
    );
}

function parsePortFromEnv(value: string): number {
  try {
    return parsePort(value);
  } catch {
    throw new CliError(`PORT="${value}" is not a port (a whole number from 0 to 65535).`, ExitCode.USAGE);
  }
}

/** Demo sign-ins, printed so a first-time user can sign in at once. */
function printDemoLogins(ctx: CliContext, demoLogins: DemoLogin[] | undefined): void {
  if (!demoLogins?.length) return;
  writeLine(ctx.stdout, 'Demo sign-ins (tenant acme; demo data only, never reuse these passwords):');
  const width = Math.max(...demoLogins.map((login) => login.email.length));
  for (const login of demoLogins) {
    writeLine(ctx.stdout, `  ${login.email.padEnd(width)}  password: ${login.password}  role: ${roleName(login.role)}`);
  }
}

/** The checkout or installed package the command runs from (src/cli/commands/ -> root). */
const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * `npm start` on a fresh checkout builds the UI once (DESIGN: "builds the UI if
 * needed"). Without Vite (a production install) or if the build fails, the
 * server still starts and serves the API with a page pointing at GraphiQL.
 */
async function buildUi(ctx: CliContext): Promise<void> {
  const vite = join(PACKAGE_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) return;
  writeLine(ctx.stdout, 'Building the web UI (first start only; this takes a minute)...');
  const code = await new Promise<number>((resolve) => {
    // A production build whatever NODE_ENV the caller runs under (Vitest sets "test").
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: PACKAGE_ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', () => resolve(1));
    child.once('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0) writeLine(ctx.stderr, 'Warning: the web UI did not build; serving the API and GraphiQL only.');
}

import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { writeLine } from '../output.js';
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
    .action(
      action(async (options: { port?: number; host?: string; dataDir?: string; demo?: boolean }) => {
        const port = options.port ?? (ctx.env.PORT ? parsePortFromEnv(ctx.env.PORT) : 4200);
        const host = options.host ?? ctx.env.HOST ?? '127.0.0.1';
        const dataDir = options.dataDir ?? ctx.env.KEYPLANE_DATA_DIR ?? 'data';

        // Imported here, not at the top: auth and agent commands need no server code.
        const { serve } = await import('../../server/serve.js');
        let server: Awaited<ReturnType<typeof serve>>;
        try {
          server = await serve({ port, host, dataDir, demo: options.demo });
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
        writeLine(ctx.stdout, `  Data:        ${dataDir}`);
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

/** Demo sign-ins come from the server; print whatever shape of list it returns. */
function printDemoLogins(ctx: CliContext, demoLogins: unknown): void {
  if (!demoLogins) return;
  const logins = Array.isArray(demoLogins) ? demoLogins : [demoLogins];
  if (logins.length === 0) return;
  writeLine(ctx.stdout, 'Demo sign-ins (demo data only; never use these passwords elsewhere):');
  for (const login of logins) {
    if (login && typeof login === 'object') {
      const fields = Object.entries(login as Record<string, unknown>)
        .map(([name, value]) => `${name}: ${String(value)}`)
        .join(', ');
      writeLine(ctx.stdout, `  - ${fields}`);
    } else {
      writeLine(ctx.stdout, `  - ${String(login)}`);
    }
  }
}

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { ConfigError, formatConfig, readConfigFile, resolveSettings, type ResolvedConfig } from '../../server/config.js';
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

/** Flags that name a setting (config.ts's SETTINGS), by the setting's key. */
export interface SettingFlags {
  config?: string;
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  logLevel?: string;
  logFormat?: string;
  metricsPort?: number;
  shutdownTimeout?: string;
}

/**
 * The server's settings for this command line: flag > environment > keyplane.toml >
 * default. The file is --config, else $KEYPLANE_CONFIG, else ./keyplane.toml if there
 * is one. A bad value is a usage error naming the setting.
 */
export function resolveServerSettings(ctx: CliContext, flags: SettingFlags): ResolvedConfig {
  try {
    const path = flags.config ?? ctx.env.KEYPLANE_CONFIG ?? (existsSync('keyplane.toml') ? 'keyplane.toml' : undefined);
    return resolveSettings({
      flags: {
        port: flags.port,
        host: flags.host,
        data_dir: flags.dataDir,
        database_url: flags.databaseUrl,
        log_level: flags.logLevel,
        log_format: flags.logFormat,
        metrics_port: flags.metricsPort,
        shutdown_timeout_seconds: flags.shutdownTimeout,
      },
      env: ctx.env,
      file: path === undefined ? null : readConfigFile(resolve(path)),
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, ExitCode.USAGE);
    throw error;
  }
}

/** --config and --data-dir, for every command that works on the server's database. */
export function addDataDirOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', "the server's data directory, where keyplane.db lives (default: $KEYPLANE_DATA_DIR, data_dir in keyplane.toml, or ./data)")
    .option('--config <file>', 'settings file (default: $KEYPLANE_CONFIG, or ./keyplane.toml if present)');
}

export function addServeCommand(program: Command, ctx: CliContext, action: Action): void {
  program
    .command('serve')
    .description('serve the web UI and the GraphQL API (GraphiQL at /graphiql); Ctrl-C or SIGTERM stops it gracefully')
    .option('-p, --port <port>', 'port to listen on (default: $PORT or 4200)', parsePort)
    .option('--host <host>', 'address to listen on (default: $HOST or 127.0.0.1)')
    .option('--data-dir <dir>', 'where the SQLite database lives (default: $KEYPLANE_DATA_DIR or ./data)')
    .option('--database-url <url>', 'a PostgreSQL database (postgres://user:password@host/db) instead of SQLite (default: $KEYPLANE_DATABASE_URL)')
    .option('--config <file>', 'settings file, TOML (default: $KEYPLANE_CONFIG, or ./keyplane.toml if present); see docs/operations.md')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent (default: $KEYPLANE_LOG_LEVEL or info)')
    .option('--log-format <format>', 'json lines, or pretty for a terminal (needs the dev dependency pino-pretty) (default: json)')
    .option('--metrics-port <port>', 'also serve GET /metrics, without a token, on 127.0.0.1:<port> (default: $KEYPLANE_METRICS_PORT)', parsePort)
    .option('--shutdown-timeout <seconds>', 'how long requests under way may finish after SIGTERM (default: 10)')
    .option('--print-config', 'print every setting, its value and where it came from (secrets masked), and exit')
    .option('--demo', 'seed a demo tenant with users, service accounts and keys, and print the demo sign-ins')
    .option('--no-build', 'do not build the web UI when dist/ui is missing (serve the API alone)')
    .action(
      action(async (options: SettingFlags & { demo?: boolean; build: boolean; printConfig?: boolean }) => {
        const settings = resolveServerSettings(ctx, options);
        if (options.printConfig) {
          writeLine(ctx.stdout, formatConfig(settings));
          return ExitCode.OK;
        }
        const { config } = settings;
        const { port, host } = config;

        const uiDir = join(PACKAGE_ROOT, 'dist', 'ui');
        if (!existsSync(join(uiDir, 'index.html')) && options.build) await buildUi(ctx);

        // Imported here, not at the top: auth and agent commands need no server code.
        const { serve } = await import('../../server/serve.js');
        let server: Awaited<ReturnType<typeof serve>>;
        try {
          server = await serve({ config, demo: options.demo, uiDir, logger: { level: config.logLevel, format: config.logFormat } });
        } catch (error) {
          if (error instanceof ConfigError) throw new CliError(error.message, ExitCode.USAGE);
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
        writeLine(ctx.stdout, `  Data:        ${server.app.database.location}`);
        if (settings.file) writeLine(ctx.stdout, `  Settings:    ${settings.file}`);
        if (server.metricsUrl) writeLine(ctx.stdout, `  Metrics:     ${server.metricsUrl}`);
        else if (config.metricsToken) writeLine(ctx.stdout, `  Metrics:     ${server.url}/metrics (with the metrics token)`);
        if (!existsSync(join(uiDir, 'index.html'))) {
          writeLine(ctx.stdout, '  The web UI is not built (run npm run build); serving the API and GraphiQL.');
        }
        printDemoLogins(ctx, server.demoLogins);
        writeLine(ctx.stdout, 'Press Ctrl-C to stop.');

        if (!ctx.stopSignal.aborted) {
          await new Promise((resolve) => ctx.stopSignal.addEventListener('abort', resolve, { once: true }));
        }
        writeLine(ctx.stdout, `Stopping: finishing the requests under way (at most ${config.shutdownTimeoutSeconds} s)...`);
        await server.close();
        writeLine(ctx.stdout, 'Stopped.');
        return ExitCode.OK;
      }),
    );
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

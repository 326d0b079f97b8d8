import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { addAdminCommands } from './commands/admin.js';
import { addAgentCommands } from './commands/agent.js';
import { addAuthCommands } from './commands/auth.js';
import { addBackupCommands } from './commands/backup.js';
import { addCanaryCommands } from './commands/canary.js';
import { addDatabaseCommands } from './commands/database.js';
import { addServeCommand } from './commands/serve.js';
import type { CliContext } from './context.js';
import { CliError, EXIT_CODES_HELP, ExitCode } from './exit-codes.js';
import { writeLine } from './output.js';

/** Wraps a command's handler: its returned number becomes the exit code. */
export type Action = <A extends unknown[]>(handler: (...args: A) => Promise<number>) => (...args: A) => Promise<void>;

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function buildProgram(ctx: CliContext, action: Action): Command {
  const program = new Command('keyplane')
    .description('Keyplane: serve the API-key manager, manage keys from a terminal, and run an agent with a service-account key.')
    .version(VERSION, '-V, --version')
    // Options belong to the command they follow, so `agent run -- CMD --flag` passes --flag to CMD.
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    })
    .exitOverride()
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n\nDocumentation: docs/cli.md`);

  addServeCommand(program, ctx, action);
  addAuthCommands(program, ctx, action);
  addCanaryCommands(program, ctx, action);
  addAgentCommands(program, ctx, action);
  addBackupCommands(program, ctx, action);
  addAdminCommands(program, ctx, action);
  addDatabaseCommands(program, ctx, action);
  return program;
}

/**
 * Runs the command line and returns its exit code; never calls process.exit, so
 * tests run it in-process with a temporary HOME and captured output.
 */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  let exitCode: number = ExitCode.OK;
  const action: Action =
    (handler) =>
    async (...args) => {
      exitCode = await handler(...args);
    };
  const program = buildProgram(ctx, action);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the message (or the help).
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.OK;
      return ExitCode.USAGE;
    }
    if (error instanceof CliError) {
      if (error.exitCode !== ExitCode.OK) writeLine(ctx.stderr, `Error: ${error.message}`);
      return error.exitCode;
    }
    writeLine(ctx.stderr, `Error: ${(error as Error)?.message ?? String(error)}`);
    if (ctx.env.KEYPLANE_DEBUG) writeLine(ctx.stderr, (error as Error)?.stack ?? '');
    return ExitCode.ERROR;
  }
}

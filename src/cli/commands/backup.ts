import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { writeLine } from '../output.js';
import type { Action } from '../program.js';
import { addDataDirOptions, resolveServerSettings, type SettingFlags } from './serve.js';

// `keyplane backup` and `keyplane restore`, on the server's machine, against its data
// directory (found as `keyplane serve` finds it). See docs/operations.md.

type DataDirFlags = Pick<SettingFlags, 'config' | 'dataDir'>;

/** The database file of the server these flags describe. */
export function databasePath(ctx: CliContext, flags: DataDirFlags): string {
  return join(resolveServerSettings(ctx, flags).config.dataDir, 'keyplane.db');
}

/** Errors of the database tools are plain messages (exit 1); anything else is unexpected. */
export async function withDatabaseErrors<T>(run: () => Promise<T>): Promise<T> {
  const { DatabaseFileError } = await import('../../server/ops/backup.js');
  try {
    return await run();
  } catch (error) {
    if (error instanceof DatabaseFileError) throw new CliError(error.message, ExitCode.ERROR);
    throw error;
  }
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export function addBackupCommands(program: Command, ctx: CliContext, action: Action): void {
  addDataDirOptions(
    program
      .command('backup')
      .argument('<file>', 'where to write the copy (replaced if it exists)')
      .description("copy the server's database to a file, safely while the server runs (SQLite's online backup), and check the copy"),
  ).action(
    action(async (file: string, flags: DataDirFlags) => {
      const dbPath = databasePath(ctx, flags);
      // Imported here: the other commands need no database code.
      const { backupDatabase } = await import('../../server/ops/backup.js');
      const summary = await withDatabaseErrors(() => backupDatabase(dbPath, resolve(file)));
      writeLine(ctx.stdout, `Backed up ${dbPath} to ${summary.file} (${kB(summary.bytes)}, schema ${summary.schemaVersion}).`);
      writeLine(ctx.stdout, `  integrity_check: ${summary.integrity}`);
      writeLine(
        ctx.stdout,
        `  ${summary.users} people, ${summary.serviceAccounts} service accounts, ${summary.tenants} tenants, ${summary.apiKeys} keys not revoked`,
      );
      writeLine(ctx.stdout, '  It holds key hashes, never keys; but also password hashes and emails: keep it as private as the server.');
      return ExitCode.OK;
    }),
  );

  addDataDirOptions(
    program
      .command('restore')
      .argument('<file>', 'a file made by keyplane backup')
      .description("put a backup in place of the server's database; refused while a server uses it (stop it first)"),
  ).action(
    action(async (file: string, flags: DataDirFlags) => {
      const dbPath = databasePath(ctx, flags);
      const { restoreDatabase } = await import('../../server/ops/backup.js');
      const result = await withDatabaseErrors(() => restoreDatabase(resolve(file), dbPath));
      const { restored } = result;
      writeLine(ctx.stdout, `Restored ${resolve(file)} to ${dbPath} (schema ${restored.schemaVersion}, integrity_check: ${restored.integrity}).`);
      writeLine(
        ctx.stdout,
        `  ${restored.users} people, ${restored.serviceAccounts} service accounts, ${restored.tenants} tenants, ${restored.apiKeys} keys not revoked`,
      );
      if (result.previous) writeLine(ctx.stdout, `  The database it replaced is kept at ${result.previous}.`);
      writeLine(ctx.stdout, '  Keys created after the backup was made no longer authenticate. Start the server: keyplane serve');
      return ExitCode.OK;
    }),
  );
}

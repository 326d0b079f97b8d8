import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { writeLine } from '../output.js';
import type { Action } from '../program.js';
import { databasePath, withDatabaseErrors } from './backup.js';
import { addDataDirOptions, resolveServerSettings, type SettingFlags } from './serve.js';
import { poolSettings } from '../../server/config.js';

// `keyplane migrate` and `keyplane copy-data`: the database's schema brought up to this
// version on its own, and an installation moved from SQLite to PostgreSQL. See
// docs/postgresql.md.

type DatabaseFlags = Pick<SettingFlags, 'config' | 'dataDir' | 'databaseUrl'>;

/** A database that cannot be reached is a plain message, like the database tools' other errors. */
async function withConnectionErrors<T>(run: () => Promise<T>): Promise<T> {
  const { DatabaseUnavailableError } = await import('../../server/store/database-unavailable.js');
  try {
    return await withDatabaseErrors(run);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw new CliError(error.message, ExitCode.ERROR);
    throw error;
  }
}

export function addDatabaseCommands(program: Command, ctx: CliContext, action: Action): void {
  addDataDirOptions(
    program
      .command('migrate')
      .description('apply the schema migrations this version has and the database has not (keyplane serve applies them at start too), then stop')
      .option(
        '--database-url <url>',
        'the PostgreSQL database (default: $KEYPLANE_DATABASE_URL, database_url in keyplane.toml; unset: SQLite in the data directory)',
      ),
  ).action(
    action(async (flags: DatabaseFlags) => {
      const { config } = resolveServerSettings(ctx, flags);
      const ops = await import('../../server/ops/migrate.js');
      const summary = await withConnectionErrors(async () => {
        if (config.databaseUrl === null) return ops.migrateSqliteFile(databasePath(ctx, flags));
        return ops.migratePostgresDatabase({ ...poolSettings(config), connectionString: config.databaseUrl });
      });
      writeLine(
        ctx.stdout,
        summary.from === summary.to
          ? `${summary.location} is at schema version ${summary.to}: nothing to migrate.`
          : `Migrated ${summary.location} from schema version ${summary.from} to ${summary.to}.`,
      );
      return ExitCode.OK;
    }),
  );

  program
    .command('copy-data')
    .description('copy every row of a SQLite installation into an empty PostgreSQL database, in one transaction (keys keep working: their hashes move)')
    .requiredOption('--from <source>', 'the SQLite database: sqlite:<path>, e.g. sqlite:./data/keyplane.db')
    .requiredOption('--to <url>', 'the PostgreSQL database, empty or new: postgres://user:password@host:port/database')
    .action(
      action(async (flags: { from: string; to: string }) => {
        if (!/^postgres(ql)?:\/\//i.test(flags.to)) throw new CliError(`--to takes a postgres://user:password@host:port/database URL.`, ExitCode.USAGE);
        const { copySqliteToPostgres, sqlitePathOf } = await import('../../server/ops/copy-data.js');
        const { withoutPassword } = await import('../../server/store/postgres/driver.js');
        // The pool settings as serve reads them (flags, environment, keyplane.toml).
        const { config } = resolveServerSettings(ctx, {});
        const summary = await withConnectionErrors(() =>
          copySqliteToPostgres(resolve(sqlitePathOf(flags.from)), { ...poolSettings(config), connectionString: flags.to }),
        );
        const rows = summary.tables.reduce((total, table) => total + table.rows, 0);
        writeLine(ctx.stdout, `Copied ${rows} rows from ${summary.from} (schema ${summary.schemaVersion}) to ${withoutPassword(flags.to)}:`);
        const width = Math.max(...summary.tables.map((table) => table.table.length));
        for (const table of summary.tables) writeLine(ctx.stdout, `  ${table.table.padEnd(width)}  ${table.rows}`);
        writeLine(ctx.stdout, 'Start the server on it: keyplane serve --database-url <the same URL> (or KEYPLANE_DATABASE_URL).');
        return ExitCode.OK;
      }),
    );
}

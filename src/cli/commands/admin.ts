import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { formatTable, roleName, writeJson, writeLine } from '../output.js';
import type { Action } from '../program.js';
import { databasePath, withDatabaseErrors } from './backup.js';
import { addDataDirOptions, type SettingFlags } from './serve.js';

// `keyplane admin`: recovery on the server's machine, against its data directory,
// for when nobody can sign in. Passwords are read from standard input, never from
// the command line, where `ps` and the shell's history would keep them.

type DataDirFlags = Pick<SettingFlags, 'config' | 'dataDir'>;

export function addAdminCommands(program: Command, ctx: CliContext, action: Action): void {
  const admin = program
    .command('admin')
    .description("recovery on the server's machine: list the accounts, reset a password (works on the database file directly)");

  addDataDirOptions(admin.command('list-users').description('list the people who have an account, with their tenants and roles'))
    .option('--json', 'print JSON')
    .action(
      action(async (flags: DataDirFlags & { json?: boolean }) => {
        const dbPath = databasePath(ctx, flags);
        const { openForAdmin, listUsers } = await import('../../server/ops/admin.js');
        const users = await withDatabaseErrors(async () => {
          const db = openForAdmin(dbPath);
          try {
            return listUsers(db, ctx.now());
          } finally {
            db.close();
          }
        });
        if (flags.json) {
          writeJson(ctx.stdout, users);
          return ExitCode.OK;
        }
        if (users.length === 0) {
          writeLine(ctx.stdout, 'No accounts yet: open the web app to set Keyplane up.');
          return ExitCode.OK;
        }
        const rows = users.map((user) => [
          user.email ?? '',
          user.username,
          user.memberships.map((m) => `${m.tenant} (${roleName(m.role)})`).join(', ') || 'no tenant',
          String(user.activeSessions),
          user.created.slice(0, 10),
        ]);
        writeLine(ctx.stdout, formatTable(['EMAIL', 'NAME', 'TENANTS', 'SESSIONS', 'CREATED'], rows));
        return ExitCode.OK;
      }),
    );

  addDataDirOptions(
    admin
      .command('reset-password')
      .description("set a person's password (read from standard input), end their sessions, and record it in their tenants' audit logs"),
  )
    .requiredOption('--email <email>', 'the account, as keyplane admin list-users shows it')
    .option('--password-stdin', 'read the new password from standard input (one line; required)')
    .addHelpText('after', '\nExample:\n  read -rs PASSWORD && printf %s "$PASSWORD" | keyplane admin reset-password --email ada@example.com --password-stdin')
    .action(
      action(async (flags: DataDirFlags & { email: string; passwordStdin?: boolean }) => {
        if (!flags.passwordStdin) {
          throw new CliError(
            'Give the new password on standard input with --password-stdin (never as an argument), e.g.\n  read -rs PASSWORD && printf %s "$PASSWORD" | keyplane admin reset-password --email ada@example.com --password-stdin',
            ExitCode.USAGE,
          );
        }
        // One line: a trailing newline (echo, a file) is not part of the password.
        const password = (await ctx.readStdin()).replace(/\r?\n$/, '');
        const dbPath = databasePath(ctx, flags);
        const { openForAdmin, resetPassword } = await import('../../server/ops/admin.js');
        const reset = await withDatabaseErrors(async () => {
          const db = openForAdmin(dbPath);
          try {
            return await resetPassword(db, flags.email, password);
          } finally {
            db.close();
          }
        });
        writeLine(ctx.stdout, `Set a new password for ${reset.email}; ended ${reset.sessionsEnded} browser session${reset.sessionsEnded === 1 ? '' : 's'}.`);
        writeLine(ctx.stdout, `  Recorded in the audit log of ${reset.tenants} tenant${reset.tenants === 1 ? '' : 's'}. API keys are unchanged.`);
        return ExitCode.OK;
      }),
    );
}

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { checkPasswordText, passwordProblemMessage } from '../../shared/passwords.js';
import { hashPassword } from '../auth/passwords.js';
import { migrate, MIGRATIONS } from '../store/sqlite/migrations.js';
import { DatabaseFileError } from './backup.js';

// `keyplane admin`: what an operator does on the server's machine, against its
// database file, when nobody can sign in: find the account, give it a new password.
// SQLite lets this process write while a server runs (WAL); the server reads
// sessions from the database on every request, so ended sessions end at once.

/** The action recorded in each of the user's tenants' audit logs. */
export const PASSWORD_RESET_ACTION = 'auth.password_reset';

export interface UserListing {
  id: string;
  email: string | null;
  username: string;
  created: string;
  /** "slug (ROLE)" for each membership. */
  memberships: { tenant: string; role: string }[];
  activeSessions: number;
}

/** Opens the server's database for an admin command, migrated as the server would on start. */
export function openForAdmin(dbPath: string): Database.Database {
  if (!existsSync(dbPath)) throw new DatabaseFileError(`There is no database at ${dbPath}: give the server's --data-dir (or its --config).`);
  const db = new Database(dbPath, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    db.close();
    throw new DatabaseFileError(
      `${dbPath} was migrated by a newer Keyplane (schema ${version}, this one knows ${MIGRATIONS.length}): use that version's keyplane admin.`,
    );
  }
  migrate(db);
  return db;
}

/** People (not service accounts), oldest first, with their tenants and live sessions. */
export function listUsers(db: Database.Database, now = new Date()): UserListing[] {
  const users = db.prepare("SELECT id, email, username, created FROM user WHERE account_type = 'NORMAL' ORDER BY created, id").all() as Omit<
    UserListing,
    'memberships' | 'activeSessions'
  >[];
  const memberships = db.prepare('SELECT t.slug AS tenant, m.role FROM membership m JOIN tenant t ON t.id = m.tenant_id WHERE m.user_id = ? ORDER BY t.slug');
  const sessions = db.prepare('SELECT count(*) AS n FROM session WHERE user_id = ? AND expires_at > ?');
  return users.map((user) => ({
    ...user,
    memberships: memberships.all(user.id) as UserListing['memberships'],
    activeSessions: (sessions.get(user.id, now.toISOString()) as { n: number }).n,
  }));
}

export interface PasswordReset {
  userId: string;
  email: string;
  sessionsEnded: number;
  /** Tenants whose audit log records the reset. */
  tenants: number;
}

/**
 * Sets a person's password, ends their browser sessions and forgets their browsers'
 * device cookies (a device that signed in with the old password is not trusted for
 * the new one), and records the reset in each of their tenants' audit logs, all in one
 * transaction. API keys are left alone: they do not depend on the password.
 */
export async function resetPassword(db: Database.Database, email: string, password: string): Promise<PasswordReset> {
  const check = checkPasswordText(password);
  if (!check.ok) throw new DatabaseFileError(passwordProblemMessage(check.problem));
  const user = db.prepare("SELECT id, email FROM user WHERE email = ? AND account_type = 'NORMAL'").get(email.trim()) as
    { id: string; email: string } | undefined;
  if (!user) throw new DatabaseFileError(`No account has the email ${email.trim()} (keyplane admin list-users shows them).`);
  const passwordHash = await hashPassword(check.value);
  return db.transaction(() => {
    db.prepare('UPDATE user SET password_hash = ? WHERE id = ?').run(passwordHash, user.id);
    const sessionsEnded = db.prepare('DELETE FROM session WHERE user_id = ?').run(user.id).changes;
    db.prepare('DELETE FROM device_cookie WHERE user_id = ?').run(user.id);
    const tenants = (db.prepare('SELECT tenant_id FROM membership WHERE user_id = ?').all(user.id) as { tenant_id: string }[]).map((row) => row.tenant_id);
    const record = db.prepare(
      `INSERT INTO audit_event (id, action, actor_id, tenant_id, target_type, target_id, target_name, source_address, cause, created)
       VALUES (?, ?, NULL, ?, 'user', ?, ?, NULL, NULL, ?)`,
    );
    const at = new Date().toISOString();
    // An account in no tenant still leaves a record, for operators (tenant_id null), as failed sign-ins do.
    for (const tenantId of tenants.length > 0 ? tenants : [null]) record.run(randomUUID(), PASSWORD_RESET_ACTION, tenantId, user.id, user.email, at);
    return { userId: user.id, email: user.email, sessionsEnded, tenants: tenants.length };
  })();
}

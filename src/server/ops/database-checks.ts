import Database from 'better-sqlite3';
import { MIGRATIONS } from '../store/sqlite/migrations.js';
import type { StoredCounts } from '../observability/metrics.js';

/**
 * What /readyz and /metrics ask the database, on a read-only connection of their own
 * (opened on first use): in WAL mode it neither waits for nor blocks the server's
 * writes, and a slow count can never hold a write transaction open.
 */
export class DatabaseChecks {
  private db: Database.Database | null = null;

  constructor(private readonly file: string) {}

  private connection(): Database.Database {
    if (!this.db?.open) {
      this.db = new Database(this.file, { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 1000');
    }
    return this.db;
  }

  /** Null when the schema is the one this server's migrations make, or what is wrong. */
  migrationProblem(): string | null {
    const version = this.connection().pragma('user_version', { simple: true }) as number;
    if (version === MIGRATIONS.length) return null;
    return version < MIGRATIONS.length
      ? `the database is at schema version ${version}, this server needs ${MIGRATIONS.length}`
      : `the database is at schema version ${version}, newer than this server (${MIGRATIONS.length}): was a newer Keyplane started on it?`;
  }

  /** The gauges' values. The key counts come from api_key_count, which triggers keep (migration 3): no scan of the keys. */
  counts(): StoredCounts {
    const db = this.connection();
    const keys = db.prepare('SELECT owner_kind AS kind, coalesce(sum(active), 0) AS n FROM api_key_count GROUP BY owner_kind').all() as {
      kind: string;
      n: number;
    }[];
    const users = db.prepare('SELECT account_type AS type, count(*) AS n FROM user GROUP BY account_type').all() as { type: string; n: number }[];
    const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
    return {
      apiKeys: { user: keys.find((k) => k.kind === 'NORMAL')?.n ?? 0, service_account: keys.find((k) => k.kind === 'SERVICE')?.n ?? 0 },
      serviceAccounts: users.find((u) => u.type === 'SERVICE')?.n ?? 0,
      users: users.find((u) => u.type === 'NORMAL')?.n ?? 0,
      tenants: count('SELECT count(*) AS n FROM tenant'),
      sessions: count('SELECT count(*) AS n FROM session WHERE expires_at > ?', new Date().toISOString()),
    };
  }

  close(): void {
    if (this.db?.open) this.db.close();
    this.db = null;
  }
}

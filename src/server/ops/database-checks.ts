import type { StoredCounts } from '../observability/metrics.js';
import type { Queryable } from '../store/sql/driver.js';

/** Where the checks read: a connection of their own where the database allows one, opened on first use. */
export interface CheckConnection {
  queries: Queryable;
  /** The migrations the database has applied, and how many this build knows. */
  schemaVersion(): Promise<{ applied: number; known: number }>;
  close(): Promise<void>;
}

/**
 * What /readyz and /metrics ask the database. On SQLite that is a read-only connection
 * of its own (store/open-store.ts): in WAL mode it neither waits for nor blocks the
 * server's writes, and a slow count can never hold a write transaction open.
 */
export class DatabaseChecks {
  private connection: CheckConnection | null = null;

  constructor(private readonly open: () => CheckConnection) {}

  private current(): CheckConnection {
    return (this.connection ??= this.open());
  }

  /** Null when the schema is the one this server's migrations make, or what is wrong. */
  async migrationProblem(): Promise<string | null> {
    const { applied, known } = await this.current().schemaVersion();
    if (applied === known) return null;
    return applied < known
      ? `the database is at schema version ${applied}, this server needs ${known}`
      : `the database is at schema version ${applied}, newer than this server (${known}): was a newer Keyplane started on it?`;
  }

  /** The gauges' values. The key counts come from api_key_count, which triggers keep (migration 3): no scan of the keys. */
  async counts(): Promise<StoredCounts> {
    const db = this.current().queries;
    const [keys, users, tenants, sessions] = await Promise.all([
      db.all<{ kind: string; n: number }>('SELECT owner_kind AS kind, coalesce(sum(active), 0) AS n FROM api_key_count GROUP BY owner_kind'),
      db.all<{ type: string; n: number }>('SELECT account_type AS type, count(*) AS n FROM "user" GROUP BY account_type'),
      db.get<{ n: number }>('SELECT count(*) AS n FROM tenant'),
      db.get<{ n: number }>('SELECT count(*) AS n FROM session WHERE expires_at > ?', [new Date().toISOString()]),
    ]);
    return {
      apiKeys: { user: keys.find((k) => k.kind === 'NORMAL')?.n ?? 0, service_account: keys.find((k) => k.kind === 'SERVICE')?.n ?? 0 },
      serviceAccounts: users.find((u) => u.type === 'SERVICE')?.n ?? 0,
      users: users.find((u) => u.type === 'NORMAL')?.n ?? 0,
      tenants: tenants!.n,
      sessions: sessions!.n,
    };
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    await connection?.close();
  }
}

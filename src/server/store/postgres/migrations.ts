import type { Driver, Queryable } from '../sql/driver.js';

// PostgreSQL's schema, versioned on its own: version 1 is the schema that SQLite's
// migrations 1–6 (store/sqlite/migrations.ts) end at, written once for PostgreSQL.
// From here both histories move together: a change to the schema is a new migration
// in each file, and test/server/postgres-migrations.test.ts compares the two schemas
// column by column.
//
// The column types are SQLite's as the store uses them, so that one SQL text runs on
// both: ids and timestamps are TEXT (ISO-8601 in UTC, which sorts as text), flags and
// counts INTEGER, labels JSON in TEXT. Text compares as SQLite's does, whatever the
// database's locale: every TEXT column is COLLATE "C" (byte order, as SQLite's BINARY;
// lower() then folds ASCII alone, as SQLite's does), and the emails, COLLATE NOCASE in
// SQLite, are keyplane_nocase, an ICU collation that ignores case in equality and
// uniqueness (for every script, where NOCASE folds ASCII). PostgreSQL 15 refuses LIKE
// on such a column, so a pattern names "C" (see sql/dialect.ts). Foreign keys and their
// ON DELETE are SQLite's; SQLite's triggers are PL/pgSQL trigger functions.
//
// schema_migrations records each version applied and when. Migrations run at start in
// one transaction that first takes a transaction-scoped advisory lock: instances that
// start together wait for the first, then find nothing left to do. Never edit a
// released migration: add a new one.

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'the schema of SQLite migrations 1-6',
    sql: `
  CREATE COLLATION keyplane_nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

  CREATE TABLE tenant (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    slug TEXT COLLATE "C" NOT NULL UNIQUE,
    created TEXT COLLATE "C" NOT NULL
  );

  CREATE TABLE "user" (
    id TEXT COLLATE "C" PRIMARY KEY,
    username TEXT COLLATE "C" NOT NULL,
    email TEXT COLLATE keyplane_nocase UNIQUE,
    first_name TEXT COLLATE "C",
    last_name TEXT COLLATE "C",
    account_type TEXT COLLATE "C" NOT NULL CHECK (account_type IN ('NORMAL', 'SERVICE')),
    password_hash TEXT COLLATE "C",
    default_membership_id TEXT COLLATE "C",
    created TEXT COLLATE "C" NOT NULL
  );

  CREATE TABLE membership (
    id TEXT COLLATE "C" PRIMARY KEY,
    tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenant(id),
    user_id TEXT COLLATE "C" NOT NULL REFERENCES "user"(id),
    role TEXT COLLATE "C" NOT NULL CHECK (role IN ('TENANT_ADMIN', 'USER', 'READ_ONLY_USER')),
    created TEXT COLLATE "C" NOT NULL,
    UNIQUE (tenant_id, user_id)
  );
  CREATE INDEX membership_user ON membership(user_id);

  CREATE TABLE api_key (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    key_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    key_hint TEXT COLLATE "C" NOT NULL,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES "user"(id),
    tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenant(id),
    owner_kind TEXT COLLATE "C" NOT NULL CHECK (owner_kind IN ('NORMAL', 'SERVICE')),
    created_by_id TEXT COLLATE "C" REFERENCES "user"(id),
    created TEXT COLLATE "C" NOT NULL,
    updated TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C",
    last_used_at TEXT COLLATE "C",
    revoked_at TEXT COLLATE "C"
  );
  -- A user's own keys, newest first; a tenant's service-account keys, newest first, with
  -- the owner in the index so that "not the caller's own key" reads no table rows.
  CREATE INDEX api_key_owner_created ON api_key(user_id, created) WHERE revoked_at IS NULL;
  CREATE INDEX api_key_tenant_kind_created_user ON api_key(tenant_id, owner_kind, created, user_id) WHERE revoked_at IS NULL;

  CREATE TABLE session (
    id_hash TEXT COLLATE "C" PRIMARY KEY,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES "user"(id),
    created TEXT COLLATE "C" NOT NULL,
    last_seen TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL
  );
  -- session_user is a keyword in PostgreSQL (a function of the SQL standard): the name needs quotes.
  CREATE INDEX "session_user" ON session(user_id);

  CREATE TABLE invitation (
    id TEXT COLLATE "C" PRIMARY KEY,
    tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenant(id),
    email TEXT COLLATE keyplane_nocase NOT NULL,
    role TEXT COLLATE "C" NOT NULL CHECK (role IN ('TENANT_ADMIN', 'USER', 'READ_ONLY_USER')),
    token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    invited_by_id TEXT COLLATE "C" REFERENCES "user"(id),
    created TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL,
    accepted_at TEXT COLLATE "C",
    revoked_at TEXT COLLATE "C"
  );
  CREATE INDEX invitation_tenant ON invitation(tenant_id, created);

  CREATE TABLE audit_event (
    id TEXT COLLATE "C" PRIMARY KEY,
    action TEXT COLLATE "C" NOT NULL,
    actor_id TEXT COLLATE "C",
    tenant_id TEXT COLLATE "C",
    target_type TEXT COLLATE "C",
    target_id TEXT COLLATE "C",
    target_name TEXT COLLATE "C",
    source_address TEXT COLLATE "C",
    created TEXT COLLATE "C" NOT NULL,
    -- Why a change followed from another (a key revoked because its owner was removed); null when asked for directly.
    cause TEXT COLLATE "C"
  );
  CREATE INDEX audit_event_tenant_created ON audit_event(tenant_id, created);

  -- Active (unrevoked) keys per owner and tenant, kept by triggers in the same
  -- transaction as the change, so an unfiltered key count reads a few rows instead of
  -- every key. INSERT … ON CONFLICT and UPDATE lock the counter row, so concurrent
  -- transactions add up under READ COMMITTED.
  CREATE TABLE api_key_count (
    user_id TEXT COLLATE "C" NOT NULL,
    tenant_id TEXT COLLATE "C" NOT NULL,
    owner_kind TEXT COLLATE "C" NOT NULL,
    active INTEGER NOT NULL,
    PRIMARY KEY (user_id, tenant_id)
  );
  CREATE INDEX api_key_count_tenant_kind ON api_key_count(tenant_id, owner_kind);

  CREATE FUNCTION api_key_count_add() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO api_key_count (user_id, tenant_id, owner_kind, active) VALUES (NEW.user_id, NEW.tenant_id, NEW.owner_kind, 1)
      ON CONFLICT (user_id, tenant_id) DO UPDATE SET active = api_key_count.active + 1;
    RETURN NULL;
  END $$;
  CREATE FUNCTION api_key_count_remove() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE api_key_count SET active = active - 1 WHERE user_id = OLD.user_id AND tenant_id = OLD.tenant_id;
    RETURN NULL;
  END $$;
  CREATE TRIGGER api_key_count_insert AFTER INSERT ON api_key
    FOR EACH ROW WHEN (NEW.revoked_at IS NULL) EXECUTE FUNCTION api_key_count_add();
  CREATE TRIGGER api_key_count_revoke AFTER UPDATE OF revoked_at ON api_key
    FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION api_key_count_remove();
  CREATE TRIGGER api_key_count_unrevoke AFTER UPDATE OF revoked_at ON api_key
    FOR EACH ROW WHEN (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS NULL) EXECUTE FUNCTION api_key_count_add();
  CREATE TRIGGER api_key_count_delete AFTER DELETE ON api_key
    FOR EACH ROW WHEN (OLD.revoked_at IS NULL) EXECUTE FUNCTION api_key_count_remove();

  -- Owner, tenant and kind never change once a key exists.
  CREATE FUNCTION api_key_owner_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'an API key keeps its owner, tenant and kind' USING ERRCODE = 'integrity_constraint_violation';
  END $$;
  CREATE TRIGGER api_key_owner_fixed BEFORE UPDATE OF user_id, tenant_id, owner_kind ON api_key
    FOR EACH ROW WHEN (NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.owner_kind IS DISTINCT FROM OLD.owner_kind)
    EXECUTE FUNCTION api_key_owner_fixed();

  -- Browsers that have signed in to an account (OWASP's device cookies); rows go with their user.
  CREATE TABLE device_cookie (
    id TEXT COLLATE "C" PRIMARY KEY,
    token_hash TEXT COLLATE "C" NOT NULL,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
    created TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL,
    UNIQUE (token_hash, user_id)
  );
  CREATE INDEX device_cookie_user ON device_cookie(user_id, expires_at);

  -- Prefect agents that registered (register_agent), one row per key and agent.
  CREATE TABLE agent (
    id TEXT COLLATE "C" PRIMARY KEY,
    tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenant(id),
    api_key_id TEXT COLLATE "C" NOT NULL REFERENCES api_key(id),
    user_id TEXT COLLATE "C" NOT NULL REFERENCES "user"(id),
    type TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    labels TEXT COLLATE "C" NOT NULL,
    agent_config_id TEXT COLLATE "C",
    core_version TEXT COLLATE "C",
    created TEXT COLLATE "C" NOT NULL,
    registered_at TEXT COLLATE "C" NOT NULL
  );
  CREATE UNIQUE INDEX agent_identity ON agent(api_key_id, type, name, labels, coalesce(agent_config_id, ''));
  CREATE INDEX agent_tenant_created ON agent(tenant_id, created);
  `,
  },
  {
    version: 2,
    description: 'what several instances share: the change feed and the failed-authentication counts',
    sql: `
  CREATE TABLE change_feed (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL
  );
  INSERT INTO change_feed (id, seq) VALUES (1, 0);

  CREATE TABLE change_feed_instance (
    id TEXT COLLATE "C" PRIMARY KEY,
    seen_seq BIGINT NOT NULL,
    due_seq BIGINT NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL,
    lease_ms INTEGER NOT NULL,
    host TEXT COLLATE "C" NOT NULL,
    started_at TIMESTAMPTZ NOT NULL
  );

  CREATE TABLE auth_failure (
    scope TEXT COLLATE "C" NOT NULL,
    key_hash TEXT COLLATE "C" NOT NULL,
    window_end TIMESTAMPTZ NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (scope, key_hash)
  );
  `,
  },
  {
    version: 3,
    description: "the slugs tenants had before, so that old URLs lead to them (SQLite's migration 7)",
    sql: `
  CREATE TABLE tenant_slug_history (
    slug TEXT COLLATE "C" PRIMARY KEY,
    tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenant(id),
    changed TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX tenant_slug_history_tenant ON tenant_slug_history(tenant_id);
  `,
  },
  {
    version: 4,
    description: "agents seen per key: source address and Keyplane agents' check-ins (SQLite's migration 8)",
    sql: `
  ALTER TABLE agent ADD COLUMN source_address TEXT COLLATE "C";
  ALTER TABLE agent ADD COLUMN checks_in INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX agent_key_registered ON agent(api_key_id, registered_at);
  `,
  },
  {
    version: 5,
    description: "a key's own role (null: its owner's) and its description (SQLite's migration 9)",
    sql: `
  ALTER TABLE api_key ADD COLUMN role TEXT COLLATE "C" CHECK (role IN ('TENANT_ADMIN', 'USER', 'READ_ONLY_USER'));
  ALTER TABLE api_key ADD COLUMN description TEXT COLLATE "C";
  `,
  },
  {
    version: 6,
    description: "canary keys, and the user agent of audit events (SQLite's migration 10)",
    sql: `
  CREATE TABLE canary_key (
    id TEXT COLLATE "C" PRIMARY KEY,
    tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenant(id),
    name TEXT COLLATE "C" NOT NULL,
    description TEXT COLLATE "C",
    key_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    key_hint TEXT COLLATE "C" NOT NULL,
    created_by_id TEXT COLLATE "C" REFERENCES "user"(id),
    created TEXT COLLATE "C" NOT NULL,
    first_used_at TEXT COLLATE "C",
    last_used_at TEXT COLLATE "C",
    use_count INTEGER NOT NULL DEFAULT 0,
    last_source_address TEXT COLLATE "C",
    last_user_agent TEXT COLLATE "C",
    last_alerted_at TEXT COLLATE "C"
  );
  CREATE INDEX canary_key_tenant_created ON canary_key(tenant_id, created);
  ALTER TABLE audit_event ADD COLUMN user_agent TEXT COLLATE "C";
  `,
  },
  {
    version: 7,
    description: "key rotation: successor and predecessor, and when the overlap ends (SQLite's migration 11)",
    sql: `
  ALTER TABLE api_key ADD COLUMN replaces_id TEXT COLLATE "C" REFERENCES api_key(id);
  ALTER TABLE api_key ADD COLUMN replaced_by_id TEXT COLLATE "C" REFERENCES api_key(id);
  ALTER TABLE api_key ADD COLUMN rotation_ends_at TEXT COLLATE "C";
  CREATE INDEX api_key_rotation_ends ON api_key(rotation_ends_at) WHERE rotation_ends_at IS NOT NULL AND revoked_at IS NULL;
  `,
  },
  {
    version: 8,
    description: "the last use's source address, live keys by hint, and audit details (SQLite's migration 12)",
    sql: `
  ALTER TABLE api_key ADD COLUMN last_used_address TEXT COLLATE "C";
  CREATE INDEX api_key_tenant_hint ON api_key(tenant_id, key_hint) WHERE revoked_at IS NULL;
  ALTER TABLE audit_event ADD COLUMN detail TEXT COLLATE "C";
  `,
  },
  {
    version: 9,
    description: "tenant key policies (SQLite's migration 13)",
    sql: `
  CREATE TABLE tenant_policy (
    tenant_id TEXT COLLATE "C" PRIMARY KEY REFERENCES tenant(id),
    user_key_max_days INTEGER,
    service_key_max_days INTEGER,
    require_expiry INTEGER NOT NULL DEFAULT 0,
    idle_days INTEGER,
    updated TEXT COLLATE "C" NOT NULL,
    updated_by_id TEXT COLLATE "C" REFERENCES "user"(id)
  );
  `,
  },
  {
    version: 10,
    description: "the scheduler's job leases and the key warnings it sent (SQLite's migration 14)",
    sql: `
  CREATE TABLE job_lease (
    job TEXT COLLATE "C" PRIMARY KEY,
    holder TEXT COLLATE "C" NOT NULL,
    leased_until TEXT COLLATE "C" NOT NULL
  );
  CREATE TABLE key_warning (
    api_key_id TEXT COLLATE "C" NOT NULL REFERENCES api_key(id),
    kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('expiry_7d', 'expiry_1d', 'idle', 'expired')),
    created TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (api_key_id, kind)
  );
  CREATE INDEX api_key_live_expires ON api_key(expires_at) WHERE expires_at IS NOT NULL AND revoked_at IS NULL;
  `,
  },
  {
    version: 11,
    description: "per-tenant webhooks and their deliveries (SQLite's migration 15)",
    sql: `
  CREATE TABLE webhook (
    id TEXT COLLATE "C" PRIMARY KEY,
    tenant_id TEXT COLLATE "C" NOT NULL REFERENCES tenant(id),
    url TEXT COLLATE "C" NOT NULL,
    events TEXT COLLATE "C" NOT NULL,
    secret TEXT COLLATE "C" NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    created TEXT COLLATE "C" NOT NULL,
    created_by_id TEXT COLLATE "C" REFERENCES "user"(id),
    updated TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX webhook_tenant ON webhook(tenant_id);
  CREATE TABLE webhook_delivery (
    id TEXT COLLATE "C" PRIMARY KEY,
    webhook_id TEXT COLLATE "C" NOT NULL REFERENCES webhook(id),
    event_id TEXT COLLATE "C" NOT NULL,
    event_type TEXT COLLATE "C" NOT NULL,
    payload TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT COLLATE "C",
    last_attempt_at TEXT COLLATE "C",
    response_status INTEGER,
    duration_ms INTEGER,
    error TEXT COLLATE "C",
    claimed_until TEXT COLLATE "C",
    created TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX webhook_delivery_due ON webhook_delivery(next_attempt_at) WHERE status = 'pending';
  CREATE INDEX webhook_delivery_webhook_created ON webhook_delivery(webhook_id, created);
  `,
  },
  {
    version: 12,
    description: "the key list's page found in its scope's index alone (SQLite's migration 16)",
    sql: `
  CREATE INDEX api_key_owner_created_id ON api_key(user_id, created, id, tenant_id) WHERE revoked_at IS NULL;
  CREATE INDEX api_key_tenant_kind_created_id ON api_key(tenant_id, owner_kind, created, id, user_id) WHERE revoked_at IS NULL;
  DROP INDEX api_key_owner_created;
  DROP INDEX api_key_tenant_kind_created_user;
  `,
  },
];

/**
 * Tables SQLite has no counterpart of: how instances that share one PostgreSQL database
 * coordinate (store/postgres/change-feed.ts, auth/shared-failure-limiter.ts). One SQLite
 * server is one process, which keeps the same things in memory.
 */
export const POSTGRES_ONLY_TABLES: readonly string[] = ['auth_failure', 'change_feed', 'change_feed_instance'];

/** The version these migrations end at: what a server of this version needs. */
export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS.length;

/** An arbitrary 64-bit key for pg_advisory_xact_lock that no other part of Keyplane takes ('keyplane' in ASCII). */
const MIGRATION_LOCK = '7738725058467688037';

const SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

async function currentVersion(db: Queryable): Promise<number> {
  const row = await db.get<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return row?.version ?? 0;
}

/** The schema version the database is at: 0 for a database that no Keyplane has migrated. */
export async function postgresSchemaVersion(db: Queryable): Promise<number> {
  const table = await db.get<{ present: number }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  return table?.present ? currentVersion(db) : 0;
}

export interface MigrationResult {
  /** The schema version after migrating (a newer database's is left as it is). */
  version: number;
  /** The versions this call applied, none when another instance had done it. */
  applied: number[];
}

/**
 * Applies the migrations the database has not had, all in one transaction (PostgreSQL's
 * DDL is transactional: a failing migration leaves the schema as it was), under an
 * advisory lock that concurrent callers queue on.
 */
export async function migratePostgres(driver: Driver, migrations: readonly Migration[] = POSTGRES_MIGRATIONS): Promise<MigrationResult> {
  return driver.transaction(async (tx) => {
    await tx.get(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.run(SCHEMA_MIGRATIONS);
    const from = await currentVersion(tx);
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      await tx.run(migration.sql);
      await tx.run('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.description,
        new Date().toISOString(),
      ]);
      applied.push(migration.version);
    }
    return { version: Math.max(from, applied.at(-1) ?? 0), applied };
  });
}

import type Database from 'better-sqlite3';

// Versioned migrations, applied in order at start-up; PRAGMA user_version records
// the last one applied. Never edit a released migration: add a new one.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE tenant (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL
  );

  CREATE TABLE user (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    email TEXT UNIQUE COLLATE NOCASE,
    first_name TEXT,
    last_name TEXT,
    account_type TEXT NOT NULL CHECK (account_type IN ('NORMAL', 'SERVICE')),
    password_hash TEXT,
    default_membership_id TEXT,
    created TEXT NOT NULL
  );

  CREATE TABLE membership (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenant(id),
    user_id TEXT NOT NULL REFERENCES user(id),
    role TEXT NOT NULL CHECK (role IN ('TENANT_ADMIN', 'USER', 'READ_ONLY_USER')),
    created TEXT NOT NULL,
    UNIQUE (tenant_id, user_id)
  );
  CREATE INDEX membership_user ON membership(user_id);

  CREATE TABLE api_key (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    key_hint TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES user(id),
    tenant_id TEXT NOT NULL REFERENCES tenant(id),
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('NORMAL', 'SERVICE')),
    created_by_id TEXT REFERENCES user(id),
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    expires_at TEXT,
    last_used_at TEXT,
    revoked_at TEXT
  );
  -- A user's own keys, newest first; and a tenant's service-account keys, newest first.
  CREATE INDEX api_key_owner_created ON api_key(user_id, created) WHERE revoked_at IS NULL;
  CREATE INDEX api_key_tenant_kind_created ON api_key(tenant_id, owner_kind, created) WHERE revoked_at IS NULL;

  CREATE TABLE session (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES user(id),
    created TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX session_user ON session(user_id);

  CREATE TABLE invitation (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenant(id),
    email TEXT NOT NULL COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('TENANT_ADMIN', 'USER', 'READ_ONLY_USER')),
    token_hash TEXT NOT NULL UNIQUE,
    invited_by_id TEXT REFERENCES user(id),
    created TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT,
    revoked_at TEXT
  );
  CREATE INDEX invitation_tenant ON invitation(tenant_id, created);

  CREATE TABLE audit_event (
    id TEXT PRIMARY KEY,
    action TEXT NOT NULL,
    actor_id TEXT,
    tenant_id TEXT,
    target_type TEXT,
    target_id TEXT,
    target_name TEXT,
    source_address TEXT,
    created TEXT NOT NULL
  );
  CREATE INDEX audit_event_tenant_created ON audit_event(tenant_id, created);
  `,
  `
  -- user_id joins the service-account index: "not the caller's own key" is then read
  -- from the index, so counting a tenant's service-account keys reads no table rows
  -- (measured at 80,000 such keys: 79 ms -> 7 ms per count).
  CREATE INDEX api_key_tenant_kind_created_user ON api_key(tenant_id, owner_kind, created, user_id) WHERE revoked_at IS NULL;
  DROP INDEX api_key_tenant_kind_created;
  `,
  `
  -- Active (unrevoked) keys per owner and tenant, kept by triggers in the same
  -- transaction as the change, so an unfiltered key count reads a few rows instead of
  -- every key (measured at 80,000 service-account keys: 17-56 ms -> microseconds).
  CREATE TABLE api_key_count (
    user_id TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    owner_kind TEXT NOT NULL,
    active INTEGER NOT NULL,
    PRIMARY KEY (user_id, tenant_id)
  );
  CREATE INDEX api_key_count_tenant_kind ON api_key_count(tenant_id, owner_kind);
  INSERT INTO api_key_count (user_id, tenant_id, owner_kind, active)
    SELECT user_id, tenant_id, owner_kind, count(*) FROM api_key WHERE revoked_at IS NULL GROUP BY user_id, tenant_id;

  CREATE TRIGGER api_key_count_insert AFTER INSERT ON api_key WHEN NEW.revoked_at IS NULL BEGIN
    INSERT INTO api_key_count (user_id, tenant_id, owner_kind, active) VALUES (NEW.user_id, NEW.tenant_id, NEW.owner_kind, 1)
      ON CONFLICT (user_id, tenant_id) DO UPDATE SET active = active + 1;
  END;
  CREATE TRIGGER api_key_count_revoke AFTER UPDATE OF revoked_at ON api_key
    WHEN OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL BEGIN
    UPDATE api_key_count SET active = active - 1 WHERE user_id = OLD.user_id AND tenant_id = OLD.tenant_id;
  END;
  CREATE TRIGGER api_key_count_unrevoke AFTER UPDATE OF revoked_at ON api_key
    WHEN OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS NULL BEGIN
    INSERT INTO api_key_count (user_id, tenant_id, owner_kind, active) VALUES (NEW.user_id, NEW.tenant_id, NEW.owner_kind, 1)
      ON CONFLICT (user_id, tenant_id) DO UPDATE SET active = active + 1;
  END;
  CREATE TRIGGER api_key_count_delete AFTER DELETE ON api_key WHEN OLD.revoked_at IS NULL BEGIN
    UPDATE api_key_count SET active = active - 1 WHERE user_id = OLD.user_id AND tenant_id = OLD.tenant_id;
  END;
  -- Owner, tenant and kind never change once a key exists.
  CREATE TRIGGER api_key_owner_fixed BEFORE UPDATE OF user_id, tenant_id, owner_kind ON api_key
    WHEN NEW.user_id IS NOT OLD.user_id OR NEW.tenant_id IS NOT OLD.tenant_id OR NEW.owner_kind IS NOT OLD.owner_kind BEGIN
    SELECT RAISE(ABORT, 'an API key keeps its owner, tenant and kind');
  END;
  `,
  `
  -- Browsers that have signed in to an account (OWASP's device cookies): a sign-in that
  -- presents one is limited on its own, not by the lockout other clients' failures
  -- cause. One row per browser and account; only the SHA-256 of the token is kept.
  -- Rows go with their user; a password change can delete a user's rows.
  CREATE TABLE device_cookie (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    created TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    UNIQUE (token_hash, user_id)
  );
  CREATE INDEX device_cookie_user ON device_cookie(user_id, expires_at);
  `,
  `
  -- Why a change followed from another (a key revoked because its owner was removed):
  -- null for a change asked for directly. Events written before this column kept the
  -- cause after U+001F in target_name; it moves here.
  ALTER TABLE audit_event ADD COLUMN cause TEXT;
  UPDATE audit_event
    SET cause = substr(target_name, instr(target_name, char(31)) + 1),
        target_name = nullif(substr(target_name, 1, instr(target_name, char(31)) - 1), '')
    WHERE instr(target_name, char(31)) > 0;
  `,
  `
  -- Prefect agents that registered (register_agent), by the key they used. One row per
  -- key and agent (type, name, labels, configuration): an agent that restarts registers
  -- the same row again. Last seen is not stored: it is the later of registered_at and
  -- the key's last_used_at, which is already written at most once a minute.
  CREATE TABLE agent (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenant(id),
    api_key_id TEXT NOT NULL REFERENCES api_key(id),
    user_id TEXT NOT NULL REFERENCES user(id),
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    labels TEXT NOT NULL,
    agent_config_id TEXT,
    core_version TEXT,
    created TEXT NOT NULL,
    registered_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX agent_identity ON agent(api_key_id, type, name, labels, coalesce(agent_config_id, ''));
  CREATE INDEX agent_tenant_created ON agent(tenant_id, created);
  `,
  `
  -- The slugs tenants had before their current one, so that old URLs still lead to them
  -- (tenant_by_previous_slug). A slug belongs to one tenant at a time: a tenant that
  -- takes a slug (created with it or changed to it) removes it from here.
  CREATE TABLE tenant_slug_history (
    slug TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenant(id),
    changed TEXT NOT NULL
  );
  CREATE INDEX tenant_slug_history_tenant ON tenant_slug_history(tenant_id);
  `,
  `
  -- Agents seen per key: where each was last seen from, and whether it says so itself on
  -- every check-in (Keyplane's agent: registered_at is then its own last check-in, to
  -- within a minute) or only when it starts (Prefect's: its key's last use stands in).
  ALTER TABLE agent ADD COLUMN source_address TEXT;
  ALTER TABLE agent ADD COLUMN checks_in INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX agent_key_registered ON agent(api_key_id, registered_at);
  `,
  `
  -- A key's own role, at most its owner's when made: it acts with the lower of this and
  -- its owner's role at each request; null (every key made before) follows the owner.
  -- And a description people write, for what the key is for.
  ALTER TABLE api_key ADD COLUMN role TEXT CHECK (role IN ('TENANT_ADMIN', 'USER', 'READ_ONLY_USER'));
  ALTER TABLE api_key ADD COLUMN description TEXT;
  `,
  `
  -- Canary keys: decoys an administrator plants (a repository, a CI variable) whose every
  -- use is refused like a revoked key's and raises an alert. Not in api_key, so that no
  -- list, count or credential lookup of keys can see one. The last use's address and user
  -- agent, the use count and when the last alert was raised (alerts are bounded per hour).
  CREATE TABLE canary_key (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenant(id),
    name TEXT NOT NULL,
    description TEXT,
    key_hash TEXT NOT NULL UNIQUE,
    key_hint TEXT NOT NULL,
    created_by_id TEXT REFERENCES user(id),
    created TEXT NOT NULL,
    first_used_at TEXT,
    last_used_at TEXT,
    use_count INTEGER NOT NULL DEFAULT 0,
    last_source_address TEXT,
    last_user_agent TEXT,
    last_alerted_at TEXT
  );
  CREATE INDEX canary_key_tenant_created ON canary_key(tenant_id, created);
  -- The client's User-Agent, for the events where it is the evidence (api_key.canary_used).
  ALTER TABLE audit_event ADD COLUMN user_agent TEXT;
  `,
  `
  -- Rotation (rotate_api_key): a successor names the key it replaces; the key being
  -- replaced names its successor and when its overlap ends. It keeps working until the
  -- first of its successor's first use and that time, then is revoked with the cause.
  ALTER TABLE api_key ADD COLUMN replaces_id TEXT REFERENCES api_key(id);
  ALTER TABLE api_key ADD COLUMN replaced_by_id TEXT REFERENCES api_key(id);
  ALTER TABLE api_key ADD COLUMN rotation_ends_at TEXT;
  -- The rotations still under way, for the sweep that ends those whose overlap is over.
  CREATE INDEX api_key_rotation_ends ON api_key(rotation_ends_at) WHERE rotation_ends_at IS NOT NULL AND revoked_at IS NULL;
  `,
  `
  -- "Whose key is this?" (lookup_api_key): the source address of a key's last recorded
  -- use, written with last_used_at (at most once a minute); live keys found by their
  -- hint within a tenant; and what an audit event says beyond its target (where a
  -- leaked key was found).
  ALTER TABLE api_key ADD COLUMN last_used_address TEXT;
  CREATE INDEX api_key_tenant_hint ON api_key(tenant_id, key_hint) WHERE revoked_at IS NULL;
  ALTER TABLE audit_event ADD COLUMN detail TEXT;
  `,
  `
  -- A tenant's key policy (tenant_policy, set_tenant_policy): the longest a new user key
  -- and a new service-account key may live, in days (null: no limit); whether every new
  -- key must expire; and after how many days unused a key is revoked (null: never).
  -- No row: no policy. Existing keys are never changed by a policy (see docs/policies.md).
  CREATE TABLE tenant_policy (
    tenant_id TEXT PRIMARY KEY REFERENCES tenant(id),
    user_key_max_days INTEGER,
    service_key_max_days INTEGER,
    require_expiry INTEGER NOT NULL DEFAULT 0,
    idle_days INTEGER,
    updated TEXT NOT NULL,
    updated_by_id TEXT REFERENCES user(id)
  );
  `,
  `
  -- The scheduler (server/scheduler/): which instance runs a job this period (one row per
  -- job, taken by a conditional UPDATE or INSERT once leased_until has passed), and the
  -- warnings the key jobs sent, at most one per key and kind (expiry_7d, expiry_1d, idle,
  -- expired): an idle warning is renewed when the key was used after it.
  CREATE TABLE job_lease (
    job TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    leased_until TEXT NOT NULL
  );
  CREATE TABLE key_warning (
    api_key_id TEXT NOT NULL REFERENCES api_key(id),
    kind TEXT NOT NULL CHECK (kind IN ('expiry_7d', 'expiry_1d', 'idle', 'expired')),
    created TEXT NOT NULL,
    PRIMARY KEY (api_key_id, kind)
  );
  -- Live keys by expiry, for the warnings and the expired job.
  CREATE INDEX api_key_live_expires ON api_key(expires_at) WHERE expires_at IS NOT NULL AND revoked_at IS NULL;
  `,
  `
  -- Per-tenant signed webhooks (docs/webhooks.md). events: a JSON array of event names;
  -- secret: the signing secret, kept in the clear because the server signs with it (it
  -- authenticates Keyplane to the receiver, it is no API key), shown once at creation.
  CREATE TABLE webhook (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenant(id),
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    created TEXT NOT NULL,
    created_by_id TEXT REFERENCES user(id),
    updated TEXT NOT NULL
  );
  -- Every audit event of a tenant reads its enabled webhooks: by tenant.
  CREATE INDEX webhook_tenant ON webhook(tenant_id);
  -- The outbox: one row per webhook and event, queued in the transaction of the change,
  -- sent by the worker (server/webhooks/worker.ts), which claims a row until claimed_until.
  CREATE TABLE webhook_delivery (
    id TEXT PRIMARY KEY,
    webhook_id TEXT NOT NULL REFERENCES webhook(id),
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_attempt_at TEXT,
    response_status INTEGER,
    duration_ms INTEGER,
    error TEXT,
    claimed_until TEXT,
    created TEXT NOT NULL
  );
  -- What is due (the worker's poll), and a webhook's deliveries newest first (the list, the pruning).
  CREATE INDEX webhook_delivery_due ON webhook_delivery(next_attempt_at) WHERE status = 'pending';
  CREATE INDEX webhook_delivery_webhook_created ON webhook_delivery(webhook_id, created);
  `,
  // 16: the key list's page found in its scope's index alone. Each index holds the default
  // order (created), its tie-breaker (id) and what the scope filters on besides, so a
  // branch of listApiKeys reads exactly the entries it returns, in order, and no row.
  `
  CREATE INDEX api_key_owner_created_id ON api_key(user_id, created, id, tenant_id) WHERE revoked_at IS NULL;
  CREATE INDEX api_key_tenant_kind_created_id ON api_key(tenant_id, owner_kind, created, id, user_id) WHERE revoked_at IS NULL;
  DROP INDEX api_key_owner_created;
  DROP INDEX api_key_tenant_kind_created_user;
  `,
];

export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

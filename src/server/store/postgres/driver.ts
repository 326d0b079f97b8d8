import pg from 'pg';
import { DatabaseUnavailableError } from '../database-unavailable.js';
import type { Driver, Queryable, RunResult, SqlValue } from '../sql/driver.js';
import { StatementCache } from './placeholders.js';

export interface PostgresSettings {
  /** postgres://user:password@host:port/database?… (libpq's URL form, as pg reads it). */
  connectionString: string;
  /** Connections the pool opens at most (KEYPLANE_DATABASE_POOL_MAX). */
  maxConnections?: number;
  /** A statement running longer is cancelled by the server (KEYPLANE_DATABASE_STATEMENT_TIMEOUT_MS); 0: no limit. */
  statementTimeoutMs?: number;
  /** How long to wait for a connection, new or from the pool, before the database counts as unavailable (KEYPLANE_DATABASE_CONNECT_TIMEOUT_MS). */
  connectionTimeoutMs?: number;
  /** An idle connection is closed after this long. */
  idleTimeoutMs?: number;
  /** Attempts a transaction gets when PostgreSQL aborts it as a serialization failure or deadlock victim. */
  transactionAttempts?: number;
}

export const POSTGRES_DEFAULTS = {
  maxConnections: 10,
  statementTimeoutMs: 30_000,
  connectionTimeoutMs: 5_000,
  idleTimeoutMs: 30_000,
  transactionAttempts: 4,
} as const;

/** The URL without its password, for messages and logs. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL database';
  }
}

// ------------------------------------------------------------------ result types

const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;

/**
 * This pool's parsers (pg's global `types` stay untouched): count(*) and sum() answer
 * int8 and numeric, which pg gives as strings by default; the store reads numbers, as
 * better-sqlite3 gives them. Booleans (a comparison selected as a column) come back as
 * 1 and 0, SQLite's values.
 */
function keyplaneTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8, 'text', (text) => Number(text));
  types.setTypeParser(NUMERIC, 'text', (text) => Number(text));
  types.setTypeParser(BOOL, 'text', (text) => (text === 't' ? 1 : 0));
  return types;
}

// ------------------------------------------------------------------ errors

/** Node's socket errors that mean the server is unreachable (ENOENT: no Unix socket there). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN', 'ENOENT']);
/** SQLSTATEs of a server that is going away, starting, full or unreachable (class 08: connection exceptions). */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** pg's own errors without a code: a connection cut while in use, a connect that timed out. */
const CUT_CONNECTION = /Connection terminated|connection error|timeout exceeded when trying to connect|Connection ended/i;

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined;

export function isConnectionError(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = codeOf(error);
  if (code !== undefined) return NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08');
  return error instanceof Error && CUT_CONNECTION.test(error.message);
}

/** A connection failure as DatabaseUnavailableError; any other error as it is. */
function translated(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isConnectionError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DatabaseUnavailableError(`PostgreSQL is unavailable: ${reason}`, { cause: error, code: codeOf(error) });
}

// ------------------------------------------------------------------ the driver

type Runner = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * PostgreSQL's text cannot hold U+0000, which SQLite's can (a NUL in a sign-in's email,
 * recorded in the audit log). Bound as it is, it fails the statement; it is bound as
 * U+FFFD instead, the character that stands for one that cannot be represented: a lookup
 * by such a string finds what was stored with it, as on SQLite, and a stored one shows
 * where the NUL was.
 */
const storable = (value: SqlValue): SqlValue => (typeof value === 'string' && value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value);

/** Queries through one runner (the pool, or one transaction's client), ? placeholders numbered. */
class PgQueryable implements Queryable {
  constructor(
    private readonly runner: () => Runner,
    private readonly statements: StatementCache,
  ) {}

  private config(sql: string, params: readonly SqlValue[] | undefined): pg.QueryConfig<SqlValue[]> {
    const statement = this.statements.get(sql);
    // Without parameters pg sends the text as a simple query, which may hold several
    // statements (a migration); only statements with parameters are prepared.
    if (!params || params.length === 0) return { text: statement.text, values: [] };
    return { text: statement.text, values: params.map(storable), ...(statement.name !== undefined && { name: statement.name }) };
  }

  private async query(sql: string, params: readonly SqlValue[] | undefined, rowMode?: 'array'): Promise<pg.QueryResult> {
    try {
      return await this.runner().query({ ...this.config(sql, params), ...(rowMode && { rowMode }) });
    } catch (error) {
      throw translated(error);
    }
  }

  async all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | null> {
    return ((await this.query(sql, params)).rows[0] as T | undefined) ?? null;
  }

  async rows(sql: string, params?: readonly SqlValue[]): Promise<unknown[][]> {
    return (await this.query(sql, params, 'array')).rows as unknown[][];
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL through a pg.Pool. Statements outside a transaction take any free
 * connection; a transaction holds one connection from BEGIN to COMMIT. So a
 * transaction's function must query through the `tx` it is given: a query on the
 * driver itself waits for another connection (with maxConnections 1, for ever).
 */
export class PostgresDriver implements Driver {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly statements = new StatementCache();
  private readonly direct: PgQueryable;
  private readonly transactionAttempts: number;
  private closing: Promise<void> | null = null;

  constructor(settings: PostgresSettings) {
    const { maxConnections, statementTimeoutMs, connectionTimeoutMs, idleTimeoutMs, transactionAttempts } = { ...POSTGRES_DEFAULTS, ...settings };
    this.transactionAttempts = transactionAttempts;
    this.pool = new pg.Pool({
      connectionString: settings.connectionString,
      max: maxConnections,
      connectionTimeoutMillis: connectionTimeoutMs,
      idleTimeoutMillis: idleTimeoutMs,
      statement_timeout: statementTimeoutMs,
      application_name: 'keyplane',
      types: keyplaneTypes(),
    });
    // An idle connection that the server drops (a restart, a failover) emits 'error' on
    // the pool; unheard, Node would end the process. The pool discards that connection
    // and the next query opens a new one.
    this.pool.on('error', () => undefined);
    this.direct = new PgQueryable(() => this.pool, this.statements);
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.direct.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | null> {
    return this.direct.get<T>(sql, params);
  }

  rows(sql: string, params?: readonly SqlValue[]): Promise<unknown[][]> {
    return this.direct.rows(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return this.direct.run(sql, params);
  }

  /**
   * READ COMMITTED on one connection. A serialization failure or a deadlock aborts the
   * whole transaction, so fn runs again from the start (up to transactionAttempts
   * times): it must not have effects outside the database that a second run repeats.
   */
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transactionOnce(fn);
      } catch (error) {
        const code = codeOf(error);
        if ((code !== SERIALIZATION_FAILURE && code !== DEADLOCK_DETECTED) || attempt >= this.transactionAttempts) throw error;
        // A little random back-off, so two transactions that collided do not collide again.
        await pause(Math.random() * 10 * attempt);
      }
    }
  }

  private async transactionOnce<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translated(error);
    }
    // A connection the server drops while checked out emits 'error' on the client, which
    // the pool listens for only while the client is idle: unheard, it would end the process.
    // The statement under way fails with it anyway.
    let broken: unknown = undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    let open = true;
    const tx = new PgQueryable(() => {
      if (!open) throw new Error('This transaction has ended: query through the driver, or run the query inside the transaction.');
      return client;
    }, this.statements);
    try {
      await tx.run('BEGIN ISOLATION LEVEL READ COMMITTED');
      const result = await fn(tx);
      await tx.run('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is unusable: do not give it back to the pool.
        broken = rollbackError;
      }
      throw isConnectionError(error) ? translated(error) : error;
    } finally {
      open = false;
      client.off('error', onError);
      client.release(broken instanceof Error ? broken : broken === undefined ? undefined : true);
    }
  }

  async ping(): Promise<void> {
    await this.direct.get('SELECT 1');
  }

  /** Ends every connection once the statements under way are done; later calls wait for the same end. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Driver, Queryable, RunResult, SqlValue } from '../sql/driver.js';
import { BackgroundCheckpointer, IN_COMMIT_CHECKPOINT_PAGES, WAL_BOUND_PAGES, WAL_FILE_LIMIT_BYTES } from './checkpointer.js';
import { migrate, MIGRATIONS } from './migrations.js';

export interface SqliteOptions {
  /** A read-only connection of its own (readiness checks, gauges): no migrations, no writes. */
  readonly?: boolean;
  /**
   * Checkpoint the WAL from a thread of its own (sqlite/checkpointer.ts) rather than in the
   * commit that takes it past 1,000 pages, as SQLite does by default. The server's connection.
   */
  backgroundCheckpoints?: boolean;
}

/** List queries vary with their filters; the statement caches stay bounded. */
const MAX_CACHED_STATEMENTS = 500;

/**
 * SQLite through better-sqlite3, on one connection. Its calls are synchronous: outside
 * a transaction a query runs at once and its answer comes back in a resolved promise,
 * which costs a microtask and nothing else.
 *
 * A transaction (BEGIN IMMEDIATE … COMMIT) holds the connection while its async
 * function runs: a query that anything else sends meanwhile would land inside the
 * transaction, so it waits until the transaction has ended, as does another transaction.
 */
/** A synchronous call's result or error as a promise. */
function settled<R>(work: () => R): Promise<R> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export class SqliteDriver implements Driver {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly rawStatements = new Map<string, Database.Statement>();
  private readonly dataVersionStatement: Database.Statement;
  /** Set while a transaction is open: resolves when it has ended. */
  private busy: Promise<void> | null = null;
  /** The checkpoint thread, when this connection has one (started by its first write). */
  readonly checkpointer: BackgroundCheckpointer | null = null;

  constructor(
    readonly file: string,
    options: SqliteOptions = {},
  ) {
    if (options.readonly) {
      this.db = new Database(file, { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 1000');
    } else {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      // WAL with synchronous=NORMAL is durable across process crashes (not power loss).
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      migrate(this.db);
      if (options.backgroundCheckpoints && file !== ':memory:') {
        this.db.pragma(`wal_autocheckpoint = ${WAL_BOUND_PAGES}`);
        this.db.pragma(`journal_size_limit = ${WAL_FILE_LIMIT_BYTES}`);
        this.checkpointer = new BackgroundCheckpointer(file, () => {
          if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${IN_COMMIT_CHECKPOINT_PAGES}`);
        });
      }
    }
    this.dataVersionStatement = this.db.prepare('PRAGMA data_version').pluck();
  }

  get open(): boolean {
    return this.db.open;
  }

  /**
   * SQLite's data_version: it moves when another connection (another process, the
   * sqlite3 shell) commits, not for this connection's own commits. Reading it starts a
   * read transaction, about the cost of a small query.
   */
  dataVersion(): number {
    return this.dataVersionStatement.get() as number;
  }

  /** The schema version the file records (PRAGMA user_version), and the latest this build knows. */
  schemaVersion(): { applied: number; known: number } {
    return { applied: this.db.pragma('user_version', { simple: true }) as number, known: MIGRATIONS.length };
  }

  /** Statements are prepared once and reused: the hot path never re-parses SQL. */
  private statement(sql: string): Database.Statement {
    return this.prepared(this.statements, sql, false);
  }

  /**
   * Like statement, but rows come back as arrays. For a page of 50 keys, better-sqlite3
   * spends about as long building row objects as SQLite spends finding the rows;
   * arrays take half that.
   */
  private rawStatement(sql: string): Database.Statement {
    return this.prepared(this.rawStatements, sql, true);
  }

  private prepared(cache: Map<string, Database.Statement>, sql: string, raw: boolean): Database.Statement {
    let statement = cache.get(sql);
    if (!statement) {
      // List queries vary with their filters; keep the cache bounded.
      if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
      statement = this.db.prepare(sql);
      if (raw) statement.raw(true);
      cache.set(sql, statement);
    }
    return statement;
  }

  /** The synchronous calls, shared by the driver (when no transaction is open) and a transaction's queryable. */
  private readonly now = {
    all: <T>(sql: string, params: readonly SqlValue[] = []): T[] => this.statement(sql).all(...params) as T[],
    get: <T>(sql: string, params: readonly SqlValue[] = []): T | null => (this.statement(sql).get(...params) as T | undefined) ?? null,
    rows: (sql: string, params: readonly SqlValue[] = []): unknown[][] => this.rawStatement(sql).all(...params) as unknown[][],
    run: (sql: string, params: readonly SqlValue[] = []): RunResult => {
      const { changes } = this.statement(sql).run(...params);
      this.checkpointer?.start();
      return { changes };
    },
  };

  /** Runs a synchronous call now, or once the open transaction has ended. */
  private call<R>(work: () => R): Promise<R> {
    return this.busy ? this.afterTransaction(work) : settled(work);
  }

  private async afterTransaction<R>(work: () => R): Promise<R> {
    while (this.busy) await this.busy;
    return work();
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.call(() => this.now.all<T>(sql, params));
  }

  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | null> {
    return this.call(() => this.now.get<T>(sql, params));
  }

  getNow<T>(sql: string, params?: readonly SqlValue[]): T | null | undefined {
    return this.busy ? undefined : this.now.get<T>(sql, params);
  }

  rows(sql: string, params?: readonly SqlValue[]): Promise<unknown[][]> {
    return this.call(() => this.now.rows(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return this.call(() => this.now.run(sql, params));
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    while (this.busy) await this.busy;
    let end!: () => void;
    this.busy = new Promise<void>((resolve) => (end = resolve));
    let open = true;
    const within = <R>(work: () => R): Promise<R> => {
      if (!open) return Promise.reject(new Error('This transaction has ended: query through the driver, or run the query inside the transaction.'));
      return settled(work);
    };
    const tx: Queryable = {
      all: (sql, params) => within(() => this.now.all(sql, params)),
      get: (sql, params) => within(() => this.now.get(sql, params)),
      rows: (sql, params) => within(() => this.now.rows(sql, params)),
      run: (sql, params) => within(() => this.now.run(sql, params)),
    };
    try {
      this.statement('BEGIN IMMEDIATE').run();
      const result = await fn(tx);
      this.statement('COMMIT').run();
      return result;
    } catch (error) {
      if (this.db.open && this.db.inTransaction) this.statement('ROLLBACK').run();
      throw error;
    } finally {
      open = false;
      this.busy = null;
      end();
    }
  }

  async ping(): Promise<void> {
    await this.get('SELECT 1');
  }

  /**
   * Closes the connection at once when no transaction is open (the usual case: the
   * server closes it after the requests under way have finished), else when it ends;
   * after the checkpoint thread, if it runs, so that this close is the last one, which
   * checkpoints what is left and removes the WAL.
   */
  close(): Promise<void> {
    if (this.busy || this.checkpointer?.running) return this.closeAfterWork();
    this.closeNow();
    return Promise.resolve();
  }

  private async closeAfterWork(): Promise<void> {
    while (this.busy) await this.busy;
    await this.checkpointer?.stop();
    this.closeNow();
  }

  private closeNow(): void {
    if (this.db.open) this.db.close();
  }
}

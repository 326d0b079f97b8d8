// What the SQL store (sql-store.ts) needs from a database: SQLite through better-sqlite3
// (store/sqlite/driver.ts) or PostgreSQL through pg (store/postgres/driver.ts).
//
// The SQL the store writes is the subset both dialects read the same way:
// - ? placeholders (the PostgreSQL driver numbers them $1, $2, … outside quoted text);
// - identifiers in double quotes where they are keywords ("user");
// - timestamps as ISO-8601 text in UTC (they sort as text), flags as 0/1 integers,
//   labels as JSON text: the PostgreSQL schema uses the same column types for that reason;
// - whatever differs (GLOB against LIKE, max() against greatest()) is asked of `dialect`
//   (sql/dialect.ts, the one place that branches on it).
//
// What SqlStore relies on besides (both drivers keep to it):
// - equality on an email (user.email, invitation.email) ignores case: the column's
//   collation does it (NOCASE in SQLite), the store compares with plain =;
// - a UNIQUE violation rejects with the database's code on error.code
//   (SQLITE_CONSTRAINT_UNIQUE, or PostgreSQL's 23505), so the store can name the field;
// - a transaction's function queries through its `tx` only, and has no effect outside the
//   database (it may run again after a serialization failure): the store tells its
//   ChangeFeed after transaction() has resolved, never inside.

export type Dialect = 'sqlite' | 'postgres';

/** A value bound to a placeholder. Booleans are bound as 0 and 1. */
export type SqlValue = string | number | null;

export interface RunResult {
  /** Rows inserted, updated or deleted by the statement. */
  changes: number;
}

export interface Queryable {
  /** Every row, as objects keyed by column name. Integer columns (count(*) too) come back as numbers. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** The first row, or null. */
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | null>;
  /** Every row as an array of its values in select order: cheaper than objects for wide pages. */
  rows(sql: string, params?: readonly SqlValue[]): Promise<unknown[][]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
}

export interface Driver extends Queryable {
  readonly dialect: Dialect;
  /**
   * Runs fn in one transaction on one connection: committed when fn resolves, rolled back
   * when it throws (and the error rethrown). Nothing else runs on that connection meanwhile.
   * SQLite: BEGIN IMMEDIATE (one writer at a time). PostgreSQL: READ COMMITTED; fn takes
   * the row locks it relies on (SELECT … FOR UPDATE).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * The first row or null at once, without a promise, where the database answers
   * synchronously (SQLite, when no transaction holds the connection); undefined when it
   * cannot, and the caller then asks get. PostgreSQL's driver has none.
   */
  getNow?<T>(sql: string, params?: readonly SqlValue[]): T | null | undefined;
  /** Resolves when the database answers a trivial query; rejects otherwise (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

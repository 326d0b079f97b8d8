import type { Dialect } from './driver.js';

// Where SQLite's SQL and PostgreSQL's differ, the one place that knows both. The store
// and the Hasura compiler write everything else in the subset both read alike (see
// driver.ts).

/** A condition that holds, and one that never does: both dialects read these (SQLite has no TRUE before 3.23). */
export const ALWAYS = '1=1';
export const NEVER = '1=0';

export interface PatternMatch {
  /** The SQL condition, with one ? for the pattern. */
  sql: string;
  /** The pattern to bind, from a LIKE pattern (% and _ its wildcards, no escape character). */
  bind: string;
}

/**
 * SQLite's LIKE ignores ASCII case, so the case-sensitive operators use GLOB, whose
 * wildcards are * and ?: a LIKE pattern is rewritten, GLOB's own specials bracketed.
 */
const GLOB_OF: Record<string, string> = { '%': '*', _: '?', '*': '[*]', '?': '[?]', '[': '[[]' };
const globOf = (likePattern: string) => likePattern.replace(/[%_*?[]/g, (c) => GLOB_OF[c]);

/**
 * A LIKE pattern match on column: case-sensitive or not, negated or not. PostgreSQL's
 * LIKE is case-sensitive already; its default escape character (backslash) is turned
 * off, so that a backslash is an ordinary character there as it is in SQLite. Case is
 * ignored as lower() folds it on both sides (ASCII only in SQLite).
 */
export function patternMatch(dialect: Dialect, column: string, pattern: string, options: { caseSensitive: boolean; negated: boolean }): PatternMatch {
  const not = options.negated ? 'NOT ' : '';
  if (dialect === 'sqlite') {
    return options.caseSensitive ? { sql: `${column} ${not}GLOB ?`, bind: globOf(pattern) } : { sql: `lower(${column}) ${not}LIKE lower(?)`, bind: pattern };
  }
  // COLLATE "C": PostgreSQL's LIKE refuses a nondeterministic collation (the email
  // column ignores case in equality that way); and lower() under "C" folds ASCII alone,
  // as SQLite's does, on both sides, whatever the column's or the database's collation.
  return options.caseSensitive
    ? { sql: `${column} COLLATE "C" ${not}LIKE ? ESCAPE ''`, bind: pattern }
    : { sql: `lower(${column} COLLATE "C") ${not}LIKE lower(CAST(? AS text) COLLATE "C") ESCAPE ''`, bind: pattern };
}

/** The larger of two values: SQLite's scalar max(), PostgreSQL's greatest() (both null only when both are). */
export function greatest(dialect: Dialect, a: string, b: string): string {
  return dialect === 'sqlite' ? `max(${a}, ${b})` : `greatest(${a}, ${b})`;
}

/**
 * What a SELECT inside a transaction appends to lock the rows it read until the commit.
 * SQLite needs nothing: BEGIN IMMEDIATE makes a transaction the only writer. PostgreSQL's
 * READ COMMITTED lets two transactions read the same rows, so a check-then-write (the last
 * administrator, the per-owner key cap, an invitation accepted once) locks what it checks.
 */
export function forUpdate(dialect: Dialect): string {
  return dialect === 'sqlite' ? '' : ' FOR UPDATE';
}

/**
 * A statement (one ? for a name) that makes the transactions running it with one name take
 * turns until they commit, for a check on rows that may not exist yet, which FOR UPDATE
 * cannot lock (no account yet, at setup): PostgreSQL's transaction-scoped advisory lock.
 * Null in SQLite, whose write transactions take turns already.
 */
export function takeTurns(dialect: Dialect): string | null {
  return dialect === 'sqlite' ? null : 'SELECT pg_advisory_xact_lock(hashtext(?))';
}

/** Whether an error is a UNIQUE constraint refusing a row. */
export function isUniqueViolation(dialect: Dialect, error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return dialect === 'sqlite' ? code === 'SQLITE_CONSTRAINT_UNIQUE' : code === '23505';
}

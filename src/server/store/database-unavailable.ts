/**
 * The database could not be reached, or dropped the connection while a statement ran:
 * refused or timed-out connections, a server shutting down or starting up, too many
 * clients, a connection cut mid-query. Nothing is known to have been written by the
 * statement that failed (a cut COMMIT may have landed; the caller cannot tell).
 *
 * Drivers throw it instead of the client library's own error so that the server can
 * answer 503 (and /readyz report not ready) without knowing which database it runs on;
 * every other database error (a constraint, bad SQL) keeps its own type and code.
 * It is transient: the pool reconnects by itself once the server is back.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  /** The driver's error code when it had one (ECONNREFUSED, 57P01, …). */
  readonly code: string | undefined;

  constructor(message: string, options: { cause?: unknown; code?: string } = {}) {
    super(message, { cause: options.cause });
    this.code = options.code;
  }
}

export const isDatabaseUnavailable = (error: unknown): error is DatabaseUnavailableError => error instanceof DatabaseUnavailableError;

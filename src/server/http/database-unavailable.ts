import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { isDatabaseUnavailable } from '../store/database-unavailable.js';

// When the database cannot be reached (drivers throw DatabaseUnavailableError: a refused
// or cut connection, a server shutting down), a request answers 503 with Retry-After and
// a GraphQL error coded SERVICE_UNAVAILABLE, and nothing of the cause: the driver's
// message names hosts and ports, which stay in the server's log. The pool reconnects by
// itself, so the same request succeeds once the database is back.

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
/** What Retry-After says: about how long a database restart or failover takes. */
export const RETRY_AFTER_SECONDS = 5;
export const DATABASE_UNAVAILABLE_MESSAGE = 'The service cannot reach its database just now; try again shortly.';

/** The GraphQL error for an unreachable database (the error formatter's, and the hooks' below). */
export const databaseUnavailableError = () => ({
  message: DATABASE_UNAVAILABLE_MESSAGE,
  extensions: { code: SERVICE_UNAVAILABLE, retry_after: RETRY_AFTER_SECONDS } as Record<string, unknown>,
});

export function sendDatabaseUnavailable(reply: FastifyReply): FastifyReply {
  const error = databaseUnavailableError();
  error.extensions.request_id = reply.request.id;
  return reply
    .code(503)
    .header('Retry-After', String(RETRY_AFTER_SECONDS))
    .type('application/json; charset=utf-8')
    .send({ data: null, errors: [error] });
}

/**
 * Answers 503 for an unreachable database wherever the error is thrown outside GraphQL
 * execution (authentication looks a key or session up in a hook); every other error goes
 * on to Fastify's own handling.
 */
export function answerDatabaseUnavailable(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (!isDatabaseUnavailable(error)) return reply.send(error);
    request.log.warn({ err: error }, 'the database is unavailable');
    return sendDatabaseUnavailable(reply);
  });
}

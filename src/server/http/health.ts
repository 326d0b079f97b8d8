import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Metrics } from '../observability/metrics.js';
import type { DatabaseChecks } from '../ops/database-checks.js';
import type { Store } from '../store/types.js';

/** Set by a graceful shutdown (serve.ts): /readyz answers 503 from then on. */
export interface Lifecycle {
  shuttingDown: boolean;
}

interface Deps {
  store: Store;
  checks: DatabaseChecks;
  lifecycle: Lifecycle;
  metrics: Metrics | null;
  /** The Bearer token for /metrics on this listener; null: no /metrics here. */
  metricsToken: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * /healthz: the process answers (liveness). /readyz: it should be sent traffic: not
 * shutting down, the database answers a query through the server's own connection,
 * and its schema is the one this server's migrations make. Neither needs
 * authentication, and a success is logged at debug (observability/logging.ts).
 * /health is the older name of /healthz.
 */
export function registerHealthRoutes(app: FastifyInstance, { store, checks, lifecycle, metrics, metricsToken }: Deps): void {
  const alive = async () => ({ ok: true });
  app.get('/healthz', alive);
  app.get('/health', alive);

  app.get('/readyz', async (request, reply) => {
    const problems: Record<string, string> = {};
    if (lifecycle.shuttingDown) problems.shutdown = 'the server is shutting down';
    try {
      await store.countHumanUsers();
      const migrations = await checks.migrationProblem();
      if (migrations) problems.migrations = migrations;
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check: the database did not answer');
      problems.database = 'the database did not answer a query';
    }
    const ready = Object.keys(problems).length === 0;
    return reply.code(ready ? 200 : 503).send(ready ? { ready: true } : { ready: false, problems });
  });

  if (metrics && metricsToken) {
    const expected = sha256(`Bearer ${metricsToken}`);
    app.get('/metrics', async (request: FastifyRequest, reply: FastifyReply) => {
      // Compared as digests: equal lengths, and no timing tells how much of a guess was right.
      const given = request.headers.authorization;
      if (typeof given !== 'string' || !timingSafeEqual(sha256(given), expected)) {
        return reply
          .code(401)
          .header('WWW-Authenticate', 'Bearer realm="metrics"')
          .send({ error: 'Send the metrics token as "Authorization: Bearer <KEYPLANE_METRICS_TOKEN>".' });
      }
      return reply.type(metrics.contentType).send(await metrics.text());
    });
  }
}

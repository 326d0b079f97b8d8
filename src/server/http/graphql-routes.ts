import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendGraphQLError } from '../auth/authenticate.js';
import type { ResponseCache } from '../graphql/response-cache.js';

// Hooks that only Mercurius's routes need, attached to those routes alone (call before
// registering Mercurius) so that pages, assets and the health check never run them.

const GRAPHIQL_CDN = 'https://unpkg.com';
/** GraphiQL loads its scripts and styles from a CDN: its pages alone get a policy that allows it. */
const GRAPHIQL_POLICY = `default-src 'self'; script-src 'self' ${GRAPHIQL_CDN}; style-src 'self' 'unsafe-inline' ${GRAPHIQL_CDN}; img-src 'self' data:; connect-src 'self'; worker-src 'self'; frame-ancestors 'none'`;

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

interface Deps {
  /** Sets request.principal or answers; returns a promise only when it had to wait. */
  authenticate: (request: FastifyRequest, reply: FastifyReply) => void | Promise<void>;
  responses: ResponseCache | null;
}

export function attachGraphqlRouteHooks(app: FastifyInstance, { authenticate, responses }: Deps): void {
  /** An answer sent by now (401, 403, 429, or a saved answer) ends the request. */
  const afterAuthentication = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (!reply.sent && !responses?.answer(request, reply)) done();
  };

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/graphiql')) {
      route.onSend = [
        ...asArray(route.onSend),
        (_request, reply, payload, done) => {
          reply.header('Content-Security-Policy', GRAPHIQL_POLICY);
          done(null, payload);
        },
      ];
    }
    if (route.url !== '/graphql') return;
    // Batching is off; say so plainly rather than with a body-schema message.
    route.preValidation = [
      ...asArray(route.preValidation),
      (request, reply, done) => {
        if (!Array.isArray(request.body)) return done();
        sendGraphQLError(reply, 400, 'BAD_REQUEST', 'Batched operations are not supported: send one operation per request.');
      },
    ];
    route.preHandler = [
      ...asArray(route.preHandler),
      (request, reply, done) => {
        // Synchronous for a remembered key: no promise on the common path. (A throw
        // here is Fastify's to answer; a rejection is handed to done.)
        const waiting = authenticate(request, reply);
        if (!waiting) return afterAuthentication(request, reply, done);
        waiting.then(() => afterAuthentication(request, reply, done)).catch((error: Error) => {
          if (!reply.sent) done(error);
        });
      },
    ];
    if (responses) {
      route.onSend = [
        ...asArray(route.onSend),
        (request, reply, payload, done) => {
          responses.save(request, reply, payload);
          done(null, payload);
        },
      ];
    }
  });
}

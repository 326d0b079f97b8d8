import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ResponseCache } from '../cache/response-cache.js';
import type { GraphQLRequestGate, RequestProblem } from './graphql-request.js';
import { isPrefectClient } from './prefect-clients.js';

// Hooks that only Mercurius's routes need, attached to those routes alone (call before
// registering Mercurius) so that pages, assets and the health check never run them.

/**
 * GraphiQL's page (built into dist/ui with the app, see http/static-ui.ts) loads
 * everything from this origin; its policy differs from the app's only where its
 * libraries need it:
 * - font-src data: GraphiQL's stylesheet embeds its fonts as data: URLs;
 * - worker-src 'self': Monaco's editor, JSON and GraphQL workers are bundled files
 *   under /assets, started by URL (no blob: workers, no eval);
 * - style-src 'unsafe-inline', as the app has: Monaco and GraphiQL set inline styles.
 */
const GRAPHIQL_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

interface Deps {
  gate: GraphQLRequestGate;
  /** Sets request.principal or answers; returns a promise only when it had to wait. */
  authenticate: (request: FastifyRequest, reply: FastifyReply) => void | Promise<void>;
  responses: ResponseCache | null;
  /** Told each time a saved answer is sent (the metrics' hit count). */
  onSavedAnswer?: () => void;
  /** Told of each request that authenticated, saved answers too (an agent's check-in: auth/agent-check-ins.ts). */
  onAuthenticated?: (request: FastifyRequest) => void;
}

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/**
 * Whether the client prefers application/graphql-response+json (GraphQL over HTTP) to
 * application/json: named with a quality at least application/json's. Wildcards and a
 * missing Accept mean application/json, which older clients (Prefect's) expect.
 */
export function prefersGraphqlResponseJson(accept: string | undefined): boolean {
  if (!accept?.includes(GRAPHQL_RESPONSE_JSON)) return false;
  let graphqlResponse = 0;
  let json = 0;
  for (const range of accept.toLowerCase().split(',')) {
    const [type, ...parameters] = range.split(';').map((part) => part.trim());
    const q = Number(parameters.find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    const quality = Number.isFinite(q) ? q : 0;
    if (type === GRAPHQL_RESPONSE_JSON) graphqlResponse = Math.max(graphqlResponse, quality);
    else if (type === 'application/json' || type === 'application/*' || type === '*/*') json = Math.max(json, quality);
  }
  return graphqlResponse > 0 && graphqlResponse >= json;
}

/**
 * An answer in application/graphql-response+json keeps its status's meaning: a request
 * that did not run (a 4xx or 5xx with data null) has no data entry, and one with data
 * is a 2xx (a nullable field's refusal beside other fields is a partial answer).
 */
function asGraphqlResponse(reply: FastifyReply, payload: unknown): unknown {
  reply.type(`${GRAPHQL_RESPONSE_JSON}; charset=utf-8`);
  if (reply.statusCode < 300 || typeof payload !== 'string') return payload;
  let body: { data?: unknown };
  try {
    body = JSON.parse(payload) as { data?: unknown };
  } catch {
    return payload;
  }
  if (body.data === null) delete body.data;
  else if (body.data !== undefined) reply.code(200);
  return JSON.stringify(body);
}

/**
 * Prefect clients take the API's address as a bare host (https://api.prefect.io) and
 * POST to it as it is, so a POST to / is a GraphQL request. It is routed as a POST to
 * /graphql before anything else sees it (Fastify's rewriteUrl), so every hook, limit
 * and saved answer of /graphql applies to it alike. GET / stays the app.
 */
export function graphqlAtRoot(request: { method?: string; url?: string }): string {
  const url = request.url ?? '/';
  return request.method === 'POST' && (url === '/' || url.startsWith('/?')) ? `/graphql${url.slice(1)}` : url;
}

function sendRequestProblem(reply: FastifyReply, problem: RequestProblem): void {
  for (const [name, value] of Object.entries(problem.headers ?? {})) reply.header(name, value);
  const extensions = { code: problem.code, ...(problem.field && { field: problem.field }), request_id: reply.request.id };
  // A request that did not run is a 4xx in application/graphql-response+json, even one that JSON answers with 200.
  reply
    .code(problem.status < 300 && prefersGraphqlResponseJson(reply.request.headers.accept) ? 400 : problem.status)
    .type('application/json; charset=utf-8')
    .send({ data: null, errors: [{ message: problem.message, ...(problem.locations && { locations: problem.locations }), extensions }] });
}

export function attachGraphqlRouteHooks(app: FastifyInstance, { gate, authenticate, responses, onSavedAnswer, onAuthenticated }: Deps): void {
  /** An answer sent by now (401, 403, 429, or a saved answer) ends the request. */
  const afterAuthentication = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (reply.sent) return;
    if (request.principal) onAuthenticated?.(request);
    if (!responses) return done();
    // Marked first: answer() sends a saved answer at once, and the log line and the metrics read the mark.
    request.savedAnswer = true;
    if (responses.answer(request, reply)) return onSavedAnswer?.();
    request.savedAnswer = false;
    done();
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
    // Before Fastify's body schema (which would coerce `"query": 5` to "5"), authentication and the saved answers.
    route.preValidation = [
      ...asArray(route.preValidation),
      (request, reply, done) => {
        const problem = gate.check(request.method, request.method === 'GET' ? request.query : request.body);
        if (!problem) return done();
        sendRequestProblem(reply, problem);
      },
    ];
    route.preHandler = [
      ...asArray(route.preHandler),
      (request, reply, done) => {
        // Synchronous for a remembered key: no promise on the common path. (A throw
        // here is Fastify's to answer; a rejection is handed to done.)
        const waiting = authenticate(request, reply);
        if (!waiting) return afterAuthentication(request, reply, done);
        waiting
          .then(() => afterAuthentication(request, reply, done))
          .catch((error: Error) => {
            if (!reply.sent) done(error);
          });
      },
    ];
    route.onSend = [
      ...asArray(route.onSend),
      (request, reply, payload, done) => {
        done(null, prefersGraphqlResponseJson(request.headers.accept) ? asGraphqlResponse(reply, payload) : payload);
      },
    ];
    route.preSerialization = [
      ...asArray(route.preSerialization),
      (_request, reply, payload, done) => {
        // A batch's answer is an array of answers, each with its own errors: the request as a whole succeeded.
        if (Array.isArray(payload)) reply.code(200);
        done(null, payload);
      },
    ];
    route.onSend = [
      ...asArray(route.onSend),
      (request, reply, payload, done) => {
        // Prefect clients read an authentication failure only from a 200 (http/prefect-clients.ts).
        if (reply.statusCode === 401 && isPrefectClient(request)) {
          reply.code(200);
          reply.removeHeader('www-authenticate');
        }
        done(null, payload);
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

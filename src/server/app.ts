import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { registerSecurityHeaders } from './http/security-headers.js';
import mercurius from 'mercurius';
import { BODY_LIMIT_BYTES, loadConfig, type ServerConfig } from './config.js';
import type { RequestContext } from './context.js';
import { authenticationHook, sendGraphQLError } from './auth/authenticate.js';
import { FailureLimiter } from './auth/failure-limiter.js';
import { KeyUsage } from './auth/key-usage.js';
import { Sessions } from './auth/sessions.js';
import { errorFormatter } from './graphql/error-formatter.js';
import { resolvers, schemaSource } from './graphql/index.js';
import { registerStaticUi } from './http/static-ui.js';
import { registerCors } from './http/cors.js';
import { checkQueryLimits, measureQuery } from './graphql/query-limits.js';
import { hasRecursiveInputVariable } from './graphql/jit-guard.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import type { Store } from './store/types.js';

export interface AppOptions {
  dataDir?: string;
  /** The SQLite file; defaults to <dataDir>/keyplane.db. */
  dbPath?: string;
  logger?: boolean | object;
  /** The built UI; null serves a placeholder page. */
  uiDir?: string | null;
  config?: Partial<ServerConfig>;
}

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    keyplaneConfig: ServerConfig;
  }
}

export { BODY_LIMIT_BYTES };
/** Credentials never reach a log line, whatever logger the caller configures. */
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];
const GRAPHIQL_CDN = 'https://unpkg.com';

export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const config = loadConfig({
    ...(options.dataDir !== undefined && { dataDir: options.dataDir }),
    ...(options.uiDir !== undefined && { uiDir: options.uiDir }),
    ...options.config,
  });
  const store = new SqliteStore(options.dbPath ?? join(config.dataDir, 'keyplane.db'));
  const sessions = new Sessions(store, config);
  const keyUsage = new KeyUsage(store);
  const authFailures = new FailureLimiter(config.authFailuresPerMinute, 60_000);
  const loginFailures = new FailureLimiter(config.loginFailuresPerAccount, 15 * 60_000);

  const app = Fastify({
    logger:
      options.logger === true
        ? { level: 'info', redact: REDACTED_PATHS }
        : typeof options.logger === 'object' && options.logger !== null
          ? { ...options.logger, redact: [...REDACTED_PATHS, ...(((options.logger as { redact?: string[] }).redact) ?? [])] }
          : false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
  });
  app.decorate('store', store);
  app.decorate('keyplaneConfig', config);
  app.addHook('onClose', async () => {
    try {
      keyUsage.flush();
    } finally {
      store.close();
    }
  });

  await app.register(fastifyCookie);
  registerCors(app, config.corsOrigins);
  await registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only means something over https.
    strictTransportSecurity: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  // GraphiQL (Mercurius's) loads its scripts and styles from a CDN.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/graphiql')) {
      reply.header(
        'Content-Security-Policy',
        `default-src 'self'; script-src 'self' ${GRAPHIQL_CDN}; style-src 'self' 'unsafe-inline' ${GRAPHIQL_CDN}; img-src 'self' data:; connect-src 'self'; worker-src 'self'; frame-ancestors 'none'`,
      );
    }
  });

  const authenticate = authenticationHook({ store, sessions, keyUsage, failures: authFailures });
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url === '/graphql') return authenticate(request, reply);
  });
  // Batching is off; say so plainly rather than with a body-schema message.
  app.addHook('preValidation', async (request, reply) => {
    if (request.routeOptions.url === '/graphql' && Array.isArray(request.body)) {
      return sendGraphQLError(reply, 400, 'BAD_REQUEST', 'Batched operations are not supported: send one operation per request.');
    }
  });

  await app.register(mercurius, {
    schema: schemaSource,
    resolvers: resolvers as never,
    graphiql: true,
    jit: 1,
    queryDepth: config.maxQueryDepth,
    allowBatchedQueries: false,
    graphql: { parseOptions: { maxTokens: config.maxQueryTokens } },
    errorFormatter: errorFormatter as never,
    context: (request, reply): Omit<RequestContext, never> => ({
      store,
      config,
      sessions,
      loginFailures,
      authFailures,
      principal: request.principal ?? null,
      tenantDenied: request.tenantDenied ?? false,
      request,
      reply,
    }),
  });

  // Aliases and cost depend on the variables (limit: $limit), so they are measured per request.
  app.graphql.addHook('preExecution', async (schema, document, context, variables) => {
    const { body, query } = context.reply.request as { body?: { operationName?: string }; query?: { operationName?: string } };
    const operationName = body?.operationName ?? query?.operationName;
    const refusal = checkQueryLimits(measureQuery(schema, document, operationName, variables ?? {}), {
      maxAliases: config.maxQueryAliases,
      maxCost: config.maxQueryCost,
    });
    if (refusal) throw refusal;
    // Handing Mercurius the document back as "modified" makes it skip the JIT for this request.
    if (hasRecursiveInputVariable(schema, document, operationName)) return { document };
  });

  app.get('/health', async () => ({ ok: true }));
  await registerStaticUi(app, config.uiDir);
  return app;
}

import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import { registerSecurityHeaders } from './http/security-headers.js';
import mercurius from 'mercurius';
import { BODY_LIMIT_BYTES, loadConfig, poolSettings, trustedProxies, type ServerConfig } from './config.js';
import type { RequestContext } from './context.js';
import { authenticationHook } from './auth/authenticate.js';
import { CanaryAlarm } from './auth/canary-alarm.js';
import { Rotations, rotationSweepJob } from './auth/rotations.js';
import { Scheduler } from './scheduler/scheduler.js';
import { idleKeysJob, keyExpiryJob, pruneKeyWarningsJob } from './scheduler/key-jobs.js';
import { smtpMailer } from './notifications/mailer.js';
import { WebhookWorker } from './webhooks/worker.js';
import { memoryLimiters } from './auth/failure-limiter.js';
import { sharedLimiters } from './auth/shared-failure-limiter.js';
import { answerDatabaseUnavailable } from './http/database-unavailable.js';
import { AgentCheckIns } from './auth/agent-check-ins.js';
import { KeyUsage } from './auth/key-usage.js';
import { Sessions } from './auth/sessions.js';
import { KeyLookupGuard } from './auth/lookup-guard.js';
import { SignInGuard } from './auth/sign-in-guard.js';
import { errorFormatter } from './graphql/error-formatter.js';
import { resolvers, schemaSource } from './graphql/index.js';
import { loaders } from './graphql/loaders.js';
import { inlineScriptHashes, registerStaticUi } from './http/static-ui.js';
import { registerSchemaRoute } from './http/schema-route.js';
import { keepUncompressedIfSecret, registerCompression } from './http/compression.js';
import { registerHealthRoutes, type Lifecycle } from './http/health.js';
import { noteOperation } from './observability/graphql-operation.js';
import { fastifyLoggerOptions, REQUEST_ID_HEADER, RequestLogController, requestIdFor } from './observability/logging.js';
import { Metrics } from './observability/metrics.js';
import { attachGraphqlRouteHooks, graphqlAtRoot } from './http/graphql-routes.js';
import { GraphQLRequestGate } from './http/graphql-request.js';
import { maxIntrospectionCost } from './graphql/query-limits.js';
import { checkOperationLimits, operationNameOf } from './graphql/batch-limits.js';
import { mustRunWithoutJit } from './graphql/jit-guard.js';
import { documentShapeRule } from './graphql/document-shape.js';
import { codeValidationErrors } from './graphql/validation-errors.js';
import { CredentialCache } from './cache/credential-cache.js';
import { ResponseCache } from './cache/response-cache.js';
import type { ChangeFeed } from './cache/change-feed.js';
import { openStore, type OpenedStore } from './store/open-store.js';
import type { Store } from './store/types.js';

export interface AppOptions {
  /**
   * An open database (store/open-store.ts: openStore, or one a test assembled). The app
   * takes it over: closing the app closes it. Without one, buildApp opens the one the
   * configuration names (databaseUrl, else SQLite at dbPath or <dataDir>/keyplane.db).
   */
  database?: OpenedStore;
  dataDir?: string;
  /** The SQLite file; defaults to <dataDir>/keyplane.db. */
  dbPath?: string;
  /** true: JSON lines at info on standard error; or LoggingOptions (observability/logging.ts) or pino options. */
  logger?: boolean | object;
  /** The built UI; null serves a placeholder page. */
  uiDir?: string | null;
  config?: Partial<ServerConfig>;
  /** The scheduler's clock (tests move one by hand), and false to leave its timer off (tests call app.scheduler.tick()). */
  scheduler?: { now?: () => Date; start?: boolean };
}

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    /** The database beneath the store: its driver, change feed and checks (store/open-store.ts). */
    database: OpenedStore;
    /** What the caches follow (cache/change-feed.ts). */
    changes: ChangeFeed;
    /** Key credentials remembered between changes (cache/credential-cache.ts). */
    credentials: CredentialCache;
    /** Records uses of canary keys (auth/canary-alarm.ts). */
    canaries: CanaryAlarm;
    /** Ends key rotations (auth/rotations.ts). */
    rotations: Rotations;
    /** Runs the periodic jobs: rotations, key expiry and idle keys (scheduler/). */
    scheduler: Scheduler;
    /** Sends queued webhook deliveries (webhooks/worker.ts). */
    webhooks: WebhookWorker;
    keyplaneConfig: ServerConfig;
    /** Set by a graceful shutdown (serve.ts): /readyz answers 503 from then on. */
    lifecycle: Lifecycle;
    /** Null unless metrics are served (a metrics token or a metrics port is set). */
    metrics: Metrics | null;
  }
}

export { BODY_LIMIT_BYTES };

export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const config = loadConfig({
    ...(options.dataDir !== undefined && { dataDir: options.dataDir }),
    ...(options.uiDir !== undefined && { uiDir: options.uiDir }),
    ...options.config,
  });
  const database =
    options.database ??
    (await openStore({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      pool: poolSettings(config),
      ...(options.dbPath !== undefined && { dbPath: options.dbPath }),
    }));
  const { checks, changes } = database;
  // Metrics cost a little on every request; they are collected only where someone can read them.
  const metrics = config.metricsToken !== null || config.metricsPort !== null ? new Metrics(() => checks.counts()) : null;
  const store: Store = metrics ? metrics.timedStore(database.store) : database.store;
  const credentials = new CredentialCache(store, changes);
  const sessions = new Sessions(store, config);
  // Failed keys and sign-ins per source address; sign-ins also per account and device cookie.
  // On PostgreSQL the counts are in the database, so that they hold across instances.
  const limiters = database.driver.dialect === 'postgres' ? sharedLimiters(database.driver, config.limiterMaxKeys) : memoryLimiters(config.limiterMaxKeys);
  const authFailures = limiters('address', config.authFailuresPerMinute, 60_000);
  const signIns = new SignInGuard(store, config, authFailures, limiters);
  const keyLookups = new KeyLookupGuard(limiters('lookup', config.authFailuresPerMinute, 60_000));
  const responses = config.responseCacheMb > 0 ? new ResponseCache(changes, config.responseCacheMb * 2 ** 20) : null;

  const app = Fastify({
    logger: fastifyLoggerOptions(options.logger),
    logController: new RequestLogController(),
    genReqId: requestIdFor,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trustedProxies(config.trustProxy),
    rewriteUrl: graphqlAtRoot,
  });
  const canaries = new CanaryAlarm(
    store,
    // The one place a tripped canary is announced beyond its audit event: tenant notifications hook in here.
    ({ canary }) =>
      app.log.warn(
        { canary_key_id: canary.id, tenant_id: canary.tenant_id, source_address: canary.last_source_address, user_agent: canary.last_user_agent },
        'canary key used',
      ),
    (error) => app.log.warn({ err: error }, 'could not record a use of a canary key'),
  );
  app.decorate('canaries', canaries);
  const rotations = new Rotations(store);
  const mailer = config.smtpUrl === null ? null : smtpMailer(config.smtpUrl, config.smtpFrom);
  const keyJobs = {
    store,
    mailer,
    publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
    log: app.log.child({ component: 'scheduler' }),
  };
  const scheduler = new Scheduler({ store, log: app.log.child({ component: 'scheduler' }), now: options.scheduler?.now })
    .add(rotationSweepJob(rotations))
    .add(keyExpiryJob(keyJobs))
    .add(idleKeysJob(keyJobs))
    .add(pruneKeyWarningsJob(keyJobs));
  if (options.scheduler?.start !== false) scheduler.start();
  const webhooks = new WebhookWorker(store, {
    allowPrivate: config.webhooksAllowPrivate,
    failed: (error) => app.log.warn({ err: error }, 'could not send webhook deliveries'),
  });
  webhooks.start();
  const keyUsage = new KeyUsage(store, {
    written: () => responses?.forgetKeyUses(),
    failed: (error) => app.log.warn({ err: error }, 'could not write when API keys were last used'),
  });
  const agentCheckIns = new AgentCheckIns(store, {
    written: () => responses?.forgetKeyUses(),
    failed: (error) => app.log.warn({ err: error }, "could not write agents' check-ins"),
  });
  app.decorate('store', store);
  app.decorate('database', database);
  app.decorate('changes', changes);
  app.decorate('credentials', credentials);
  app.decorate('rotations', rotations);
  app.decorate('scheduler', scheduler);
  app.decorate('webhooks', webhooks);
  app.decorate('keyplaneConfig', config);
  const lifecycle: Lifecycle = { shuttingDown: false };
  app.decorate('lifecycle', lifecycle);
  app.decorate('metrics', metrics);
  app.addHook('onClose', async () => {
    try {
      await scheduler.stop();
      mailer?.close();
      await Promise.all([keyUsage.close(), agentCheckIns.close(), canaries.settled(), webhooks.stop()]);
    } finally {
      await database.close();
    }
  });
  // The request id, so a user can quote it (and a proxy's log can be matched with this one).
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  if (metrics) {
    app.addHook('onResponse', (request, reply, done) => {
      metrics.observeRequest(request, reply);
      done();
    });
  }

  // A database that cannot be reached: 503 with Retry-After, from hooks too (authentication).
  answerDatabaseUnavailable(app);

  // Cookies are parsed only where a session is looked for (auth/authenticate.ts), not on every request.
  await app.register(fastifyCookie, { hook: false });
  // CORS is closed unless origins are listed (KEYPLANE_CORS_ORIGINS); closed, no hook runs
  // per request. Listed origins may call the API with API keys; a browser session works
  // only on Keyplane's own pages: no credentials cross-origin, and the CSRF header is not
  // an allowed header.
  if (config.corsOrigins.length > 0) {
    const listed = new Set(config.corsOrigins.map((origin) => origin.replace(/\/+$/, '').toLowerCase()));
    await app.register(fastifyCors, {
      origin: listed.has('*') ? true : (origin, allow) => allow(null, origin !== undefined && listed.has(origin.toLowerCase())),
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Tenant-Id', 'X-Prefect-Tenant-Id'],
      exposedHeaders: ['Retry-After', 'WWW-Authenticate', 'X-Request-Id'],
      maxAge: 600,
    });
  }
  await registerSecurityHeaders(
    app,
    {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // No inline script but index.html's own, allowed by its hash (never 'unsafe-inline').
          scriptSrc: ["'self'", ...inlineScriptHashes(config.uiDir)],
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
    },
    ['/graphql', '/health', '/healthz', '/readyz', '/metrics'],
  );
  const authenticate = authenticationHook({
    store,
    credentials,
    sessions,
    keyUsage,
    rotations,
    failures: authFailures,
    parseCookie: (header) => app.parseCookie(header),
    metrics,
    canaries,
  });
  attachGraphqlRouteHooks(app, {
    gate: new GraphQLRequestGate(config.maxQueryTokens),
    authenticate,
    responses,
    onSavedAnswer: metrics ? () => metrics.savedAnswer('hit') : undefined,
    onAuthenticated: (request) => agentCheckIns.noteRequest(request),
  });
  // After the GraphQL route hooks: saved answers are kept before they are compressed.
  await registerCompression(app);
  await app.register(mercurius, {
    schema: schemaSource,
    resolvers: resolvers as never,
    loaders,
    // GraphiQL is bundled with the UI and served from this origin by http/static-ui.ts.
    graphiql: false,
    jit: 1,
    // Depth is measured with aliases and cost (graphql/query-limits.ts), introspection apart.
    // A JSON array of operations, as Apollo's BatchHttpLink sends (the request gate allows up to ten).
    allowBatchedQueries: true,
    // codeValidationErrors first: it codes what the rules after it report too.
    validationRules: [codeValidationErrors, documentShapeRule],
    graphql: { parseOptions: { maxTokens: config.maxQueryTokens } },
    errorFormatter: errorFormatter as never,
    context: (request, reply): Omit<RequestContext, never> => ({
      store,
      config,
      sessions,
      signIns,
      keyLookups,
      principal: request.principal ?? null,
      tenantDenied: request.tenantDenied ?? false,
      request,
      reply,
    }),
  });

  // Aliases and cost depend on the variables (limit: $limit), so they are measured per request.
  app.graphql.addHook('preExecution', async (schema, document, context, variables) => {
    const operationName = operationNameOf(context.reply.request, context);
    const refusal = checkOperationLimits(
      schema,
      context.reply.request,
      document,
      operationName,
      variables ?? {},
      {
        maxAliases: config.maxQueryAliases,
        maxCost: config.maxQueryCost,
        maxDepth: config.maxQueryDepth,
        maxIntrospectionCost: maxIntrospectionCost(schema),
      },
      config.maxQueryTokens,
    );
    if (refusal) throw refusal;
    const request = context.reply.request;
    keepUncompressedIfSecret(request, noteOperation(request, document, operationName));
    responses?.considerOperation(request, document, operationName);
    if (metrics && request.responseCachePending?.cacheable) metrics.savedAnswer('miss');
    // Handing Mercurius the document back as "modified" makes it skip the JIT for this request.
    if (mustRunWithoutJit(schema, document, operationName)) return { document };
  });

  if (responses) {
    app.graphql.addHook('onResolution', async (execution, context) => {
      if (execution.errors) responses.noteErrors(context.reply.request);
    });
  }

  registerHealthRoutes(app, { store, checks, lifecycle, metrics, metricsToken: config.metricsToken });
  registerSchemaRoute(app);
  await registerStaticUi(app, config.uiDir);
  return app;
}

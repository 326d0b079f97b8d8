import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { ServerConfig } from './config.js';
import { seedDemo, type DemoLogin } from './demo.js';
import type { LoggingOptions } from './observability/logging.js';
import { listenForMetrics } from './observability/metrics-listener.js';
import { noteServing } from './ops/server-lock.js';

export interface ServeOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  demo?: boolean;
  /** Off unless asked for; `keyplane serve` passes the configured level and format. */
  logger?: boolean | LoggingOptions;
  uiDir?: string | null;
  /** The resolved settings (`keyplane serve` passes them); port, host and dataDir above win. */
  config?: Partial<ServerConfig>;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** Where --metrics-port serves /metrics, if it is set. */
  metricsUrl: string | null;
  /** The graceful shutdown (see below); calling it again waits for the same one. */
  close(): Promise<void>;
  demoLogins?: DemoLogin[];
}

/** Opens the store, seeds the demo when asked, and listens. PORT, HOST and KEYPLANE_DATA_DIR are defaults. */
export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
  const config: Partial<ServerConfig> = {
    ...options.config,
    ...(options.port !== undefined && { port: options.port }),
    ...(options.host !== undefined && { host: options.host }),
  };
  const app = await buildApp({
    dataDir: options.dataDir ?? options.config?.dataDir ?? process.env.KEYPLANE_DATA_DIR ?? 'data',
    logger: options.logger ?? false,
    ...(options.uiDir !== undefined && { uiDir: options.uiDir }),
    config,
  });
  const { port, host, metricsPort, shutdownDelaySeconds, shutdownTimeoutSeconds, dataDir } = app.keyplaneConfig;
  let metricsListener: Awaited<ReturnType<typeof listenForMetrics>> | null = null;
  let forgetNote = () => {};
  try {
    const demoLogins = options.demo ? await seedDemo(app.store) : undefined;
    await app.listen({ port, host });
    if (metricsPort !== null && app.metrics) metricsListener = await listenForMetrics(app.metrics, metricsPort);
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    const url = `http://${shownHost}:${actualPort}`;
    // The note keeps keyplane restore off a SQLite file in use; PostgreSQL has no such file.
    if (app.database.driver.dialect === 'sqlite') forgetNote = noteServing(join(dataDir, 'keyplane.db'), url);

    let stopping: Promise<void> | null = null;
    /**
     * SIGTERM's path: /readyz answers 503 (and, for shutdownDelaySeconds, everything
     * else is still served, while load balancers notice); then the listener closes,
     * idle keep-alive connections end, and requests under way finish, for at most
     * shutdownTimeoutSeconds before their connections are cut; then the pending
     * last_used_at writes are flushed and the database closed (app.ts's onClose).
     */
    const close = () =>
      (stopping ??= (async () => {
        app.lifecycle.shuttingDown = true;
        app.log.info({ delay_s: shutdownDelaySeconds, timeout_s: shutdownTimeoutSeconds }, 'shutting down');
        if (shutdownDelaySeconds > 0) await new Promise((resolve) => setTimeout(resolve, shutdownDelaySeconds * 1000));
        const cutOff = setTimeout(() => {
          app.log.warn({ timeout_s: shutdownTimeoutSeconds }, 'requests still under way at the shutdown timeout: closing their connections');
          app.server.closeAllConnections();
        }, shutdownTimeoutSeconds * 1000);
        try {
          await Promise.all([app.close(), metricsListener?.close()]);
          app.log.info('stopped: requests finished, key usage written, database closed');
        } finally {
          clearTimeout(cutOff);
          forgetNote();
        }
      })());
    return { app, url, metricsUrl: metricsListener?.url ?? null, close, demoLogins };
  } catch (error) {
    // A port in use must not leave the database open.
    await metricsListener?.close();
    forgetNote();
    await app.close();
    throw error;
  }
}

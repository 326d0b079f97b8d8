import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { seedDemo, type DemoLogin } from './demo.js';

export interface ServeOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  demo?: boolean;
  logger?: boolean;
  uiDir?: string | null;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
  demoLogins?: DemoLogin[];
}

/** Opens the store, seeds the demo when asked, and listens. PORT, HOST and KEYPLANE_DATA_DIR are defaults. */
export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
  const app = await buildApp({
    dataDir: options.dataDir ?? process.env.KEYPLANE_DATA_DIR ?? 'data',
    logger: options.logger ?? false,
    ...(options.uiDir !== undefined && { uiDir: options.uiDir }),
  });
  const demoLogins = options.demo ? await seedDemo(app.store) : undefined;
  const port = options.port ?? Number(process.env.PORT ?? 4200);
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close(); // a port in use must not leave the database open
    throw error;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { app, url: `http://${shownHost}:${actualPort}`, close: () => app.close(), demoLogins };
}

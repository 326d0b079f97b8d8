import { createServer, type Server } from 'node:http';
import type { Metrics } from './metrics.js';

/** Where --metrics-port listens: this machine only, so the metrics need no token. */
export const METRICS_HOST = '127.0.0.1';

/** A second listener, for Prometheus alone: GET /metrics, nothing else. */
export async function listenForMetrics(metrics: Metrics, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Only GET /metrics is served here.\n');
      return;
    }
    metrics.text().then(
      (text) => response.writeHead(200, { 'content-type': metrics.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`The metrics port ${port} on ${METRICS_HOST} is already in use: choose another with --metrics-port or KEYPLANE_METRICS_PORT.`)
          : error,
      ),
    );
    server.listen(port, METRICS_HOST, resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${METRICS_HOST}:${actualPort}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

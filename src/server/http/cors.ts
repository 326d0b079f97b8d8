import type { FastifyInstance } from 'fastify';

// CORS is closed unless origins are listed (config.corsOrigins, KEYPLANE_CORS_ORIGINS).
// Listed origins may call the API with API keys. Cookies are never offered cross-origin:
// no Allow-Credentials, and the CSRF header is not an allowed header, so a browser
// session can only be used by Keyplane's own pages.

const ALLOWED_METHODS = 'GET, POST';
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Tenant-Id, X-Prefect-Tenant-Id';
const EXPOSED_HEADERS = 'Retry-After, WWW-Authenticate';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

export function registerCors(app: FastifyInstance, origins: readonly string[]) {
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins.map((origin) => origin.replace(/\/+$/, '').toLowerCase()));

  app.addHook('onRequest', (request, reply, done) => {
    const origin = request.headers.origin;
    if (!origin) return done();
    const isAllowed = anyOrigin || allowed.has(origin.toLowerCase());
    const isPreflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    reply.header('Vary', 'Origin');
    if (isPreflight) {
      if (!isAllowed) return void reply.code(403).type('application/json; charset=utf-8').send({ error: 'Cross-origin requests from this origin are not allowed.' });
      return void reply
        .code(204)
        .header('Access-Control-Allow-Origin', origin)
        .header('Access-Control-Allow-Methods', ALLOWED_METHODS)
        .header('Access-Control-Allow-Headers', ALLOWED_HEADERS)
        .header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS)
        .send();
    }
    if (isAllowed) reply.header('Access-Control-Allow-Origin', origin).header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    done();
  });
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const PLACEHOLDER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Keyplane</title></head>
<body><main><h1>Keyplane</h1><p>The API is at <code>POST /graphql</code>; explore it in <a href="/graphiql">GraphiQL</a>.</p>
<p>The web app is not built yet: run <code>npm run build</code>.</p></main></body></html>`;

/**
 * Serves the built single-page app: hashed assets cached for good, index.html never,
 * and every other GET that asks for HTML falls back to index.html (client routes).
 */
export async function registerStaticUi(app: FastifyInstance, uiDir: string | null) {
  const built = uiDir !== null && existsSync(join(uiDir, 'index.html'));
  if (!built) {
    app.get('/', (_request, reply) => reply.type('text/html').header('Cache-Control', 'no-cache').send(PLACEHOLDER));
    return;
  }
  await app.register(fastifyStatic, {
    root: uiDir,
    wildcard: true,
    index: false,
    setHeaders(reply, path) {
      reply.header('Cache-Control', path.includes(`${join(uiDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (reply: import('fastify').FastifyReply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html', uiDir, { cacheControl: false });
  app.get('/', (_request, reply) => sendIndex(reply));
  app.setNotFoundHandler((request, reply) => {
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (wantsHtml && !request.url.startsWith('/assets/') && !request.url.startsWith('/graphql')) return sendIndex(reply);
    return reply.code(404).send({ error: 'Not Found' });
  });
}

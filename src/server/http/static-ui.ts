import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const PLACEHOLDER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Keyplane</title></head>
<body><main><h1>Keyplane</h1><p>The API is at <code>POST /graphql</code>; explore it in <a href="/graphiql">GraphiQL</a>.</p>
<p>The web app is not built yet: run <code>npm run build</code>.</p></main></body></html>`;

const GRAPHIQL_PLACEHOLDER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>GraphiQL · Keyplane</title></head>
<body><main><h1>GraphiQL</h1><p>GraphiQL is built with the web app, which is not built yet: run <code>npm run build</code>.</p>
<p>The API itself is at <code>POST /graphql</code>.</p></main></body></html>`;

/** GraphiQL's page in the build (its own Vite entry: the app never loads it). */
const GRAPHIQL_PAGE = 'graphiql.html';

/**
 * CSP sources ('sha256-…') for the inline scripts of the built index.html: the one that
 * sends the first page's requests before the app's code arrives (src/ui/app/first-page-requests.ts).
 * Read from the file that is served, so the policy allows exactly the scripts in it.
 */
export function inlineScriptHashes(uiDir: string | null): string[] {
  const page = uiDir === null ? null : join(uiDir, 'index.html');
  if (!page || !existsSync(page)) return [];
  const html = readFileSync(page, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, code]) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`,
  );
}

/**
 * Serves the built single-page app: hashed assets cached for good, index.html never,
 * and every other GET that asks for HTML falls back to index.html (client routes).
 * The build writes a .br and a .gz beside every text file (vite.config.ts); the one
 * the client's Accept-Encoding prefers is sent, with Vary: Accept-Encoding.
 * GraphiQL's page is served at /graphiql (its CSP is set by http/graphql-routes.ts,
 * for every route under /graphiql), its assets with the app's under /assets.
 */
export async function registerStaticUi(app: FastifyInstance, uiDir: string | null) {
  const built = uiDir !== null && existsSync(join(uiDir, 'index.html'));
  const sendPlaceholder = (reply: FastifyReply, html: string) => reply.type('text/html').header('Cache-Control', 'no-cache').send(html);
  // One address for the page (the file name would otherwise be served as a static file, under the app's CSP).
  app.get(`/${GRAPHIQL_PAGE}`, (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(`/graphiql${query < 0 ? '' : request.url.slice(query)}`, 301);
  });

  if (!built) {
    app.get('/', (_request, reply) => sendPlaceholder(reply, PLACEHOLDER));
    app.get('/graphiql', (_request, reply) => sendPlaceholder(reply, GRAPHIQL_PLACEHOLDER));
    return;
  }
  await app.register(fastifyStatic, {
    root: uiDir,
    wildcard: true,
    index: false,
    preCompressed: true,
    setHeaders(reply, path) {
      reply.header('Cache-Control', path.includes(`${join(uiDir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendPage = (reply: FastifyReply, page: string) => reply.header('Cache-Control', 'no-cache').sendFile(page, uiDir, { cacheControl: false });
  app.get('/', (_request, reply) => sendPage(reply, 'index.html'));
  // A build from before GraphiQL was bundled has no page for it.
  const graphiqlBuilt = existsSync(join(uiDir, GRAPHIQL_PAGE));
  app.get('/graphiql', (_request, reply) => (graphiqlBuilt ? sendPage(reply, GRAPHIQL_PAGE) : sendPlaceholder(reply, GRAPHIQL_PLACEHOLDER)));
  app.setNotFoundHandler((request, reply) => {
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (wantsHtml && !request.url.startsWith('/assets/') && !request.url.startsWith('/graphql')) return sendPage(reply, 'index.html');
    return reply.code(404).send({ error: 'Not Found' });
  });
}

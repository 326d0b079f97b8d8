import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { printSchema } from 'graphql';

/** Where the SDL is served: beside the endpoint, so tools given the endpoint's URL find it. */
export const SCHEMA_PATH = '/graphql/schema.graphql';

/**
 * GET /graphql/schema.graphql: the live schema as SDL, descriptions included, for tools
 * that read a schema file from a URL (graphql-codegen, graphql-inspector, IDE plugins).
 * The schema is public (it is src/schema.graphql), so no credentials are asked for.
 * Printed once: the schema does not change while the server runs.
 */
export function registerSchemaRoute(app: FastifyInstance): void {
  let printed: { sdl: string; etag: string } | null = null;
  app.get(SCHEMA_PATH, async (request, reply) => {
    printed ??= (() => {
      const sdl = `${printSchema(app.graphql.schema)}\n`;
      return { sdl, etag: `"${createHash('sha256').update(sdl).digest('base64url').slice(0, 27)}"` };
    })();
    // Revalidated on every use, so a tool never works from a schema older than the server's.
    reply.header('cache-control', 'no-cache').header('etag', printed.etag);
    if (request.headers['if-none-match'] === printed.etag) return reply.code(304).send();
    return reply.type('text/plain; charset=utf-8').send(printed.sdl);
  });
}

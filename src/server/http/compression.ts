import fastifyCompress from '@fastify/compress';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OperationTypeNode } from 'graphql';
import type { OperationInfo } from '../observability/graphql-operation.js';

// Answers compressed on the fly (@fastify/compress): pages, API answers and metrics of
// 1 KB or more, with Brotli or gzip as the client asks, and Vary: Accept-Encoding.
// The built assets are compressed once at build time instead (vite.config.ts) and
// sent as they are by @fastify/static (http/static-ui.ts); an answer that already has
// a Content-Encoding is left alone.
//
// BREACH: an attacker who can make a victim's browser send requests, and can see the
// size of the encrypted answers, learns a secret in a compressed answer that also
// reflects text the attacker chose, a character at a time. Only mutations ever answer
// with a secret (create_api_key's key, create_membership_invitation's token), so no
// mutation's answer is compressed (see docs/security.md).

/** Brotli at quality 4 (the plugin's default): 11 costs ~10x the CPU for a few percent. */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
  });
}

/**
 * Called before a GraphQL operation runs: a mutation's answer goes out uncompressed.
 * The plugin's documented per-request opt-out is the request header x-no-compression;
 * it is set here, on the server's copy of the request, as if the client had sent it.
 */
export function keepUncompressedIfSecret(request: FastifyRequest, operation: OperationInfo | null): void {
  if (operation?.type !== OperationTypeNode.QUERY) request.headers['x-no-compression'] = 'mutation';
}

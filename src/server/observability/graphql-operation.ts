import type { FastifyRequest } from 'fastify';
import { getOperationAST, OperationTypeNode, type DocumentNode } from 'graphql';
import { perOperation } from '../graphql/per-operation.js';

// Which GraphQL operation a request ran, for its log line, its metrics and the
// compression rule (http/compression.ts): noted before execution, from the parsed
// document, so the name is one graphql-js accepted.

export interface OperationInfo {
  /** The operation's name; "anonymous" for an unnamed one. */
  name: string;
  type: OperationTypeNode;
}

declare module 'fastify' {
  interface FastifyRequest {
    graphqlOperation?: OperationInfo;
    /** Set when a saved answer was sent (http/graphql-routes.ts). */
    savedAnswer?: boolean;
  }
}

const describe = perOperation((document: DocumentNode, operationName: string | null | undefined): OperationInfo | null => {
  const operation = getOperationAST(document, operationName ?? undefined);
  return operation ? { name: operation.name?.value ?? 'anonymous', type: operation.operation } : null;
});

/** Called before execution (a preExecution hook); returns what it noted. */
export function noteOperation(request: FastifyRequest, document: DocumentNode, operationName: string | null | undefined): OperationInfo | null {
  const info = describe(document, operationName);
  if (info) request.graphqlOperation = info;
  return info;
}

/** A named operation at the start of the text, as the app's and the CLI's documents are written. */
const LEADING_NAME = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]{0,63})/;

/**
 * The request's operation. A saved answer (graphql/response-cache.ts) is sent before
 * GraphQL runs, so its name is read from the request: the operationName the client
 * gave, or the name at the start of the text; saved answers are only ever queries.
 */
export function operationOf(request: FastifyRequest): OperationInfo | null {
  if (request.graphqlOperation) return request.graphqlOperation;
  if (!request.savedAnswer) return null;
  const params = (request.method === 'GET' ? request.query : request.body) as { query?: unknown; operationName?: unknown } | undefined;
  if (typeof params?.operationName === 'string' && /^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(params.operationName))
    return { name: params.operationName, type: OperationTypeNode.QUERY };
  const named = typeof params?.query === 'string' ? LEADING_NAME.exec(params.query) : null;
  return { name: named?.[2] ?? 'anonymous', type: OperationTypeNode.QUERY };
}

import type { GraphQLError } from 'graphql';
import type { FastifyReply } from 'fastify';
import { isApiError, isGraphQLError } from '../errors.js';
import { BODY_LIMIT_BYTES } from '../config.js';

// GraphQL validation messages that mean "your input is wrong" rather than "your query is wrong".
const INPUT_PROBLEM = /is not defined by type|Expected value of type|got invalid value|Expected type|cannot represent|Not a valid|Not an ISO|Unknown argument|of required type|was not provided/;

const PAGE_ARGUMENTS = new Set(['where', 'order_by', 'limit', 'offset']);

const STATUS_BY_CODE: Record<string, number> = { UNAUTHENTICATED: 401, RATE_LIMITED: 429, INTERNAL_SERVER_ERROR: 500 };

interface FormattedError {
  message: string;
  locations?: unknown;
  path?: unknown;
  extensions: Record<string, unknown>;
}

function flatten(errors: readonly GraphQLError[]): GraphQLError[] {
  // Mercurius wraps validation failures in one error holding the list.
  return errors.flatMap((error) => {
    const inner = (error.originalError as { errors?: unknown[] } | undefined)?.errors;
    return Array.isArray(inner) ? (inner as GraphQLError[]) : [error];
  });
}

function format(error: GraphQLError | Error, log: FastifyReply['log']): FormattedError {
  const original = isGraphQLError(error) ? error.originalError : error;
  const located = isGraphQLError(error) ? { locations: error.locations, path: error.path } : {};
  if (isApiError(original)) {
    // In a variable, graphql-js's message says where ("... at \"input.key_id\"; Not a valid UUID").
    const message = isGraphQLError(error) && !error.path ? error.message : original.message;
    return { message, ...located, extensions: { ...original.extensions } };
  }
  if (isGraphQLError(error) && error.extensions?.code) return { message: error.message, ...located, extensions: { ...error.extensions } };
  if ((original as { code?: string } | undefined)?.code === 'MER_ERR_GQL_QUERY_DEPTH') {
    // Mercurius's depth limit: the client's document, not a server fault.
    return { message: original!.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' } };
  }
  const httpStatus = (original as { statusCode?: number } | undefined)?.statusCode;
  if (isGraphQLError(error) && (!original || isGraphQLError(original))) {
    // A validation or coercion error from graphql-js: the client's document or variables.
    // (A variable coerced from a cached document wraps graphql-js's own error.)
    const code = INPUT_PROBLEM.test(error.message) ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
    return { message: error.message, ...located, extensions: { code } };
  }
  if (httpStatus && httpStatus >= 400 && httpStatus < 500) {
    // Fastify's own request errors (body too large, bad JSON, wrong content type).
    const message = httpStatus === 413 ? `Request body is too large: at most ${BODY_LIMIT_BYTES / 1024} KB.` : original!.message;
    return { message, extensions: { code: 'BAD_REQUEST', http_status: httpStatus } };
  }
  log.error({ err: original ?? error }, 'unexpected error while serving GraphQL');
  return { message: 'Internal server error.', ...located, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Codes every error, masks unexpected ones, and picks the HTTP status. */
export function errorFormatter(execution: { data?: unknown; errors: readonly GraphQLError[] }, context: { reply: FastifyReply }) {
  const errors = flatten(execution.errors).map((error) => format(error, context.reply.log));
  let statusCode = 200;
  for (const error of errors) {
    const code = error.extensions.code as string;
    const httpStatus = error.extensions.http_status as number | undefined;
    if (httpStatus) statusCode = httpStatus;
    else if (STATUS_BY_CODE[code]) statusCode = STATUS_BY_CODE[code];
    // A document or variables refused before execution (no path): 400, as Mercurius does.
    else if (!execution.data && !error.path && (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT') && statusCode === 200) statusCode = 400;
    // A list's paging or filter refused (too large, too complex): the request was malformed, not refused by a rule of the data.
    else if (code === 'BAD_USER_INPUT' && PAGE_ARGUMENTS.has(error.extensions.field as string) && statusCode === 200) statusCode = 400;
    if (code === 'UNAUTHENTICATED') context.reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
  }
  delete (errors as FormattedError[]).find((e) => e.extensions.http_status)?.extensions.http_status;
  return { statusCode, response: { data: (execution.data as Record<string, unknown> | null | undefined) ?? null, errors } };
}

import { createRequire } from 'node:module';
import { GraphQLError, Kind } from 'graphql';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../errors.js';
import { BODY_LIMIT_BYTES } from '../config.js';
import { StoreError } from '../store/errors.js';
import { storeErrorExtensions } from './store-errors.js';
import { validationCodeOf } from './validation-errors.js';
import { databaseUnavailableError, RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from '../http/database-unavailable.js';
import { isDatabaseUnavailable } from '../store/database-unavailable.js';

// Codes come from what an error is, never from its message: an ApiError keeps its own;
// a store's refusal (StoreError) gets its kind's code (store-errors.ts);
// validation errors are coded where they are reported (validation-errors.ts); errors in
// coercing the request's variables are BAD_USER_INPUT; anything else is masked.

/**
 * graphql-jit's own error type, which a compiled query's variable errors have (with a
 * location, and no nodes). Loaded as Mercurius loads graphql-jit: its package maps an
 * ESM import of the same file to another copy.
 */
const { GraphQLError: JitGraphQLError } = createRequire(createRequire(import.meta.url).resolve('mercurius'))('graphql-jit/dist/error.js') as {
  GraphQLError: abstract new (...args: never[]) => GraphQLError;
};

const PAGE_ARGUMENTS = new Set(['where', 'order_by', 'limit', 'offset']);

const STATUS_BY_CODE: Record<string, number> = { UNAUTHENTICATED: 401, RATE_LIMITED: 429, INTERNAL_SERVER_ERROR: 500, [SERVICE_UNAVAILABLE]: 503 };

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

/** A validation error, or an error in the variables found before execution. */
function requestProblemCode(error: GraphQLError): string {
  const known = validationCodeOf(error);
  if (known) return known;
  // Coercing the variables: graphql-js names the variable's definition; graphql-jit has its own error type.
  const aboutVariables = error.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION || (error instanceof JitGraphQLError && !error.path);
  return aboutVariables ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
}

function format(error: GraphQLError | Error, log: FastifyReply['log']): FormattedError {
  const isGraphQLError = error instanceof GraphQLError;
  const original = isGraphQLError ? error.originalError : error;
  const located = isGraphQLError ? { locations: error.locations, path: error.path } : {};
  if (isDatabaseUnavailable(original)) {
    // The cause (host, port) goes to the log alone.
    log.warn({ err: original }, 'the database is unavailable');
    return { ...databaseUnavailableError(), ...located };
  }
  if (original instanceof ApiError) {
    // In a variable, graphql-js's message says where ("... at \"input.key_id\"; Not a valid UUID").
    const message = isGraphQLError && !error.path ? error.message : original.message;
    return { message, ...located, extensions: { ...original.extensions } };
  }
  if (original instanceof StoreError) return { message: original.message, ...located, extensions: storeErrorExtensions(original) };
  if (isGraphQLError && error.extensions?.code) return { message: error.message, ...located, extensions: { ...error.extensions } };
  if ((original as { code?: string } | undefined)?.code === 'MER_ERR_GQL_QUERY_DEPTH') {
    // Mercurius's depth limit: the client's document, not a server fault.
    return { message: original!.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' } };
  }
  const httpStatus = (original as { statusCode?: number } | undefined)?.statusCode;
  if (isGraphQLError && (!original || original instanceof GraphQLError)) {
    // The client's document or variables. (A variable's coercion error wraps graphql-js's own.)
    return { message: error.message, ...located, extensions: { code: requestProblemCode(error) } };
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
  const errors = flatten(execution.errors).map((error) => {
    const formatted = format(error, context.reply.log);
    // The request id (also in the X-Request-Id header and every log line), for a user to quote.
    formatted.extensions.request_id = context.reply.request.id;
    return formatted;
  });
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
    if (code === SERVICE_UNAVAILABLE) context.reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
  }
  delete errors.find((e) => e.extensions.http_status)?.extensions.http_status;
  return { statusCode, response: { data: (execution.data as Record<string, unknown> | null | undefined) ?? null, errors } };
}

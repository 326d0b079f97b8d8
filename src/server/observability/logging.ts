import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { ConfigError, type LogLevel } from '../config.js';
import { operationOf } from './graphql-operation.js';

// The server's log: pino's JSON lines, as Fastify writes them, one line per request
// at info, with the request id on every line of the request. Secrets stay out by
// construction: headers are never serialised at all (the redaction below is a second
// line for callers that log them), URLs lose their query string (GraphQL GET and
// GraphiQL links carry documents and variables there) and the token of an invitation
// link (/invite/<token>), and principals are logged by id.

/** Credentials never reach a log line, whatever a caller logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-keyplane-csrf"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

/** The label of the request id in log lines; also the GraphQL errors' extension and the header's meaning. */
export const REQUEST_ID_LABEL = 'request_id';
export const REQUEST_ID_HEADER = 'x-request-id';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * A caller's X-Request-Id when it is one a log and a header can carry safely (at most
 * 128 characters of [A-Za-z0-9._:-]: no spaces, quotes or control characters to forge
 * log lines or headers with), otherwise a new UUID.
 */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Pages of the app whose path holds a secret: the invitation link's token. */
const SECRET_SEGMENTS = /^(\/invite\/)[^/]+/;

/** The path a log line may show: no query string, no invitation token. */
export function loggablePath(url: string): string {
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  return path.replace(SECRET_SEGMENTS, '$1[redacted]').slice(0, 512);
}

/** Routes that monitors poll: their successful answers are logged at debug, not info. */
const QUIET_ROUTES = new Set(['/health', '/healthz', '/readyz', '/metrics']);

export function isQuietRoute(request: FastifyRequest): boolean {
  return QUIET_ROUTES.has(request.routeOptions.url ?? '');
}

/** What the completion line says about a request. */
export function completionFields(request: FastifyRequest, reply: FastifyReply): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    method: request.method,
    route: request.routeOptions.url ?? null,
    path: loggablePath(request.url),
    status: reply.statusCode,
    duration_ms: Math.round(reply.elapsedTime * 100) / 100,
    address: request.ip,
  };
  const operation = operationOf(request);
  if (operation) {
    fields.operation = operation.name;
    fields.operation_type = operation.type;
  }
  const principal = request.principal;
  if (principal) {
    fields.principal_kind = principal.accountType === 'SERVICE' ? 'service_account' : 'user';
    fields.principal_id = principal.userId;
    fields.auth = principal.apiKeyId ? 'api_key' : 'session';
    if (principal.apiKeyId) fields.api_key_id = principal.apiKeyId;
    fields.tenant_id = principal.tenantId;
  }
  return fields;
}

/**
 * Fastify's request lines, made Keyplane's: "incoming request" at debug, and one
 * "request completed" line at info with who asked and what for; the health and
 * metrics routes at debug unless they fail.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: REQUEST_ID_LABEL });
  }

  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  /** Fastify's says "Route GET:<url> not found", with the query string and the invitation token. */
  override routeNotFound(request: FastifyRequest): void {
    request.log.info(`Route ${request.method}:${loggablePath(request.url)} not found`);
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const fields = completionFields(request, reply);
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else if (isQuietRoute(request) && reply.statusCode < 500) reply.log.debug(fields, 'request completed');
    else reply.log.info(fields, 'request completed');
  }
}

const serializers = {
  /** Fastify's own, less the URL's query string and the remote port; never the headers. */
  req: (request: FastifyRequest) => ({ method: request.method, url: loggablePath(request.url), host: request.host, remoteAddress: request.ip }),
};

export interface LoggingOptions {
  level: LogLevel;
  format: 'json' | 'pretty';
  /** Where lines go; standard error unless given (standard output is the command's own). */
  stream?: NodeJS.WritableStream | { write(line: string): unknown };
}

/**
 * Fastify's `logger` option. `true` is info as JSON on standard error; an object may be
 * LoggingOptions or pino options (level, stream), which keep the redaction.
 */
export function fastifyLoggerOptions(logger: boolean | object | undefined): false | Record<string, unknown> {
  if (!logger) return false;
  const given = (logger === true ? { level: 'info', format: 'json' } : logger) as Partial<LoggingOptions> & Record<string, unknown>;
  const { format, stream, redact, ...rest } = given;
  if (rest.level === 'silent') return false;
  return {
    level: 'info',
    ...rest,
    redact: [...REDACTED_PATHS, ...((redact as string[] | undefined) ?? [])],
    serializers: { ...serializers, ...(rest.serializers as object | undefined) },
    stream: stream ?? (format === 'pretty' ? prettyStream() : process.stderr),
  };
}

/** pino-pretty, in-process (no worker thread to lose the last lines at exit); a development dependency. */
function prettyStream(): NodeJS.WritableStream {
  let pretty: (options: Record<string, unknown>) => NodeJS.WritableStream;
  try {
    pretty = createRequire(import.meta.url)('pino-pretty') as typeof pretty;
  } catch {
    throw new ConfigError(
      'log_format "pretty" needs pino-pretty, a development dependency: run npm install (without --omit=dev), or use the default JSON lines.',
    );
  }
  return pretty({ destination: 2, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
}

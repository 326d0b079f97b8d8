import { CliError, ExitCode } from './exit-codes.js';

// A small GraphQL-over-HTTP client for the Keyplane API. It sorts every failure
// into the few kinds a command acts on differently: the key was refused, the
// server could not be reached, the API answered with an error, or the user
// asked to stop.

/** The API refused the key (HTTP 401 / UNAUTHENTICATED): revoked, expired, unknown, or owner removed. */
export class KeyRejectedError extends Error {
  constructor(readonly endpoint: string) {
    super(`The API at ${endpoint} refused the key: it is unknown, revoked or expired.`);
    this.name = 'KeyRejectedError';
  }
}

/** Nothing answered, or it did not answer like the API; worth retrying for an agent. */
export class UnreachableError extends Error {
  constructor(
    readonly endpoint: string,
    readonly reason: string,
  ) {
    super(`Cannot reach the Keyplane API at ${endpoint} (${reason}).`);
    this.name = 'UnreachableError';
  }
}

/** The API answered with a GraphQL error other than UNAUTHENTICATED. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Errors that say nothing about the request itself and may pass if tried again. */
  get transient(): boolean {
    return this.code === 'RATE_LIMITED' || this.code === 'INTERNAL_SERVER_ERROR';
  }
}

/** The user asked to stop (Ctrl-C) while a request was in flight. */
export class StoppedError extends Error {
  constructor() {
    super('Stopped.');
    this.name = 'StoppedError';
  }
}

interface GraphQLErrorBody {
  message?: string;
  extensions?: { code?: string; field?: string };
}

export interface ApiClientOptions {
  endpoint: string;
  key: string;
  stopSignal?: AbortSignal;
  /** Per request; a hung server must not hang a check-in forever. */
  timeoutMs?: number;
  /** Sent with every request as well (an agent's name and labels: src/shared/agents.ts). */
  headers?: Record<string, string>;
}

export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  get endpoint(): string {
    return this.options.endpoint;
  }

  async request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const { endpoint, key, stopSignal, timeoutMs = 30_000 } = this.options;
    if (stopSignal?.aborted) throw new StoppedError();
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = stopSignal ? AbortSignal.any([stopSignal, timeout]) : timeout;

    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${key}`,
          ...this.options.headers,
        },
        body: JSON.stringify({ query, variables }),
        signal,
        redirect: 'error', // never follow a redirect carrying the key elsewhere
      });
    } catch (error) {
      if (stopSignal?.aborted) throw new StoppedError();
      if (timeout.aborted) throw new UnreachableError(endpoint, `no answer within ${Math.round(timeoutMs / 1000)} s`);
      throw new UnreachableError(endpoint, describeNetworkError(error));
    }

    let body: { data?: T | null; errors?: GraphQLErrorBody[] } | undefined;
    try {
      body = (await response.json()) as typeof body;
    } catch {
      body = undefined;
    }
    const errors = body?.errors ?? [];
    if (response.status === 401 || errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      throw new KeyRejectedError(endpoint);
    }
    if (errors.length > 0) {
      const first = errors[0];
      throw new ApiError(first.message ?? 'The API answered with an error.', first.extensions?.code ?? 'UNKNOWN', first.extensions?.field);
    }
    if (!response.ok || !body || body.data == null) {
      // A proxy's error page, a wrong path, a server that is starting: not the API answering.
      throw new UnreachableError(endpoint, `HTTP ${response.status}${body ? '' : ', not a GraphQL answer'}`);
    }
    return body.data;
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
      return 'connection reset';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    default:
      return cause?.code ?? cause?.message ?? (error as Error)?.message ?? 'network error';
  }
}

/** How a one-shot command (not the agent) reports an API failure. */
export function toCliError(error: unknown): unknown {
  if (error instanceof KeyRejectedError) {
    return new CliError(`${error.message} Log in again with a valid key: keyplane auth login --key KEY`, ExitCode.KEY_REJECTED);
  }
  if (error instanceof UnreachableError) {
    return new CliError(`${error.message} Is the server running? Point at it with --api URL.`, ExitCode.UNREACHABLE);
  }
  if (error instanceof ApiError) {
    const field = error.field ? ` (${error.field})` : '';
    return new CliError(`${error.message}${field}`, ExitCode.ERROR);
  }
  if (error instanceof StoppedError) return new CliError('Interrupted.', ExitCode.INTERRUPTED);
  return error;
}

import { GraphQLError } from 'graphql';

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'RATE_LIMITED' | 'INTERNAL_SERVER_ERROR';

/** An error whose message is safe to show to the client, with its code. */
export class ApiError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
    this.code = code;
  }
}

/** One message for every bad-key case, so a client cannot tell them apart. */
export const INVALID_CREDENTIALS_MESSAGE = 'Invalid or expired credentials.';

export const unauthenticated = (message = 'Authentication required: send an API key as "Authorization: Bearer <key>" or sign in.') =>
  new ApiError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new ApiError('FORBIDDEN', message);
export const notFound = (what: string) => new ApiError('NOT_FOUND', `${what} not found.`);
export const badInput = (field: string, message: string) => new ApiError('BAD_USER_INPUT', message, { field });

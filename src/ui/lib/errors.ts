import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** The error codes the API puts in `extensions.code`. */
export type ApiErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'RATE_LIMITED' | 'INTERNAL_SERVER_ERROR' | 'NETWORK';

interface ApiErrorDetail {
  code: ApiErrorCode;
  message: string;
  field?: string;
}

interface RawGraphQLError {
  message?: string;
  extensions?: { code?: unknown; field?: unknown };
}

function fromGraphQLErrors(errors: readonly RawGraphQLError[]): ApiErrorDetail | undefined {
  const first = errors[0];
  if (!first) return undefined;
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
  const field = typeof first.extensions?.field === 'string' ? first.extensions.field : undefined;
  return { code: code as ApiErrorCode, message: first.message ?? 'Something went wrong.', field };
}

/**
 * Reads what went wrong from anything Apollo Client 4 can throw. A 401/403 arrives as
 * a ServerError (non-2xx), other API errors as CombinedGraphQLErrors; both carry the
 * same `extensions.code`, so callers only ever look at the code.
 */
export function describeError(error: unknown): ApiErrorDetail {
  if (CombinedGraphQLErrors.is(error)) {
    return fromGraphQLErrors(error.errors) ?? { code: 'INTERNAL_SERVER_ERROR', message: error.message };
  }
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: RawGraphQLError[] };
      const detail = body.errors ? fromGraphQLErrors(body.errors) : undefined;
      if (detail) return detail;
    } catch {
      // not JSON: fall through to the status code
    }
    if (error.statusCode === 401) return { code: 'UNAUTHENTICATED', message: 'Please sign in.' };
    if (error.statusCode === 403) return { code: 'FORBIDDEN', message: 'You do not have access to this.' };
    if (error.statusCode === 429) return { code: 'RATE_LIMITED', message: 'Too many requests. Try again shortly.' };
    return { code: 'INTERNAL_SERVER_ERROR', message: `The server answered ${error.statusCode}.` };
  }
  if (error instanceof Error) {
    return { code: 'NETWORK', message: 'Could not reach Keyplane. Check your connection and try again.' };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong.' };
}

export function errorCode(error: unknown): ApiErrorCode | undefined {
  return error == null ? undefined : describeError(error).code;
}

/** What went wrong, for the person who tried: a message fit to show, the code, and the field at fault. */
export interface Problem {
  code: ApiErrorCode;
  message: string;
  field?: string;
}

// A masked server error says nothing useful; a 401's message is written for API
// clients, and someone in the browser needs to hear that their session ended.
const PLAIN_WORDS: Partial<Record<ApiErrorCode, string>> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again, then retry.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again.',
};

/**
 * The one mapping from an error to what the UI says: the server's own message for
 * input, permission and not-found errors (they are written for people), plain words
 * for the rest. `messages` replaces the words for codes that mean something else in
 * one place (for sign-in, UNAUTHENTICATED means a wrong password).
 */
export function describeProblem(error: unknown, messages: Partial<Record<ApiErrorCode, string>> = {}): Problem {
  const detail = describeError(error);
  return { ...detail, message: messages[detail.code] ?? PLAIN_WORDS[detail.code] ?? detail.message };
}

/** The message alone, for an error shown in place of a list. */
export function errorMessage(error: unknown): string {
  return describeProblem(error).message;
}

/** Which of a form's fields a BAD_USER_INPUT is about (the server names it, e.g. "email" or "input.email"). */
export function problemField<F extends string>(problem: Problem, fields: readonly F[]): F | undefined {
  if (problem.code !== 'BAD_USER_INPUT' || !problem.field) return undefined;
  const at = problem.field;
  return fields.find((f) => at === f || at.endsWith(`.${f}`));
}

/** Errors the route boundary handles (sign-in page, no-access and not-found messages). */
export function isRouteLevelError(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND';
}

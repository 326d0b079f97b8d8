import { describeError } from '../../lib/errors';

/**
 * What went wrong, for a dialog. A 401's server message is written for API clients;
 * someone in the browser needs to hear that their session ended.
 */
export function describeProblem(error: unknown): { message: string; field?: string; code: string } {
  const detail = describeError(error);
  if (detail.code === 'UNAUTHENTICATED') {
    return { ...detail, message: 'Your session has ended. Sign in again, then retry.' };
  }
  if (detail.code === 'INTERNAL_SERVER_ERROR') {
    return { ...detail, message: 'Something went wrong on our side. Please try again.' };
  }
  return detail;
}

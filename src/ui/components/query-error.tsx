import { isRouteLevelError } from '../lib/errors';
import { ErrorState } from './error-state';

interface QueryErrorProps {
  title?: string;
  error: unknown;
  onRetry?: () => void;
}

/**
 * For a query's error: sign-in, no-access and not-found errors go up to the route
 * error boundary (which knows what page to show); anything else is shown in place
 * with a retry button.
 */
export function QueryError({ title, error, onRetry }: QueryErrorProps) {
  if (isRouteLevelError(error)) throw error;
  return <ErrorState title={title} error={error} onRetry={onRetry} />;
}

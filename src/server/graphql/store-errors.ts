import type { ErrorCode } from '../errors.js';
import type { StoreError, StoreErrorKind } from '../store/errors.js';

// The one place that says what a store's refusal is to a GraphQL client (the store
// throws StoreErrors, store/errors.ts; error-formatter.ts formats them with this).

const CODE_OF_KIND: Record<StoreErrorKind, ErrorCode> = {
  not_found: 'NOT_FOUND',
  bad_input: 'BAD_USER_INPUT',
  // A value another row has is the input's fault: the field names which.
  conflict: 'BAD_USER_INPUT',
};

/** The error's extensions: its code, the field at fault, and what else the store told (limit, max). */
export function storeErrorExtensions(error: StoreError): Record<string, unknown> {
  return { code: CODE_OF_KIND[error.kind], ...(error.field !== null && { field: error.field }), ...error.extra };
}

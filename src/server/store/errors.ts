// What a store refuses, as data: the store knows nothing of GraphQL, and the GraphQL
// layer gives each kind its code (graphql/store-errors.ts). Messages are written for the
// person who sent the request and are shown to them as they are.

export type StoreErrorKind =
  /** The row the change is about does not exist (or no longer does). */
  | 'not_found'
  /** The input breaks a rule of the data (the last administrator, a limit, a used invitation). */
  | 'bad_input'
  /** Another row already has this value (a slug, an email). */
  | 'conflict';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    /** The input field at fault. */
    readonly field: string | null = null,
    /** What else the client is told (limit: which limit, max: its value). */
    readonly extra: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new StoreError('not_found', `${what} not found.`);
export const badInput = (field: string, message: string, extra: Record<string, string | number> = {}) => new StoreError('bad_input', message, field, extra);
export const conflict = (field: string, message: string) => new StoreError('conflict', message, field);

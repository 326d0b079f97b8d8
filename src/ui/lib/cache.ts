import type { ApolloCache } from '@apollo/client';

// The cache edits the mutation hooks make. Removing what a mutation made stale,
// rather than patching lists and totals by hand, keeps every page right: an active
// query whose data an eviction removed is refetched by Apollo Client, so lists get
// their new page and total from the server; what is not on screen is fetched when shown.

/**
 * An entity the mutation deleted, and the root fields of the lists and totals it was
 * counted in: the lists on screen refetch their page (the next row moves up) and total.
 */
export function evictEntity(cache: ApolloCache, typename: string, id: string, listFields: readonly string[]): void {
  cache.evict({ id: cache.identify({ __typename: typename, id }) });
  evictRootFields(cache, ...listFields);
}

/** Root fields whose answers the mutation changed (a new row): every cached answer, whatever its arguments, goes. */
export function evictRootFields(cache: ApolloCache, ...fieldNames: string[]): void {
  for (const fieldName of fieldNames) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}

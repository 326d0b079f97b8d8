/** What a link such as /graphiql?query=...&variables=... opens in the editors. */
export interface UrlOperation {
  initialQuery?: string;
  initialVariables?: string;
}

/**
 * Reads the operation from the page's query string (`query`, `variables`), as
 * GraphiQL's own examples link to it. Headers are deliberately not read from the
 * URL: a key there would be kept in the browser's history and in server logs.
 */
export function operationFromUrl(search: string): UrlOperation {
  const params = new URLSearchParams(search);
  const query = params.get('query');
  const variables = params.get('variables');
  return {
    ...(query !== null && { initialQuery: query }),
    ...(variables !== null && { initialVariables: variables }),
  };
}

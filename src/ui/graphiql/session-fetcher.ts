import type { Fetcher } from '@graphiql/toolkit';
import { GraphQLError, type ExecutionResult } from 'graphql';

/** The header every cookie-authenticated request must carry (a cross-site form cannot send it). */
const CSRF_HEADER = { name: 'X-Keyplane-CSRF', value: '1' };

/**
 * Posts to the API on this origin with the browser's session cookie and the CSRF
 * header, so a signed-in browser needs no key. Headers typed in GraphiQL's Headers
 * pane (an Authorization: Bearer key) are added, replacing a default of the same name.
 *
 * A plain POST rather than @graphiql/toolkit's createGraphiQLFetcher: Keyplane has no
 * subscriptions or incremental delivery, and that fetcher would pull in a websocket
 * client for them.
 */
export function createSessionFetcher(url: string): Fetcher {
  return async (params, options) => {
    const headers = new Headers({
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      [CSRF_HEADER.name]: CSRF_HEADER.value,
    });
    for (const [name, value] of Object.entries(options?.headers ?? {})) headers.set(name, String(value));
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as ExecutionResult;
    } catch {
      return { errors: [new GraphQLError(`HTTP ${response.status}: the answer is not JSON`, { extensions: { body: text.slice(0, 500) } })] };
    }
  };
}

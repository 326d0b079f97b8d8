import { matchRoutes } from 'react-router-dom';
import type { ApolloClients } from '../lib/apollo';
import { paths } from '../lib/paths';
import { routes } from './routes';
import { startApiKeysPageQuery } from './api-keys-first-query';
import { AppShellQuery } from './shell-query';

/**
 * Starts the first page's queries as the app starts, before its first render, instead
 * of when the tenant layout and then the page have rendered. The components
 * ask for the same queries with the same variables; Apollo Client joins a request in
 * flight, or answers from the cache once it is back, so nothing is fetched twice.
 * Failures are left to the components, which ask again and show the error. The promise
 * settles when the queries have (it never rejects).
 */
export function startFirstPageQueries(clients: ApolloClients, location: Pick<Location, 'pathname' | 'search'>): Promise<void> {
  const matched = matchRoutes(routes, location.pathname)?.map((match) => match.route.path) ?? [];
  if (!matched.includes(paths.tenant.path)) return Promise.resolve();
  const shell = clients.root.query({ query: AppShellQuery }).catch(() => null);
  if (!matched.includes(paths.apiKeys.path)) return shell.then(() => undefined);
  const slug = location.pathname.split('/')[1] ?? '';
  return shell
    .then((answer) => {
      const user = answer?.data?.user[0];
      if (user) return startApiKeysPageQuery(clients, user, decodeURIComponent(slug), new URLSearchParams(location.search));
    })
    .catch(() => undefined);
}

import { matchRoutes } from 'react-router-dom';
import type { ApolloClients } from '../lib/apollo';
import { paths } from '../lib/paths';
import { routes } from './routes';
import { AppShellQuery } from './shell-query';

/**
 * Starts the first page's queries as the app starts, before the router has fetched the
 * page's code: on a cold load the code and the data then travel side by side instead of
 * one after the other (entry → route chunks → shell query → page query). The components
 * ask for the same queries with the same variables; Apollo Client joins a request in
 * flight, or answers from the cache once it is back, so nothing is fetched twice.
 * Failures are left to the components, which ask again and show the error.
 */
export function startFirstPageQueries(clients: ApolloClients, location: Pick<Location, 'pathname' | 'search'>): void {
  const matched = matchRoutes(routes, location.pathname)?.map((match) => match.route.path) ?? [];
  if (!matched.includes(paths.tenant.path)) return;
  const shell = clients.root.query({ query: AppShellQuery }).catch(() => null);
  if (!matched.includes(paths.apiKeys.path)) return;
  const slug = location.pathname.split('/')[1] ?? '';
  void Promise.all([shell, import('./api-keys-first-query')])
    .then(([answer, page]) => {
      const user = answer?.data?.user[0];
      if (user) page.startApiKeysPageQuery(clients, user, decodeURIComponent(slug), new URLSearchParams(location.search));
    })
    .catch(() => undefined);
}

import type { ApolloClients } from '../lib/apollo';
import { pageVariables } from '../lib/paging';
import { buildCurrentTenant } from '../lib/tenant-context';
import { ApiKeysPageQuery } from '../features/api-keys/api-keys-page-query';
import { buildOrderBy, buildWhere, needsNow, parseListState } from '../features/api-keys/api-keys-list-state';
import type { AppShellQuery } from '../gql/graphql';

type ShellUser = AppShellQuery['user'][number];

/**
 * User › API Keys' query for the view in the URL, through the tenant's client, with the
 * variables ApiKeysPage builds (loaded with the page's own chunk). A view that filters on
 * "now" is left to the page, whose "now" this could not match.
 */
export function startApiKeysPageQuery(clients: ApolloClients, me: ShellUser, slug: string, searchParams: URLSearchParams): Promise<void> {
  const memberships = me.memberships.map((m) => ({ id: m.id, role: m.role, tenant: m.tenant }));
  const current = buildCurrentTenant(
    { id: me.id, username: me.username, email: me.email ?? null, defaultMembershipId: me.default_membership_id ?? null },
    memberships,
    slug,
  );
  if (!current) return Promise.resolve();
  const state = parseListState(searchParams);
  if (needsNow(state)) return Promise.resolve();
  const variables = { where: buildWhere(state, current.user.id, new Date(0)), order_by: buildOrderBy(state), ...pageVariables(state.page, state.size) };
  return clients
    .forTenant(current.slug)
    .query({ query: ApiKeysPageQuery, variables })
    .then(
      () => undefined,
      () => undefined,
    );
}

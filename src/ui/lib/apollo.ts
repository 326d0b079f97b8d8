import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { dropEarlyResponses, fetchWithEarlyResponses } from './early-responses';

/**
 * One Apollo client for requests that belong to no tenant (sign-in, setup, the
 * caller's own profile and tenant list), and one per tenant slug for everything
 * else. Each tenant client sends `X-Tenant-Id: <slug from the URL>`; keeping a cache
 * per tenant means switching tenants can never show the previous tenant's rows
 * from cache (the root fields, e.g. `user_view_same_tenant`, have no tenant argument).
 */
export interface ApolloClients {
  root: ApolloClient;
  forTenant(slug: string): ApolloClient;
  /** Drop every cached result, e.g. after signing in or out. */
  reset(): Promise<void>;
  /**
   * The caller's own account changed (a role, a tenant joined, created or left): refetch
   * what the root client shows, the shell's user and memberships, before going on.
   */
  refreshAccount(): Promise<void>;
}

export interface ApolloClientsOptions {
  /** Defaults to `/graphql` on the page's own origin. */
  uri?: string;
  /** Defaults to fetch, answered from index.html's early requests where they match (lib/early-responses.ts). */
  fetch?: typeof fetch;
}

function graphqlUri(options: ApolloClientsOptions): string {
  if (options.uri) return options.uri;
  return typeof window === 'undefined' ? '/graphql' : new URL('/graphql', window.location.href).href;
}

function createClient(uri: string, fetch: typeof globalThis.fetch, tenantSlug: string | null): ApolloClient {
  const headers: Record<string, string> = {
    // Cookie-authenticated requests without this header are refused (CSRF guard).
    'X-Keyplane-CSRF': '1',
  };
  if (tenantSlug) headers['X-Tenant-Id'] = tenantSlug;
  return new ApolloClient({
    link: new HttpLink({ uri, credentials: 'same-origin', headers, fetch }),
    // A policy has no id of its own: its tenant's identifies it, so a saved policy updates every view of it.
    cache: new InMemoryCache({ typePolicies: { tenant_policy: { keyFields: ['tenant_id'] } } }),
  });
}

export function createApolloClients(options: ApolloClientsOptions = {}): ApolloClients {
  const uri = graphqlUri(options);
  const fetch = options.fetch ?? fetchWithEarlyResponses;
  const root = createClient(uri, fetch, null);
  let tenants = new Map<string, ApolloClient>();
  return {
    root,
    forTenant(slug) {
      let client = tenants.get(slug);
      if (!client) {
        client = createClient(uri, fetch, slug);
        tenants.set(slug, client);
      }
      return client;
    },
    async refreshAccount() {
      // The change that asked has been made: a query that fails to refetch (the top bar's key
      // notices, say) shows its own error where it is shown, and does not turn that change into a failure.
      await Promise.allSettled(root.refetchQueries({ include: 'active' }).results);
    },
    async reset() {
      dropEarlyResponses();
      const old = [...tenants.values()];
      tenants = new Map();
      await Promise.all([root.clearStore(), ...old.map((client) => client.clearStore())]);
      for (const client of old) client.stop();
    },
  };
}

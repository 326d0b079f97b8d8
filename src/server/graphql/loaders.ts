import type { MercuriusLoaders } from 'mercurius';
import type { Principal, RequestContext } from '../context.js';
import { badInput } from '../errors.js';
import type { AgentRecord, ApiKeyRow, InvitationRecord, MembershipRecord, TenantRecord, UserRef } from '../store/types.js';

// Per-row fields that need another record are Mercurius loaders: each field's rows in
// one execution step are looked up together, with one batch read of the store, so a
// page of 50 rows costs as many store calls as a page of 5 (test/server/store-calls.test.ts).
// A field named here must have no resolver in resolvers/ (the loader replaces it).

declare module 'mercurius' {
  // Mercurius hands loaders the context app.ts builds.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging needs an interface
  interface MercuriusContext extends RequestContext {}
}

const distinct = (ids: readonly (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))];

async function tenantsById(ctx: RequestContext, ids: readonly (string | null)[]): Promise<Map<string, TenantRecord>> {
  return new Map((await ctx.store.getTenants(distinct(ids))).map((tenant) => [tenant.id, tenant]));
}

/** The agents a key keeps (SqlStore.MAX_AGENTS_PER_KEY), and so the most auth_api_key.agents shows. */
const MAX_AGENTS_SHOWN = 20;

function agentsLimit(limit: unknown): number {
  if (limit === undefined || limit === null) return MAX_AGENTS_SHOWN;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > MAX_AGENTS_SHOWN) {
    throw badInput('limit', `A key's agents are listed 0 to ${MAX_AGENTS_SHOWN} at a time.`);
  }
  return limit;
}

export const loaders: MercuriusLoaders = {
  auth_api_key: {
    // Whoever sees a key sees its agents: the key's row was filtered by auth_api_key already.
    async agents(queries: { obj: ApiKeyRow; params: { limit?: number | null } }[], ctx): Promise<AgentRecord[][]> {
      const limits = queries.map(({ params }) => agentsLimit(params.limit));
      const byKey = await ctx.store.listAgentsOfKeys(distinct(queries.map(({ obj }) => obj.id)), Math.max(0, ...limits));
      return queries.map(({ obj }, index) => (byKey.get(obj.id) ?? []).slice(0, limits[index]));
    },
  },
  membership: {
    async tenant(queries: { obj: MembershipRecord }[], ctx) {
      const tenants = await tenantsById(
        ctx,
        queries.map(({ obj }) => obj.tenant_id),
      );
      // A membership's tenant always exists: the foreign key removes memberships with it.
      return queries.map(({ obj }) => tenants.get(obj.tenant_id)!);
    },
  },
  membership_invitation: {
    async tenant(queries: { obj: InvitationRecord }[], ctx) {
      const tenants = await tenantsById(
        ctx,
        queries.map(({ obj }) => obj.tenant_id),
      );
      // An invitation's tenant exists as long as it does: deleting a tenant deletes its invitations.
      return queries.map(({ obj }) => tenants.get(obj.tenant_id)!);
    },
    async invited_by(queries: { obj: InvitationRecord }[], ctx): Promise<(UserRef | null)[]> {
      const ids = distinct(queries.map(({ obj }) => obj.invited_by_id));
      const users = new Map((await ctx.store.getUsers(ids)).map((user) => [user.id, user]));
      return queries.map(({ obj }) => {
        const user = obj.invited_by_id ? users.get(obj.invited_by_id) : undefined;
        return user ? { id: user.id, username: user.username, account_type: user.account_type } : null;
      });
    },
  },
  auth_info: {
    async tenant(queries: { obj: Principal }[], ctx) {
      const tenants = await tenantsById(
        ctx,
        queries.map(({ obj }) => obj.tenantId),
      );
      return queries.map(({ obj }) => (obj.tenantId ? (tenants.get(obj.tenantId) ?? null) : null));
    },
  },
};

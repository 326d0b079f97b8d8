import type { Resolvers } from '../../generated/graphql.js';
import { forbidden } from '../../errors.js';
import { listPage } from '../paging.js';
import { requirePrincipal } from '../guards.js';

// Prefect's root membership list: the current tenant's memberships (every member may see
// who is in the tenant, with their roles) and the caller's own in other tenants, as the
// user query shows them. A key acts in its own tenant only, so it sees that one's.

export const membershipResolvers: Resolvers = {
  Query: {
    membership: (_root, args, ctx) => {
      const principal = requirePrincipal(ctx);
      if (ctx.tenantDenied) throw forbidden('You are not a member of this tenant.');
      const visibility = { tenantId: principal.tenantId, userId: principal.apiKeyId ? null : principal.userId };
      return listPage(ctx.request, args, (page) => ctx.store.listMemberships(visibility, page));
    },
  },
  membership: {
    role_id: (membership) => membership.role,
  },
};

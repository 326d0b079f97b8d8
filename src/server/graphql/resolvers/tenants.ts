import type { Resolvers } from '../../generated/graphql.js';
import type { Principal } from '../../context.js';
import { badInput } from '../../errors.js';
import type { BoolExp } from '../../store/types.js';
import { checkName, checkSlug, slugify } from '../inputs.js';
import { listPage } from '../paging.js';
import { auditContext, requirePerson, requirePrincipal } from '../guards.js';

/** A key acts in its own tenant only, so it sees that one; a browser session sees all of its user's. */
function visibleTenants(principal: Principal, where: BoolExp | null | undefined): BoolExp | null | undefined {
  if (!principal.apiKeyId) return where;
  return { _and: [...(where ? [where] : []), { id: { _eq: principal.tenantId } }] };
}

export const tenantResolvers: Resolvers = {
  Query: {
    tenant: (_root, args, ctx) => {
      const principal = requirePrincipal(ctx);
      return listPage(args, (page) => ctx.store.listTenantsOfUser(principal.userId, { ...page, where: visibleTenants(principal, page.where) }));
    },
    tenant_aggregate: async (_root, args, ctx) => {
      const principal = requirePrincipal(ctx);
      return { aggregate: { count: await ctx.store.countTenantsOfUser(principal.userId, visibleTenants(principal, args.where)) } };
    },
  },
  Mutation: {
    create_tenant: async (_root, { input }, ctx) => {
      const principal = requirePerson(ctx);
      const name = checkName('name', input.name, 'Tenant name');
      let slug: string;
      if (input.slug !== null && input.slug !== undefined) {
        slug = checkSlug('slug', input.slug);
        if (await ctx.store.findTenantByIdOrSlug(slug)) throw badInput('slug', `The slug "${slug}" is already taken.`);
      } else {
        const base = slugify(name);
        slug = base;
        for (let n = 2; await ctx.store.findTenantByIdOrSlug(slug); n++) slug = `${base.slice(0, 35)}-${n}`;
      }
      const tenant = await ctx.store.createTenant({ name, slug, adminUserId: principal.userId }, auditContext(ctx));
      return { id: tenant.id, slug: tenant.slug };
    },
  },
};

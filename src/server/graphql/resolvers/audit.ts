import type { Resolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import { listPage } from '../paging.js';
import { requireAdmin, requireCurrentTenant } from '../guards.js';

/** The current tenant, whose audit log only its administrators read. */
function auditedTenant(ctx: RequestContext): string {
  const { tenantId, role } = requireCurrentTenant(ctx);
  requireAdmin(role, 'Only tenant administrators can read the audit log.');
  return tenantId;
}

export const auditResolvers: Resolvers = {
  Query: {
    audit_event: async (_root, args, ctx) => {
      const tenantId = auditedTenant(ctx);
      return listPage(ctx.request, args, (page) => ctx.store.listAuditEvents(tenantId, page));
    },
    audit_event_aggregate: async (_root, args, ctx) => {
      const tenantId = auditedTenant(ctx);
      return { aggregate: { count: await ctx.store.countAuditEvents(tenantId, args.where) } };
    },
    audit_event_actor: async (_root, args, ctx) => {
      const tenantId = auditedTenant(ctx);
      return listPage(ctx.request, args, (page) => ctx.store.listAuditActors(tenantId, page));
    },
    audit_event_actor_aggregate: async (_root, _args, ctx) => {
      const tenantId = auditedTenant(ctx);
      return { aggregate: { count: await ctx.store.countAuditActors(tenantId) } };
    },
  },
  audit_event: {
    actor: (event) => event.actor ?? null,
  },
};

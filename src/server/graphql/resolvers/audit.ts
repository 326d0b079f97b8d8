import type { Resolvers } from '../../generated/graphql.js';
import { listPage } from '../paging.js';
import { requireAdmin, requireCurrentTenant } from '../guards.js';

export const auditResolvers: Resolvers = {
  Query: {
    audit_event: async (_root, args, ctx) => {
      const { tenantId, role } = requireCurrentTenant(ctx);
      requireAdmin(role, 'Only tenant administrators can read the audit log.');
      return listPage(ctx.request, args, (page) => ctx.store.listAuditEvents(tenantId, page));
    },
    audit_event_aggregate: async (_root, args, ctx) => {
      const { tenantId, role } = requireCurrentTenant(ctx);
      requireAdmin(role, 'Only tenant administrators can read the audit log.');
      return { aggregate: { count: await ctx.store.countAuditEvents(tenantId, args.where) } };
    },
  },
  audit_event: {
    actor: (event) => event.actor ?? null,
  },
};

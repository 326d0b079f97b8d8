import type { Resolvers } from '../../generated/graphql.js';
import { requireCurrentTenant, requirePrincipal, requireRoleIn } from '../guards.js';
import { IDLE_WARNING_MS } from '../../scheduler/key-jobs.js';

// The in-app notices: the same windows as the scheduler's warnings (scheduler/key-jobs.ts),
// computed from the keys, so they are right before the job has run.

const DAY = 86_400_000;

export const keyNoticeResolvers: Resolvers = {
  Query: {
    key_notices: async (_root, args, ctx) => {
      const principal = requirePrincipal(ctx);
      const tenantId = args.tenant_id ?? requireCurrentTenant(ctx).tenantId;
      const role = await requireRoleIn(ctx, tenantId, 'Tenant');
      const admin = role === 'TENANT_ADMIN';
      const { idle_days } = await ctx.store.getTenantPolicy(tenantId);
      const now = Date.now();
      const counts = await ctx.store.countKeyNotices({
        tenantId,
        ownerId: principal.userId,
        serviceAccounts: admin,
        at: new Date(now).toISOString(),
        expiringBy: new Date(now + 7 * DAY).toISOString(),
        idleBy: idle_days === null ? null : new Date(now - idle_days * DAY + IDLE_WARNING_MS).toISOString(),
      });
      return {
        own_expiring_count: counts.own_expiring_count,
        own_idle_count: counts.own_idle_count,
        service_expiring_count: admin ? counts.service_expiring_count : null,
        service_idle_count: admin ? counts.service_idle_count : null,
      };
    },
  },
};

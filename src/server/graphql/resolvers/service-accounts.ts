import type { Resolvers } from '../../generated/graphql.js';
import { notFound } from '../../errors.js';
import { checkName } from '../inputs.js';
import { roleFrom } from './roles.js';
import { auditContext, requireAdmin, requireRoleIn } from '../guards.js';

export const serviceAccountResolvers: Resolvers = {
  Mutation: {
    create_service_account: async (_root, { input }, ctx) => {
      const name = checkName('name', input.name);
      const role = roleFrom(input, 'TENANT_ADMIN');
      const callerRole = await requireRoleIn(ctx, input.tenant_id, 'Tenant');
      requireAdmin(callerRole, 'Only tenant administrators can create service accounts.');
      const account = await ctx.store.createServiceAccount({ tenantId: input.tenant_id, name, role }, auditContext(ctx));
      return { id: account.id };
    },
    delete_service_account: async (_root, { input }, ctx) => {
      const account = await ctx.store.getUser(input.user_id);
      const membership = account?.account_type === 'SERVICE' ? (await ctx.store.listMembershipsOfUser(account.id))[0] : null;
      if (!membership) throw notFound('Service account');
      const callerRole = await requireRoleIn(ctx, membership.tenant_id, 'Service account');
      requireAdmin(callerRole, 'Only tenant administrators can remove service accounts.');
      await ctx.store.deleteServiceAccount(account!.id, auditContext(ctx));
      return { success: true, error: null };
    },
  },
};

import { randomUUID } from 'node:crypto';
import type { Resolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import { generateKey, hashKey, keyHint, SERVICE_KEY_PREFIX } from '../../auth/key-format.js';
import { notFound } from '../../errors.js';
import { checkDescription, checkName } from '../inputs.js';
import { listPage } from '../paging.js';
import { auditContext, requireAdmin, requireCurrentTenant, requirePrincipal, requireRoleIn } from '../guards.js';

// Canary keys: decoys an administrator plants. Only administrators learn that one exists;
// the key itself is a service-account key to anyone who finds it (key-format.ts), and
// authentication refuses it as it refuses a revoked key (auth/canary-alarm.ts).

const ADMINS_ONLY = 'Only tenant administrators can manage canary keys.';

/** The current tenant, whose canaries only its administrators see. */
function canaryTenant(ctx: RequestContext): string {
  const { tenantId, role } = requireCurrentTenant(ctx);
  requireAdmin(role, ADMINS_ONLY);
  return tenantId;
}

export const canaryKeyResolvers: Resolvers = {
  Query: {
    canary_key: (_root, args, ctx) => {
      const tenantId = canaryTenant(ctx);
      return listPage(ctx.request, args, (page) => ctx.store.listCanaryKeys(tenantId, page));
    },
    canary_key_aggregate: async (_root, _args, ctx) => ({ aggregate: { count: await ctx.store.countCanaryKeys(canaryTenant(ctx)) } }),
  },
  Mutation: {
    create_canary_key: async (_root, { input }, ctx) => {
      const principal = requirePrincipal(ctx);
      const name = checkName('name', input.name);
      // The rule of a key's description (shared/descriptions.ts).
      const description = checkDescription('description', input.description ?? null);
      const tenantId = input.tenant_id ?? requireCurrentTenant(ctx).tenantId;
      requireAdmin(await requireRoleIn(ctx, tenantId, 'Tenant'), ADMINS_ONLY);
      // The same generator as a service account's key: nothing in its text tells it apart.
      const key = generateKey(SERVICE_KEY_PREFIX);
      const canary = await ctx.store.createCanaryKey(
        {
          id: randomUUID(),
          tenantId,
          name,
          description,
          keyHash: hashKey(key),
          keyHint: keyHint(key),
          createdById: principal.userId,
        },
        auditContext(ctx),
      );
      return { id: canary.id, key };
    },
    delete_canary_key: async (_root, { input }, ctx) => {
      const canary = await ctx.store.getCanaryKey(input.canary_key_id);
      if (!canary) throw notFound('Canary key');
      // Its existence is an administrator's secret: anyone else may not learn of it, so NOT_FOUND.
      const role = await requireRoleIn(ctx, canary.tenant_id, 'Canary key');
      if (role !== 'TENANT_ADMIN') throw notFound('Canary key');
      await ctx.store.deleteCanaryKey(canary.id, auditContext(ctx));
      return { success: true, error: null };
    },
  },
};

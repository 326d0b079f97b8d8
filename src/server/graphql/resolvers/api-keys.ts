import { randomUUID } from 'node:crypto';
import type { Resolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import { generateKey, hashKey, keyHint, SERVICE_KEY_PREFIX, USER_KEY_PREFIX } from '../../auth/key-format.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import type { ApiKeyChanges, ApiKeyRecord, KeyVisibility, Role } from '../../store/types.js';
import { roleWithin } from '../../../shared/key-roles.js';
import { policyExpiryProblem, type PolicyKeyKind } from '../../../shared/key-policy.js';
import { checkOverlap } from '../../../shared/rotation.js';
import { checkDescription, checkFutureTime, checkName, checkRole, ROLE_NAMES } from '../inputs.js';
import { listPage } from '../paging.js';
import { auditContext, requireAdmin, requirePrincipal, requireRoleIn, roleIn } from '../guards.js';

/**
 * Own keys (every tenant for a signed-in person; a key acts in its own tenant only,
 * so it sees its owner's keys there), and a tenant's service-account keys for its
 * administrators.
 */
function visibilityOf(ctx: RequestContext): KeyVisibility {
  const principal = requirePrincipal(ctx);
  const isAdminHere = !ctx.tenantDenied && principal.tenantId !== null && principal.role === 'TENANT_ADMIN';
  return {
    ownerId: principal.userId,
    ownKeysTenantId: principal.apiKeyId ? principal.tenantId : null,
    serviceAccountTenantId: isAdminHere ? principal.tenantId : null,
  };
}

/**
 * The key's own role: none asked is none (it follows its owner), unless the request is made
 * with a key that has one, whose keys get at most its role; asked above `ceiling` (what the
 * owner, or the calling key, acts as in the tenant) is BAD_USER_INPUT.
 */
function keyRoleOf(ctx: RequestContext, requested: string | null | undefined, ceiling: Role, callerCeiling: boolean): Role | null {
  if (requested === null || requested === undefined) return callerCeiling && ctx.principal?.keyRole ? ceiling : null;
  const role = checkRole('role', requested);
  if (!roleWithin(role, ceiling)) {
    throw badInput('role', `A key's role can be at most its owner's role in the tenant (${ROLE_NAMES[ceiling]}).`);
  }
  return role;
}

/**
 * The key, when the caller may revoke it (or rotate it, which ends it too, or edit it): their own keys,
 * and a service account's keys for an administrator of its tenant. NOT_FOUND otherwise.
 */
async function keyCallerManages(ctx: RequestContext, keyId: string, verb: 'revoke' | 'rotate' | 'edit'): Promise<ApiKeyRecord> {
  const principal = requirePrincipal(ctx);
  const key = await ctx.store.getApiKey(keyId);
  if (!key) throw notFound('API key');
  // A key acts in its own tenant only, even on its owner's other keys.
  if (principal.apiKeyId && key.tenant_id !== principal.tenantId) throw notFound('API key');
  if (key.user_id !== principal.userId) {
    // Another's key: only a service account's, by an administrator of its tenant.
    const owner = await ctx.store.getUser(key.user_id);
    const role = owner?.account_type === 'SERVICE' ? await roleIn(ctx, key.tenant_id) : null;
    if (role !== 'TENANT_ADMIN') throw notFound('API key');
  } else if (principal.accountType === 'SERVICE') {
    // A service account acts as its role: its own keys are service-account keys, which administrators manage.
    if (principal.role !== 'TENANT_ADMIN') throw forbidden(`Only tenant administrators can ${verb} service-account keys.`);
  }
  return key;
}

/** Refuses an expiry (null: never) that the tenant's key policy does not allow a new key of this kind, naming the policy. */
async function requireWithinPolicy(ctx: RequestContext, tenantId: string, kind: PolicyKeyKind, expiresAt: string | null): Promise<void> {
  const problem = policyExpiryProblem(await ctx.store.getTenantPolicy(tenantId), kind, expiresAt, new Date());
  if (problem) throw badInput('expires_at', problem);
}

const kindOf = (accountType: string | undefined): PolicyKeyKind => (accountType === 'SERVICE' ? 'service' : 'user');

export const apiKeyResolvers: Resolvers = {
  Query: {
    auth_api_key: (_root, args, ctx) => listPage(ctx.request, args, (page) => ctx.store.listApiKeys(visibilityOf(ctx), page)),
    auth_api_key_aggregate: async (_root, args, ctx) => ({
      aggregate: { count: await ctx.store.countApiKeys(visibilityOf(ctx), args.where) },
    }),
    // What the list would show for this id, else null (Hasura's answer for a row out of sight).
    auth_api_key_by_pk: async (_root, { id }, ctx) =>
      (await ctx.store.listApiKeys(visibilityOf(ctx), { where: { id: { _eq: id } }, limit: 1, offset: 0 }))[0] ?? null,
  },
  auth_api_key: {
    default_tenant_id: (key) => key.tenant_id,
  },
  Mutation: {
    create_api_key: async (_root, { input }, ctx) => {
      const principal = requirePrincipal(ctx);
      const name = checkName('name', input.name);
      const expiresAt = checkFutureTime('expires_at', input.expires_at);
      const owner = await ctx.store.getUser(input.user_id);
      let tenantId: string;
      let keyRole: Role | null;

      if (owner?.account_type === 'SERVICE') {
        const membership = (await ctx.store.listMembershipsOfUser(owner.id))[0];
        if (!membership) throw notFound('User');
        const role = await requireRoleIn(ctx, membership.tenant_id, 'User');
        requireAdmin(role, 'Only tenant administrators can create service-account keys.');
        if (input.default_tenant_id && input.default_tenant_id !== membership.tenant_id) {
          throw badInput('default_tenant_id', "A service account's keys act in its own tenant.");
        }
        tenantId = membership.tenant_id;
        keyRole = keyRoleOf(ctx, input.role, membership.role, false);
      } else if (owner && owner.id === principal.userId) {
        const requested = input.default_tenant_id ?? (ctx.tenantDenied ? null : principal.tenantId);
        if (!requested) throw badInput('default_tenant_id', 'Choose the tenant the key acts in.');
        if (principal.apiKeyId && requested !== principal.tenantId) throw forbidden('This API key can act only in its own tenant.');
        // A key's ceiling is what it acts as (its own role, or its owner's if lower); a session's, the owner's role.
        const ceiling = await requireRoleIn(ctx, requested, 'Tenant');
        tenantId = requested;
        keyRole = keyRoleOf(ctx, input.role, ceiling, true);
      } else {
        // Another person: visible to members of a shared tenant, so FORBIDDEN there; NOT_FOUND elsewhere.
        const shared = owner && principal.tenantId ? await ctx.store.findMembership(owner.id, principal.tenantId) : null;
        if (shared && (await roleIn(ctx, principal.tenantId!))) throw forbidden('You can create keys only for yourself or for a service account.');
        throw notFound('User');
      }

      await requireWithinPolicy(ctx, tenantId, kindOf(owner.account_type), expiresAt);
      const key = generateKey(owner.account_type === 'SERVICE' ? SERVICE_KEY_PREFIX : USER_KEY_PREFIX);
      const record = await ctx.store.createApiKey(
        {
          id: randomUUID(),
          name,
          keyHash: hashKey(key),
          keyHint: keyHint(key),
          userId: owner.id,
          tenantId,
          createdById: principal.userId,
          expiresAt,
          role: keyRole,
        },
        auditContext(ctx),
        { maxActivePerOwner: ctx.config.maxActiveKeysPerOwner },
      );
      return { id: record.id, key, token: key };
    },

    delete_api_key: async (_root, { input }, ctx) => {
      const key = await keyCallerManages(ctx, input.key_id, 'revoke');
      await ctx.store.revokeApiKey(key.id, auditContext(ctx));
      return { success: true, error: null };
    },

    update_api_key: async (_root, { input }, ctx) => {
      requirePrincipal(ctx);
      const changes: ApiKeyChanges = {};
      // The input is checked before the key is looked for, and all of it before anything is written.
      if (input.name !== undefined && input.name !== null) changes.name = checkName('name', input.name);
      if (input.description !== undefined) changes.description = checkDescription('description', input.description);
      const key = await keyCallerManages(ctx, input.key_id, 'edit');
      if (input.expires_at === null && key.expires_at !== null) {
        throw badInput('expires_at', "A key's expiry can be brought forward, not removed.");
      }
      if (input.expires_at !== undefined && input.expires_at !== null) {
        changes.expiresAt = checkFutureTime('expires_at', input.expires_at)!;
      }
      await ctx.store.updateApiKey(key.id, changes, auditContext(ctx));
      // The key as the lists show it, with owner, creator and tenant: read as its owner's, since the caller may
      // manage it (an administrator's session sent with another tenant's id sees no service-account keys in lists).
      const ownersKeys = { ownerId: key.user_id, ownKeysTenantId: key.tenant_id, serviceAccountTenantId: null };
      const [row] = await ctx.store.listApiKeys(ownersKeys, { where: { id: { _eq: key.id } }, limit: 1, offset: 0 });
      if (!row) throw notFound('API key');
      return row;
    },
    rotate_api_key: async (_root, { input }, ctx) => {
      const principal = requirePrincipal(ctx);
      const overlap = checkOverlap(input.overlap);
      if (!overlap.ok) throw badInput('overlap', overlap.message);
      // Absent: the old key's expiry; null: never (as create_api_key reads it).
      const expiresAtGiven = input.expires_at !== undefined;
      const newExpiry = expiresAtGiven ? checkFutureTime('expires_at', input.expires_at) : null;
      const key = await keyCallerManages(ctx, input.key_id, 'rotate');
      const expiresAt = expiresAtGiven ? newExpiry : key.expires_at;
      if (expiresAt !== null && Date.parse(expiresAt) <= Date.now()) {
        throw badInput('expires_at', 'This key has expired: choose when its successor expires.');
      }
      const owner = await ctx.store.getUser(key.user_id);
      if (!owner) throw notFound('API key');
      await requireWithinPolicy(ctx, key.tenant_id, kindOf(owner.account_type), expiresAt);
      const successor = generateKey(owner.account_type === 'SERVICE' ? SERVICE_KEY_PREFIX : USER_KEY_PREFIX);
      const rotationEndsAt = overlap.seconds === 0 ? null : new Date(Date.now() + overlap.seconds * 1000).toISOString();
      const record = await ctx.store.rotateApiKey(
        key.id,
        {
          id: randomUUID(),
          name: key.name,
          keyHash: hashKey(successor),
          keyHint: keyHint(successor),
          userId: key.user_id,
          tenantId: key.tenant_id,
          createdById: principal.userId,
          expiresAt,
          // The same power: a key with its own role keeps it (the owner's current role still caps it).
          role: key.role,
        },
        rotationEndsAt,
        auditContext(ctx),
      );
      return { id: record.id, key: successor, token: successor };
    },
  },
};

import { policyDaysProblem } from '../../../shared/key-policy.js';
import { sameName } from '../../../shared/names.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { Principal, RequestContext } from '../../context.js';
import { KEY_IN_ITS_TENANT_ONLY } from '../../auth/authenticate.js';
import { badInput, forbidden, unauthenticated } from '../../errors.js';
import { isPrefectClient } from '../../http/prefect-clients.js';
import type { BoolExp, TenantPolicyInput } from '../../store/types.js';
import { checkName, checkSlug, slugify } from '../inputs.js';
import { listPage } from '../paging.js';
import { requiredValues } from './filters.js';
import { auditContext, requireAdmin, requireCurrentTenant, requirePerson, requirePrincipal, requireRoleIn, roleIn } from '../guards.js';

/** A key acts in its own tenant only, so it sees that one; a browser session sees all of its user's. */
function visibleTenants(principal: Principal, where: BoolExp | null | undefined): BoolExp | null | undefined {
  if (!principal.apiKeyId) return where;
  return { _and: [...(where ? [where] : []), { id: { _eq: principal.tenantId } }] };
}

/**
 * A key asked about another tenant by id or slug is refused, as a key sent with another
 * tenant's id is (auth/authenticate.ts), whether that tenant exists or not: so Prefect's
 * `auth switch-tenants --slug other` reports that the key is not valid there instead
 * of finding no tenant. Prefect clients get UNAUTHENTICATED, which is what they report so.
 */
async function refuseOtherTenantForKey(ctx: RequestContext, principal: Principal, where: unknown): Promise<void> {
  if (!principal.apiKeyId) return;
  const ids = requiredValues(where, 'id');
  const slugs = requiredValues(where, 'slug');
  const own = slugs.length > 0 && principal.tenantId ? await ctx.store.getTenant(principal.tenantId) : null;
  if (ids.every((id) => id === principal.tenantId) && slugs.every((slug) => slug === own?.slug)) return;
  throw isPrefectClient(ctx.request) ? unauthenticated(KEY_IN_ITS_TENANT_ONLY) : forbidden(KEY_IN_ITS_TENANT_ONLY);
}

/** The tenant a tenant mutation acts on: the one named, else the request's; NOT_FOUND where the caller is no member. */
async function adminTenant(ctx: RequestContext, named: string | null | undefined, message: string): Promise<string> {
  const tenantId = named ?? requireCurrentTenant(ctx).tenantId;
  requireAdmin(await requireRoleIn(ctx, tenantId, 'Tenant'), message);
  return tenantId;
}

/**
 * Refuses a name that reads as one of the caller's other tenants (shared/names.ts
 * sameName), so the tenant menu never shows two alike. Only the caller's own tenants
 * count: refusing for anyone else's would tell them a name they may not see.
 * Checked before the store's write, not in its transaction: two creates racing for the
 * same name may both pass, and leave two alike, which a rename then sorts out.
 */
async function refuseNameOfOwnTenant(ctx: RequestContext, userId: string, name: string, renamedTenantId: string | null = null): Promise<void> {
  const count = await ctx.store.countTenantsOfUser(userId);
  const tenants = await ctx.store.listTenantsOfUser(userId, { limit: count, offset: 0 });
  const twin = tenants.find((tenant) => tenant.id !== renamedTenantId && sameName(tenant.name, name));
  if (twin) throw badInput('name', `You already belong to a tenant named ${twin.name}.`);
}

/** The policy with the fields set_tenant_policy was sent applied, each checked first (BAD_USER_INPUT on the field). */
function policyWith(current: TenantPolicyInput, input: Partial<Record<keyof TenantPolicyInput, number | boolean | null>>): TenantPolicyInput {
  const next = { ...current };
  for (const field of ['user_key_max_days', 'service_key_max_days', 'idle_days'] as const) {
    const days = input[field];
    if (days === undefined) continue;
    const problem = policyDaysProblem(days as number | null);
    if (problem) throw badInput(field, problem);
    next[field] = days as number | null;
  }
  if (input.require_expiry === null) throw badInput('require_expiry', 'Send true or false.');
  if (input.require_expiry !== undefined) next.require_expiry = input.require_expiry as boolean;
  return next;
}

export const tenantResolvers: Resolvers = {
  Query: {
    tenant: async (_root, args, ctx) => {
      const principal = requirePrincipal(ctx);
      await refuseOtherTenantForKey(ctx, principal, args.where);
      return listPage(ctx.request, args, (page) => ctx.store.listTenantsOfUser(principal.userId, { ...page, where: visibleTenants(principal, page.where) }));
    },
    tenant_aggregate: async (_root, args, ctx) => {
      const principal = requirePrincipal(ctx);
      await refuseOtherTenantForKey(ctx, principal, args.where);
      return { aggregate: { count: await ctx.store.countTenantsOfUser(principal.userId, visibleTenants(principal, args.where)) } };
    },
    tenant_by_pk: async (_root, { id }, ctx) => {
      const principal = requirePrincipal(ctx);
      await refuseOtherTenantForKey(ctx, principal, { id: { _eq: id } });
      const where = visibleTenants(principal, { id: { _eq: id } });
      return (await ctx.store.listTenantsOfUser(principal.userId, { where, limit: 1, offset: 0 }))[0] ?? null;
    },
    tenant_by_previous_slug: async (_root, { slug }, ctx) => {
      const principal = requirePrincipal(ctx);
      const tenant = await ctx.store.findTenantOfUserByPreviousSlug(principal.userId, slug);
      return tenant && (!principal.apiKeyId || tenant.id === principal.tenantId) ? tenant : null;
    },
    tenant_policy: async (_root, args, ctx) => {
      const tenantId = args.tenant_id ?? requireCurrentTenant(ctx).tenantId;
      await requireRoleIn(ctx, tenantId, 'Tenant');
      return ctx.store.getTenantPolicy(tenantId);
    },
  },
  tenant_policy: {
    keys_outside: async (policy, _args, ctx) =>
      (await roleIn(ctx, policy.tenant_id)) === 'TENANT_ADMIN' ? ctx.store.countKeysOutsidePolicy(policy.tenant_id, new Date()) : null,
  },
  tenant: {
    info: () => ({}),
    settings: () => ({}),
    live_api_key_count: async (tenant, _args, ctx) => ((await roleIn(ctx, tenant.id)) === 'TENANT_ADMIN' ? ctx.store.countLiveKeysOfTenant(tenant.id) : null),
  },
  Mutation: {
    update_tenant_name: async (_root, { input }, ctx) => {
      const name = checkName('name', input.name, 'Tenant name');
      const tenantId = await adminTenant(ctx, input.tenant_id, 'Only tenant administrators can rename the tenant.');
      await refuseNameOfOwnTenant(ctx, requirePrincipal(ctx).userId, name, tenantId);
      return ctx.store.renameTenant(tenantId, name, auditContext(ctx));
    },
    update_tenant_slug: async (_root, { input }, ctx) => {
      const slug = checkSlug('slug', input.slug);
      const tenantId = await adminTenant(ctx, input.tenant_id, "Only tenant administrators can change the tenant's slug.");
      return ctx.store.setTenantSlug(tenantId, slug, auditContext(ctx));
    },
    set_tenant_policy: async (_root, { input }, ctx) => {
      const { tenant_id: named, ...fields } = input;
      const tenantId = await adminTenant(ctx, named, "Only tenant administrators can change the tenant's key policy.");
      const { tenant_id: _tenant, updated: _updated, updated_by_id: _by, ...current } = await ctx.store.getTenantPolicy(tenantId);
      return ctx.store.setTenantPolicy(tenantId, policyWith(current, fields), auditContext(ctx));
    },
    shorten_keys_to_tenant_policy: async (_root, { input }, ctx) => {
      const tenantId = await adminTenant(ctx, input.tenant_id, "Only tenant administrators can shorten keys to the tenant's key policy.");
      return { shortened: await ctx.store.shortenKeysToPolicy(tenantId, new Date(), auditContext(ctx)) };
    },
    delete_tenant: async (_root, { input }, ctx) => {
      if (input.confirm !== true) throw badInput('confirm', 'Send confirm: true to delete the tenant: every key acting in it is revoked.');
      // Deleting a tenant is for people: an automation's key is not enough for what cannot be undone.
      requirePerson(ctx);
      const tenantId = await adminTenant(ctx, input.tenant_id, 'Only tenant administrators can delete the tenant.');
      await ctx.store.deleteTenant(tenantId, auditContext(ctx));
      return { success: true, error: null };
    },
    create_tenant: async (_root, { input }, ctx) => {
      const principal = requirePerson(ctx);
      const name = checkName('name', input.name, 'Tenant name');
      await refuseNameOfOwnTenant(ctx, principal.userId, name);
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

import type { Principal, RequestContext } from '../context.js';
import { forbidden, notFound, unauthenticated } from '../errors.js';
import type { Role } from '../store/types.js';

export function requirePrincipal(ctx: RequestContext): Principal {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal;
}

export function requirePerson(ctx: RequestContext): Principal {
  const principal = requirePrincipal(ctx);
  if (principal.accountType !== 'NORMAL') throw forbidden('Service accounts cannot do this.');
  return principal;
}

/** The tenant the request acts in, and the caller's role there. */
export function requireCurrentTenant(ctx: RequestContext): { principal: Principal; tenantId: string; role: Role } {
  const principal = requirePrincipal(ctx);
  if (ctx.tenantDenied) throw forbidden('You are not a member of this tenant.');
  if (!principal.tenantId || !principal.role) throw forbidden('You are not a member of any tenant yet.');
  return { principal, tenantId: principal.tenantId, role: principal.role };
}

/**
 * The caller's role in a tenant named by an id, or null when the caller may not act
 * there: not a member, or a key pinned to another tenant.
 */
export async function roleIn(ctx: RequestContext, tenantId: string): Promise<Role | null> {
  const principal = requirePrincipal(ctx);
  if (tenantId === principal.tenantId) return principal.role;
  if (principal.apiKeyId) return null;
  return (await ctx.store.findMembership(principal.userId, tenantId))?.role ?? null;
}

/** Like roleIn, but what the caller may not see is NOT_FOUND, so ids cannot be probed. */
export async function requireRoleIn(ctx: RequestContext, tenantId: string, what: string): Promise<Role> {
  const role = await roleIn(ctx, tenantId);
  if (!role) throw notFound(what);
  return role;
}

export function requireAdmin(role: Role, message: string): void {
  if (role !== 'TENANT_ADMIN') throw forbidden(message);
}

const MEMBER_PERMISSIONS = ['read:member', 'read:tenant'];
const OWN_KEY_PERMISSIONS = ['read:own_api_key', 'create:own_api_key', 'delete:own_api_key'];
const ADMIN_PERMISSIONS = [
  'read:service_account_api_key',
  'create:service_account_api_key',
  'delete:service_account_api_key',
  'create:service_account',
  'delete:service_account',
  'update:service_account',
  'create:membership_invitation',
  'update:membership',
  'delete:membership',
  'read:audit_event',
];

export function permissionsOf(principal: Principal): string[] {
  if (!principal.role) return [];
  const own = principal.accountType === 'NORMAL' ? OWN_KEY_PERMISSIONS : [];
  return [...MEMBER_PERMISSIONS, ...own, ...(principal.role === 'TENANT_ADMIN' ? ADMIN_PERMISSIONS : [])];
}

export function auditContext(ctx: RequestContext) {
  return { actorId: ctx.principal?.userId ?? null, sourceAddress: ctx.request.ip };
}

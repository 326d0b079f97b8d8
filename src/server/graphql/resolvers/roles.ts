import type { Resolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import { badInput } from '../../errors.js';
import type { Role, UserRecord } from '../../store/types.js';
import { checkRole, ROLES } from '../inputs.js';
import { permissionsOf, requirePrincipal } from '../guards.js';

// Prefect names a role by an auth_role id (role_id) where Keyplane names it by its key
// (role). Keyplane's roles are the three built-in ones, so an auth_role's id is that
// key: role_id and role take the same values, and either may be given.

/**
 * The role an input names in role or role_id; `fallback` when it names none (else
 * BAD_USER_INPUT on role). Both given must agree.
 */
export function roleFrom(input: { role?: string | null; role_id?: string | null }, fallback?: Role): Role {
  const role = input.role ?? null;
  const roleId = input.role_id ?? null;
  if (role !== null && roleId !== null && role !== roleId) throw badInput('role_id', 'role and role_id name different roles: give one of them.');
  if (role !== null) return checkRole('role', role);
  if (roleId !== null) return checkRole('role_id', roleId);
  if (fallback) return fallback;
  throw badInput('role', `Give role (or role_id): one of ${ROLES.join(', ')}.`);
}

/** What a person with the role may do, as auth_info.permissions lists it. */
const permissionsForRole = (role: Role) =>
  permissionsOf({ userId: '', username: '', accountType: 'NORMAL', apiKeyId: null, sessionIdHash: null, tenantId: null, role });

/** The signed-in person's own record, read once per request; null for keys and service accounts. */
const people = new WeakMap<object, Promise<UserRecord | null>>();
export function signedInPerson(ctx: RequestContext): Promise<UserRecord | null> {
  const principal = ctx.principal;
  if (!principal || principal.apiKeyId || principal.accountType !== 'NORMAL') return Promise.resolve(null);
  let person = people.get(ctx.request);
  if (!person) people.set(ctx.request, (person = ctx.store.getUser(principal.userId)));
  return person;
}

export const roleResolvers: Resolvers = {
  Query: {
    auth_role: (_root, _args, ctx) => {
      requirePrincipal(ctx);
      return ROLES.map((role) => ({ id: role, name: role, permissions: permissionsForRole(role), created: null, updated: null, tenant_id: null }));
    },
  },
};

// How a key's own role meets its owner's, shared by the API and the create-key form.
// Pure: no Node, DOM or React.

export type KeyRole = 'TENANT_ADMIN' | 'USER' | 'READ_ONLY_USER';

/** Roles from most to least power: a key's choices are its owner's role and those after it. */
export const KEY_ROLES: readonly KeyRole[] = ['TENANT_ADMIN', 'USER', 'READ_ONLY_USER'];

const rank = (role: KeyRole) => KEY_ROLES.indexOf(role);

/** Whether a key may carry `role` for an owner (or a calling key) acting as `ceiling`. */
export function roleWithin(role: KeyRole, ceiling: KeyRole): boolean {
  return rank(role) >= rank(ceiling);
}

/** The roles a key may carry under `ceiling`, most power first. */
export function rolesWithin(ceiling: KeyRole): KeyRole[] {
  return KEY_ROLES.filter((role) => roleWithin(role, ceiling));
}

/**
 * What a key acts as: the lower of its own role (null: none, it follows its owner) and its
 * owner's role now (null: no longer a member, so nothing).
 */
export function effectiveRole(keyRole: KeyRole | null, ownerRole: KeyRole | null): KeyRole | null {
  if (ownerRole === null || keyRole === null) return ownerRole;
  return rank(keyRole) > rank(ownerRole) ? keyRole : ownerRole;
}

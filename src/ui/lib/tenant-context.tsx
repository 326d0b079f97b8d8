import { createContext, useContext } from 'react';
import { isAdminRole } from './roles';

export interface TenantMembership {
  /** The membership's id (what set_membership_role and delete_membership take). */
  id: string;
  role: string;
  tenant: { id: string; name: string; slug: string };
}

export interface CurrentUser {
  id: string;
  username: string;
  email: string | null;
  defaultMembershipId: string | null;
}

export interface CurrentTenant {
  id: string;
  name: string;
  slug: string;
  /** The caller's role in this tenant: TENANT_ADMIN, USER or READ_ONLY_USER. */
  role: string;
  isAdmin: boolean;
  /** The caller's membership in this tenant. */
  membershipId: string;
  user: CurrentUser;
  /** Every tenant the caller belongs to. */
  memberships: TenantMembership[];
}

export const CurrentTenantContext = createContext<CurrentTenant | null>(null);

/**
 * The tenant named in the URL, the caller's role in it and the caller's other
 * memberships. Available on every page under `/:tenant/…`.
 */
export function useCurrentTenant(): CurrentTenant {
  const tenant = useContext(CurrentTenantContext);
  if (!tenant) throw new Error('useCurrentTenant must be used on a page under /:tenant');
  return tenant;
}

export function buildCurrentTenant(user: CurrentUser, memberships: TenantMembership[], slug: string): CurrentTenant | null {
  const membership = memberships.find((m) => m.tenant.slug === slug || m.tenant.id === slug);
  if (!membership) return null;
  return {
    id: membership.tenant.id,
    name: membership.tenant.name,
    slug: membership.tenant.slug,
    role: membership.role,
    isAdmin: isAdminRole(membership.role),
    membershipId: membership.id,
    user,
    memberships,
  };
}

/** Membership roles as the API spells them, in the order a picker lists them. */
export const ROLES = ['TENANT_ADMIN', 'USER', 'READ_ONLY_USER'] as const;
export type Role = (typeof ROLES)[number];

const LABELS: Record<Role, string> = {
  TENANT_ADMIN: 'Administrator',
  USER: 'User',
  READ_ONLY_USER: 'Read-only',
};

export function roleLabel(role: string | null | undefined): string {
  return role && role in LABELS ? LABELS[role as Role] : (role ?? '');
}

export function isAdminRole(role: string | null | undefined): boolean {
  return role === 'TENANT_ADMIN';
}

import { roleLabel } from '../../lib/roles';

/**
 * The actions the server records, in the words a person reads in the log and in the
 * filter. Groups keep the filter's menu short to scan.
 */
export interface AuditActionInfo {
  action: string;
  label: string;
  group: string;
}

export const AUDIT_ACTIONS: readonly AuditActionInfo[] = [
  { action: 'api_key.create', label: 'Created API key', group: 'API keys' },
  { action: 'api_key.revoke', label: 'Revoked API key', group: 'API keys' },
  { action: 'api_key.update', label: 'Edited API key', group: 'API keys' },
  { action: 'api_key.policy_shortened', label: 'Shortened to key policy', group: 'API keys' },
  { action: 'api_key.canary_create', label: 'Created canary key', group: 'Canary keys' },
  { action: 'api_key.canary_delete', label: 'Deleted canary key', group: 'Canary keys' },
  { action: 'api_key.canary_used', label: 'Canary key used', group: 'Canary keys' },
  { action: 'api_key.rotate', label: 'Rotated API key', group: 'API keys' },
  { action: 'api_key.leaked_reported', label: 'Reported API key as leaked', group: 'API keys' },
  { action: 'api_key.expiring', label: 'Warned of API key expiry', group: 'API keys' },
  { action: 'api_key.expired', label: 'API key expired', group: 'API keys' },
  { action: 'service_account.create', label: 'Created service account', group: 'Service accounts' },
  { action: 'service_account.delete', label: 'Removed service account', group: 'Service accounts' },
  { action: 'invitation.create', label: 'Invited member', group: 'Members' },
  { action: 'invitation.revoke', label: 'Revoked invitation', group: 'Members' },
  { action: 'membership.create', label: 'Member joined', group: 'Members' },
  { action: 'membership.role_change', label: 'Changed member role', group: 'Members' },
  { action: 'membership.delete', label: 'Removed member', group: 'Members' },
  { action: 'auth.log_in_failed', label: 'Failed sign-in', group: 'Sign-in' },
  { action: 'auth.password_change', label: 'Changed password', group: 'Sign-in' },
  { action: 'auth.password_reset', label: 'Password reset by an operator', group: 'Sign-in' },
  { action: 'tenant.create', label: 'Created tenant', group: 'Tenant' },
  { action: 'tenant.rename', label: 'Renamed tenant', group: 'Tenant' },
  { action: 'tenant.slug_change', label: 'Changed tenant URL', group: 'Tenant' },
  { action: 'tenant.policy_change', label: 'Changed key policy', group: 'Tenant' },
  { action: 'tenant.delete', label: 'Deleted tenant', group: 'Tenant' },
  { action: 'agent.register', label: 'Agent registered', group: 'Agents' },
  { action: 'webhook.create', label: 'Added webhook', group: 'Webhooks' },
  { action: 'webhook.update', label: 'Changed webhook', group: 'Webhooks' },
  { action: 'webhook.delete', label: 'Deleted webhook', group: 'Webhooks' },
];

const BY_ACTION = new Map(AUDIT_ACTIONS.map((a) => [a.action, a]));

export function isKnownAction(action: string): boolean {
  return BY_ACTION.has(action);
}

/** "Created API key"; an action this UI does not know yet is shown as the server spells it. */
export function actionLabel(action: string): string {
  return BY_ACTION.get(action)?.label ?? action;
}

/** The filter's groups in menu order, each with its actions. */
export function actionGroups(): { group: string; actions: AuditActionInfo[] }[] {
  const groups: { group: string; actions: AuditActionInfo[] }[] = [];
  for (const info of AUDIT_ACTIONS) {
    let entry = groups.find((g) => g.group === info.group);
    if (!entry) {
      entry = { group: info.group, actions: [] };
      groups.push(entry);
    }
    entry.actions.push(info);
  }
  return groups;
}

/** Why the server made a change nobody asked for by itself (a key revoked with its owner's removal...). */
const CAUSES: Record<string, string> = {
  member_removed: 'Owner removed from the tenant',
  member_left: 'Owner left the tenant',
  service_account_removed: 'Service account removed',
  inviter_removed: 'Inviter removed from the tenant',
  inviter_left: 'Inviter left the tenant',
  inviter_demoted: 'Inviter no longer an administrator',
  rotation_first_use: 'Rotated: its successor was used',
  rotation_overlap_ended: 'Rotated: the overlap ended',
  reported_leaked: 'Reported as leaked',
  idle_expiry: 'Unused for the tenant’s idle days',
};

/** What an api_key.update changed: its cause lists the fields, comma-separated. */
const KEY_FIELDS: Record<string, string> = { name: 'name', expires_at: 'expiry', description: 'description' };

/** A cause this UI does not know yet is shown as the server spells it. */
export function causeLabel(cause: string | null | undefined, action?: string): string | null {
  if (!cause) return null;
  if (action === 'api_key.update')
    return `Changed ${cause
      .split(',')
      .map((field) => KEY_FIELDS[field] ?? field)
      .join(', ')}`;
  return CAUSES[cause] ?? cause;
}

/** What an event says beyond its target: where a leaked key was found. */
export function detailText(action: string, detail: string | null | undefined): string | null {
  if (!detail) return null;
  return action === 'api_key.leaked_reported' ? `Found at: ${detail}` : detail;
}

const TARGET_TYPES: Record<string, string> = {
  api_key: 'API key',
  service_account: 'Service account',
  membership: 'Membership',
  invitation: 'Invitation',
  tenant: 'Tenant',
  user: 'Account',
  canary_key: 'Canary key',
};

export function targetTypeLabel(targetType: string | null | undefined): string | null {
  if (!targetType) return null;
  return TARGET_TYPES[targetType] ?? targetType;
}

/**
 * What the target column shows. Role changes are recorded as "USER → TENANT_ADMIN";
 * people read "User → Administrator".
 */
export function targetText(action: string, targetName: string | null | undefined): string | null {
  if (!targetName) return null;
  if (action === 'membership.role_change') {
    const parts = targetName.split(' → ');
    if (parts.length === 2) return `${roleLabel(parts[0])} → ${roleLabel(parts[1])}`;
  }
  return targetName;
}

import type { AuditInput } from '../store/types.js';

// Which audit actions raise which webhook events. The store queues deliveries where it
// writes audit events (SqlStore.insertAudit), so an event is sent exactly when its change
// committed, and every path that audits a change raises its event with no code of its own.

const EVENT_OF_ACTION: Record<string, string> = {
  'api_key.create': 'api_key.created',
  'api_key.revoke': 'api_key.revoked',
  'api_key.rotate': 'api_key.rotated',
  'api_key.expiring': 'api_key.expiring',
  'api_key.expired': 'api_key.expired',
  'api_key.leaked_reported': 'api_key.leaked_reported',
  'api_key.canary_used': 'api_key.canary_used',
  'service_account.create': 'service_account.created',
  'service_account.delete': 'service_account.deleted',
  'membership.create': 'membership.created',
  'membership.role_change': 'membership.role_changed',
  'membership.delete': 'membership.deleted',
};

/** The webhook event an audit event raises, or null for actions no webhook hears of. */
export function webhookEventOf(event: Pick<AuditInput, 'action' | 'cause'>): string | null {
  // A key revoked for being unused is its own event: receivers often act on it differently.
  if (event.action === 'api_key.revoke' && event.cause === 'idle_expiry') return 'api_key.idle_revoked';
  return EVENT_OF_ACTION[event.action] ?? null;
}

/** What a key-shaped target adds to an event: the hint lists show, and its expiry. Never the key. */
export interface KeyFacts {
  key_hint: string;
  expires_at?: string | null;
}

export interface WebhookPayload {
  id: string;
  type: string;
  created: string;
  tenant_id: string;
  data: Record<string, unknown>;
}

/** The body sent for an audit event (docs/webhooks.md shows one of each kind). */
export function webhookPayload(type: string, event: AuditInput & { id: string; created: string; tenant_id: string }, key: KeyFacts | null): WebhookPayload {
  return {
    id: event.id,
    type,
    created: event.created,
    tenant_id: event.tenant_id,
    data: {
      object: event.target_type,
      id: event.target_id,
      name: event.target_name,
      ...(key && { key_hint: key.key_hint }),
      ...(key && key.expires_at !== undefined && { expires_at: key.expires_at }),
      actor_id: event.actor_id,
      cause: event.cause ?? null,
      ...(event.detail != null && { detail: event.detail }),
    },
  };
}

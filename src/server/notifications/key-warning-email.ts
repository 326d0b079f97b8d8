import type { ScheduledKey } from '../store/types.js';
import type { Mail } from './mailer.js';

/** What a warning says is coming: the key's expiry, or its revocation for being unused. */
export type KeyWarningEmail = { kind: 'expiry'; expiresAt: string } | { kind: 'idle'; revokeOn: string; idleDays: number };

const DAY = 86_400_000;

/** "2026-12-10 14:05 UTC": the same for every reader, whatever their time zone. */
export function utcTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "in 7 days", "in 1 day", "in less than a day": the nearest whole day. */
export function inDays(iso: string, now: Date): string {
  const days = Math.round((Date.parse(iso) - now.getTime()) / DAY);
  return days < 1 ? 'in less than a day' : `in ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Where the key's owner rotates it: User › API Keys, or Team › Service Accounts for a service account's key. */
export function rotateLink(publicUrl: string, key: ScheduledKey): string {
  const page = key.account_type === 'SERVICE' ? 'team/service-accounts' : 'user/keys';
  return `${publicUrl}/${encodeURIComponent(key.tenant.slug)}/${page}`;
}

/** The warning email: the key's name, hint and tenant, what happens when, and where to rotate it. Never the key, which Keyplane does not have. */
export function keyWarningEmail(key: ScheduledKey, warning: KeyWarningEmail, to: string[], publicUrl: string, now: Date): Mail {
  const named = `"${key.name}" (${key.key_hint}...)`;
  const service = key.account_type === 'SERVICE';
  const subject =
    warning.kind === 'expiry'
      ? `Keyplane: API key "${key.name}" expires ${inDays(warning.expiresAt, now)}`
      : `Keyplane: API key "${key.name}" will be revoked on ${warning.revokeOn.slice(0, 10)} unless used`;
  const what =
    warning.kind === 'expiry'
      ? `The API key ${named} in the tenant ${key.tenant.name} expires on ${utcTime(warning.expiresAt)}, ${inDays(warning.expiresAt, now)}.`
      : `The API key ${named} in the tenant ${key.tenant.name} has not been used for a while. The tenant revokes keys unused for ${warning.idleDays} days: ` +
        `this one will be revoked on ${utcTime(warning.revokeOn)} unless it is used before then.`;
  const lines = [
    what,
    '',
    warning.kind === 'expiry'
      ? 'Rotate it before then, so that what uses it keeps working:'
      : 'If it is still needed, use it, or rotate it; if not, nothing needs doing:',
    rotateLink(publicUrl, key),
    '',
    service
      ? `It is a key of the service account ${key.owner_name}: you receive this email as an administrator of ${key.tenant.name}.`
      : 'You receive this email because the key is yours.',
  ];
  return { to, subject, text: `${lines.join('\n')}\n` };
}

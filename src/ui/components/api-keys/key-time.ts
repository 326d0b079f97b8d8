import { parseTimestamp } from '../../lib/format';

/** A key expiring within this window gets the warning chip and the "Expiring soon" filter. */
export const EXPIRING_SOON_DAYS = 7;

export type ExpiryState = 'never' | 'expired' | 'soon' | 'ok';

export function expiryState(expiresAt: string | null | undefined, now: Date): ExpiryState {
  const date = parseTimestamp(expiresAt);
  if (!date) return 'never';
  const left = date.getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left <= EXPIRING_SOON_DAYS * 86_400_000 ? 'soon' : 'ok';
}

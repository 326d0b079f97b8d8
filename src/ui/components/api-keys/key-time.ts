import { addDays } from 'date-fns';
import { formatDateTime, formatDistance, parseTimestamp } from '../../lib/format';

/** A key expiring within this window gets the warning chip. */
export const EXPIRING_SOON_DAYS = 7;

export type ExpiryState = 'never' | 'expired' | 'soon' | 'ok';

export interface ExpiryView {
  state: ExpiryState;
  /** What the table shows: "in 3 days", "Never", "Expired 2 hours ago". */
  label: string;
  /** The exact local time, for the tooltip; null for "Never". */
  exact: string | null;
}

const parse = parseTimestamp;

function formatExactTime(date: Date): string {
  return formatDateTime(date.toISOString());
}

/** "in 3 days" / "2 hours ago"; strict units so a 7-day key reads "in 7 days", not "in about 1 week". */
function distance(date: Date, now: Date): string {
  return formatDistance(date, now, { addSuffix: true });
}

export function describeExpiry(expiresAt: string | null | undefined, now: Date): ExpiryView {
  const date = parse(expiresAt);
  if (!date) return { state: 'never', label: 'Never', exact: null };
  const exact = formatExactTime(date);
  if (date.getTime() - now.getTime() <= 0) {
    return { state: 'expired', label: `Expired ${distance(date, now)}`, exact };
  }
  const state: ExpiryState = date <= addDays(now, EXPIRING_SOON_DAYS) ? 'soon' : 'ok';
  return { state, label: distance(date, now), exact };
}

export interface LastUsedView {
  label: string;
  exact: string | null;
}

export function describeLastUsed(lastUsedAt: string | null | undefined, now: Date): LastUsedView {
  const date = parse(lastUsedAt);
  if (!date) return { label: 'Never', exact: null };
  // last_used_at is recorded to within a minute; "in 20 seconds" from clock skew would read oddly.
  const label = date >= now ? 'Just now' : distance(date, now);
  return { label, exact: formatExactTime(date) };
}

/** Created dates: relative like the rest of the row, exact in the tooltip. */
export function describePast(value: string | null | undefined, now: Date): LastUsedView {
  return describeLastUsed(value, now);
}

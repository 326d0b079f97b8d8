// Times as people say them, "in 3 days" and "2 hours ago", for the UI's tables and the
// CLI's. Pure: no Node, DOM or React; the caller passes `now`, so a page that
// refreshes its clock every minute and a test with a fixed clock read the same.
//
// Strict units, rounded to the nearest: a 7-day key reads "in 7 days", not "in about
// 1 week", and 3 minutes 40 seconds reads "4 minutes". The output is date-fns'
// formatDistanceStrict(date, base, { roundingMethod: 'round' }) in English, without
// date-fns' locale tables (test/ui/lib/format.test.tsx compares the two).

const MINUTES_IN_DAY = 1440;
const MINUTES_IN_MONTH = 43200;
const MINUTES_IN_YEAR = 525600;

/** Anything this close to now (or this little ahead of it, from clock skew) happened "Just now". */
export const JUST_NOW_MS = 60_000;
export const JUST_NOW = 'Just now';

/** The local time's offset, as date-fns' getTimezoneOffsetInMilliseconds computes it. */
function zoneOffsetMs(date: Date): number {
  const utc = new Date(
    Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds()),
  );
  utc.setUTCFullYear(date.getFullYear());
  return date.getTime() - utc.getTime();
}

const round = (value: number) => {
  const result = Math.round(value);
  return result === 0 ? 0 : result; // no "-0"
};

const plural = (count: number, unit: string) => (count === 1 ? `1 ${unit}` : `${count} ${unit}s`);

/** "3 days": how far apart two times are, in one strict unit. */
export function formatDistance(date: Date, base: Date): string {
  const comparison = Math.sign(date.getTime() - base.getTime());
  if (Number.isNaN(comparison)) throw new RangeError('Invalid time value');
  const [earlier, later] = comparison > 0 ? [base, date] : [date, base];
  const milliseconds = later.getTime() - earlier.getTime();
  const minutes = milliseconds / 60_000;
  // Days and longer count calendar days, so a DST change does not make "1 day" read "23 hours".
  const dstNormalizedMinutes = (milliseconds - (zoneOffsetMs(later) - zoneOffsetMs(earlier))) / 60_000;
  if (minutes < 1) return plural(round(milliseconds / 1000), 'second');
  if (minutes < 60) return plural(round(minutes), 'minute');
  if (minutes < MINUTES_IN_DAY) return plural(round(minutes / 60), 'hour');
  if (dstNormalizedMinutes < MINUTES_IN_MONTH) return plural(round(dstNormalizedMinutes / MINUTES_IN_DAY), 'day');
  if (dstNormalizedMinutes < MINUTES_IN_YEAR) {
    const months = round(dstNormalizedMinutes / MINUTES_IN_MONTH);
    return months === 12 ? plural(1, 'year') : plural(months, 'month');
  }
  return plural(round(dstNormalizedMinutes / MINUTES_IN_YEAR), 'year');
}

/** "in 3 days" for a time after `now`, "3 days ago" for one before it (an expiry, say). */
export function formatRelativeTime(date: Date, now: Date): string {
  const distance = formatDistance(date, now);
  return date.getTime() > now.getTime() ? `in ${distance}` : `${distance} ago`;
}

/**
 * For something that happened (created, last used, an audit event): "2 hours ago", or
 * "Just now" within the last minute, and for a time a little ahead of `now`, which
 * only clock skew between server and browser produces.
 */
export function formatTimeSince(date: Date, now: Date): string {
  if (now.getTime() - date.getTime() < JUST_NOW_MS) return JUST_NOW;
  return formatRelativeTime(date, now);
}

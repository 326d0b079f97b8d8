// Dates as the tables show them, without date-fns' format() and its en-US locale
// tables (about 8 kB gzip on the first page, issue 7). The output matches date-fns
// exactly (format patterns 'd MMM yyyy' and "d MMM yyyy, HH:mm 'UTC'xxx", and
// formatDistanceStrict with rounding); test/ui/format.test.ts compares the two.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (value: number, length = 2) => String(Math.abs(value)).padStart(length, '0');

/** An ISO-8601 timestamp from the API (always with a zone) as a Date; null if it is not one. */
export function parseTimestamp(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function toDate(iso: string): Date {
  const date = parseTimestamp(iso);
  if (!date) throw new RangeError('Invalid time value');
  return date;
}

function day(date: Date): string {
  const year = date.getFullYear();
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${year < 0 ? '-' : ''}${pad(year, 4)}`;
}

/** "3 Mar 2026" — the date a person reads in a table. */
export function formatDate(iso: string): string {
  return day(toDate(iso));
}

/** The exact moment, for tooltips: "3 Mar 2026, 14:05 UTC+01:00". */
export function formatDateTime(iso: string): string {
  const date = toDate(iso);
  const offset = -date.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${day(date)}, ${pad(date.getHours())}:${pad(date.getMinutes())} UTC${zone}`;
}

const MINUTES_IN_DAY = 1440;
const MINUTES_IN_MONTH = 43200;
const MINUTES_IN_YEAR = 525600;

/** The local time's offset, as date-fns' getTimezoneOffsetInMilliseconds computes it. */
function zoneOffsetMs(date: Date): number {
  const utc = new Date(
    Date.UTC(
      date.getFullYear(),
      date.getMonth(),
      date.getDate(),
      date.getHours(),
      date.getMinutes(),
      date.getSeconds(),
      date.getMilliseconds(),
    ),
  );
  utc.setUTCFullYear(date.getFullYear());
  return date.getTime() - utc.getTime();
}

const round = (value: number) => {
  const result = Math.round(value);
  return result === 0 ? 0 : result; // no "-0"
};

const plural = (count: number, unit: string) => (count === 1 ? `1 ${unit}` : `${count} ${unit}s`);

/**
 * "3 days", or with suffix "in 3 days" / "3 days ago": strict units, rounded, as date-fns'
 * formatDistanceStrict(date, base, { addSuffix, roundingMethod: 'round' }) in English.
 */
export function formatDistance(date: Date, base: Date, { addSuffix = false } = {}): string {
  const comparison = Math.sign(date.getTime() - base.getTime());
  if (Number.isNaN(comparison)) throw new RangeError('Invalid time value');
  const [earlier, later] = comparison > 0 ? [base, date] : [date, base];
  const milliseconds = later.getTime() - earlier.getTime();
  const minutes = milliseconds / 60_000;
  const dstNormalizedMinutes = (milliseconds - (zoneOffsetMs(later) - zoneOffsetMs(earlier))) / 60_000;
  let text: string;
  if (minutes < 1) text = plural(round(milliseconds / 1000), 'second');
  else if (minutes < 60) text = plural(round(minutes), 'minute');
  else if (minutes < MINUTES_IN_DAY) text = plural(round(minutes / 60), 'hour');
  else if (dstNormalizedMinutes < MINUTES_IN_MONTH) text = plural(round(dstNormalizedMinutes / MINUTES_IN_DAY), 'day');
  else if (dstNormalizedMinutes < MINUTES_IN_YEAR) {
    const months = round(dstNormalizedMinutes / MINUTES_IN_MONTH);
    text = months === 12 ? plural(1, 'year') : plural(months, 'month');
  } else text = plural(round(dstNormalizedMinutes / MINUTES_IN_YEAR), 'year');
  if (!addSuffix) return text;
  return comparison > 0 ? `in ${text}` : `${text} ago`;
}

/** "in 3 days" / "2 hours ago". */
export function formatRelative(iso: string, now = new Date()): string {
  const date = toDate(iso);
  const distance = formatDistance(date, new Date());
  return date.getTime() >= now.getTime() ? `in ${distance}` : `${distance} ago`;
}

// Dates as the tables show them, without date-fns' format() and its en-US locale
// tables (about 8 kB gzip on the first page). The output matches date-fns exactly
// (format patterns 'd MMM yyyy' and "d MMM yyyy, HH:mm 'UTC'xxx");
// test/ui/lib/format.test.tsx compares the two. Relative times ("in 3 days") are in
// src/shared/relative-time.ts, which the CLI uses too.

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

// Dates as the tables show them, in the user's locale (lib/locale.ts) through Intl:
// the browser's own locale data, so no date-fns format() or locale tables on the first
// page. Relative times ("in 3 days") are in src/shared/relative-time.ts, which the CLI
// uses too.
import { userLanguages } from './locale';

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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const languages = userLanguages();
  const cacheKey = `${kind} ${languages.join(',')}`;
  let cached = formatters.get(cacheKey);
  if (!cached) {
    cached = new Intl.DateTimeFormat(languages as string[], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(kind === 'dateTime' ? { hour: 'numeric', minute: '2-digit', timeZoneName: 'shortOffset' } : {}),
    });
    formatters.set(cacheKey, cached);
  }
  return cached;
}

/** A day in the user's locale: "Dec 25, 2027" (en-US), "25 Dec 2027" (en-GB), "25. Dez. 2027" (de). */
export function formatDate(iso: string): string {
  return formatter('date').format(toDate(iso));
}

/** The exact moment with its offset from UTC: "Dec 25, 2027, 2:05 PM GMT+1" (en-US). */
export function formatDateTime(iso: string): string {
  return formatter('dateTime').format(toDate(iso));
}

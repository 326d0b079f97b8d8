import { format, formatDistanceToNowStrict, parseISO } from 'date-fns';

/** "3 Mar 2026" — the date a person reads in a table. */
export function formatDate(iso: string): string {
  return format(parseISO(iso), 'd MMM yyyy');
}

/** The exact moment, for tooltips. */
export function formatDateTime(iso: string): string {
  return format(parseISO(iso), "d MMM yyyy, HH:mm 'UTC'xxx");
}

/** "in 3 days" / "2 hours ago". */
export function formatRelative(iso: string, now = new Date()): string {
  const date = parseISO(iso);
  const distance = formatDistanceToNowStrict(date);
  return date.getTime() >= now.getTime() ? `in ${distance}` : `${distance} ago`;
}

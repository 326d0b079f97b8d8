import Box from '@mui/material/Box';
import { formatRelativeTime, formatTimeSince, JUST_NOW } from '../../shared/relative-time';
import { formatDate, formatDateTime, parseTimestamp } from '../lib/format';
import { LazyTooltip } from './lazy-tooltip';

/**
 * How a time reads on screen: "relative" for times either side of now ("in 3 days",
 * "2 hours ago"), "since" for things that happened ("Just now", "2 hours ago"), "date"
 * for a day ("3 Mar 2026").
 */
export type DateTimeFormat = 'relative' | 'since' | 'date';

type DateTimeProps = {
  /** An ISO-8601 timestamp from the API. */
  iso: string;
  /** Put before the text, e.g. "Expired " → "Expired 2 hours ago". */
  prefix?: string;
  color?: string;
} & ({ format: 'date' } | { format: 'relative' | 'since'; now: Date });

/**
 * Every time on screen: the text in a <time> element with the exact local time in a
 * tooltip. It is focusable so keyboard users reach the tooltip too; describeChild keeps
 * the visible text as the accessible name.
 */
export function DateTime(props: DateTimeProps) {
  const { iso, prefix = '', color } = props;
  const date = parseTimestamp(iso);
  if (!date) return <span>{iso}</span>;
  const shown = props.format === 'date' ? formatDate(iso) : props.format === 'since' ? formatTimeSince(date, props.now) : formatRelativeTime(date, props.now);
  // "Signed in just now", not "Signed in Just now": the text starts a sentence only without a prefix.
  const text = prefix && shown === JUST_NOW ? JUST_NOW.toLowerCase() : shown;
  return (
    <LazyTooltip title={formatDateTime(iso)} describeChild>
      <Box component="time" dateTime={iso} tabIndex={0} sx={{ color, textDecoration: 'underline dotted', textUnderlineOffset: '3px', cursor: 'help' }}>
        {prefix}
        {text}
      </Box>
    </LazyTooltip>
  );
}

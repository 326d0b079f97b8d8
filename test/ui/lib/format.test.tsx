import { format, formatDistanceStrict, parseISO } from 'date-fns';
import { formatDistance, formatRelativeTime, formatTimeSince } from '../../../src/shared/relative-time';
import { formatDate, formatDateTime, parseTimestamp } from '../../../src/ui/lib/format';

// src/ui/lib/format.ts and src/shared/relative-time.ts replace date-fns on the first
// page; they must read exactly the same.

const DAY = 86_400_000;
const base = new Date('2026-03-29T00:30:00Z'); // near a DST change in Europe
// Deterministic spread: seconds to decades either side, with odd remainders.
const offsets = Array.from({ length: 400 }, (_, i) => {
  const sign = i % 2 === 0 ? 1 : -1;
  const scale = [1_000, 60_000, 3_600_000, DAY, 30 * DAY, 365 * DAY][i % 6];
  return sign * Math.round((scale * ((i * 7919) % 997)) / 83 + i * 13);
});

describe('date formatting without date-fns', () => {
  it('formats days and exact times as date-fns does', () => {
    for (const offset of offsets) {
      const iso = new Date(base.getTime() + offset).toISOString();
      expect(formatDate(iso)).toBe(format(parseISO(iso), 'd MMM yyyy'));
      expect(formatDateTime(iso)).toBe(format(parseISO(iso), "d MMM yyyy, HH:mm 'UTC'xxx"));
    }
  });

  it('gives strict, rounded distances as date-fns does', () => {
    for (const offset of [0, ...offsets]) {
      const date = new Date(base.getTime() + offset);
      expect(formatRelativeTime(date, base)).toBe(formatDistanceStrict(date, base, { addSuffix: true, roundingMethod: 'round' }));
      expect(formatDistance(date, base)).toBe(formatDistanceStrict(date, base));
    }
  });

  it('reads relative to the `now` it is given, so every page rounds the same time the same way', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const threeMinutesFortyAgo = new Date(now.getTime() - 220_000);
    expect(formatRelativeTime(threeMinutesFortyAgo, now)).toBe('4 minutes ago');
    expect(formatTimeSince(threeMinutesFortyAgo, now)).toBe('4 minutes ago');
    expect(formatRelativeTime(new Date(now.getTime() + 2 * DAY + 5_000), now)).toBe('in 2 days');
  });

  it('says "Just now" for what happened within the last minute, or a little ahead from clock skew', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(formatTimeSince(new Date(now.getTime() - 59_000), now)).toBe('Just now');
    expect(formatTimeSince(new Date(now.getTime() + 20_000), now)).toBe('Just now');
    expect(formatTimeSince(new Date(now.getTime() - 61_000), now)).toBe('1 minute ago');
  });

  it('reads the API’s timestamps as parseISO does, and rejects what is not one', () => {
    for (const iso of ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.123Z', '2026-03-01T10:00:00+02:00', '2026-03-01T10:00:00.123456+00:00']) {
      expect(parseTimestamp(iso)?.getTime()).toBe(parseISO(iso).getTime());
    }
    expect(parseTimestamp('soon')).toBeNull();
    expect(parseTimestamp('')).toBeNull();
    expect(parseTimestamp(null)).toBeNull();
  });
});

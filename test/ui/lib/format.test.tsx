import { formatDistanceStrict, parseISO } from 'date-fns';
import { afterEach, vi } from 'vitest';
import { formatDistance, formatRelativeTime, formatTimeSince } from '../../../src/shared/relative-time';
import { loadDateLocale } from '../../../src/ui/components/date-localization';
import { formatDate, formatDateTime, parseTimestamp } from '../../../src/ui/lib/format';
import { dateFnsLocaleName, userLanguages } from '../../../src/ui/lib/locale';
import { DateTime } from '../../../src/ui/components/date-time';
import { render, screen } from '@testing-library/react';

// src/shared/relative-time.ts replaces date-fns on the first page and must read exactly
// the same; lib/format.ts shows days in the user's locale through Intl.

const DAY = 86_400_000;
const base = new Date('2026-03-29T00:30:00Z'); // near a DST change in Europe
// Deterministic spread: seconds to decades either side, with odd remainders.
const offsets = Array.from({ length: 400 }, (_, i) => {
  const sign = i % 2 === 0 ? 1 : -1;
  const scale = [1_000, 60_000, 3_600_000, DAY, 30 * DAY, 365 * DAY][i % 6];
  return sign * Math.round((scale * ((i * 7919) % 997)) / 83 + i * 13);
});

describe('dates in the user’s locale', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const useLanguages = (languages: string[]) => vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(languages);
  // Noon UTC, so the day is the same in every zone the tests may run in.
  const christmas = '2027-12-25T12:00:00Z';

  it.each([
    ['en-US', 'Dec 25, 2027'],
    ['en-GB', '25 Dec 2027'],
    ['de-DE', '25. Dez. 2027'],
  ])('shows a day as %s reads it', (language, expected) => {
    useLanguages([language]);
    expect(formatDate(christmas)).toBe(expected);
  });

  it('gives the exact moment with the day, the local time and the offset from UTC', () => {
    useLanguages(['en-GB']);
    const local = new Date(christmas);
    const time = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
    expect(formatDateTime(christmas)).toMatch(new RegExp(`^${local.getDate()} Dec 2027, ${time} GMT([+-]\\d{1,2}(:\\d{2})?)?$`));
  });

  it('falls back to navigator.language, then en-US, when the browser lists no languages', () => {
    useLanguages([]);
    vi.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-GB');
    expect(userLanguages()).toEqual(['en-GB']);
    vi.spyOn(window.navigator, 'language', 'get').mockReturnValue('');
    expect(userLanguages()).toEqual(['en-US']);
  });

  it('picks the date-fns locale for the first language it has, by region, then language, else en-US', () => {
    const available = ['de', 'de-AT', 'en-GB', 'en-US', 'fr', 'fr-CA', 'pt', 'pt-BR', 'zh-CN', 'zh-TW'];
    expect(dateFnsLocaleName(available, ['en-US'])).toBe('en-US');
    expect(dateFnsLocaleName(available, ['en-gb'])).toBe('en-GB');
    expect(dateFnsLocaleName(available, ['en'])).toBe('en-US');
    expect(dateFnsLocaleName(available, ['en-SE'])).toBe('en-US');
    expect(dateFnsLocaleName(available, ['de-CH'])).toBe('de');
    expect(dateFnsLocaleName(available, ['de-AT', 'de'])).toBe('de-AT');
    expect(dateFnsLocaleName(available, ['zh'])).toBe('zh-CN');
    expect(dateFnsLocaleName(available, ['tlh', 'fr-CA'])).toBe('fr-CA');
    expect(dateFnsLocaleName(available, ['tlh'])).toBe('en-US');
  });

  it('loads only the date-fns locale the user’s language needs', async () => {
    useLanguages(['de-DE']);
    expect((await loadDateLocale()).code).toBe('de');
    useLanguages(['en-GB', 'en']);
    expect((await loadDateLocale()).code).toBe('en-GB');
    useLanguages(['xx']);
    expect((await loadDateLocale()).code).toBe('en-US');
  });
});

describe('relative times without date-fns', () => {
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

describe('DateTime', () => {
  const now = new Date('2026-03-29T12:00:00Z');

  it('reads "just now" after a prefix, and "Just now" alone', () => {
    const justNow = new Date(now.getTime() - 5_000).toISOString();
    const { unmount } = render(<DateTime iso={justNow} format="since" now={now} prefix="Signed in " />);
    expect(screen.getByText('Signed in just now')).toBeInTheDocument();
    unmount();
    render(<DateTime iso={justNow} format="since" now={now} />);
    expect(screen.getByText('Just now')).toBeInTheDocument();
  });

  it('keeps other times as they read after a prefix', () => {
    render(<DateTime iso={new Date(now.getTime() - 2 * 3_600_000).toISOString()} format="since" now={now} prefix="Last active " />);
    expect(screen.getByText('Last active 2 hours ago')).toBeInTheDocument();
  });
});

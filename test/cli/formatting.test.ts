import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { parseExpiry } from '../../src/cli/expiry.js';
import { describeExpiry, describeLastUsed, formatTable, roleName } from '../../src/cli/output.js';

const now = new Date('2025-06-01T12:00:00Z');

describe('create-key expiry', () => {
  it('reads spans from now', () => {
    expect(parseExpiry('30d', now).toISOString()).toBe('2025-07-01T12:00:00.000Z');
    expect(parseExpiry('12h', now).toISOString()).toBe('2025-06-02T00:00:00.000Z');
    expect(parseExpiry('2w', now).toISOString()).toBe('2025-06-15T12:00:00.000Z');
    expect(parseExpiry('90m', now).toISOString()).toBe('2025-06-01T13:30:00.000Z');
  });

  it('reads dates and times, a time without a zone as UTC', () => {
    expect(parseExpiry('2026-01-31', now).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(parseExpiry('2026-01-31T17:00:00Z', now).toISOString()).toBe('2026-01-31T17:00:00.000Z');
    expect(parseExpiry('2026-01-31T17:00', now).toISOString()).toBe('2026-01-31T17:00:00.000Z');
    expect(parseExpiry('2026-01-31T17:00:00+02:00', now).toISOString()).toBe('2026-01-31T15:00:00.000Z');
  });

  it('refuses the past and what it cannot read, as usage errors', () => {
    for (const text of ['2025-05-01', '0d', 'tomorrow', '2026-13-45', '30 days']) {
      expect(() => parseExpiry(text, now), text).toThrow(expect.objectContaining({ exitCode: ExitCode.USAGE }));
    }
  });
});

describe('listing output', () => {
  it('lines up columns under their headers', () => {
    expect(
      formatTable(
        ['NAME', 'ID'],
        [
          ['laptop', '1'],
          ['ci', '22'],
        ],
      ),
    ).toBe('NAME    ID\nlaptop  1\nci      22');
  });

  it('says expiry and last use as people think of them', () => {
    expect(describeExpiry(null, now)).toBe('Never');
    expect(describeExpiry('2025-06-04T12:00:00Z', now)).toBe('in 3 days');
    expect(describeExpiry('2025-06-01T10:00:00Z', now)).toBe('Expired 2 hours ago');
    expect(describeLastUsed(null, now)).toBe('Never');
    expect(describeLastUsed('2025-06-01T11:57:00Z', now)).toBe('3 minutes ago');
  });

  it('shows roles by their UI names', () => {
    expect([roleName('TENANT_ADMIN'), roleName('USER'), roleName('READ_ONLY_USER')]).toEqual(['Administrator', 'User', 'Read-only']);
  });
});

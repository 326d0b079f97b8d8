import { describe, expect, it } from 'vitest';
import { checkEmailText, emailProblemMessage, MAX_EMAIL_LENGTH } from '../../src/shared/emails.js';
import { checkExpiry, expiryProblemMessage, latestExpiry, MAX_EXPIRY_YEARS } from '../../src/shared/expiry.js';
import { checkNameText, MAX_NAME_LENGTH, nameLength, nameProblemMessage } from '../../src/shared/names.js';
import { checkPasswordText, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblemMessage } from '../../src/shared/passwords.js';
import { checkSlugText, RESERVED_SLUGS, slugify, slugProblemMessage } from '../../src/shared/slugs.js';
import { checkDescriptionText } from '../../src/shared/descriptions.js';
import { effectiveRole, roleWithin, rolesWithin } from '../../src/shared/key-roles.js';
import { POLICY_CLOCK_SLACK_MS, policyDaysProblem, policyExpiryProblem, policyShortenedExpiry } from '../../src/shared/key-policy.js';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { generateKey } from '../../src/server/auth/key-format.js';
import { checkFoundAtText, checkKeyText, crc32 as sharedCrc32, MISTYPED_KEY_MESSAGE } from '../../src/shared/key-format.js';

// The input rules the forms and the API share (src/shared). The name rule's character
// cases are in names.test.ts, beside the API's use of it; the UI tests check that the
// forms show these messages, and the API tests that the server answers with them.

describe('the password rule', () => {
  it(`takes ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, exactly as typed`, () => {
    expect(checkPasswordText('x'.repeat(MIN_PASSWORD_LENGTH - 1))).toEqual({ ok: false, problem: 'too_short' });
    expect(checkPasswordText('x'.repeat(MIN_PASSWORD_LENGTH))).toEqual({ ok: true, value: 'x'.repeat(MIN_PASSWORD_LENGTH) });
    expect(checkPasswordText(' padded pass ')).toEqual({ ok: true, value: ' padded pass ' });
    expect(checkPasswordText('x'.repeat(MAX_PASSWORD_LENGTH)).ok).toBe(true);
    expect(checkPasswordText('x'.repeat(MAX_PASSWORD_LENGTH + 1))).toEqual({ ok: false, problem: 'too_long' });
  });

  it('counts characters, not UTF-16 units, as names do', () => {
    expect(checkPasswordText('🔑'.repeat(MIN_PASSWORD_LENGTH - 1))).toEqual({ ok: false, problem: 'too_short' });
    expect(checkPasswordText('🔑'.repeat(MIN_PASSWORD_LENGTH)).ok).toBe(true);
  });

  it('says what is wrong in words', () => {
    expect(passwordProblemMessage('too_short')).toBe('Password must be at least 10 characters.');
    expect(passwordProblemMessage('too_long')).toBe('Password must be at most 1000 characters.');
  });
});

describe('the email rule', () => {
  it('takes something@domain.tld, trimmed and lower-cased', () => {
    expect(checkEmailText('  Ada@Example.COM ')).toEqual({ ok: true, value: 'ada@example.com' });
    expect(checkEmailText('zoë@bücher.example')).toEqual({ ok: true, value: 'zoë@bücher.example' });
  });

  it.each([
    ['no @', 'ada.example.com'],
    ['no domain dot', 'ada@localhost'],
    ['a space inside', 'ada lovelace@example.com'],
    ['two @', 'ada@@example.com'],
    ['a control character', 'ada\u0007@example.com'],
    ['a right-to-left override', 'ada\u202E@example.com'],
    ['a lone surrogate', 'ada\uD800@example.com'],
    ['more than 254 characters', `${'a'.repeat(MAX_EMAIL_LENGTH - 11)}@example.com`],
  ])('refuses an address with %s', (_label, email) => {
    expect(checkEmailText(email)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('tells a missing address from a malformed one', () => {
    expect(checkEmailText('   ')).toEqual({ ok: false, problem: 'required' });
    expect(emailProblemMessage('required')).toBe('Enter an email address.');
    expect(emailProblemMessage('invalid')).toBe('Enter a valid email address.');
  });
});

describe('the slug rule', () => {
  it('takes 1–40 lowercase letters, digits and inner hyphens', () => {
    for (const slug of ['a', 'acme', 'acme-corp', '7eleven', 'x'.repeat(40)]) expect(checkSlugText(slug)).toEqual({ ok: true, value: slug });
    expect(checkSlugText('  acme ')).toEqual({ ok: true, value: 'acme' });
  });

  it.each(['', 'Acme', '-acme', 'acme-', 'ac me', 'acme_corp', 'x'.repeat(41), 'açme'])('refuses %j', (slug) => {
    expect(checkSlugText(slug)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('keeps the app’s own first path segments for the app', () => {
    for (const slug of ['setup', 'sign-in', 'invite', 'no-tenant', 'graphql', 'graphiql', 'assets', 'healthz', 'metrics']) {
      expect(checkSlugText(slug)).toEqual({ ok: false, problem: 'reserved' });
    }
    expect(slugProblemMessage('reserved', 'setup')).toBe('The slug "setup" is reserved.');
    expect(slugProblemMessage('invalid', 'A')).toMatch(/^A slug is 1–40 lowercase letters/);
  });

  it('derives a valid, unreserved slug from any name', () => {
    expect(slugify('Acme Corp.')).toBe('acme-corp');
    expect(slugify('Zoë’s Café')).toBe('zoe-s-cafe');
    expect(slugify('Setup')).toBe('tenant-setup');
    expect(slugify('鍵')).toBe('tenant-new');
    expect(slugify(`${'long '.repeat(20)}name`)).toBe('long-long-long-long-long-long-long-long');
    for (const name of ['Setup', '鍵', '---', 'x'.repeat(80), 'Sign in', ...RESERVED_SLUGS]) {
      expect({ name, check: checkSlugText(slugify(name)).ok }).toEqual({ name, check: true });
    }
  });
});

describe('the expiry rule', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('takes "never" and any time after now, up to five years ahead to the millisecond', () => {
    expect(MAX_EXPIRY_YEARS).toBe(5);
    expect(checkExpiry(null, now)).toEqual({ ok: true, value: null });
    expect(checkExpiry(undefined, now)).toEqual({ ok: true, value: null });
    expect(checkExpiry('2026-03-01T12:00:01Z', now)).toEqual({ ok: true, value: '2026-03-01T12:00:01Z' });
    expect(checkExpiry('2031-03-01T12:00:00Z', now)).toEqual({ ok: true, value: '2031-03-01T12:00:00Z' });
    expect(latestExpiry(now).toISOString()).toBe('2031-03-01T12:00:00.000Z');
  });

  it('refuses now, the past, and more than five years ahead, whatever the offset written', () => {
    expect(checkExpiry('2026-03-01T12:00:00Z', now)).toEqual({ ok: false, problem: 'past' });
    expect(checkExpiry('2020-01-01T00:00:00Z', now)).toEqual({ ok: false, problem: 'past' });
    expect(checkExpiry('2031-03-01T12:00:00.001Z', now)).toEqual({ ok: false, problem: 'too_far' });
    expect(checkExpiry('2031-03-01T12:30:00+00:15', now)).toEqual({ ok: false, problem: 'too_far' });
    expect(checkExpiry('9999-12-31T23:30:00-01:00', now)).toEqual({ ok: false, problem: 'too_far' });
    expect(checkExpiry('not a time', now)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('compares with the `now` it is given, not the clock', () => {
    expect(checkExpiry('2000-01-02T00:00:00Z', new Date('2000-01-01T00:00:00Z')).ok).toBe(true);
  });

  it('says what is wrong in words', () => {
    expect(expiryProblemMessage('past')).toBe('The expiration must be in the future.');
    expect(expiryProblemMessage('too_far')).toBe('The expiration can be at most 5 years from now.');
  });
});

describe('the name rule’s length and messages', () => {
  it('counts what a person counts: code points after trimming and NFC', () => {
    expect(nameLength('  laptop  ')).toBe(6);
    expect(nameLength('🔑'.repeat(3))).toBe(3);
    expect(nameLength('Zoe\u0308')).toBe(3);
  });

  it('names the field in every message', () => {
    expect(nameProblemMessage('API Key Name', 'required')).toBe('API Key Name is required.');
    expect(nameProblemMessage('API Key Name', 'too_long')).toBe(`API Key Name must be at most ${MAX_NAME_LENGTH} characters.`);
    expect(checkNameText('ok\u202Ename')).toEqual({ ok: false, problem: 'unsafe' });
  });
});

describe('key roles and descriptions (src/shared/key-roles.ts, descriptions.ts)', () => {
  it('a key acts with the lower of its role and its owner’s; none follows the owner; no owner role is nothing', () => {
    expect(effectiveRole(null, 'TENANT_ADMIN')).toBe('TENANT_ADMIN');
    expect(effectiveRole('READ_ONLY_USER', 'TENANT_ADMIN')).toBe('READ_ONLY_USER');
    expect(effectiveRole('TENANT_ADMIN', 'USER')).toBe('USER');
    expect(effectiveRole('USER', null)).toBeNull();
    expect(rolesWithin('USER')).toEqual(['USER', 'READ_ONLY_USER']);
    expect(roleWithin('TENANT_ADMIN', 'USER')).toBe(false);
  });

  it('a description is optional, trimmed, at most 500 characters, lines of visible text', () => {
    expect(checkDescriptionText('  ')).toEqual({ ok: true, description: null });
    expect(checkDescriptionText(null)).toEqual({ ok: true, description: null });
    expect(checkDescriptionText(' deploys\r\nnightly ')).toEqual({ ok: true, description: 'deploys\nnightly' });
    expect(checkDescriptionText('x'.repeat(500))).toMatchObject({ ok: true });
    expect(checkDescriptionText('x'.repeat(501))).toEqual({ ok: false, problem: 'too_long' });
    expect(checkDescriptionText('tab\there')).toEqual({ ok: false, problem: 'unsafe' });
    expect(checkDescriptionText('a\u200Bb')).toEqual({ ok: false, problem: 'unsafe' });
  });
});

describe('the key format (src/shared/key-format.ts)', () => {
  it("computes zlib's CRC-32, so keys issued before it moved here still pass", () => {
    for (let i = 0; i < 500; i++) {
      const text = generateKey(i % 2 ? 'kpu_' : 'kps_').slice(0, 34);
      expect(sharedCrc32(text)).toBe(zlibCrc32(text));
    }
    expect(sharedCrc32('')).toBe(0);
    expect(sharedCrc32('123456789')).toBe(0xcbf43926);
  });

  it('reads a pasted text as a key, a mistyped key, a hint or neither', () => {
    const key = generateKey('kps_');
    const typo = key.slice(0, 10) + (key[10] === 'a' ? 'b' : 'a') + key.slice(11);
    expect(checkKeyText(` "${key}" `)).toEqual({ kind: 'key', key, hint: key.slice(0, 8) });
    expect(checkKeyText(typo)).toEqual({ kind: 'mistyped', message: MISTYPED_KEY_MESSAGE });
    for (const hint of [key.slice(0, 8), `${key.slice(0, 8)}…`, `${key.slice(0, 8)}...`, key.slice(0, 20)]) {
      expect(checkKeyText(hint), hint).toEqual({ kind: 'hint', hint: key.slice(0, 8) });
    }
    expect(checkKeyText('   ')).toEqual({ kind: 'empty' });
    for (const text of ['kps_ab', 'hello', `${key}x`, 'kpx_abcdefgh', 'kps_abc!defg']) expect(checkKeyText(text).kind, text).toBe('invalid');
  });

  it('keeps where a key was found to one line of at most 500 characters, without a key', () => {
    expect(checkFoundAtText('  CI log  ')).toEqual({ ok: true, value: 'CI log' });
    expect(checkFoundAtText('')).toEqual({ ok: true, value: null });
    expect(checkFoundAtText(null)).toEqual({ ok: true, value: null });
    expect(checkFoundAtText('x'.repeat(500)).ok).toBe(true);
    expect(checkFoundAtText('x'.repeat(501)).ok).toBe(false);
    expect(checkFoundAtText('a\nb').ok).toBe(false);
    expect(checkFoundAtText(`TOKEN=${generateKey('kpu_')}`).ok).toBe(false);
  });
});

describe('the key policy rule', () => {
  const now = new Date('2026-06-01T12:00:00.000Z');
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const DAY = 86_400_000;

  it('takes 1 to 3650 whole days, or none', () => {
    for (const days of [null, undefined, 1, 3650]) expect(policyDaysProblem(days)).toBeNull();
    for (const days of [0, 3651, -5, 1.5]) expect(policyDaysProblem(days)).toMatch(/1 to 3650/);
  });

  it("allows a key up to the limit, with slack for a browser's clock, and never past it", () => {
    const rule = { user_key_max_days: 30, service_key_max_days: null, require_expiry: false };
    expect(policyExpiryProblem(rule, 'user', at(30 * DAY + POLICY_CLOCK_SLACK_MS), now)).toBeNull();
    expect(policyExpiryProblem(rule, 'user', at(30 * DAY + POLICY_CLOCK_SLACK_MS + 1), now)).toMatch(/limits user keys to 30 days/);
    expect(policyExpiryProblem(rule, 'user', null, now)).toMatch(/limits user keys to 30 days/);
    expect(policyExpiryProblem(rule, 'service', null, now)).toBeNull();
  });

  it('requires an expiry of every kind when asked, and shortens to the general limit then', () => {
    const rule = { user_key_max_days: null, service_key_max_days: null, require_expiry: true };
    expect(policyExpiryProblem(rule, 'service', null, now)).toBe("This tenant's key policy requires every key to expire. Choose an expiry.");
    expect(policyExpiryProblem(rule, 'service', at(4 * 365 * DAY), now)).toBeNull();
    expect(policyShortenedExpiry(rule, 'user', now)?.toISOString()).toBe(latestExpiry(now).toISOString());
    expect(policyShortenedExpiry({ ...rule, require_expiry: false }, 'user', now)).toBeNull();
  });
});

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { PASSWORD, startServer, type Server } from './harness.js';
import { errorCode, post, type RawResult } from './hardening-support.js';

// OWASP's device cookies: a browser that has signed in to an account before keeps
// signing in while other clients' failures have locked the account; the browser's own
// failures are limited on their own, and a device cookie that keeps failing stops
// being trusted.

const passwordChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/server/auth/passwords.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/server/auth/passwords.js')>();
  return {
    ...original,
    verifyPassword: (password: string, stored: string) => {
      passwordChecks.count++;
      return original.verifyPassword(password, stored);
    },
    verifyAgainstDummy: (password: string) => {
      passwordChecks.count++;
      return original.verifyAgainstDummy(password);
    },
  };
});

const PER_ACCOUNT = 10;
const DEVICE_COOKIE = 'keyplane_device';
const LOG_IN = `mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }`;

let server: Server;
let accounts = 0;

function logIn(email: string, password: string, remoteAddress: string, deviceCookie?: string) {
  const headers: Record<string, string> = deviceCookie ? { cookie: `${DEVICE_COOKIE}=${deviceCookie}` } : {};
  return post(server, { query: LOG_IN, variables: { input: { email, password } } }, { headers, remoteAddress });
}
const cookieOf = (result: RawResult, name: string) => result.cookies.find((c) => c.name === name);
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

async function newAccount() {
  const email = `owner-${++accounts}@device.test`;
  const user = await server.app.store.createUser({ email, username: email, passwordHash: await hashPassword(PASSWORD) });
  return { email, userId: user.id };
}

/** The owner signs in from their usual browser and keeps the device cookie it got. */
async function ownersBrowser(email: string) {
  const result = await logIn(email, PASSWORD, '192.0.2.10');
  expect(result.status).toBe(200);
  const device = cookieOf(result, DEVICE_COOKIE);
  expect(device, 'a successful sign-in sets a device cookie').toBeDefined();
  return device!.value;
}

/** Wrong passwords from many addresses, as an attacker who knows the email would send. */
async function lockForUntrustedClients(email: string, attempts = PER_ACCOUNT + 2) {
  for (let i = 0; i < attempts; i++) await logIn(email, `attacker-guess-${i}`, `203.0.113.${i + 1}`);
  expect(errorCode(await logIn(email, PASSWORD, '198.51.100.5')), 'a new browser is locked out').toBe('RATE_LIMITED');
}

beforeAll(async () => {
  server = await startServer({ loginFailuresPerAccount: PER_ACCOUNT, secureCookies: true });
});
afterAll(() => server.close());

describe('a browser that has signed in before', () => {
  it('still signs in with the right password after wrong passwords from other addresses lock the account for other clients', async () => {
    const { email, userId } = await newAccount();
    const device = await ownersBrowser(email);
    await lockForUntrustedClients(email);

    const fromUsualAddress = await logIn(email, PASSWORD, '192.0.2.10', device);
    expect(fromUsualAddress.status).toBe(200);
    expect(fromUsualAddress.body.data.log_in.user_id).toBe(userId);
    expect(cookieOf(fromUsualAddress, 'keyplane_session')).toBeDefined();
    // Travelling: the browser is what is trusted, not the address.
    const renewed = cookieOf(fromUsualAddress, DEVICE_COOKIE)!.value;
    expect((await logIn(email, PASSWORD, '198.51.100.200', renewed)).status).toBe(200);
    // Clients without the cookie stay locked out.
    expect(errorCode(await logIn(email, PASSWORD, '198.51.100.6'))).toBe('RATE_LIMITED');
  });

  it('gets a device cookie that is HttpOnly, SameSite=Strict, Secure (behind https) and long-lived, stored only as a hash', async () => {
    const { email, userId } = await newAccount();
    const result = await logIn(email, PASSWORD, '192.0.2.11');
    const device = cookieOf(result, DEVICE_COOKIE) as Record<string, unknown> & { value: string };
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true });
    expect(Number(device.maxAge)).toBeGreaterThanOrEqual(300 * 86_400);
    const rows = (await server.snapshot()).device_cookie;
    expect(rows.filter((row) => row.user_id === userId)).toEqual([expect.objectContaining({ token_hash: sha256(device.value) })]);
    expect(JSON.stringify(rows)).not.toContain(device.value);
  });

  it('is trusted only for the account that signed in with it', async () => {
    const ada = await newAccount();
    const bob = await newAccount();
    const adasDevice = await ownersBrowser(ada.email);
    await lockForUntrustedClients(bob.email);
    expect(errorCode(await logIn(bob.email, PASSWORD, '192.0.2.10', adasDevice))).toBe('RATE_LIMITED');
  });

  it('stays trusted for each account that signs in with it (a shared browser)', async () => {
    const ada = await newAccount();
    const bob = await newAccount();
    const first = await ownersBrowser(ada.email);
    const second = cookieOf(await logIn(bob.email, PASSWORD, '192.0.2.10', first), DEVICE_COOKIE)!.value;
    await lockForUntrustedClients(ada.email);
    await lockForUntrustedClients(bob.email);
    const asAda = await logIn(ada.email, PASSWORD, '192.0.2.10', second);
    expect(asAda.status).toBe(200);
    // Each sign-in renews the token, for every account of the browser.
    expect((await logIn(bob.email, PASSWORD, '192.0.2.10', cookieOf(asAda, DEVICE_COOKIE)!.value)).status).toBe(200);
  });

  it('gets a new device token at each sign-in; the old one is no longer trusted', async () => {
    const { email } = await newAccount();
    const old = await ownersBrowser(email);
    const renewed = cookieOf(await logIn(email, PASSWORD, '192.0.2.10', old), DEVICE_COOKIE)!.value;
    expect(renewed).not.toBe(old);
    await lockForUntrustedClients(email);
    expect(errorCode(await logIn(email, PASSWORD, '192.0.2.10', old))).toBe('RATE_LIMITED');
    expect((await logIn(email, PASSWORD, '192.0.2.10', renewed)).status).toBe(200);
  });

  it('is not trusted with a made-up or tampered cookie', async () => {
    const { email } = await newAccount();
    const device = await ownersBrowser(email);
    await lockForUntrustedClients(email);
    const tampered = `${device.slice(0, -1)}${device.endsWith('A') ? 'B' : 'A'}`;
    for (const cookie of [tampered, 'x'.repeat(43), '', 'a;b']) expect(errorCode(await logIn(email, PASSWORD, '192.0.2.10', cookie))).toBe('RATE_LIMITED');
  });
});

describe('a device cookie that keeps failing', () => {
  it(`checks at most ${PER_ACCOUNT} passwords in a burst of 200 with one device cookie, refuses the right password sent last, and stops trusting the cookie`, async () => {
    const { email, userId } = await newAccount();
    const device = await ownersBrowser(email);
    await lockForUntrustedClients(email);
    passwordChecks.count = 0;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => logIn(email, i === 199 ? PASSWORD : `stolen-cookie-guess-${i}`, `198.51.100.${(i % 250) + 1}`, device)),
    );
    expect(passwordChecks.count).toBeLessThanOrEqual(PER_ACCOUNT);
    expect(results.filter((r) => errorCode(r) === 'BAD_USER_INPUT')).toHaveLength(PER_ACCOUNT);
    expect(results[199].status).toBe(429);
    // The cookie is forgotten: it now counts as any other client, and those are locked out.
    expect(((await server.snapshot()).device_cookie as { user_id: string }[]).filter((row) => row.user_id === userId)).toEqual([]);
    expect(errorCode(await logIn(email, PASSWORD, '192.0.2.10', device))).toBe('RATE_LIMITED');
  });

  it('counts only against itself while it is trusted: the account stays open to it after its own failures, up to its limit', async () => {
    const { email } = await newAccount();
    const device = await ownersBrowser(email);
    for (let i = 0; i < PER_ACCOUNT - 1; i++) expect(errorCode(await logIn(email, `typo-${i}`, '192.0.2.10', device))).toBe('BAD_USER_INPUT');
    // The owner's typos did not count against the account for other clients...
    expect((await logIn(email, PASSWORD, '198.51.100.7')).status).toBe(200);
    // ...and the cookie can still sign in.
    expect((await logIn(email, PASSWORD, '192.0.2.10', device)).status).toBe(200);
  });

  it('once forgotten, leaves its browser signing in as any other client would, under their limits, and getting a new cookie', async () => {
    const { email } = await newAccount();
    const device = await ownersBrowser(email);
    for (let i = 0; i < PER_ACCOUNT; i++) expect(errorCode(await logIn(email, `typo-${i}`, '192.0.2.10', device))).toBe('BAD_USER_INPUT');
    const after = await logIn(email, PASSWORD, '192.0.2.10', device);
    expect(after.status).toBe(200);
    expect(cookieOf(after, DEVICE_COOKIE)!.value).not.toBe(device);
  });
});

describe('device cookie rows', () => {
  it('is given to the browser that set Keyplane up or created its account from an invitation: locking the account does not lock it out', async () => {
    const fresh = await startServer();
    try {
      const bootstrap = await post(fresh, {
        query: 'mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }',
        variables: { input: { email: 'first@device.test', username: 'First', password: PASSWORD, tenant_name: 'Device' } },
      });
      const founder = cookieOf(bootstrap, DEVICE_COOKIE)!.value;
      const session = cookieOf(bootstrap, 'keyplane_session')!.value;
      const invite = await post(
        fresh,
        {
          query: 'mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { token } }',
          variables: { input: { tenant_id: bootstrap.body.data.bootstrap.tenant_id, email: 'joiner@device.test', role: 'USER' } },
        },
        { headers: { cookie: `keyplane_session=${session}`, 'x-keyplane-csrf': '1' } },
      );
      const accepted = await post(fresh, {
        query: 'mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }',
        variables: { input: { token: invite.body.data.create_membership_invitation.token, username: 'Joiner', password: PASSWORD } },
      });
      const joiner = cookieOf(accepted, DEVICE_COOKIE)!.value;
      for (const [email, device] of [
        ['first@device.test', founder],
        ['joiner@device.test', joiner],
      ] as const) {
        const lockOut = (address: string) =>
          post(fresh, { query: LOG_IN, variables: { input: { email, password: 'wrong password!' } } }, { remoteAddress: address });
        for (let i = 0; i < PER_ACCOUNT + 2; i++) await lockOut(`203.0.113.${i + 1}`);
        const withDevice = await post(
          fresh,
          { query: LOG_IN, variables: { input: { email, password: PASSWORD } } },
          { headers: { cookie: `${DEVICE_COOKIE}=${device}` }, remoteAddress: '198.51.100.9' },
        );
        expect({ email, code: errorCode(withDevice), signedIn: Boolean(withDevice.body.data?.log_in) }).toEqual({ email, code: undefined, signedIn: true });
      }
    } finally {
      await fresh.close();
    }
  });

  it('go when their user is removed', async () => {
    const { email, userId } = await newAccount();
    await ownersBrowser(email);
    const devices = async () => (await server.rows<{ n: number }>('SELECT count(*) AS n FROM device_cookie WHERE user_id = ?', [userId]))[0].n;
    expect(await devices()).toBe(1);
    await server.write(async (db) => {
      await db.run('DELETE FROM session WHERE user_id = ?', [userId]);
      await db.run('DELETE FROM "user" WHERE id = ?', [userId]);
    });
    expect(await devices()).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateKey } from '../../src/server/auth/key-format.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { CREATE_KEY, PASSWORD, startServer, type Server } from './harness.js';
import { errorCode, post, type RawResult } from './hardening-support.js';

// The limits hold under concurrency: an attempt is counted before its password or key
// is checked, so a burst cannot have more checks in flight than the limit allows.

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

const PER_ADDRESS = 5;
const PER_ACCOUNT = 3;
const BURST = 200;

let server: Server;
let goodKey: string;

const LOG_IN = `mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }`;
const AUTH_INFO = { query: '{ auth_info { user_id } }' };
const logIn = (email: string, password: string, remoteAddress: string) =>
  post(server, { query: LOG_IN, variables: { input: { email, password } } }, { remoteAddress });
const keyRequest = (key: string, remoteAddress: string) => post(server, AUTH_INFO, { headers: { authorization: `Bearer ${key}` }, remoteAddress });
const count = (results: RawResult[], code: string | undefined) => results.filter((r) => errorCode(r) === code).length;

async function account(email: string) {
  await server.app.store.createUser({ email, username: email, passwordHash: await hashPassword(PASSWORD) });
}

beforeAll(async () => {
  server = await startServer({ authFailuresPerMinute: PER_ADDRESS, loginFailuresPerAccount: PER_ACCOUNT });
  const boot = await post(server, {
    query: `mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id } }`,
    variables: { input: { email: 'admin@burst.test', username: 'Admin', password: PASSWORD, tenant_name: 'Burst' } },
  });
  const session = { cookie: `keyplane_session=${boot.cookies.find((c) => c.name === 'keyplane_session')!.value}`, 'x-keyplane-csrf': '1' };
  const created = await post(
    server,
    { query: CREATE_KEY, variables: { input: { user_id: boot.body.data.bootstrap.user_id, name: 'good' } } },
    { headers: session },
  );
  goodKey = created.body.data.create_api_key.key;
});
afterAll(() => server.close());

describe('sign-ins in a burst of 200', () => {
  it(`checks at most ${PER_ACCOUNT} passwords for one account from 200 addresses, and refuses the right password sent last`, async () => {
    await account('burst-account@burst.test');
    passwordChecks.count = 0;
    const results = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        logIn('burst-account@burst.test', i === BURST - 1 ? PASSWORD : `wrong-password-${i}`, `10.20.${i >> 8}.${i & 255}`),
      ),
    );
    expect(passwordChecks.count).toBeLessThanOrEqual(PER_ACCOUNT);
    expect(count(results, 'BAD_USER_INPUT')).toBe(PER_ACCOUNT);
    expect(count(results, 'RATE_LIMITED')).toBe(BURST - PER_ACCOUNT);
    expect(results[BURST - 1].status).toBe(429);
    expect(results[BURST - 1].cookies.find((c) => c.name === 'keyplane_session')).toBeUndefined();
    // The lock holds after the burst too.
    expect(errorCode(await logIn('burst-account@burst.test', PASSWORD, '10.21.0.1'))).toBe('RATE_LIMITED');
  });

  it(`checks at most ${PER_ADDRESS} passwords from one address spraying 200 emails, and refuses a right password sent last`, async () => {
    await account('sprayed@burst.test');
    passwordChecks.count = 0;
    const sprayer = '10.22.0.1';
    const results = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        i === BURST - 1 ? logIn('sprayed@burst.test', PASSWORD, sprayer) : logIn(`nobody-${i}@burst.test`, 'guess-guess-guess', sprayer),
      ),
    );
    expect(passwordChecks.count).toBeLessThanOrEqual(PER_ADDRESS);
    expect(count(results, 'BAD_USER_INPUT')).toBe(PER_ADDRESS);
    expect(results[BURST - 1].status).toBe(429);
  });

  it('refuses the rest of a burst while a few attempts are still being checked, then lets a success through once they release', async () => {
    await account('careful@burst.test');
    passwordChecks.count = 0;
    // Right passwords are attempts in flight too; once they succeed they no longer count.
    const results = await Promise.all(Array.from({ length: BURST }, () => logIn('careful@burst.test', PASSWORD, '10.23.0.1')));
    expect(passwordChecks.count).toBeLessThanOrEqual(PER_ACCOUNT);
    expect(results.filter((r) => r.status === 200)).toHaveLength(PER_ACCOUNT);
    expect((await logIn('careful@burst.test', PASSWORD, '10.23.0.1')).status).toBe(200);
  });
});

describe('key authentications in a burst of 200, when the store has to wait', () => {
  it(`looks up at most ${PER_ADDRESS} unknown keys from one address, refuses the rest with 429, and a good key sent last`, async () => {
    const store = server.app.store;
    const findKeyCredential = store.findKeyCredential.bind(store);
    // A store that answers after a delay (the Store interface is asynchronous).
    const lookups = vi.spyOn(store, 'findKeyCredential').mockImplementation(async (keyHash) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return findKeyCredential(keyHash);
    });
    vi.spyOn(server.app.credentials, 'remembered').mockReturnValue(undefined);
    // Nor read at once (SQLite can): every request has to wait for the store.
    vi.spyOn(server.app.credentials, 'findNow').mockReturnValue(undefined);
    try {
      const attacker = '10.30.0.1';
      const results = await Promise.all(Array.from({ length: BURST }, (_, i) => keyRequest(i === BURST - 1 ? goodKey : generateKey('kpu_'), attacker)));
      expect(lookups.mock.calls.length).toBeLessThanOrEqual(PER_ADDRESS);
      expect(results.filter((r) => r.status === 401)).toHaveLength(PER_ADDRESS);
      expect(results.filter((r) => r.status === 429)).toHaveLength(BURST - PER_ADDRESS);
      expect(results[BURST - 1].status).toBe(429);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('lets a burst of one good key through: requests for a key being looked up wait for that lookup', async () => {
    const store = server.app.store;
    const findKeyCredential = store.findKeyCredential.bind(store);
    const lookups = vi.spyOn(store, 'findKeyCredential').mockImplementation(async (keyHash) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return findKeyCredential(keyHash);
    });
    vi.spyOn(server.app.credentials, 'remembered').mockReturnValue(undefined);
    // Nor read at once (SQLite can): every request has to wait for the store.
    vi.spyOn(server.app.credentials, 'findNow').mockReturnValue(undefined);
    try {
      const results = await Promise.all(Array.from({ length: BURST }, () => keyRequest(goodKey, '10.31.0.1')));
      expect(results.filter((r) => r.status === 200)).toHaveLength(BURST);
      expect(lookups.mock.calls.length).toBeLessThan(BURST);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

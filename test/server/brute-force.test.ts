import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateKey } from '../../src/server/auth/key-format.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { CREATE_KEY, PASSWORD, startServer, type Server } from './harness.js';
import { post } from './hardening-support.js';

// Failed authentications are limited per source address (keys and sign-ins alike), and
// sign-ins per account too: past the threshold, HTTP 429 with Retry-After, while other
// addresses and other accounts carry on. (Bursts: sign-in-concurrency.test.ts; browsers
// with a device cookie: sign-in-device-cookies.test.ts.)

const KEY_FAILURES_PER_MINUTE = 5;
const LOGIN_FAILURES_PER_ACCOUNT = 3;

let server: Server;
let goodKey: string;
let tenantId: string;
let adminSession: Record<string, string>;

const AUTH_INFO = { query: '{ auth_info { user_id } }' };
const LOG_IN = `mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }`;
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const logIn = (email: string, password: string, remoteAddress: string) =>
  post(server, { query: LOG_IN, variables: { input: { email, password } } }, { remoteAddress });
const codeOf = (result: { body: any }) => result.body?.errors?.[0]?.extensions?.code;

function expectRateLimited(result: { status: number; headers: Record<string, unknown>; body: any }, maxSeconds: number) {
  expect(result.status).toBe(429);
  expect(codeOf(result)).toBe('RATE_LIMITED');
  const retryAfter = Number(result.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

beforeAll(async () => {
  server = await startServer({ authFailuresPerMinute: KEY_FAILURES_PER_MINUTE, loginFailuresPerAccount: LOGIN_FAILURES_PER_ACCOUNT });
  const boot = await post(server, {
    query: `mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }`,
    variables: { input: { email: 'admin@bf.test', username: 'Admin', password: PASSWORD, tenant_name: 'Brute' } },
  });
  tenantId = boot.body.data.bootstrap.tenant_id;
  adminSession = { cookie: `keyplane_session=${boot.cookies.find((c) => c.name === 'keyplane_session')!.value}`, 'x-keyplane-csrf': '1' };
  const created = await post(
    server,
    { query: CREATE_KEY, variables: { input: { user_id: boot.body.data.bootstrap.user_id, name: 'good' } } },
    { headers: adminSession },
  );
  goodKey = created.body.data.create_api_key.key;
  for (const email of ['victim@bf.test', 'bystander@bf.test'])
    await server.app.store.createUser({ email, username: email, passwordHash: await hashPassword(PASSWORD) });
});
afterAll(() => server.close());
afterEach(() => vi.useRealTimers());

describe('failed key authentications, per source address', () => {
  it(`answers 401 for the first ${KEY_FAILURES_PER_MINUTE} bad keys, then 429 with Retry-After, even for a good key`, async () => {
    const attacker = '10.0.0.1';
    for (let i = 0; i < KEY_FAILURES_PER_MINUTE; i++) {
      const result = await post(server, AUTH_INFO, { headers: bearer(generateKey('kpu_')), remoteAddress: attacker });
      expect(result.status, `attempt ${i + 1}`).toBe(401);
    }
    expectRateLimited(await post(server, AUTH_INFO, { headers: bearer(generateKey('kpu_')), remoteAddress: attacker }), 60);
    // A good key from the same address is refused too, so the limit cannot be used to test guesses.
    expectRateLimited(await post(server, AUTH_INFO, { headers: bearer(goodKey), remoteAddress: attacker }), 60);
    expectRateLimited(await post(server, AUTH_INFO, { headers: bearer('garbage'), remoteAddress: attacker }), 60);
  });

  it('leaves other addresses alone: their good keys work and their bad keys get 401, not 429', async () => {
    const neighbour = '10.0.0.2';
    const good = await post(server, AUTH_INFO, { headers: bearer(goodKey), remoteAddress: neighbour });
    expect(good.status).toBe(200);
    expect(good.body.data.auth_info.user_id).toBeDefined();
    expect((await post(server, AUTH_INFO, { headers: bearer(generateKey('kps_')), remoteAddress: neighbour })).status).toBe(401);
  });

  it('does not count successful requests, however many', async () => {
    const busy = '10.0.0.3';
    for (let i = 0; i < KEY_FAILURES_PER_MINUTE * 4; i++)
      expect((await post(server, AUTH_INFO, { headers: bearer(goodKey), remoteAddress: busy })).status).toBe(200);
  });

  it('cannot be dodged by inventing X-Forwarded-For addresses (proxy headers are not trusted by default)', async () => {
    const attacker = '10.0.0.5';
    for (let i = 0; i <= KEY_FAILURES_PER_MINUTE; i++) {
      await post(server, AUTH_INFO, { headers: { ...bearer(generateKey('kpu_')), 'x-forwarded-for': `172.16.0.${i}` }, remoteAddress: attacker });
    }
    expectRateLimited(await post(server, AUTH_INFO, { headers: { ...bearer(goodKey), 'x-forwarded-for': '172.16.9.9' }, remoteAddress: attacker }), 60);
  });

  it('behind a trusted proxy (KEYPLANE_TRUST_PROXY=1, one hop), limits each client address, not the proxy', async () => {
    const proxied = await startServer({ authFailuresPerMinute: KEY_FAILURES_PER_MINUTE, trustProxy: 1 });
    try {
      const proxy = '10.9.9.9';
      for (let i = 0; i <= KEY_FAILURES_PER_MINUTE; i++) {
        await post(proxied, AUTH_INFO, { headers: { ...bearer(generateKey('kpu_')), 'x-forwarded-for': '198.51.100.1' }, remoteAddress: proxy });
      }
      expectRateLimited(
        await post(proxied, AUTH_INFO, { headers: { ...bearer(generateKey('kpu_')), 'x-forwarded-for': '198.51.100.1' }, remoteAddress: proxy }),
        60,
      );
      const other = await post(proxied, AUTH_INFO, { headers: { ...bearer(generateKey('kpu_')), 'x-forwarded-for': '198.51.100.2' }, remoteAddress: proxy });
      expect(other.status).toBe(401);
    } finally {
      await proxied.close();
    }
  });

  it('lets the address try again once the minute has passed', async () => {
    const address = '10.0.0.4';
    for (let i = 0; i <= KEY_FAILURES_PER_MINUTE; i++) await post(server, AUTH_INFO, { headers: bearer(generateKey('kpu_')), remoteAddress: address });
    expectRateLimited(await post(server, AUTH_INFO, { headers: bearer(goodKey), remoteAddress: address }), 60);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    expect((await post(server, AUTH_INFO, { headers: bearer(goodKey), remoteAddress: address })).status).toBe(200);
  });
});

describe('failed sign-ins', () => {
  it(`locks an account for browsers without its device cookie after ${LOGIN_FAILURES_PER_ACCOUNT} wrong passwords from anywhere, even for the right password; other accounts sign in`, async () => {
    // Spread over addresses, so only the per-account limit applies.
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) {
      const result = await logIn('victim@bf.test', `wrong-password-${i}`, `10.1.0.${i + 1}`);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    }
    const locked = await logIn('victim@bf.test', PASSWORD, '10.1.0.99');
    expectRateLimited(locked, 15 * 60);
    expect(locked.cookies.find((c) => c.name === 'keyplane_session')).toBeUndefined();
    const other = await logIn('bystander@bf.test', PASSWORD, '10.1.0.99');
    expect(other.status).toBe(200);
    expect(other.body.data.log_in.user_id).toBeDefined();
  });

  it('limits one address spraying many accounts, and only that address', async () => {
    const sprayer = '10.2.0.1';
    for (let i = 0; i < KEY_FAILURES_PER_MINUTE; i++) expect(codeOf(await logIn(`nobody${i}@bf.test`, 'guess-guess-guess', sprayer))).toBe('BAD_USER_INPUT');
    expectRateLimited(await logIn('bystander@bf.test', PASSWORD, sprayer), 60);
    // Failed sign-ins and failed keys share the address's budget.
    expectRateLimited(await post(server, AUTH_INFO, { headers: bearer(goodKey), remoteAddress: sprayer }), 60);
    expect((await logIn('bystander@bf.test', PASSWORD, '10.2.0.2')).status).toBe(200);
  });

  it('does not count successful sign-ins, however many, nor let them forgive failures (a guesser would get a fresh allowance)', async () => {
    await server.app.store.createUser({ email: 'busy@bf.test', username: 'Busy', passwordHash: await hashPassword(PASSWORD) });
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT * 3; i++) expect((await logIn('busy@bf.test', PASSWORD, `10.3.0.${i}`)).status).toBe(200);
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT - 1; i++) await logIn('busy@bf.test', 'not-the-password', `10.3.1.${i}`);
    expect((await logIn('busy@bf.test', PASSWORD, '10.3.2.1')).status).toBe(200);
    await logIn('busy@bf.test', 'not-the-password', '10.3.2.2');
    expectRateLimited(await logIn('busy@bf.test', PASSWORD, '10.3.2.3'), 15 * 60);
  });

  it('lets the account try again once the 15 minutes have passed', async () => {
    await server.app.store.createUser({ email: 'patient@bf.test', username: 'Patient', passwordHash: await hashPassword(PASSWORD) });
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) await logIn('patient@bf.test', 'not-the-password', `10.4.0.${i}`);
    expectRateLimited(await logIn('patient@bf.test', PASSWORD, '10.4.1.1'), 15 * 60);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 15 * 60_000 + 1_000 });
    expect((await logIn('patient@bf.test', PASSWORD, '10.4.1.1')).status).toBe(200);
  });

  it('records each failed sign-in with its address for the tenant administrators, never the password tried', async () => {
    const membership = await server.app.store.createInvitation(
      {
        tenantId,
        email: 'member@bf.test',
        role: 'USER',
        tokenHash: 'bf-token',
        invitedById: (await server.app.store.findUserByEmail('admin@bf.test'))!.id,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      { actorId: null, sourceAddress: null },
    );
    const member = await server.app.store.createUser({ email: 'member@bf.test', username: 'Member', passwordHash: await hashPassword(PASSWORD) });
    await server.app.store.acceptInvitation(membership.id, member.id, { actorId: null, sourceAddress: null });
    const tried = 'Secret-Attempt-4821';
    await logIn('member@bf.test', tried, '192.0.2.44');

    const audit = await post(
      server,
      { query: `{ audit_event(where: { action: { _eq: "auth.log_in_failed" } }) { action target_id target_name source_address created } }` },
      { headers: adminSession },
    );
    expect(audit.body.data.audit_event).toEqual([
      expect.objectContaining({ target_id: member.id, target_name: 'member@bf.test', source_address: '192.0.2.44' }),
    ]);
    // Accounts outside the tenant (victim, bystander) are not shown to its administrators.
    expect(audit.raw).not.toContain('victim@bf.test');
    expect((await server.snapshot()).audit_event.some((row) => JSON.stringify(row).includes(tried))).toBe(false);
  });
});

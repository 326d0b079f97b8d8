import { afterEach, describe, expect, it } from 'vitest';
import { generateKey } from '../../src/server/auth/key-format.js';
import { loadConfig } from '../../src/server/config.js';
import { startServer, type Server } from './harness.js';
import { errorCode, post } from './hardening-support.js';

// KEYPLANE_TRUST_PROXY says which X-Forwarded-For entries to believe: a number of
// proxy hops, or the proxies' addresses. A proxy that appends to the header (nginx's
// $proxy_add_x_forwarded_for) passes on whatever the client wrote before its own
// entry, so trusting every hop would let a client choose its address.

const PER_ADDRESS = 5;
const LOG_IN = `mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }`;
const PROXY = '10.0.0.1';
const CLIENT_WRITTEN = '198.51.100.77';
const PROXY_APPENDED = '203.0.113.9';

const servers: Server[] = [];
afterEach(async () => {
  delete process.env.KEYPLANE_TRUST_PROXY;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server started as `npm start` would be, with KEYPLANE_TRUST_PROXY in its environment. */
async function serverWith(trustProxy: string | undefined) {
  if (trustProxy === undefined) delete process.env.KEYPLANE_TRUST_PROXY;
  else process.env.KEYPLANE_TRUST_PROXY = trustProxy;
  const server = await startServer({ authFailuresPerMinute: PER_ADDRESS });
  servers.push(server);
  return server;
}

const badKey = (server: Server, forwardedFor: string, remoteAddress = PROXY) =>
  post(
    server,
    { query: '{ auth_info { user_id } }' },
    { headers: { authorization: `Bearer ${generateKey('kpu_')}`, 'x-forwarded-for': forwardedFor }, remoteAddress },
  );

/** The source address the audit log records for a failed sign-in sent with this header. */
async function recordedAddress(server: Server, forwardedFor: string, remoteAddress = PROXY) {
  const email = `probe-${Math.random().toString(36).slice(2)}@proxy.test`;
  await post(
    server,
    { query: LOG_IN, variables: { input: { email, password: 'wrong-password-1' } } },
    { headers: { 'x-forwarded-for': forwardedFor }, remoteAddress },
  );
  const rows = (await server.snapshot()).audit_event as { target_name: string; source_address: string }[];
  return rows.find((row) => row.target_name === email)?.source_address;
}

describe('KEYPLANE_TRUST_PROXY=1 (one proxy hop)', () => {
  it('records the address the proxy appended, not the one the client wrote', async () => {
    const server = await serverWith('1');
    expect(await recordedAddress(server, `${CLIENT_WRITTEN}, ${PROXY_APPENDED}`)).toBe(PROXY_APPENDED);
  });

  it('limits the address the proxy appended, whatever the client writes before it', async () => {
    const server = await serverWith('1');
    for (let i = 0; i < PER_ADDRESS; i++) expect((await badKey(server, `198.51.100.${i}, ${PROXY_APPENDED}`)).status).toBe(401);
    const refused = await badKey(server, `198.51.100.200, ${PROXY_APPENDED}`);
    expect(refused.status).toBe(429);
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    // Another client behind the same proxy is its own address.
    expect((await badKey(server, `${CLIENT_WRITTEN}, 203.0.113.10`)).status).toBe(401);
  });

  it('takes a burst of 100 bad keys with invented first entries as one address', async () => {
    const server = await serverWith('1');
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => badKey(server, `192.0.2.${i}, ${PROXY_APPENDED}`)));
    expect(results.filter((r) => r.status === 401)).toHaveLength(PER_ADDRESS);
    expect(results.filter((r) => r.status === 429)).toHaveLength(100 - PER_ADDRESS);
  });
});

describe('KEYPLANE_TRUST_PROXY as a list of proxy addresses and ranges', () => {
  it('believes X-Forwarded-For only from the listed proxies, and only back to the first address not listed', async () => {
    const server = await serverWith('10.0.0.1, 172.16.0.0/12');
    expect(await recordedAddress(server, `${CLIENT_WRITTEN}, ${PROXY_APPENDED}`)).toBe(PROXY_APPENDED);
    // Two proxies in a row, both listed.
    expect(await recordedAddress(server, `${CLIENT_WRITTEN}, ${PROXY_APPENDED}, 172.16.5.5`)).toBe(PROXY_APPENDED);
    // A client that reaches the server directly cannot claim an address.
    expect(await recordedAddress(server, `${CLIENT_WRITTEN}, ${PROXY_APPENDED}`, '192.0.2.50')).toBe('192.0.2.50');
  });
});

describe('without KEYPLANE_TRUST_PROXY', () => {
  it('ignores X-Forwarded-For', async () => {
    const server = await serverWith(undefined);
    expect(await recordedAddress(server, `${CLIENT_WRITTEN}, ${PROXY_APPENDED}`)).toBe(PROXY);
  });
});

describe('reading KEYPLANE_TRUST_PROXY', () => {
  const configWith = (value: string) => {
    process.env.KEYPLANE_TRUST_PROXY = value;
    return loadConfig().trustProxy;
  };

  it('takes a hop count or a list, and off for unset, empty and 0', () => {
    expect(configWith('1')).toBe(1);
    expect(configWith(' 2 ')).toBe(2);
    expect(configWith('10.0.0.1,10.0.0.0/8')).toEqual(['10.0.0.1', '10.0.0.0/8']);
    expect(configWith('::1, fd00::/8 ,loopback')).toEqual(['::1', 'fd00::/8', 'loopback']);
    expect(configWith('0')).toBe(false);
    expect(configWith('')).toBe(false);
    delete process.env.KEYPLANE_TRUST_PROXY;
    expect(loadConfig().trustProxy).toBe(false);
  });

  it('refuses to trust every hop, and says what to write instead', async () => {
    for (const value of ['true', 'TRUE', 'all', '*', 'yes']) {
      expect(() => configWith(value), value).toThrow(/KEYPLANE_TRUST_PROXY.*every.*number of proxies|KEYPLANE_TRUST_PROXY.*addresses/s);
    }
    process.env.KEYPLANE_TRUST_PROXY = 'all';
    await expect(startServer()).rejects.toThrow(/KEYPLANE_TRUST_PROXY/);
  });

  it('refuses what is neither a hop count nor addresses', () => {
    for (const value of ['-1', '1.5', '10.0.0.1,nonsense', '10.0.0.0/33', '300.1.1.1']) {
      expect(() => configWith(value), value).toThrow(/KEYPLANE_TRUST_PROXY/);
    }
  });
});

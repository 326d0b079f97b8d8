import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateKey, USER_KEY_PREFIX } from '../../src/server/auth/key-format.js';
import { describePostgres, freshDatabaseUrl } from '../support/postgres.js';
import {
  addMember,
  addServiceAccount,
  agent,
  bootstrap,
  createKey,
  data,
  logIn,
  post,
  startInstance,
  until,
  load,
  type Instance,
  type Sample,
  type Session,
} from './instances-support.js';

// Two `keyplane serve` processes on one PostgreSQL database, over real HTTP. 50 clients
// use a credential through both, round robin, while it is withdrawn on one of them:
// requests that started before the withdrawal's answer came back may go either way;
// every request that starts after it must be refused, on both.

const CLIENTS = 50;
/** Successful requests each client makes before the withdrawal. */
const BEFORE_PER_CLIENT = 3;
/** Requests each client starts after the withdrawal answered (half on each instance). */
const AFTER_PER_CLIENT = 4;
/** The address limit the instances run with (the default). */
const AUTH_FAILURES_PER_MINUTE = 30;
const LOGIN_FAILURES_PER_ACCOUNT = 10;

let databaseUrl = '';
let a: Instance;
let b: Instance;
let admin: Session & { tenantId: string };
let db: pg.Client;

// Each client sends its own address (the instances trust the loopback proxy), so that the
// refusals after a withdrawal do not run into one shared address's failure limit.
let addressBlock = 0;
const addresses = () => {
  const block = ++addressBlock;
  return (client: number) => ({ 'x-forwarded-for': `10.${block}.${client >> 8}.${client & 255}` });
};
/** Each client sends the key from an address of its own, in a block no other test uses. */
const keyFromEachClient = (key: string) => {
  const address = addresses();
  return (client: number) => ({ ...bearer(key), ...address(client) });
};

beforeAll(async () => {
  databaseUrl = await freshDatabaseUrl();
  const env = {
    KEYPLANE_TRUST_PROXY: '127.0.0.1',
    KEYPLANE_AUTH_FAILURES_PER_MINUTE: String(AUTH_FAILURES_PER_MINUTE),
    KEYPLANE_LOGIN_FAILURES_PER_ACCOUNT: String(LOGIN_FAILURES_PER_ACCOUNT),
  };
  // Both at once: their migrations meet on the advisory lock.
  [a, b] = await Promise.all([startInstance('A', databaseUrl, env), startInstance('B', databaseUrl, env)]);
  admin = await bootstrap(a);
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
}, 120_000);

afterAll(async () => {
  agent.destroy();
  await db?.end();
  await Promise.all([a?.stop(), b?.stop()]);
});

const USE_KEY = { query: '{ auth_info { api_key_id role } }' };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

interface Withdrawal {
  /** The request every client sends, and its headers. */
  body: unknown;
  headers: (client: number) => Record<string, string>;
  /** Whether an answer is one the credential should no longer get. */
  granted: (sample: Sample) => boolean;
  /** Withdraws the credential; resolves when the answer has come back. */
  withdraw: () => Promise<void>;
}

/** Runs the load through both instances while `withdraw` runs; returns the counts and the withdrawal's duration. */
async function withdrawnUnderLoad({ body, headers, granted, withdraw }: Withdrawal) {
  // Open every client's connections to both instances first: opened one by one under load, they trickle in.
  await Promise.all(Array.from({ length: CLIENTS }, (_, client) => Promise.all([post(a, body, headers(client)), post(b, body, headers(client))])));
  const running = load([a, b], CLIENTS, body, headers);
  await until(() => running.perClient.every((samples) => samples.filter(granted).length >= BEFORE_PER_CLIENT), 'every client has been served');
  const withdrawStart = performance.now();
  await withdraw();
  const withdrawn = performance.now();
  await until(
    () => running.perClient.every((samples) => samples.filter((s) => s.start > withdrawn).length >= AFTER_PER_CLIENT),
    'every client has tried again on both instances',
  );
  const samples = await running.stop();
  const after = samples.filter((s) => s.start > withdrawn);
  const leaked = after.filter(granted);
  expect(samples.filter((s) => s.start < withdrawStart && granted(s)).length).toBeGreaterThanOrEqual(CLIENTS * BEFORE_PER_CLIENT);
  expect(after.length).toBeGreaterThanOrEqual(CLIENTS * AFTER_PER_CLIENT);
  expect(
    leaked.map((s) => JSON.stringify(s.body)),
    `${leaked.length} of ${after.length} requests that started after the withdrawal were served`,
  ).toEqual([]);
  const unexpected = samples.filter((s) => ![200, 401, 429].includes(s.status));
  expect(
    unexpected.map((s) => `${s.status} ${JSON.stringify(s.body)}`),
    'every answer is a success, a refusal or the address limit',
  ).toEqual([]);
  return { total: samples.length, after: after.length, withdrawMs: withdrawn - withdrawStart };
}

const served = (sample: Sample) => sample.status === 200 && Boolean(sample.body?.data?.auth_info?.api_key_id);

describePostgres('two keyplane serve processes on one PostgreSQL database', () => {
  it('revocation on one instance: no request that starts after its answer is served by either', async () => {
    const { id, key } = await createKey(a, admin, admin.userId);
    const result = await withdrawnUnderLoad({
      body: USE_KEY,
      headers: keyFromEachClient(key),
      granted: served,
      withdraw: async () => {
        const answer = await data(
          post(
            a,
            { query: 'mutation ($input: delete_api_key_input!) { delete_api_key(input: $input) { success } }', variables: { input: { key_id: id } } },
            admin.headers,
          ),
        );
        expect(answer.delete_api_key).toEqual({ success: true });
      },
    });
    console.log(
      `revocation across two instances: ${result.total} requests, ${result.after} after the answer, none served; delete_api_key took ${result.withdrawMs.toFixed(1)} ms`,
    );
  });

  it('expiry: a key is refused by both instances from its expiry on', async () => {
    const expiresAt = Date.now() + 4_000;
    const { key } = await createKey(a, admin, admin.userId, new Date(expiresAt).toISOString());
    const address = addresses();
    const running = load([a, b], CLIENTS, USE_KEY, (client) => ({ ...bearer(key), ...address(client) }));
    await until(() => running.perClient.every((samples) => samples.filter(served).length >= BEFORE_PER_CLIENT), 'every client has been served');
    // performance.now() of the expiry: the samples' clock.
    const expiry = performance.now() + (expiresAt - Date.now());
    await until(
      () => running.perClient.every((samples) => samples.filter((s) => s.start > expiry).length >= AFTER_PER_CLIENT),
      'every client has tried after expiry',
    );
    const samples = await running.stop();
    const leaked = samples.filter((s) => s.start > expiry && served(s));
    expect(leaked).toEqual([]);
    expect(samples.filter((s) => s.start > expiry).length).toBeGreaterThanOrEqual(CLIENTS * AFTER_PER_CLIENT);
  });

  it("member removal on one instance revokes the member's keys on both at once", async () => {
    const member = await addMember(b, admin, 'USER');
    const { key } = await createKey(b, { ...member.session, headers: { ...member.session.headers, 'x-tenant-id': admin.tenantId } }, member.session.userId);
    await withdrawnUnderLoad({
      body: USE_KEY,
      headers: keyFromEachClient(key),
      granted: served,
      withdraw: async () => {
        const answer = await data(
          post(
            a,
            {
              query: 'mutation ($input: delete_membership_input!) { delete_membership(input: $input) { success } }',
              variables: { input: { membership_id: member.membershipId } },
            },
            admin.headers,
          ),
        );
        expect(answer.delete_membership).toEqual({ success: true });
      },
    });
  });

  it("role change on one instance: a demoted administrator's key loses administrators' answers on both at once", async () => {
    const second = await addMember(a, admin, 'TENANT_ADMIN');
    const inTenant = { ...second.session, headers: { ...second.session.headers, 'x-tenant-id': admin.tenantId } };
    const { key } = await createKey(a, inTenant, second.session.userId);
    // A service account's key: administrators see it in the list, other members do not.
    const account = await addServiceAccount(a, admin);
    await createKey(a, admin, account);
    const body = {
      query: 'query ($account: uuid!) { auth_info { api_key_id role } auth_api_key_aggregate(where: { user_id: { _eq: $account } }) { aggregate { count } } }',
      variables: { account },
    };
    const asAdmin = (sample: Sample) =>
      sample.status === 200 && (sample.body?.data?.auth_info?.role === 'TENANT_ADMIN' || sample.body?.data?.auth_api_key_aggregate?.aggregate?.count > 0);
    await withdrawnUnderLoad({
      body,
      headers: keyFromEachClient(key),
      granted: asAdmin,
      withdraw: async () => {
        const answer = await data(
          post(
            b,
            {
              query: 'mutation ($input: set_membership_role_input!) { set_membership_role(input: $input) { id } }',
              variables: { input: { membership_id: second.membershipId, role: 'USER' } },
            },
            admin.headers,
          ),
        );
        expect(answer.set_membership_role).toEqual({ id: second.membershipId });
      },
    });
    // Still a member, now as a user: the key works, with a user's answers.
    const after = await data(post(b, body, bearer(key)));
    expect(after.auth_info).toMatchObject({ role: 'USER' });
  });

  it('service-account removal on one instance revokes its keys on both at once', async () => {
    const account = await addServiceAccount(b, admin);
    const { key } = await createKey(b, admin, account);
    await withdrawnUnderLoad({
      body: USE_KEY,
      headers: keyFromEachClient(key),
      granted: served,
      withdraw: async () => {
        const answer = await data(
          post(
            a,
            {
              query: 'mutation ($input: delete_service_account_input!) { delete_service_account(input: $input) { success } }',
              variables: { input: { user_id: account } },
            },
            admin.headers,
          ),
        );
        expect(answer.delete_service_account).toEqual({ success: true });
      },
    });
  });

  it('a key made on one instance works on the other at once', async () => {
    for (let i = 0; i < 5; i++) {
      const { id, key } = await createKey(i % 2 ? a : b, admin, admin.userId);
      const answer = await data(post(i % 2 ? b : a, USE_KEY, bearer(key)));
      expect(answer.auth_info).toMatchObject({ api_key_id: id });
    }
  });

  it('a session made on one instance works on the other, and signing out on that one ends it on both', async () => {
    const member = await addMember(a, admin, 'USER');
    const session = await logIn(a, member.email);
    const me = await data(post(b, { query: '{ user { id } }' }, session.headers));
    expect(me.user).toEqual([{ id: session.userId }]);
    await data(post(b, { query: 'mutation { log_out { success } }' }, session.headers));
    const afterOnA = await post(a, { query: '{ user { id } }' }, session.headers);
    expect(afterOnA.status).toBe(401);
    expect(afterOnA.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a guesser of keys who alternates between the instances is stopped after as many failures as against one', async () => {
    const failuresUntilStopped = async (instances: Instance[], address: string) => {
      for (let attempt = 0; attempt < 3 * AUTH_FAILURES_PER_MINUTE; attempt++) {
        const answer = await post(instances[attempt % instances.length], USE_KEY, { ...bearer(generateKey(USER_KEY_PREFIX)), 'x-forwarded-for': address });
        if (answer.status === 429) return attempt;
        expect(answer.status).toBe(401);
      }
      return Infinity;
    };
    expect(await failuresUntilStopped([a], '192.0.2.10')).toBe(AUTH_FAILURES_PER_MINUTE);
    expect(await failuresUntilStopped([a, b], '192.0.2.11')).toBe(AUTH_FAILURES_PER_MINUTE);
    // A burst spread over both at once gets no more checks.
    const burst = await Promise.all(
      Array.from({ length: 2 * AUTH_FAILURES_PER_MINUTE }, (_, i) =>
        post(i % 2 ? a : b, USE_KEY, { ...bearer(generateKey(USER_KEY_PREFIX)), 'x-forwarded-for': '192.0.2.12' }),
      ),
    );
    expect(burst.filter((answer) => answer.status === 401)).toHaveLength(AUTH_FAILURES_PER_MINUTE);
    expect(burst.filter((answer) => answer.status === 429)).toHaveLength(AUTH_FAILURES_PER_MINUTE);
  });

  it("a password guesser who alternates between the instances is stopped after the account's limit", async () => {
    const member = await addMember(a, admin, 'USER');
    let stoppedAfter = Infinity;
    for (let attempt = 0; attempt < 3 * LOGIN_FAILURES_PER_ACCOUNT; attempt++) {
      // A new address each time: the account's own limit is the one that must hold.
      const answer = await post(
        attempt % 2 ? a : b,
        {
          query: 'mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }',
          variables: { input: { email: member.email, password: `wrong guess ${attempt}` } },
        },
        { 'x-forwarded-for': `198.51.100.${attempt}` },
      );
      const error = answer.body?.errors?.[0];
      if (error?.extensions?.code === 'RATE_LIMITED') {
        stoppedAfter = attempt;
        break;
      }
      expect(error?.message).toBe('Wrong email or password.');
    }
    expect(stoppedAfter).toBe(LOGIN_FAILURES_PER_ACCOUNT);
  });

  it('last_used_at: the later use is kept, whichever instance writes last', async () => {
    const { id, key } = await createKey(a, admin, admin.userId);
    const third = await startInstance('C', databaseUrl);
    try {
      // B notes the earlier use and writes it about a second later; C notes a later use and writes it at once, as it stops.
      await data(post(b, USE_KEY, bearer(key)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const later = new Date().toISOString();
      await data(post(third, USE_KEY, bearer(key)));
      await third.stop();
      const stored = async () =>
        (await db.query<{ last_used_at: string | null }>('SELECT last_used_at FROM api_key WHERE id = $1', [id])).rows[0]?.last_used_at;
      expect(((await stored()) ?? '') >= later, `stored ${await stored()}, later use ${later}`).toBe(true);
      // B's earlier use has been written by now (its batch goes a second after the use)...
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      // ...and did not take the stored value back.
      expect(((await stored()) ?? '') >= later, `stored ${await stored()}, later use ${later}`).toBe(true);
    } finally {
      await third.stop();
    }
  });
});

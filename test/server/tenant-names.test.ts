import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameKey, sameName } from '../../src/shared/names.js';
import { buildWorld, startServer, usesSettled, type Auth, type Server, type World } from './harness.js';

// A person's tenants have names they can tell apart in the tenant menu: creating or
// renaming one to the name of another of theirs is refused, compared as a reader sees
// names (case, full-width letters, ligatures, runs of spaces). Other people's tenants
// do not count: a refusal for them would tell the caller a name they may not see.

let server: Server;
let world: World;
let admin: Auth;

const CREATE = `mutation ($input: create_tenant_input!) { create_tenant(input: $input) { id slug } }`;
const RENAME = `mutation ($input: update_tenant_name_input!) { update_tenant_name(input: $input) { id name } }`;

beforeAll(async () => {
  server = await startServer();
  world = await buildWorld(server);
  admin = { cookie: world.sessions.admin };
});
afterAll(() => server.close());

const create = (name: string, auth: Auth = admin) => server.gql(CREATE, { input: { name } }, auth);
const rename = (tenantId: string, name: string, auth: Auth = admin) => server.gql(RENAME, { input: { tenant_id: tenantId, name } }, auth);

/** The refusal's code, field and message, or the data when there was none. */
function outcome(result: Awaited<ReturnType<Server['gql']>>) {
  if (!result.errors) return result.data;
  const [error] = result.errors;
  return { code: error.extensions?.code, field: error.extensions?.field, message: error.message };
}

const refusal = (name: string) => ({ code: 'BAD_USER_INPUT', field: 'name', message: `You already belong to a tenant named ${name}.` });

describe('the shared comparison of names', () => {
  it('takes case, compatibility forms, ligatures and runs of spaces as the same name', () => {
    const alike: [string, string][] = [
      ['Acme', 'ACME'],
      ['Acme', 'acme'],
      ['Ａｃｍｅ', 'Acme'],
      ['ﬁnance', 'Finance'],
      ['Straße', 'STRASSE'],
      ['ΟΔΟΣ', 'οδος'],
      ['Zoë', 'Zoe\u0308'],
      ['Acme  Corp', 'acme corp'],
    ];
    for (const [a, b] of alike) expect({ a, b, same: sameName(a, b) }).toEqual({ a, b, same: true });
  });

  it('keeps names that read differently apart', () => {
    const different: [string, string][] = [
      ['Acme', 'Acme 2'],
      ['Acme', 'Acne'],
      ['Zoë', 'Zoe'],
      ['AcmeCorp', 'Acme Corp'],
    ];
    for (const [a, b] of different) expect({ a, b, same: sameName(a, b) }).toEqual({ a, b, same: false });
  });

  it('is stable: the key of a key is itself', () => {
    for (const name of ['Straße', 'ＡＣＭＥ', 'İstanbul', 'ﬃ', 'Ǆ']) expect(nameKey(nameKey(name))).toBe(nameKey(name));
  });
});

describe('create_tenant', () => {
  it('refuses the name of a tenant the caller belongs to, exactly or in another case or form, and changes nothing', async () => {
    const before = await server.snapshot();
    for (const name of ['Tenant A', 'tenant a', 'TENANT A', 'Ｔｅｎａｎｔ Ａ', '  Tenant   A ']) {
      expect({ name, outcome: outcome(await create(name)) }).toEqual({ name, outcome: refusal('Tenant A') });
    }
    // A member who is no administrator of it cannot reuse the name either: it is in their menu too.
    expect(outcome(await create('tenant a', { cookie: world.sessions.reader }))).toEqual(refusal('Tenant A'));
    expect(usesSettled(before, await server.snapshot())).toEqual(before);
  });

  it('allows the name of a tenant only someone else belongs to, and tells nothing about it', async () => {
    // Tenant B is Bob's alone.
    const created = await create('Tenant B');
    expect(created.errors).toBeUndefined();
    const names = (await server.rows<{ name: string }>('SELECT name FROM tenant ORDER BY created')).map((row) => row.name);
    expect(names.filter((name) => name === 'Tenant B')).toHaveLength(2);
    // And Bob, who is no member of Tenant A, may have one of that name too.
    expect((await create('tenant a', { cookie: world.sessions.adminB })).errors).toBeUndefined();
  });

  it('allows a name that only resembles one of the caller’s tenants', async () => {
    expect((await create('Tenant A2')).errors).toBeUndefined();
  });
});

describe('update_tenant_name', () => {
  it("refuses the name of the caller's other tenant, in any case, and changes nothing", async () => {
    const side = await create('Side Project');
    expect(side.errors).toBeUndefined();
    const key = world.keys.admin.key;
    const before = await server.snapshot();
    expect(outcome(await rename(world.ids.tenantA, 'Side Project'))).toEqual(refusal('Side Project'));
    expect(outcome(await rename(world.ids.tenantA, 'side project'))).toEqual(refusal('Side Project'));
    // The same with the administrator's key, which acts in Tenant A alone but is still theirs.
    expect(outcome(await rename(world.ids.tenantA, 'SIDE PROJECT', { key }))).toEqual(refusal('Side Project'));
    expect(outcome(await rename(side.data.create_tenant.id, 'Tenant A'))).toEqual(refusal('Tenant A'));
    expect(usesSettled(before, await server.snapshot())).toEqual(before);
  });

  it('allows the same name in another case, and a name only another person’s tenant has', async () => {
    expect(outcome(await rename(world.ids.tenantA, 'TENANT A'))).toEqual({ update_tenant_name: { id: world.ids.tenantA, name: 'TENANT A' } });
    expect(outcome(await rename(world.ids.tenantA, 'Tenant A'))).toEqual({ update_tenant_name: { id: world.ids.tenantA, name: 'Tenant A' } });
    const own = await create('Own Corner', { cookie: world.sessions.adminB });
    expect(own.errors).toBeUndefined();
    const renamed = await rename(own.data.create_tenant.id, 'Side Project', { cookie: world.sessions.adminB });
    expect(outcome(renamed)).toEqual({ update_tenant_name: { id: own.data.create_tenant.id, name: 'Side Project' } });
  });

  it('checks who may rename before the name: an outsider learns nothing from it', async () => {
    const result = await rename(world.ids.tenantA, 'Tenant B', { cookie: world.sessions.adminB });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNameText, MAX_NAME_LENGTH } from '../../src/shared/names.js';
import { buildWorld, CREATE_KEY, startServer, type Server, type World } from './harness.js';

// Names people read in lists and audit logs: a name that looks empty, or looks like
// another because of a character nobody can see, is refused by the API and the form.

const INVISIBLE_ONLY = {
  'zero-width spaces': '\u200B\u200B',
  'a word joiner': '\u2060',
  'a soft hyphen': '\u00AD',
  'a Hangul filler': '\u3164',
  'a halfwidth Hangul filler': '\uFFA0',
  'a Braille blank': '\u2800',
  'tag characters': '\u{E0061}\u{E0062}',
  'combining marks alone': '\u0301\u0308',
  'a byte-order mark': '\uFEFF',
  'a variation selector': '\uFE0F',
};

const LOOKALIKES = {
  'a zero-width space inside': 'ad\u200Bmin',
  'a word joiner inside': 'ad\u2060min',
  'a soft hyphen inside': 'ad\u00ADmin',
  'a zero-width joiner between letters': 'ad\u200Dmin',
  'a zero-width non-joiner': 'ad\u200Cmin',
  'a line separator inside': 'deploy\u2028key',
  'a paragraph separator inside': 'deploy\u2029key',
  'a no-break space': 'deploy\u00A0key',
  'an ideographic space': 'deploy\u3000key',
  'a Hangul filler inside': 'ad\u3164min',
  'a Braille blank inside': 'deploy\u2800key',
  'a tag character inside': 'admin\u{E0020}',
  'a combining grapheme joiner': 'ad\u034Fmin',
  'a variation selector after a letter': 'admin\uFE0F',
  'a private-use character': 'admin\uE000',
  'an unassigned code point': 'admin\u0378',
  'a right-to-left mark': 'rtl\u200Fmark',
};

describe('the shared name rule', () => {
  it.each(Object.entries(INVISIBLE_ONLY))('refuses a name of %s', (_label, name) => {
    expect(checkNameText(name).ok).toBe(false);
  });

  it.each(Object.entries(LOOKALIKES))('refuses a name with %s', (_label, name) => {
    expect(checkNameText(name)).toEqual({ ok: false, problem: 'unsafe' });
  });

  it('says a name of marks alone has no visible character', () => {
    expect(checkNameText('\u0301\u0308')).toEqual({ ok: false, problem: 'invisible' });
  });

  it('accepts names in every script, emoji sequences included, normalised to NFC', () => {
    for (const name of ['CI deploy', 'Ключ для CI', '鍵', 'مفتاح', 'क्लाउड', '👩‍👩‍👧‍👦 family', '❤️ prod', '🏳️‍🌈', '👩🏽‍💻 dev', '1️⃣ first', 'Zoë']) {
      expect({ name, check: checkNameText(name) }).toEqual({ name, check: { ok: true, name: name.normalize('NFC') } });
    }
    expect(checkNameText('Zoe\u0308')).toEqual({ ok: true, name: 'Zo\u00EB' });
  });

  it(`counts characters, not UTF-16 units: ${MAX_NAME_LENGTH} emoji fit, ${MAX_NAME_LENGTH + 1} do not`, () => {
    expect(checkNameText('🔑'.repeat(MAX_NAME_LENGTH)).ok).toBe(true);
    expect(checkNameText('🔑'.repeat(MAX_NAME_LENGTH + 1))).toEqual({ ok: false, problem: 'too_long' });
  });
});

describe('the API refuses invisible names and lookalikes, changing nothing', () => {
  let server: Server;
  let world: World;
  beforeAll(async () => {
    server = await startServer();
    world = await buildWorld(server);
  });
  afterAll(() => server.close());

  const operations = {
    'create_api_key.name': (name: string) => ({ query: CREATE_KEY, variables: { input: { user_id: world.ids.admin, name } }, field: 'name' }),
    'create_service_account.name': (name: string) => ({
      query: 'mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }',
      variables: { input: { tenant_id: world.ids.tenantA, name } },
      field: 'name',
    }),
    'create_tenant.name': (name: string) => ({
      query: 'mutation ($input: create_tenant_input!) { create_tenant(input: $input) { id } }',
      variables: { input: { name } },
      field: 'name',
    }),
  };

  for (const [operation, request] of Object.entries(operations)) {
    it(`${operation}: every invisible name and lookalike is BAD_USER_INPUT on the field`, async () => {
      const before = await server.snapshot();
      for (const [label, name] of Object.entries({ ...INVISIBLE_ONLY, ...LOOKALIKES })) {
        const { query, variables, field } = request(name);
        const result = await server.gql(query, variables, { cookie: world.sessions.admin });
        const { code, field: named } = result.errors?.[0]?.extensions ?? {};
        expect({ label, code, field: named }).toEqual({ label, code: 'BAD_USER_INPUT', field });
      }
      expect(await server.snapshot()).toEqual(before);
    });
  }

  it('stores a name in NFC, so the same name typed two ways reads the same', async () => {
    const created = await server.gql(CREATE_KEY, { input: { user_id: world.ids.admin, name: 'Zoe\u0308 key' } }, { cookie: world.sessions.admin });
    const listed = await server.gql(
      `query ($id: uuid!) { auth_api_key(where: { id: { _eq: $id } }) { name } }`,
      { id: created.data.create_api_key.id },
      { cookie: world.sessions.admin },
    );
    expect(listed.data.auth_api_key[0].name).toBe('Zo\u00EB key');
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { scriptsOfIndexHtml } from '../../scripts/bundle-report.js';
import { buildWorld, CREATE_KEY, startServer, type Server, type World } from './harness.js';

// Compression: the build's .br and .gz files are sent by Accept-Encoding (with Vary),
// answers of 1 KB or more are compressed on the fly, and no mutation's answer is, so
// a key or an invitation token never shares a compressed answer with text an attacker
// chose (BREACH; docs/security.md). The build side (a .br and a .gz per file) is held
// by test/server/bundle-budget.test.ts, which builds.

const ENTRY = 'assets/index-Abc123.js';
const PRELOAD = 'assets/vendor-Def456.js';
const INDEX_HTML = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Keyplane</title>
<script type="module" crossorigin src="/${ENTRY}"></script>
<link rel="modulepreload" crossorigin href="/${PRELOAD}">
</head><body><div id="root"></div>${'<!-- padding -->'.repeat(80)}</body></html>`;
const SCRIPT = `export const answer = ${JSON.stringify('the app '.repeat(5000))};\n`;

let uiDir: string;
let dataDir: string;
let app: FastifyInstance;

/** A built UI as vite.config.ts writes it: every file with its .br and .gz beside it. */
function writeBuild(dir: string) {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  for (const [file, text] of [
    ['index.html', INDEX_HTML],
    [ENTRY, SCRIPT],
    [PRELOAD, SCRIPT.replace('app', 'vendor')],
  ]) {
    writeFileSync(join(dir, file), text);
    writeFileSync(join(dir, `${file}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, `${file}.gz`), gzipSync(text));
  }
}

beforeAll(async () => {
  uiDir = mkdtempSync(join(tmpdir(), 'keyplane-ui-'));
  dataDir = mkdtempSync(join(tmpdir(), 'keyplane-compression-'));
  writeBuild(uiDir);
  app = await buildApp({ dataDir, uiDir });
});
afterAll(async () => {
  await app.close();
  rmSync(uiDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: { accept: 'text/html,*/*', ...(acceptEncoding !== undefined && { 'accept-encoding': acceptEncoding }) } });

describe('the built assets', () => {
  it('send the entry script of index.html as Brotli to a browser that accepts it, with Vary: Accept-Encoding', async () => {
    const page = await get('/', 'gzip, deflate, br');
    expect(page.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(page.rawPayload).toString();
    expect(html).toBe(INDEX_HTML);

    // The entry script as a browser finds it: from the page's own <script type="module">.
    writeFileSync(join(uiDir, 'served.html'), html);
    const [entry] = scriptsOfIndexHtml(uiDir, 'served.html').entry;
    expect(entry).toBe(`/${ENTRY}`);
    const script = await get(entry, 'gzip, deflate, br');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-encoding']).toBe('br');
    expect(String(script.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(script.rawPayload).toString()).toBe(SCRIPT);
    // The build's file as it is: sent, not compressed again.
    expect(script.rawPayload.length).toBe(brotliCompressSync(SCRIPT).length);
  });

  it('send gzip to a client that accepts only gzip, and the file itself to one that accepts neither, varying on Accept-Encoding each time', async () => {
    const gzip = await get(`/${PRELOAD}`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toContain('the vendor');
    for (const plain of [await get(`/${PRELOAD}`, 'identity'), await get(`/${PRELOAD}`)]) {
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(String(plain.headers.vary).toLowerCase()).toContain('accept-encoding');
      expect(plain.body).toContain('the vendor');
    }
  });

  it('send the app page for client routes compressed too', async () => {
    const route = await get('/acme/user/keys', 'br');
    expect(route.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(route.rawPayload).toString()).toBe(INDEX_HTML);
  });
});

describe('answers compressed on the fly', () => {
  let server: Server;
  let world: World;
  beforeAll(async () => {
    server = await startServer({ responseCacheMb: 0 });
    world = await buildWorld(server);
    for (let i = 0; i < 20; i++) await world.createKey(world.sessions.admin, world.ids.admin, `padding key number ${i}`);
  }, 60_000);
  afterAll(() => server.close());

  const post = (payload: unknown, headers: Record<string, string>) =>
    server.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip', ...headers },
    });

  it('compress a query answer of 1 KB or more, and leave a smaller one alone', async () => {
    const list = await post(
      { query: '{ auth_api_key { id name key_hint created expires_at tenant { slug } } }' },
      { authorization: `Bearer ${world.keys.admin.key}` },
    );
    expect(list.headers['content-encoding']).toBe('br');
    expect(String(list.headers.vary).toLowerCase()).toContain('accept-encoding');
    const body = brotliDecompressSync(list.rawPayload).toString();
    expect(body.length).toBeGreaterThan(1024);
    expect(JSON.parse(body).data.auth_api_key.length).toBeGreaterThan(20);

    const small = await post({ query: '{ auth_info { user_id } }' }, { authorization: `Bearer ${world.keys.admin.key}` });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it("never compress a mutation's answer: a key or an invitation token beside text the caller chose", async () => {
    // Aliases and a long name make the answers well over the 1 KB threshold, and
    // reflect what the caller wrote beside the secret: BREACH's setting.
    const chosen = 'k'.repeat(90);
    const aliases = Array.from({ length: 15 }, (_, i) => `${chosen}${i}: __typename`).join(' ');
    const createKey = await post(
      {
        query: `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key token ${aliases} } }`,
        variables: { input: { user_id: world.ids.admin, name: chosen } },
      },
      { authorization: `Bearer ${world.keys.admin.key}` },
    );
    expect(createKey.statusCode).toBe(200);
    expect(createKey.body.length).toBeGreaterThan(1024);
    expect(createKey.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(createKey.body).data.create_api_key.key).toMatch(/^kpu_/);

    const invite = await post(
      {
        query: `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id token ${aliases} } }`,
        variables: { input: { tenant_id: world.ids.tenantA, email: `${'x'.repeat(40)}@invited.test`, role: 'USER' } },
      },
      { authorization: `Bearer ${world.keys.admin.key}` },
    );
    expect(invite.statusCode).toBe(200);
    expect(invite.body.length).toBeGreaterThan(1024);
    expect(invite.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(invite.body).data.create_membership_invitation.token).toBeTruthy();

    // Through the harness's own path too (no Accept-Encoding): unchanged.
    const plain = await server.gql(CREATE_KEY, { input: { user_id: world.ids.admin, name: 'plain' } }, { key: world.keys.admin.key });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });
});

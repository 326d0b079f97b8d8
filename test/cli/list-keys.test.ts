import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/cli/api-client.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { listKeys } from '../../src/cli/operations.js';
import { openSqlite } from '../../src/server/store/open-store.js';
import { runKeyplane, temporaryHome } from './helpers.js';
import { startKeyplaneServer, type KeyplaneServer } from './keyplane-server.js';

// `keyplane auth list-keys` lists every key, page by page, or the newest --limit N and
// says how many it left out.

let server: KeyplaneServer;
let home: ReturnType<typeof temporaryHome>;
const keyplane = (argv: string[]) => runKeyplane(argv, { home: home.dir });

beforeAll(async () => {
  server = await startKeyplaneServer();
  for (let i = 0; i < 4; i++) await server.createKey(server.adminUserId, `key ${i}`);
});
afterAll(() => server.close());
beforeEach(async () => {
  home = temporaryHome();
  expect((await keyplane(['auth', 'login', '--key', server.adminKey, '--api', server.url])).code).toBe(ExitCode.OK);
});
afterEach(() => home.cleanup());

const client = () => new ApiClient({ endpoint: `${server.url}/graphql`, key: server.adminKey });
/** Every key's name, newest first, as the server orders them. */
const names = async () => (await listKeys(client())).keys.map((key) => key.name);
const keyCount = async () =>
  (await server.graphql({ key: server.adminKey }, '{ auth_api_key_aggregate { aggregate { count } } }')).auth_api_key_aggregate.aggregate.count as number;

describe('list-keys --limit', () => {
  it('shows the newest N, and says how many there are and how to see them all', async () => {
    const total = await keyCount();
    const run = await keyplane(['auth', 'list-keys', '--limit', '2']);
    expect(run.code).toBe(ExitCode.OK);
    const [header, ...rest] = run.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^NAME\s+ID/);
    const [first, second] = await names();
    expect(rest).toEqual([
      expect.stringMatching(`^${first}\\s`),
      expect.stringMatching(`^${second}\\s`),
      `Showing the newest 2 of ${total} keys; leave out --limit to list them all.`,
    ]);
  });

  it('keeps standard output one JSON value with --json, and says it on standard error', async () => {
    const run = await keyplane(['auth', 'list-keys', '--limit', '3', '--json']);
    expect(run.code).toBe(ExitCode.OK);
    expect((JSON.parse(run.stdout) as { name: string }[]).map((key) => key.name)).toEqual((await names()).slice(0, 3));
    expect(run.stderr).toContain(`Showing the newest 3 of ${await keyCount()} keys`);
  });

  it('says nothing more when the limit left nothing out', async () => {
    const run = await keyplane(['auth', 'list-keys', '--limit', '1000']);
    expect(run.code).toBe(ExitCode.OK);
    expect(run.output).not.toContain('Showing');
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1 + (await keyCount()));
  });

  it('refuses a limit that is not a whole number of keys (usage error)', async () => {
    for (const limit of ['0', '-1', '2.5', 'all']) {
      const run = await keyplane(['auth', 'list-keys', '--limit', limit]);
      expect(run.code, limit).toBe(ExitCode.USAGE);
      expect(run.stderr, limit).toContain('the limit is a whole number of keys');
    }
  });
});

describe('list-keys without --limit', () => {
  it('reads page after page until a short one, each key once', async () => {
    const { keys, total } = await listKeys(client(), { pageSize: 2 });
    expect(total).toBe(await keyCount());
    expect(keys).toHaveLength(total);
    expect(new Set(keys.map((key) => key.id)).size).toBe(total);
    expect(keys.map((key) => key.name)).toEqual(await names());
    expect((await listKeys(client(), { pageSize: 2, max: 3 })).keys.map((key) => key.name)).toEqual((await names()).slice(0, 3));
  });

  it("lists every key, past the server's 1,000-row page", async () => {
    // Written straight to the database: the API allows 1,000 active keys per account.
    // A second connection, as another process would write: the server notices its commits (SqliteChangeFeed).
    const database = await openSqlite(join(server.dataDir, 'keyplane.db'));
    const store = database.store;
    try {
      const audit = { actorId: null, sourceAddress: null };
      for (let i = 0; i < 1_001; i++) {
        await store.createApiKey(
          {
            id: randomUUID(),
            name: `bulk ${i}`,
            keyHash: randomUUID(),
            keyHint: 'kpu_abcd',
            userId: server.adminUserId,
            tenantId: server.tenantId,
            createdById: server.adminUserId,
            expiresAt: null,
          },
          audit,
        );
      }
    } finally {
      await database.close();
    }
    const total = await keyCount();
    expect(total).toBeGreaterThan(1_001);
    const run = await keyplane(['auth', 'list-keys', '--json']);
    expect(run.code).toBe(ExitCode.OK);
    const listed = JSON.parse(run.stdout) as { id: string }[];
    expect(listed).toHaveLength(total);
    expect(new Set(listed.map((key) => key.id)).size).toBe(total);
    expect(run.stderr).toBe('');
  });
});

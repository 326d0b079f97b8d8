// npm run bench -- --store postgres: the same requests on PostgreSQL and on SQLite, side
// by side in one run (each row in slices alternating with the baseline's, and each
// PostgreSQL row against its SQLite row in alternating slices too), then the latency of
// a revocation while 50 clients use a key through two instances on one database.
// PostgreSQL is a server this run starts in a temporary directory (as the tests do:
// test/support/postgres-server.ts), or the one KEYPLANE_BENCH_POSTGRES_URL names (a
// database is created there). Results go into bench/results/latest.json under "postgres".
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/server/store/open-store.js';
import { createDatabase, findPostgresBinaries, startPostgres, type StartedPostgres } from '../test/support/postgres-server.js';
import { load, post as postTo } from '../test/server/instances-support.js';
import { AUTH_INFO, LIST_PAGE_WITH_COUNT, bearerInRotation, createKey, isAuthInfo, isCreated, isFullPage } from './requests.js';
import { keyChurn, measureAgainst, type Measurement, type Scenario, type Timing } from './load.js';
import { startBaseline, startKeyplane, type ServerProcess } from './processes.js';
import { formatTable, type Row } from './report.js';
import { BenchSeeder, FIRST_USE_KEYS } from './seed.js';

const RESULTS_FILE = fileURLToPath(new URL('results/latest.json', import.meta.url));
const CONNECTIONS = 50;
const KEYS = 1_000;
const REVOCATIONS = 20;

const log = (message: string) => process.stderr.write(`${message}\n`);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2);
};

async function postgresServer(): Promise<{ url: string; server: StartedPostgres | null }> {
  const name = `keyplane_bench_${Date.now().toString(36)}`;
  const existing = process.env.KEYPLANE_BENCH_POSTGRES_URL;
  if (existing) return { url: await createDatabase(existing, name), server: null };
  const binaries = findPostgresBinaries();
  if (!binaries) throw new Error('No PostgreSQL server binaries found (initdb, postgres); install postgresql or set KEYPLANE_BENCH_POSTGRES_URL.');
  const server = await startPostgres(binaries);
  return { url: await createDatabase(server.url, name), server };
}

export async function runPostgresBench(timing: Timing, commit: string | null): Promise<void> {
  const loadBefore = loadavg();
  const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-bench-pg-'));
  const { url, server: postgres } = await postgresServer();
  const servers: ServerProcess[] = [];
  const rows: Row[] = [];
  const comparisons: Record<string, number> = {};
  let revocation: Record<string, number> = {};
  try {
    log(
      `Seeding a tenant with ${KEYS.toLocaleString('en')} keys in SQLite and in PostgreSQL (${postgres ? `PostgreSQL ${postgres.version}, started for this run` : 'KEYPLANE_BENCH_POSTGRES_URL'}), and another with ${FIRST_USE_KEYS.toLocaleString('en')} service-account keys...`,
    );
    const seeded: Record<string, { adminKey: string; writerKey: string; adminId: string; serviceAccountId: string; firstUseKeys: string[] }> = {};
    for (const [store, databaseUrl] of [
      ['sqlite', null],
      ['postgres', url],
    ] as const) {
      const database = await openStore({ databaseUrl, dataDir });
      try {
        const seeder = BenchSeeder.on(database);
        const tenant = await seeder.createTenant('bench');
        await seeder.addKeys(tenant, KEYS - 2);
        // Keys for auth_info with keys not yet remembered, in a tenant of their own so that the page keeps its 1,000.
        const firstUseKeys = await seeder.addServiceAccountKeys(await seeder.createTenant('bench-first-use'), FIRST_USE_KEYS);
        seeded[store] = {
          adminKey: tenant.adminKey,
          writerKey: tenant.writerKey,
          adminId: tenant.admin.id,
          serviceAccountId: tenant.serviceAccounts[0].id,
          firstUseKeys,
        };
      } finally {
        await database.close();
      }
    }

    const baseline = await startBaseline();
    servers.push(baseline);
    const start = async (store: 'sqlite' | 'postgres', savedAnswers: boolean) => {
      const server = await startKeyplane(dataDir, {
        name: `keyplane ${store}${savedAnswers ? '' : ' (saved answers off)'}`,
        env: {
          // create_api_key makes thousands of keys for one owner.
          KEYPLANE_MAX_KEYS_PER_OWNER: '10000000',
          // The revocation run checks each revoked key once per instance, all from one address.
          KEYPLANE_AUTH_FAILURES_PER_MINUTE: '1000000',
          ...(store === 'postgres' && { KEYPLANE_DATABASE_URL: url }),
          ...(!savedAnswers && { KEYPLANE_RESPONSE_CACHE_MB: '0' }),
        },
      });
      servers.push(server);
      return server;
    };
    const sqlite = await start('sqlite', true);
    const sqliteOff = await start('sqlite', false);
    const pg = await start('postgres', true);
    const pgOff = await start('postgres', false);

    const baselineScenario: Scenario = {
      id: 'baseline',
      label: 'baseline',
      url: baseline.url,
      pid: baseline.pid,
      connections: CONNECTIONS,
      body: AUTH_INFO,
      verifyBody: isAuthInfo,
    };
    const scenario = (
      server: ServerProcess,
      store: 'sqlite' | 'postgres',
      id: string,
      label: string,
      body: string,
      verifyBody: (body: string) => boolean,
      connections = CONNECTIONS,
      key: 'adminKey' | 'writerKey' = 'adminKey',
    ): Scenario => ({
      id: `${store}_${id}`,
      label: `${label}, ${store === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
      url: `${server.url}/graphql`,
      pid: server.pid,
      connections,
      headers: { authorization: `Bearer ${seeded[store][key]}` },
      body,
      verifyBody,
    });
    const paired = async (s: Scenario) => {
      const { scenario: m, baseline: base, ratio } = await measureAgainst(baselineScenario, s, timing);
      rows.push(row(m, base, ratio));
      log(
        `  ${m.label}: ${m.requestsPerSecond} req/s (baseline ${base.requestsPerSecond}, ${(ratio * 100).toFixed(0)}%), p50 ${m.latencyP50Ms} ms, p99 ${m.latencyP99Ms} ms, CPU ${m.serverCpuMicrosPerRequest} µs/req${m.failures ? `, ${m.failures} FAILED` : ''}`,
      );
    };
    const sideBySide = async (id: string, sqliteScenario: Scenario, pgScenario: Scenario) => {
      await paired(sqliteScenario);
      await paired(pgScenario);
      // PostgreSQL against SQLite directly, in alternating slices.
      const { ratio } = await measureAgainst(sqliteScenario, pgScenario, timing);
      comparisons[`${id}_postgres_vs_sqlite`] = +ratio.toFixed(3);
      log(`  ${id}: PostgreSQL at ${(ratio * 100).toFixed(0)}% of SQLite's rate, measured alternately`);
    };

    log('auth_info with a Bearer key');
    await sideBySide(
      'auth_info',
      scenario(sqlite, 'sqlite', 'auth_info', 'auth_info, Bearer key', AUTH_INFO, isAuthInfo),
      scenario(pg, 'postgres', 'auth_info', 'auth_info, Bearer key', AUTH_INFO, isAuthInfo),
    );
    await sideBySide(
      'auth_info_uncached',
      scenario(sqliteOff, 'sqlite', 'auth_info_uncached', 'auth_info, remembered key, saved answers off', AUTH_INFO, isAuthInfo),
      scenario(pgOff, 'postgres', 'auth_info_uncached', 'auth_info, remembered key, saved answers off', AUTH_INFO, isAuthInfo),
    );
    log('the 50-key list page and its count, saved answers off');
    await sideBySide(
      'list_uncached',
      scenario(
        sqliteOff,
        'sqlite',
        'list_count_uncached',
        `list page + count, saved answers off, ${KEYS.toLocaleString('en')} keys`,
        LIST_PAGE_WITH_COUNT,
        isFullPage,
      ),
      scenario(
        pgOff,
        'postgres',
        'list_count_uncached',
        `list page + count, saved answers off, ${KEYS.toLocaleString('en')} keys`,
        LIST_PAGE_WITH_COUNT,
        isFullPage,
      ),
    );
    log('the list page and its count, saved answers on, with a key created or revoked every 100 ms by another client');
    // The writes are not counted as requests; their CPU on the server is in the row's (bench/load.ts, keyChurn).
    const withWrites = (server: ServerProcess, store: 'sqlite' | 'postgres'): Scenario => ({
      ...scenario(
        server,
        store,
        'list_count_writes',
        `list page + count, a write every 100 ms, ${KEYS.toLocaleString('en')} keys`,
        LIST_PAGE_WITH_COUNT,
        isFullPage,
      ),
      background: keyChurn({ url: `${server.url}/graphql`, headers: { authorization: `Bearer ${seeded[store].writerKey}` } }, seeded[store].serviceAccountId),
    });
    await sideBySide('list_writes', withWrites(sqlite, 'sqlite'), withWrites(pg, 'postgres'));
    log(`auth_info with ${FIRST_USE_KEYS.toLocaleString('en')} keys in turn, none remembered (bench/seed.ts says why), saved answers off`);
    // Once through the keys before each warm-up: their uses are written then, not while measured (as in bench/run.ts).
    const firstUse = (server: ServerProcess, store: 'sqlite' | 'postgres'): Scenario => ({
      ...scenario(server, store, 'auth_info_first_use_uncached', 'auth_info, keys not yet remembered, saved answers off', AUTH_INFO, isAuthInfo),
      headers: {},
      headersFor: bearerInRotation(seeded[store].firstUseKeys),
      primingRequests: FIRST_USE_KEYS,
    });
    await sideBySide('auth_info_first_use_uncached', firstUse(sqliteOff, 'sqlite'), firstUse(pgOff, 'postgres'));
    log('create_api_key, ten clients');
    await sideBySide(
      'create_10',
      scenario(sqlite, 'sqlite', 'create_10', 'create_api_key, 10 clients', createKey(seeded.sqlite.adminId), isCreated, 10, 'writerKey'),
      scenario(pg, 'postgres', 'create_10', 'create_api_key, 10 clients', createKey(seeded.postgres.adminId), isCreated, 10, 'writerKey'),
    );

    // The SQLite servers and the saved-answers-off one are done: the revocation run gets the machine.
    for (const done of [sqlite, sqliteOff, pgOff]) await done.stop();
    log(`revocation while ${CONNECTIONS} clients use a key: one instance, then two on one database`);
    revocation = { ...(await revocationRun([pg], seeded.postgres, 'one')) };
    const second = await start('postgres', true);
    revocation = { ...revocation, ...(await revocationRun([pg, second], seeded.postgres, 'two')) };
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const results = {
    date: new Date().toISOString(),
    commit,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version },
    loadAverage: { before: loadBefore.map((l) => +l.toFixed(2)), after: loadavg().map((l) => +l.toFixed(2)) },
    method: { connections: CONNECTIONS, keys: KEYS, pairedBaseline: true, ...timing },
    measurements: rows,
    comparisons,
    revocation,
  };
  const previous = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...previous, postgres: results }, null, 2)}\n`);

  console.log('');
  console.log(formatTable(rows));
  console.log('');
  for (const [id, ratio] of Object.entries(comparisons)) console.log(`${id}: ${Math.round(ratio * 100)}%`);
  console.log(`\nRevocation under load: ${JSON.stringify(revocation)}`);
  console.log(`Wrote the "postgres" part of bench/results/latest.json.`);
  if (rows.some((r) => r.failures > 0)) {
    console.error('Some requests failed: the numbers above are not valid.');
    process.exitCode = 1;
  }
}

function row(m: Measurement, base: Measurement, ratio: number): Row {
  return {
    ...m,
    baselineRequestsPerSecond: base.requestsPerSecond,
    ratioToBaseline: +ratio.toFixed(3),
    cpuRatioToBaseline:
      base.serverCpuMicrosPerRequest && m.serverCpuMicrosPerRequest ? +(base.serverCpuMicrosPerRequest / m.serverCpuMicrosPerRequest).toFixed(3) : null,
  };
}

/**
 * CONNECTIONS clients use the administrator's key through the instances (round robin)
 * while REVOCATIONS keys are made and revoked on the first, one after another: how long
 * delete_api_key takes to answer (which includes every instance's acknowledgement), and
 * what the clients' requests took meanwhile.
 */
async function revocationRun(instances: ServerProcess[], seeded: { adminKey: string; adminId: string }, label: string): Promise<Record<string, number>> {
  const admin = { authorization: `Bearer ${seeded.adminKey}` };
  const running = load(instances, CONNECTIONS, { query: '{ auth_info { api_key_id } }' }, () => admin);
  const revokeMs: number[] = [];
  try {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (let i = 0; i < REVOCATIONS; i++) {
      const made = await postTo(
        instances[0],
        { query: `mutation { create_api_key(input: { user_id: "${seeded.adminId}", name: "revoked" }) { id key } }` },
        admin,
      );
      const { id, key } = made.body.data.create_api_key as { id: string; key: string };
      // Known to every instance before it goes: each has it remembered.
      for (const instance of instances) await postTo(instance, { query: '{ auth_info { api_key_id } }' }, { authorization: `Bearer ${key}` });
      const started = performance.now();
      const revoked = await postTo(instances[0], { query: `mutation { delete_api_key(input: { key_id: "${id}" }) { success } }` }, admin);
      revokeMs.push(performance.now() - started);
      if (!revoked.body.data?.delete_api_key?.success) throw new Error(`revocation failed: ${JSON.stringify(revoked.body)}`);
      for (const instance of instances) {
        const after = await postTo(instance, { query: '{ auth_info { api_key_id } }' }, { authorization: `Bearer ${key}` });
        if (after.status !== 401) throw new Error(`a revoked key answered ${after.status} on ${instance.url}`);
      }
    }
  } finally {
    await running.stop();
  }
  const all = running.perClient.flat();
  const failed = all.filter((s) => s.status !== 200).length;
  if (failed > 0) throw new Error(`${failed} of the clients' ${all.length} requests failed`);
  const samples = all.map((s) => s.ms);
  log(
    `  ${label} instance(s): delete_api_key p50 ${percentile(revokeMs, 50)} ms, max ${percentile(revokeMs, 100)} ms; clients' requests p50 ${percentile(samples, 50)} ms, p99 ${percentile(samples, 99)} ms (${samples.length})`,
  );
  return {
    [`${label}_instances_revoke_p50_ms`]: percentile(revokeMs, 50),
    [`${label}_instances_revoke_max_ms`]: percentile(revokeMs, 100),
    [`${label}_instances_requests_p50_ms`]: percentile(samples, 50),
    [`${label}_instances_requests_p99_ms`]: percentile(samples, 99),
  };
}

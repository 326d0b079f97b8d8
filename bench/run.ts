// npm run bench: measures the production server against bare node:http on this
// machine, prints a table and writes bench/results/latest.json. See docs/performance.md.
//
//   npm run bench                 full run (about 3 minutes)
//   npm run bench -- --quick      2 s warm-up, 3 s measured: for trying changes
//   npm run bench -- --profile    also writes a V8 CPU profile of the server to bench/results/profiles/
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, type Measurement, type Scenario, type Timing } from './load.js';
import { rssMegabytes, startBaseline, startKeyplane } from './processes.js';
import { BenchSeeder, type BenchTenant } from './seed.js';
import { evaluateTargets, formatTable, formatTargets } from './report.js';

const RESULTS_DIR = fileURLToPath(new URL('results/', import.meta.url));
const CONNECTIONS = 50;
const SMALL_TENANT_KEYS = 1_000;
const LARGE_TENANT_KEYS = 100_000;

const args = new Set(process.argv.slice(2));
const timing: Timing = args.has('--quick') ? { warmupSeconds: 2, measureSeconds: 3 } : { warmupSeconds: 3, measureSeconds: 8 };

const AUTH_INFO = JSON.stringify({ query: '{ auth_info { user_id tenant_id } }' });
const LIST_PAGE = JSON.stringify({
  query: `{ auth_api_key(limit: 50, order_by: {created: desc}) {
    id name key_hint created updated expires_at last_used_at default_tenant_id user_id
    user { id username account_type } created_by { id username } tenant { id name slug } } }`,
});
const LIST_PAGE_WITH_COUNT = JSON.stringify({
  query: `{ auth_api_key(limit: 50, order_by: {created: desc}) {
    id name key_hint created updated expires_at last_used_at default_tenant_id user_id
    user { id username account_type } created_by { id username } tenant { id name slug } }
    auth_api_key_aggregate { aggregate { count } } }`,
});
const createKey = (userId: string) =>
  JSON.stringify({ query: `mutation { create_api_key(input: { user_id: "${userId}", name: "bench-created" }) { id key } }` });

const isAuthInfo = (body: string) => body.startsWith('{"data":{"auth_info":{"user_id":"');
const isFullPage = (body: string) => body.startsWith('{"data":{"auth_api_key":[{') && !body.includes('"errors"');
const isCreated = (body: string) => body.startsWith('{"data":{"create_api_key":{"id":"');

async function post(url: string, key: string, body: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
  const json = await response.json();
  if (response.status !== 200 || json.errors) throw new Error(`Sanity check failed (${response.status}): ${JSON.stringify(json).slice(0, 500)}`);
  return json.data;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

async function main() {
  const loadBefore = loadavg();
  log(`Keyplane bench: ${cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, ${timing.warmupSeconds} s warm-up + ${timing.measureSeconds} s measured per row`);
  const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-bench-'));
  const profileDir = args.has('--profile') ? join(RESULTS_DIR, 'profiles') : undefined;
  const measurements: Measurement[] = [];
  const record = (m: Measurement) => {
    measurements.push(m);
    log(`  ${m.label}: ${m.requestsPerSecond} req/s, p50 ${m.latencyP50Ms} ms, p99 ${m.latencyP99Ms} ms, RSS ${m.serverRssPeakMb} MB, server CPU ${m.serverCpuMicrosPerRequest} µs/req${m.failures ? `, ${m.failures} FAILED` : ''}`);
  };

  const seeder = new BenchSeeder(join(dataDir, 'keyplane.db'));
  let keyplane: Awaited<ReturnType<typeof startKeyplane>> | null = null;
  let idleRssMb: number | null = null;
  const seeding: Record<string, number> = {};
  try {
    log(`Seeding a tenant with ${SMALL_TENANT_KEYS} keys...`);
    const tenant: BenchTenant = await seeder.createTenant('bench');
    await seeder.addKeys(tenant, SMALL_TENANT_KEYS - 2);
    seeding.small = (await seeder.counts(tenant)).table;

    log('(a) baseline: bare node:http');
    const baseline = await startBaseline();
    try {
      record(await measure({ id: 'baseline', label: '(a) bare node:http, fixed JSON', url: baseline.url, pid: baseline.pid, connections: CONNECTIONS, body: AUTH_INFO, verifyBody: isAuthInfo }, timing));
    } finally {
      await baseline.stop();
    }

    keyplane = await startKeyplane(dataDir, { cpuProfileDir: profileDir });
    idleRssMb = rssMegabytes(keyplane.pid);
    const graphqlUrl = `${keyplane.url}/graphql`;
    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
    const me = await post(keyplane.url, tenant.adminKey, AUTH_INFO);
    if (me.auth_info.user_id !== tenant.admin.id) throw new Error('auth_info answered for the wrong user');
    const page = await post(keyplane.url, tenant.adminKey, LIST_PAGE);
    if (page.auth_api_key.length !== 50) throw new Error(`the list page has ${page.auth_api_key.length} keys, not 50`);

    const listScenario = (id: string, label: string, body: string): Scenario => ({
      id, label, url: graphqlUrl, pid: keyplane!.pid, connections: CONNECTIONS, headers: bearer(tenant.adminKey), body, verifyBody: isFullPage,
    });

    log('(b) auth_info with a Bearer key');
    record(await measure({ id: 'auth_info', label: '(b) auth_info, Bearer key', url: graphqlUrl, pid: keyplane.pid, connections: CONNECTIONS, headers: bearer(tenant.adminKey), body: AUTH_INFO, verifyBody: isAuthInfo }, timing));

    const small = await seeder.counts(tenant);
    log(`(c) list page, ${small.table} keys in the table, ${small.visible} on the administrator's page`);
    record(await measure(listScenario('list_1k', `(c) auth_api_key page, ${small.table.toLocaleString('en')} keys`, LIST_PAGE), timing));
    record(await measure(listScenario('list_count_1k', `    + aggregate count, ${small.table.toLocaleString('en')} keys`, LIST_PAGE_WITH_COUNT), timing));

    log(`Seeding ${(LARGE_TENANT_KEYS - small.table).toLocaleString('en')} more keys into the same tenant...`);
    const seedStart = Date.now();
    await seeder.addKeys(tenant, LARGE_TENANT_KEYS - small.table);
    const large = await seeder.counts(tenant);
    seeding.large = large.table;
    seeding.largeSeedSeconds = Math.round((Date.now() - seedStart) / 100) / 10;
    log(`(c) list page, ${large.table} keys in the table, ${large.visible} on the administrator's page`);
    record(await measure(listScenario('list_100k', `(c) auth_api_key page, ${large.table.toLocaleString('en')} keys`, LIST_PAGE), timing));
    record(await measure(listScenario('list_count_100k', `    + aggregate count, ${large.table.toLocaleString('en')} keys`, LIST_PAGE_WITH_COUNT), timing));

    log('(d) create_api_key');
    const created = await post(keyplane.url, tenant.writerKey, createKey(tenant.admin.id));
    if (!created.create_api_key.key) throw new Error('create_api_key returned no key');
    for (const connections of [1, 10]) {
      record(await measure({
        id: `create_${connections}`,
        label: `(d) create_api_key, ${connections} client${connections > 1 ? 's' : ''}`,
        url: graphqlUrl, pid: keyplane.pid, connections, headers: bearer(tenant.writerKey), body: createKey(tenant.admin.id), verifyBody: isCreated,
      }, timing));
    }
  } finally {
    await keyplane?.stop();
    seeder.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const baselineRps = measurements[0].requestsPerSecond;
  const baselineCpu = measurements[0].serverCpuMicrosPerRequest;
  const loadAfter = loadavg();
  const targets = evaluateTargets(measurements);
  const results = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryMb: Math.round(totalmem() / 2 ** 20), node: process.version },
    loadAverage: { before: loadBefore.map((l) => +l.toFixed(2)), after: loadAfter.map((l) => +l.toFixed(2)) },
    method: { loadGenerator: 'autocannon (in-process, same machine)', connections: CONNECTIONS, ...timing },
    seeding,
    serverIdleRssMb: idleRssMb === null ? null : Math.round(idleRssMb),
    measurements: measurements.map((m) => ({
      ...m,
      ratioToBaseline: +(m.requestsPerSecond / baselineRps).toFixed(3),
      // What the ratio would be with a core to itself: the baseline's CPU per request over this row's.
      cpuRatioToBaseline: baselineCpu && m.serverCpuMicrosPerRequest ? +(baselineCpu / m.serverCpuMicrosPerRequest).toFixed(3) : null,
    })),
    targets,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log('');
  console.log(formatTable(results.measurements));
  console.log('');
  console.log(formatTargets(targets));
  console.log(`\nLoad average before ${results.loadAverage.before.join(' ')}, after ${results.loadAverage.after.join(' ')}; ${results.machine.cpus} CPUs, Node ${process.version}.`);
  console.log(`Wrote bench/results/latest.json${profileDir ? `; CPU profile in ${profileDir}` : ''}.`);
  if (measurements.some((m) => m.failures > 0)) {
    console.error('Some requests failed: the numbers above are not valid.');
    process.exitCode = 1;
  }
}

await main();

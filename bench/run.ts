// npm run bench: measures the production server against bare node:http on this
// machine, prints a table and writes bench/results/latest.json. See docs/performance.md.
//
//   npm run bench                 full run (about 6 minutes)
//   npm run bench -- --quick      1 s warm-up, 3 s measured: for trying changes
//   npm run bench -- --profile    also writes a V8 CPU profile of the server to bench/results/profiles/
//   npm run bench -- --store postgres   PostgreSQL and SQLite side by side, and revocation across two instances (bench/postgres.ts)
//
// The machine's speed drifts (other work, CPU frequency): every row is measured in
// slices that alternate with the baseline's, and its ratio is the median of the
// slices' ratios.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTH_INFO, LIST_PAGE, LIST_PAGE_WITH_COUNT, createKey, isAuthInfo, isCreated, isFullPage } from './requests.js';
import { measureAgainst, type Measurement, type Scenario, type Timing } from './load.js';
import { rssMegabytes, startBaseline, startFloor, startKeyplane, type ServerProcess } from './processes.js';
import { BenchSeeder, type BenchTenant } from './seed.js';
import { evaluateTargets, formatTable, formatTargets, type Row } from './report.js';
import { runPostgresBench } from './postgres.js';

const RESULTS_DIR = fileURLToPath(new URL('results/', import.meta.url));
const CONNECTIONS = 50;
const SMALL_TENANT_KEYS = 1_000;
const LARGE_TENANT_KEYS = 100_000;

const args = new Set(process.argv.slice(2));
const timing: Timing = args.has('--quick') ? { warmupSeconds: 1, measureSeconds: 3, rounds: 2 } : { warmupSeconds: 2, measureSeconds: 8, rounds: 4 };

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

type PairedMeasurement = Measurement & { baseline: Measurement; ratio: number };

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

async function main() {
  const loadBefore = loadavg();
  log(
    `Keyplane bench: ${cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, ${timing.warmupSeconds} s warm-up + ${timing.measureSeconds} s measured per row, in ${timing.rounds} slices alternating with the baseline's`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-bench-'));
  const profileDir = args.has('--profile') ? join(RESULTS_DIR, 'profiles') : undefined;
  const measurements: PairedMeasurement[] = [];
  const servers: ServerProcess[] = [];

  const seeder = await BenchSeeder.open(join(dataDir, 'keyplane.db'));
  let idleRssMb: number | null = null;
  const seeding: Record<string, number> = {};
  const comparisons: Record<string, number> = {};
  try {
    // Two tenants in one database, so that the 1,000- and 100,000-key pages can be measured
    // side by side, in alternating slices, with the same table under both.
    log(`Seeding a tenant with ${SMALL_TENANT_KEYS.toLocaleString('en')} keys and another with ${LARGE_TENANT_KEYS.toLocaleString('en')}...`);
    const seedStart = Date.now();
    const tenant: BenchTenant = await seeder.createTenant('bench');
    await seeder.addKeys(tenant, SMALL_TENANT_KEYS - 2);
    const largeTenant: BenchTenant = await seeder.createTenant('bench-large');
    await seeder.addKeys(largeTenant, LARGE_TENANT_KEYS - 2);
    const small = await seeder.counts(tenant);
    const large = await seeder.counts(largeTenant);
    Object.assign(seeding, { small: small.tenant, large: large.tenant, table: large.table, seedSeconds: Math.round((Date.now() - seedStart) / 100) / 10 });

    const baseline = await startBaseline();
    servers.push(baseline);
    // (d) creates tens of thousands of the administrator's keys: far past the default limit of 1,000 live keys per owner.
    const keyplane = await startKeyplane(dataDir, { cpuProfileDir: profileDir, env: { KEYPLANE_MAX_KEYS_PER_OWNER: '100000000' } });
    servers.push(keyplane);
    idleRssMb = rssMegabytes(keyplane.pid);
    // The same server with saved answers off: what a first or changed request costs.
    const uncached = await startKeyplane(dataDir, { name: 'keyplane (saved answers off)', env: { KEYPLANE_RESPONSE_CACHE_MB: '0' } });
    servers.push(uncached);

    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
    const me = await post(keyplane.url, tenant.adminKey, AUTH_INFO);
    if (me.auth_info.user_id !== tenant.admin.id) throw new Error('auth_info answered for the wrong user');
    const page = await post(keyplane.url, tenant.adminKey, LIST_PAGE);
    if (page.auth_api_key.length !== 50) throw new Error(`the list page has ${page.auth_api_key.length} keys, not 50`);
    // The same bytes from bare node:http: the ceiling for an answer this size on this machine.
    const pageFile = join(dataDir, 'page.json');
    writeFileSync(pageFile, JSON.stringify({ data: page }));
    const pageBaseline = await startBaseline(pageFile);
    servers.push(pageBaseline);

    const baselineScenario: Scenario = {
      id: 'baseline',
      label: '(a) bare node:http, fixed JSON',
      url: baseline.url,
      pid: baseline.pid,
      connections: CONNECTIONS,
      body: AUTH_INFO,
      verifyBody: isAuthInfo,
    };
    const pairedMeasure = async (scenario: Scenario) => {
      const { scenario: m, baseline: base, ratio } = await measureAgainst(baselineScenario, scenario, timing);
      measurements.push({ ...m, baseline: base, ratio });
      log(
        `  ${m.label}: ${m.requestsPerSecond} req/s (baseline alongside: ${base.requestsPerSecond}, ratio ${(ratio * 100).toFixed(0)}%), p50 ${m.latencyP50Ms} ms, p99 ${m.latencyP99Ms} ms, RSS ${m.serverRssPeakMb} MB, server CPU ${m.serverCpuMicrosPerRequest} µs/req${m.failures ? `, ${m.failures} FAILED` : ''}`,
      );
    };
    const on = (server: ServerProcess) => ({ url: `${server.url}/graphql`, pid: server.pid, connections: CONNECTIONS });
    const list = (server: ServerProcess, id: string, label: string, body: string): Scenario => ({
      id,
      label,
      ...on(server),
      headers: bearer(tenant.adminKey),
      body,
      verifyBody: isFullPage,
    });

    const floor = await startFloor();
    servers.push(floor);
    log('(b) auth_info with a Bearer key');
    await pairedMeasure({
      id: 'floor',
      label: '(a) Fastify + Mercurius (JIT), constant answer',
      url: `${floor.url}/graphql`,
      pid: floor.pid,
      connections: CONNECTIONS,
      body: AUTH_INFO,
      verifyBody: isAuthInfo,
    });
    await pairedMeasure({
      id: 'auth_info',
      label: '(b) auth_info, Bearer key',
      ...on(keyplane),
      headers: bearer(tenant.adminKey),
      body: AUTH_INFO,
      verifyBody: isAuthInfo,
    });
    await pairedMeasure({
      id: 'auth_info_uncached',
      label: '    saved answers off',
      ...on(uncached),
      headers: bearer(tenant.adminKey),
      body: AUTH_INFO,
      verifyBody: isAuthInfo,
    });

    log(
      `(c) list pages: ${small.tenant} keys in one tenant (${small.visible} on its administrator's page), ${large.tenant} in another (${large.visible}); ${large.table} in the table`,
    );
    const smallLabel = small.tenant.toLocaleString('en');
    const largeLabel = large.tenant.toLocaleString('en');
    const largeList = (server: ServerProcess, id: string, label: string, body: string): Scenario => ({
      ...list(server, id, label, body),
      headers: bearer(largeTenant.adminKey),
    });
    await pairedMeasure({
      id: 'baseline_page',
      label: `(a) bare node:http, the list page's answer (${Math.round(JSON.stringify({ data: page }).length / 1024)} KB)`,
      url: pageBaseline.url,
      pid: pageBaseline.pid,
      connections: CONNECTIONS,
      body: LIST_PAGE,
      verifyBody: isFullPage,
    });
    await pairedMeasure(list(keyplane, 'list_1k', `(c) auth_api_key page, ${smallLabel} keys in the tenant`, LIST_PAGE));
    await pairedMeasure(largeList(keyplane, 'list_100k', `(c) auth_api_key page, ${largeLabel} keys in the tenant`, LIST_PAGE));
    await pairedMeasure(list(keyplane, 'list_count_1k', `    + aggregate count, ${smallLabel} keys`, LIST_PAGE_WITH_COUNT));
    await pairedMeasure(largeList(keyplane, 'list_count_100k', `    + aggregate count, ${largeLabel} keys`, LIST_PAGE_WITH_COUNT));
    await pairedMeasure(list(uncached, 'list_count_1k_uncached', `    + count, saved answers off, ${smallLabel} keys`, LIST_PAGE_WITH_COUNT));
    await pairedMeasure(largeList(uncached, 'list_count_100k_uncached', `    + count, saved answers off, ${largeLabel} keys`, LIST_PAGE_WITH_COUNT));
    // 100,000 against 1,000 directly, in alternating slices: the machine's drift cancels out.
    for (const [id, server, body] of [
      ['list', keyplane, LIST_PAGE],
      ['list_count_uncached', uncached, LIST_PAGE_WITH_COUNT],
    ] as const) {
      const { ratio } = await measureAgainst(list(server, `${id}_1k`, '', body), largeList(server, `${id}_100k`, '', body), timing);
      comparisons[`${id}_100k_vs_1k`] = +ratio.toFixed(3);
      log(`  ${id}: 100,000 keys at ${(ratio * 100).toFixed(0)}% of the 1,000-key rate, measured alternately`);
    }

    log('(d) create_api_key');
    const created = await post(keyplane.url, tenant.writerKey, createKey(tenant.admin.id));
    if (!created.create_api_key.key) throw new Error('create_api_key returned no key');
    for (const connections of [1, 10]) {
      await pairedMeasure({
        id: `create_${connections}`,
        label: `(d) create_api_key, ${connections} client${connections > 1 ? 's' : ''}`,
        url: `${keyplane.url}/graphql`,
        pid: keyplane.pid,
        connections,
        headers: bearer(tenant.writerKey),
        body: createKey(tenant.admin.id),
        verifyBody: isCreated,
      });
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await seeder.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const baselines = measurements.map((m) => m.baseline);
  const medianBaseline = [...baselines].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(baselines.length / 2)];
  const rows: Row[] = [
    { ...medianBaseline, label: `${medianBaseline.label} (median of ${baselines.length})`, ratioToBaseline: 1, cpuRatioToBaseline: 1 },
    ...measurements.map(({ baseline, ratio, ...m }) => ({
      ...m,
      baselineRequestsPerSecond: baseline.requestsPerSecond,
      ratioToBaseline: +ratio.toFixed(3),
      // What the ratio would be with a core to itself: the baseline's CPU per request over this row's.
      cpuRatioToBaseline:
        baseline.serverCpuMicrosPerRequest && m.serverCpuMicrosPerRequest
          ? +(baseline.serverCpuMicrosPerRequest / m.serverCpuMicrosPerRequest).toFixed(3)
          : null,
    })),
  ];
  const loadAfter = loadavg();
  const targets = evaluateTargets(rows, comparisons);
  const results = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryMb: Math.round(totalmem() / 2 ** 20), node: process.version },
    loadAverage: { before: loadBefore.map((l) => +l.toFixed(2)), after: loadAfter.map((l) => +l.toFixed(2)) },
    method: { loadGenerator: 'autocannon (in-process, same machine)', connections: CONNECTIONS, pairedBaseline: true, ...timing },
    seeding,
    serverIdleRssMb: idleRssMb === null ? null : Math.round(idleRssMb),
    measurements: rows,
    comparisons,
    baselines: baselines.map((b) => ({ requestsPerSecond: b.requestsPerSecond, serverCpuMicrosPerRequest: b.serverCpuMicrosPerRequest })),
    targets,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log('');
  console.log(formatTable(rows));
  console.log('');
  console.log(formatTargets(targets));
  if (comparisons.list_100k_vs_1k) {
    console.log(
      `\n100,000 keys against 1,000, measured alternately: ${Math.round(comparisons.list_100k_vs_1k * 100)}% of the rate with saved answers, ${Math.round((comparisons.list_count_uncached_100k_vs_1k ?? 0) * 100)}% with them off (page and count).`,
    );
  }
  const pageCeiling = rows.find((r) => r.id === 'baseline_page');
  if (pageCeiling) {
    const of = (id: string) => Math.round((100 * (rows.find((r) => r.id === id)?.ratioToBaseline ?? 0)) / pageCeiling.ratioToBaseline);
    console.log(
      `\nFor scale: bare node:http sending the list page's bytes reaches ${Math.round(pageCeiling.ratioToBaseline * 100)}% of the baseline; the list pages reach ${of('list_1k')}% (1,000 keys) and ${of('list_100k')}% (100,000 keys) of that.`,
    );
  }
  console.log(
    `\nLoad average before ${results.loadAverage.before.join(' ')}, after ${results.loadAverage.after.join(' ')}; ${results.machine.cpus} CPUs, Node ${process.version}.`,
  );
  console.log(`Wrote bench/results/latest.json${profileDir ? `; CPU profile in ${profileDir}` : ''}.`);
  if (measurements.some((m) => m.failures > 0)) {
    console.error('Some requests failed: the numbers above are not valid.');
    process.exitCode = 1;
  }
}

const storeFlag = process.argv.indexOf('--store');
const store = storeFlag === -1 ? 'sqlite' : process.argv[storeFlag + 1];
if (store === 'postgres') await runPostgresBench(timing, gitCommit());
else if (store === 'sqlite') await main();
else throw new Error(`--store ${store}: sqlite (the default) or postgres`);

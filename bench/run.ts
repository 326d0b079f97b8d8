// npm run bench: measures the production server against bare node:http on this
// machine, prints a table and the targets, and writes bench/results/latest.json, with a
// summary of the server's CPU profile on the list page in bench/results/list-profile.txt.
// See docs/performance.md.
//
//   npm run bench                 full run (about 8 minutes)
//   npm run bench -- --quick      1 s warm-up, 2 s measured: for trying changes (about 3 minutes)
//   npm run bench -- --profile    also writes a V8 CPU profile of the server to bench/results/profiles/
//   npm run bench -- --store postgres   PostgreSQL and SQLite side by side, and revocation across two instances (bench/postgres.ts)
//
// The machine's speed drifts (other work, CPU frequency): every row is measured in
// slices that alternate with the baseline's, and its ratio is the median of the
// slices' ratios.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTH_INFO, LIST_PAGE, LIST_PAGE_WITH_COUNT, bearerInRotation, createKey, isAuthInfo, isCreated, isFullPage } from './requests.js';
import { keyChurn, measureAgainst, measureAlone, type Measurement, type Scenario, type Timing } from './load.js';
import { rssMegabytes, startBaseline, startFloor, startKeyplane, startListFloor, type ServerProcess } from './processes.js';
import { BenchSeeder, FIRST_USE_KEYS, type BenchTenant } from './seed.js';
import { summarize, type Profile } from './profile-summary.js';
import { evaluateTargets, formatTable, formatTargets, type Row } from './report.js';
import { runPostgresBench } from './postgres.js';

const RESULTS_DIR = fileURLToPath(new URL('results/', import.meta.url));
const CONNECTIONS = 50;
const SMALL_TENANT_KEYS = 1_000;
const LARGE_TENANT_KEYS = 100_000;
/** Server environment for every Keyplane process: the create rows make tens of thousands of keys for one owner. */
const SERVER_ENV = { KEYPLANE_MAX_KEYS_PER_OWNER: '10000000' };

const args = new Set(process.argv.slice(2));
const timing: Timing = args.has('--quick') ? { warmupSeconds: 1, measureSeconds: 2, rounds: 2 } : { warmupSeconds: 2, measureSeconds: 8, rounds: 4 };

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
  let listProfile: ListProfile | null = null;
  try {
    // Two tenants in one database, so that the 1,000- and 100,000-key pages can be measured
    // side by side, in alternating slices, with the same table under both.
    log(`Seeding a tenant with ${SMALL_TENANT_KEYS.toLocaleString('en')} keys and another with ${LARGE_TENANT_KEYS.toLocaleString('en')}...`);
    const seedStart = Date.now();
    const tenant: BenchTenant = await seeder.createTenant('bench');
    await seeder.addKeys(tenant, SMALL_TENANT_KEYS - 2);
    const largeTenant: BenchTenant = await seeder.createTenant('bench-large');
    await seeder.addKeys(largeTenant, LARGE_TENANT_KEYS - 2);
    log(`Seeding twice ${FIRST_USE_KEYS.toLocaleString('en')} service-account keys in a third tenant, for auth_info with keys not yet remembered...`);
    const firstUseTenant = await seeder.createTenant('bench-first-use');
    const firstUseKeys = await seeder.addServiceAccountKeys(firstUseTenant, 2 * FIRST_USE_KEYS);
    // create_api_key writes into a tenant of its own, so that the pages measured and then
    // profiled keep the keys they were seeded with.
    const createTenant = await seeder.createTenant('bench-create');
    const small = await seeder.counts(tenant);
    const large = await seeder.counts(largeTenant);
    Object.assign(seeding, { small: small.tenant, large: large.tenant, table: large.table, seedSeconds: Math.round((Date.now() - seedStart) / 100) / 10 });

    const baseline = await startBaseline();
    servers.push(baseline);
    const keyplane = await startKeyplane(dataDir, { cpuProfileDir: profileDir, env: SERVER_ENV });
    servers.push(keyplane);
    idleRssMb = rssMegabytes(keyplane.pid);
    // The same server with saved answers off: what a first or changed request costs.
    const uncached = await startKeyplane(dataDir, { name: 'keyplane (saved answers off)', env: { ...SERVER_ENV, KEYPLANE_RESPONSE_CACHE_MB: '0' } });
    servers.push(uncached);

    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
    const me = await post(keyplane.url, tenant.adminKey, AUTH_INFO);
    if (me.auth_info.user_id !== tenant.admin.id) throw new Error('auth_info answered for the wrong user');
    const firstUser = await post(uncached.url, firstUseKeys[0], AUTH_INFO);
    if (firstUser.auth_info.user_id !== firstUseTenant.serviceAccounts[0].id) throw new Error('auth_info answered for the wrong service account');
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
      const background = m.backgroundRequests === undefined ? '' : ` (and ${m.backgroundRequests} writes beside them)`;
      log(
        `  ${m.label}: ${m.requestsPerSecond} req/s (baseline alongside: ${base.requestsPerSecond}, ratio ${(ratio * 100).toFixed(0)}%), p50 ${m.latencyP50Ms} ms, p99 ${m.latencyP99Ms} ms, RSS ${m.serverRssPeakMb} MB, server CPU ${m.serverCpuMicrosPerRequest} µs/req${background}${m.failures ? `, ${m.failures} FAILED` : ''}`,
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
    // Each request presents the next of FIRST_USE_KEYS keys, so that none is remembered
    // (seed.ts says why): every request reads the store to authenticate. Each row has keys
    // of its own, sent once through before its warm-up: their uses are noted and written
    // then (the server writes a key's use at most once a minute), not in the measured
    // slices, of one row and not of the other. With saved answers on, that first time
    // round saves each key's answer, which the measured requests then send.
    const firstUse = (server: ServerProcess, id: string, label: string, keys: string[]): Scenario => ({
      id,
      label,
      ...on(server),
      headersFor: bearerInRotation(keys),
      primingRequests: keys.length,
      body: AUTH_INFO,
      verifyBody: isAuthInfo,
    });
    const firstUseLabel = `${FIRST_USE_KEYS.toLocaleString('en')} keys in turn, none remembered`;
    await pairedMeasure(firstUse(keyplane, 'auth_info_first_use', `    ${firstUseLabel}`, firstUseKeys.slice(0, FIRST_USE_KEYS)));
    await pairedMeasure(firstUse(uncached, 'auth_info_first_use_uncached', `    ${firstUseLabel}, saved answers off`, firstUseKeys.slice(FIRST_USE_KEYS)));

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
    // The floor of the saved-answers-off rows: the same page from the store's queries and
    // JSON.stringify on bare node:http, without Fastify, GraphQL or authentication.
    for (const [t, id, label] of [
      [tenant, 'list_floor_1k', smallLabel],
      [largeTenant, 'list_floor_100k', largeLabel],
    ] as const) {
      const listFloor = await startListFloor(join(dataDir, 'keyplane.db'), t.admin.id, t.tenantId);
      servers.push(listFloor);
      await pairedMeasure({
        id,
        label: `(a) bare node:http + the store's page and count queries + JSON.stringify, ${label} keys`,
        url: listFloor.url,
        pid: listFloor.pid,
        connections: CONNECTIONS,
        body: LIST_PAGE_WITH_COUNT,
        verifyBody: isFullPage,
      });
      await listFloor.stop();
    }
    await pairedMeasure(list(keyplane, 'list_1k', `(c) auth_api_key page, ${smallLabel} keys in the tenant`, LIST_PAGE));
    await pairedMeasure(largeList(keyplane, 'list_100k', `(c) auth_api_key page, ${largeLabel} keys in the tenant`, LIST_PAGE));
    await pairedMeasure(list(keyplane, 'list_count_1k', `    + aggregate count, ${smallLabel} keys`, LIST_PAGE_WITH_COUNT));
    await pairedMeasure(largeList(keyplane, 'list_count_100k', `    + aggregate count, ${largeLabel} keys`, LIST_PAGE_WITH_COUNT));
    await pairedMeasure(list(uncached, 'list_count_1k_uncached', `    + count, saved answers off, ${smallLabel} keys`, LIST_PAGE_WITH_COUNT));
    await pairedMeasure(largeList(uncached, 'list_count_100k_uncached', `    + count, saved answers off, ${largeLabel} keys`, LIST_PAGE_WITH_COUNT));
    // Saved answers on, while another client creates a key for a service account of the
    // tenant, then revokes it, every 100 ms: each write drops the saved answers. The
    // writes are not counted as requests; their CPU on the server is in the row's.
    const churn = (t: BenchTenant) => keyChurn({ url: `${keyplane.url}/graphql`, headers: bearer(t.writerKey) }, t.serviceAccounts[0].id);
    const writesLabel = 'a write every 100 ms';
    await pairedMeasure({
      ...list(keyplane, 'list_count_1k_writes', `    + count, ${writesLabel}, ${smallLabel} keys`, LIST_PAGE_WITH_COUNT),
      background: churn(tenant),
    });
    await pairedMeasure({
      ...largeList(keyplane, 'list_count_100k_writes', `    + count, ${writesLabel}, ${largeLabel} keys`, LIST_PAGE_WITH_COUNT),
      background: churn(largeTenant),
    });
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
    const created = await post(keyplane.url, createTenant.writerKey, createKey(createTenant.admin.id));
    if (!created.create_api_key.key) throw new Error('create_api_key returned no key');
    for (const connections of [1, 10]) {
      await pairedMeasure({
        id: `create_${connections}`,
        label: `(d) create_api_key, ${connections} client${connections > 1 ? 's' : ''}`,
        url: `${keyplane.url}/graphql`,
        pid: keyplane.pid,
        connections,
        headers: bearer(createTenant.writerKey),
        body: createKey(createTenant.admin.id),
        verifyBody: isCreated,
      });
    }

    // After the measured rows, since profiling slows the server down.
    log('(e) where the list page spends its time: a CPU profile, saved answers off, 1,000 keys');
    listProfile = await profileListPage(dataDir, list(uncached, 'list_count_1k_profiled', '', LIST_PAGE_WITH_COUNT), timing.measureSeconds);
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
    listProfile: listProfile && profileFigures(listProfile),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (listProfile) writeFileSync(join(RESULTS_DIR, 'list-profile.txt'), `${listProfile.summary}\n`);

  console.log('');
  console.log(formatTable(rows));
  console.log('');
  console.log(formatTargets(targets));
  if (comparisons.list_100k_vs_1k) {
    console.log(
      `\n100,000 keys against 1,000, measured alternately: ${Math.round(comparisons.list_100k_vs_1k * 100)}% of the rate with saved answers, ${Math.round((comparisons.list_count_uncached_100k_vs_1k ?? 0) * 100)}% with them off (page and count).`,
    );
  }
  console.log(
    '\n"A write every 100 ms": saved answers on, while another client creates a key for a service account of the tenant or revokes it, every 100 ms; its ~10 requests/s are not in the row\'s requests, their server CPU is in its CPU per request.',
  );
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
  if (listProfile) {
    console.log(`\nThe list page's profile (saved answers off, 1,000 keys), the top of bench/results/list-profile.txt:`);
    for (const { selfTimePercent, name } of listProfile.topFunctions.slice(0, 10)) console.log(`  ${selfTimePercent.toFixed(1).padStart(5)}%  ${name}`);
  }
  console.log(`Wrote bench/results/latest.json${listProfile ? ' and list-profile.txt' : ''}${profileDir ? `; CPU profile in ${profileDir}` : ''}.`);
  if (measurements.some((m) => m.failures > 0) || (listProfile?.failures ?? 0) > 0) {
    console.error('Some requests failed: the numbers above are not valid.');
    process.exitCode = 1;
  }
}

interface SelfTime {
  selfTimePercent: number;
  name: string;
}

interface ListProfile {
  scenario: string;
  seconds: number;
  /** Slowed down by the profiler: for the shares below, not to compare with the table. */
  requestsPerSecond: number;
  failures: number;
  topPackages: SelfTime[];
  topFunctions: SelfTime[];
  /** profile-summary.ts's text, written to list-profile.txt. */
  summary: string;
}

/** A .cpuprofile's start, in microseconds of the monotonic clock (process.hrtime's). */
type TimedProfile = Profile & { startTime: number };

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/**
 * The profile's samples taken between `from` and `to` alone: without the server's start
 * (loading modules, compiling) and its warm-up, which would otherwise be a tenth of a
 * short profile. V8 stamps samples with the same monotonic clock as process.hrtime.
 */
function duringLoad(profile: TimedProfile, from: number, to: number): Profile {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let at = profile.startTime;
  profile.samples.forEach((sample, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from || at > to) return;
    samples.push(sample);
    timeDeltas.push(profile.timeDeltas[i] ?? 0);
  });
  if (samples.length === 0) throw new Error("the profile has no samples while the load ran: its clock is not process.hrtime's");
  return { nodes: profile.nodes, samples, timeDeltas };
}

/** What latest.json holds of the profile: all but the text, which list-profile.txt has. */
const profileFigures = ({ summary: _summary, ...figures }: ListProfile) => figures;

/** The lines of one section of summarize's text ("  12.3%  name"). */
function selfTimes(section: string): SelfTime[] {
  return section
    .split('\n')
    .map((line) => /^\s*([\d.]+)%\s+(.+)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ selfTimePercent: Number(match[1]), name: match[2] }));
}

/**
 * The scenario's load, alone, on a server of its own started with --cpu-prof on the same
 * data directory and with the same settings as the scenario's (saved answers off), and
 * that profile summarised by profile-summary.ts: self time by package and by function.
 */
async function profileListPage(dataDir: string, scenario: Scenario, seconds: number): Promise<ListProfile> {
  const cpuProfileDir = join(dataDir, 'list-profile');
  const server = await startKeyplane(dataDir, {
    name: 'keyplane (profiled, saved answers off)',
    cpuProfileDir,
    env: { ...SERVER_ENV, KEYPLANE_RESPONSE_CACHE_MB: '0' },
  });
  let measured: Measurement;
  let from: number;
  let to: number;
  try {
    await measureAlone({ ...scenario, url: `${server.url}/graphql`, pid: server.pid }, 1);
    from = monotonicMicros();
    measured = await measureAlone({ ...scenario, url: `${server.url}/graphql`, pid: server.pid }, seconds);
    to = monotonicMicros();
  } finally {
    // The profile is written as the server stops.
    await server.stop();
  }
  const [file] = readdirSync(cpuProfileDir).filter((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the profiled server wrote no profile in ${cpuProfileDir}`);
  const summary = summarize(duringLoad(JSON.parse(readFileSync(join(cpuProfileDir, file), 'utf8')) as TimedProfile, from, to));
  const [packages = '', functions = ''] = summary.split('\n\n');
  const description = `${scenario.connections} connections, ${seconds} s: ${measured.requestsPerSecond} req/s under the profiler, ${measured.failures} failed`;
  return {
    scenario: `list page + count, saved answers off, 1,000 keys; ${description}`,
    seconds,
    requestsPerSecond: measured.requestsPerSecond,
    failures: measured.failures,
    topPackages: selfTimes(packages).slice(0, 15),
    topFunctions: selfTimes(functions).slice(0, 15),
    summary: `Server CPU profile of the list page + count, saved answers off, 1,000 keys (npm run bench); ${description}.\n\n${summary}`,
  };
}

const storeFlag = process.argv.indexOf('--store');
const store = storeFlag === -1 ? 'sqlite' : process.argv[storeFlag + 1];
if (store === 'postgres') await runPostgresBench(timing, gitCommit());
else if (store === 'sqlite') await main();
else throw new Error(`--store ${store}: sqlite (the default) or postgres`);

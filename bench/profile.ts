// Profiles the server under one scenario's load and prints where its CPU time goes.
//
//   node --import tsx bench/profile.ts [auth_info|list|create] [seconds]
//
// Writes the V8 profile to bench/results/profiles/ (open it in Chrome DevTools ›
// Performance, or read the summary this prints: self time by function and by package).
// Prints the rate, p50 and p99, and the server's CPU time per request (with the profiler's
// own cost in it). PROFILE_CONNECTIONS sets the clients (create: 10, else 50);
// PROFILE_CPU=0 measures without the profiler.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { cpuMicros, startKeyplane } from './processes.js';
import { isAuthInfo, isCreated, isFullPage } from './requests.js';
import { summarize, type Profile } from './profile-summary.js';
import { BenchSeeder } from './seed.js';

const PROFILE_DIR = fileURLToPath(new URL('results/profiles/', import.meta.url));
const scenario = process.argv[2] ?? 'auth_info';
const seconds = Number(process.argv[3] ?? 8);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-profile-'));
  mkdirSync(PROFILE_DIR, { recursive: true });
  const before = new Set(readdirSync(PROFILE_DIR));
  const seeder = await BenchSeeder.open(join(dataDir, 'keyplane.db'));
  const tenant = await seeder.createTenant('bench');
  await seeder.addKeys(tenant, scenario === 'list' ? Number(process.env.PROFILE_KEYS ?? 100_000) : 1_000);
  const server = await startKeyplane(dataDir, {
    cpuProfileDir: process.env.PROFILE_CPU === '0' ? undefined : PROFILE_DIR,
    // Every create must succeed: the default limit (1,000 live keys per owner) is not what is measured.
    env: { KEYPLANE_MAX_KEYS_PER_OWNER: '100000000' },
  });
  const bodies: Record<string, string> = {
    auth_info: JSON.stringify({ query: '{ auth_info { user_id tenant_id } }' }),
    list: JSON.stringify({
      query:
        '{ auth_api_key(limit: 50, order_by: {created: desc}) { id name key_hint created updated expires_at last_used_at default_tenant_id user_id user { id username account_type } created_by { id username } tenant { id name slug } } }',
    }),
    create: JSON.stringify({ query: `mutation { create_api_key(input: { user_id: "${tenant.admin.id}", name: "bench-created" }) { id key } }` }),
  };
  const verifyBody: Record<string, (body: string) => boolean> = { auth_info: isAuthInfo, list: isFullPage, create: isCreated };
  const connections = Number(process.env.PROFILE_CONNECTIONS ?? (scenario === 'create' ? 10 : 50));
  try {
    const cpuBefore = cpuMicros(server.pid);
    const result = await autocannon({
      url: `${server.url}/graphql`,
      connections,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.adminKey}` },
      body: bodies[scenario],
      verifyBody: verifyBody[scenario],
    });
    const cpu = (cpuMicros(server.pid) ?? NaN) - (cpuBefore ?? NaN);
    const failed = result.non2xx + result.errors + result.timeouts + result.mismatches;
    console.log(
      `${scenario}, ${connections} connections: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `max ${result.latency.max} ms, server CPU ${Math.round(cpu / result.requests.total)} µs/req, ${failed} failed, load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
  } finally {
    await server.stop();
    await seeder.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const written = readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
  for (const file of written) {
    console.log(`\n${join('bench/results/profiles', file)}`);
    console.log(summarize(JSON.parse(readFileSync(join(PROFILE_DIR, file), 'utf8')) as Profile));
  }
}

await main();

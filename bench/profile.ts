// Profiles the server under one scenario's load and prints where its CPU time goes.
//
//   node --import tsx bench/profile.ts [auth_info|list|create] [seconds]
//
// Writes the V8 profile to bench/results/profiles/ (open it in Chrome DevTools ›
// Performance, or read the summary this prints: self time by function and by package).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startKeyplane } from './processes.js';
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
  const server = await startKeyplane(dataDir, { cpuProfileDir: PROFILE_DIR });
  const bodies: Record<string, string> = {
    auth_info: JSON.stringify({ query: '{ auth_info { user_id tenant_id } }' }),
    list: JSON.stringify({
      query:
        '{ auth_api_key(limit: 50, order_by: {created: desc}) { id name key_hint created updated expires_at last_used_at default_tenant_id user_id user { id username account_type } created_by { id username } tenant { id name slug } } }',
    }),
    create: JSON.stringify({ query: `mutation { create_api_key(input: { user_id: "${tenant.admin.id}", name: "bench-created" }) { id key } }` }),
  };
  try {
    const result = await autocannon({
      url: `${server.url}/graphql`,
      connections: scenario === 'create' ? 10 : 50,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.adminKey}` },
      body: bodies[scenario],
    });
    console.log(`${scenario}: ${Math.round(result.requests.average)} req/s, ${result.non2xx + result.errors} failed`);
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

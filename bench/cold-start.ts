// npm run bench:cold: a cold load of User › API Keys with 60 keys on a slow device and
// link, in Chromium, five times; prints each run and the median and writes
// bench/results/cold-start.json. See docs/performance.md, "Cold start".
//
//   npm run bench:cold                 5 runs (runs `npm run build` first when dist/ui is missing)
//   npm run bench:cold -- --runs 9     more runs
//   npm run bench:cold -- --all        every request in the waterfall, not only the named ones
//   npm run bench:cold -- --trace FILE  a Chromium trace of the first run in FILE, and a summary of its main thread
//
// The profile: Chromium's CPU throttled 4×, the network at 1.6 Mbps down, 750 kbps up and
// 150 ms round trip (CDP Emulation.setCPUThrottlingRate, Network.emulateNetworkConditions),
// the cache disabled, and a new browser with a fresh profile directory for every run.
// "Rows visible" is from navigation start (performance.timeOrigin) until the frame in which
// the first key row is laid out, seen from inside the page (see WATCH_FOR_ROWS) and then
// checked with a role-based locator; the waterfall gives, for the same run, when the
// page's GraphQL requests and its scripts started and finished.
//
// The server is the real one (src/server/serve.ts) in this process, over a temporary data
// directory and a private copy of dist/ui, so that a rebuild during the run cannot delete
// the chunks the page loads. Its CPU use is a few requests per run.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Request } from 'playwright-core';
import { serve } from '../src/server/serve.js';
import { summariseMainThread, TRACE_CATEGORIES, type TraceEvent } from './main-thread.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const UI_DIR = join(ROOT, 'dist/ui');
const RESULTS_FILE = fileURLToPath(new URL('results/cold-start.json', import.meta.url));
const KEYS = 60;
const ADMIN = { email: 'ada@example.com', username: 'ada', password: 'correct-horse-battery', tenant_name: 'Acme' };

/** The slow device and link. */
export const PROFILE = {
  cpuThrottle: 4,
  downloadKbps: 1_600,
  uploadKbps: 750,
  rttMs: 150,
} as const;

const argv = process.argv.slice(2);
const runsFlag = argv.indexOf('--runs');
const RUNS = runsFlag >= 0 ? Number(argv[runsFlag + 1]) : 5;
const ALL_REQUESTS = argv.includes('--all');
const traceFlag = argv.indexOf('--trace');
const TRACE_FILE = traceFlag >= 0 ? argv[traceFlag + 1] : null;

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** dist/ui as `npm run build` leaves it; built here only when it is missing (an existing build is measured as it is). */
function ensureBuilt(): void {
  if (existsSync(join(UI_DIR, 'index.html'))) return;
  log('dist/ui is missing: running npm run build');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
}

/** The build's file for a source module, from the manifest `npm run build` writes. */
function chunkOf(uiDir: string, source: string): string | null {
  const manifestPath = join(uiDir, '.vite/manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string }>;
  return manifest[source]?.file ?? null;
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, cookie?: string): Promise<{ data: T; setCookie: string[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-keyplane-csrf': '1', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`GraphQL errors (${response.status}): ${JSON.stringify(body.errors)}`);
  return { data: body.data, setCookie: response.headers.getSetCookie() };
}

/** The first administrator and their tenant through the API (which signs the caller in), then the keys. */
async function seed(url: string): Promise<{ session: string; slug: string }> {
  const boot = await graphql<{ bootstrap: { user_id: string; tenant_slug: string } }>(
    url,
    `
      mutation ($input: bootstrap_input!) {
        bootstrap(input: $input) {
          user_id
          tenant_slug
        }
      }
    `,
    { input: ADMIN },
  );
  const session = boot.setCookie.map((c) => /^keyplane_session=([^;]+)/.exec(c)?.[1]).find(Boolean);
  if (!session) throw new Error(`bootstrap set no session cookie: ${boot.setCookie.join(', ')}`);
  const cookie = `keyplane_session=${session}`;
  const userId = boot.data.bootstrap.user_id;
  const day = 86_400_000;
  for (let i = 0; i < KEYS; i++) {
    // A mix of lifetimes, as a real list has: a third never expire.
    const expires_at = i % 3 === 0 ? null : new Date(Date.now() + ((i % 90) + 1) * day).toISOString();
    await graphql(
      url,
      `
        mutation ($input: create_api_key_input!) {
          create_api_key(input: $input) {
            id
          }
        }
      `,
      {
        input: { user_id: userId, name: `key-${String(i).padStart(2, '0')}`, expires_at },
      },
      cookie,
    );
  }
  return { session, slug: boot.data.bootstrap.tenant_slug };
}

interface Span {
  what: string;
  startMs: number;
  endMs: number;
}

interface Run {
  rowsVisibleMs: number;
  /** GraphQL requests and the route chunks, relative to navigation start. */
  waterfall: Span[];
  requests: number;
  transferredKb: number;
}

function describe(request: Request, chunks: Map<string, string>): string | null {
  const path = new URL(request.url()).pathname;
  if (path === '/graphql') {
    const body = request.postDataJSON() as { operationName?: string } | null;
    return `graphql ${body?.operationName ?? '?'}`;
  }
  const chunk = chunks.get(path.slice(1));
  if (chunk) return chunk;
  if (request.resourceType() === 'document') return 'document';
  return ALL_REQUESTS ? path : null;
}

const ROWS_VISIBLE_BINDING = '__keyplaneRowsVisible';

/**
 * Runs in the page before its own scripts: reports (ms from navigation start) the frame in
 * which a table row naming a key is first laid out with a size, as Playwright's "visible"
 * means it. Watching from inside the page, on DOM changes, times the row to a frame:
 * polling with a locator from outside (Playwright backs off to every 500 ms) was up to
 * 500 ms late, and each poll evaluated the role query on the throttled main thread the
 * page was loading on. Source text, not a function of this file: tsx would serialise a
 * function with its `__name` helpers, which the page lacks.
 */
const WATCH_FOR_ROWS = `(() => {
  const report = window[${JSON.stringify(ROWS_VISIBLE_BINDING)}];
  const visibleKeyRow = () =>
    [...document.querySelectorAll('tr')].some((row) => {
      if (!/key-\\d\\d/.test(row.textContent ?? '')) return false;
      const box = row.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(row).visibility !== 'hidden';
    });
  const observer = new MutationObserver(() => {
    if (!visibleKeyRow()) return;
    observer.disconnect();
    requestAnimationFrame(() => report(performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

async function coldRun(url: string, session: string, slug: string, chunks: Map<string, string>, traceFile: string | null): Promise<Run> {
  const profileDir = mkdtempSync(join(tmpdir(), 'keyplane-cold-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
    });
    const { hostname } = new URL(url);
    await context.addCookies([{ name: 'keyplane_session', value: session, domain: hostname, path: '/', httpOnly: true, sameSite: 'Strict' }]);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuThrottle });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PROFILE.rttMs,
      downloadThroughput: (PROFILE.downloadKbps * 1000) / 8,
      uploadThroughput: (PROFILE.uploadKbps * 1000) / 8,
    });
    let transferred = 0;
    cdp.on('Network.loadingFinished', (event) => (transferred += event.encodedDataLength));

    const finished: Request[] = [];
    page.on('requestfinished', (request) => finished.push(request));
    const traceEvents: TraceEvent[] = [];
    if (traceFile) {
      cdp.on('Tracing.dataCollected', (event) => traceEvents.push(...(event.value as unknown as TraceEvent[])));
      await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: TRACE_CATEGORIES } });
    }
    let rowsSeenAt: (at: number) => void = () => undefined;
    const rowsSeen = new Promise<number>((resolve) => (rowsSeenAt = resolve));
    await page.exposeBinding(ROWS_VISIBLE_BINDING, (_source, at: number) => rowsSeenAt(at));
    await page.addInitScript({ content: WATCH_FOR_ROWS });
    await page.goto(`${url}/${slug}/user/keys`, { waitUntil: 'commit' });
    let timer: NodeJS.Timeout | undefined;
    const rowsVisibleMs = await Promise.race([
      rowsSeen,
      new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error('no key row within 60 s')), 60_000))),
    ]).finally(() => clearTimeout(timer));
    // The page's own check saw a row; the role-based locator (what the e2e tests use) must agree.
    await page
      .getByRole('row', { name: /key-\d\d/ })
      .first()
      .waitFor({ state: 'visible', timeout: 5_000 });
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    if (traceFile) {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      writeFileSync(traceFile, JSON.stringify({ traceEvents }));
      log(`  trace of this run in ${traceFile} (open it in Chromium's DevTools, Performance); main thread:`);
      log(summariseMainThread(traceEvents, rowsVisibleMs));
    }

    const waterfall: Span[] = [];
    for (const request of finished) {
      const what = describe(request, chunks);
      if (!what) continue;
      const timing = request.timing();
      const startMs = timing.startTime - timeOrigin;
      if (startMs > rowsVisibleMs) continue;
      waterfall.push({ what, startMs: Math.round(startMs), endMs: Math.round(startMs + timing.responseEnd) });
    }
    waterfall.sort((a, b) => a.startMs - b.startMs);
    return { rowsVisibleMs: Math.round(rowsVisibleMs), waterfall, requests: finished.length, transferredKb: Math.round(transferred / 100) / 10 };
  } finally {
    await context?.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

function formatWaterfall(waterfall: Span[]): string {
  return waterfall.map((s) => `    ${String(s.startMs).padStart(5)} → ${String(s.endMs).padStart(5)} ms  ${s.what}`).join('\n');
}

async function main() {
  const load = loadavg();
  log(`Cold start: ${cpus().length} CPUs, load average ${load.map((l) => l.toFixed(2)).join(' ')}; ${RUNS} runs of User › API Keys with ${KEYS} keys`);
  log(
    `  profile: CPU ${PROFILE.cpuThrottle}× slower, ${PROFILE.downloadKbps} kbps down, ${PROFILE.uploadKbps} kbps up, ${PROFILE.rttMs} ms RTT, cache disabled`,
  );
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-cold-'));
  const uiDir = join(dataDir, 'ui');
  cpSync(UI_DIR, uiDir, { recursive: true });
  const server = await serve({ port: 0, host: '127.0.0.1', dataDir, uiDir });
  try {
    const { session, slug } = await seed(server.url);
    // Names for the waterfall: the route chunks of the page's path, by build file.
    const chunks = new Map<string, string>();
    for (const [source, name] of [
      ['index.html', 'entry script'],
      ['src/ui/app/tenant-layout.tsx', 'chunk tenant-layout'],
      ['src/ui/features/api-keys/api-keys-page.tsx', 'chunk api-keys-page'],
    ] as const) {
      const file = chunkOf(uiDir, source);
      if (file) chunks.set(file, name);
    }

    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await coldRun(server.url, session, slug, chunks, i === 0 ? TRACE_FILE : null);
      runs.push(run);
      log(`  run ${i + 1}: rows visible at ${run.rowsVisibleMs} ms (${run.requests} requests, ${run.transferredKb} kB transferred)`);
      log(formatWaterfall(run.waterfall));
    }
    const figures = runs.map((r) => r.rowsVisibleMs);
    const result = {
      date: new Date().toISOString(),
      commit: gitCommit(),
      cpus: cpus().length,
      loadAverageAtStart: load.map((l) => Math.round(l * 100) / 100),
      loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
      profile: PROFILE,
      keys: KEYS,
      runs: runs.length,
      rowsVisibleMs: figures,
      medianRowsVisibleMs: median(figures),
      targetMs: 3_000,
      waterfalls: runs.map((r) => r.waterfall),
    };
    log(
      `Median: rows visible at ${result.medianRowsVisibleMs} ms (target ≤ ${result.targetMs} ms); runs ${figures.join(', ')} ms; load average at start ${load.map((l) => l.toFixed(2)).join(' ')}`,
    );
    mkdirSync(join(RESULTS_FILE, '..'), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
    log(`Wrote ${RESULTS_FILE}`);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

// One measurement: the same load generator for every scenario (autocannon, in this
// process), a warm-up, then slices alternating with the baseline while RSS is sampled.
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon, { type Result } from 'autocannon';
import { cpuMicros, sampleRss } from './processes.js';
import { createKey, isCreated, isRevoked, revokeKey } from './requests.js';

export interface Scenario {
  id: string;
  label: string;
  url: string;
  pid: number;
  connections: number;
  headers?: Record<string, string>;
  body?: string;
  /** Headers for each request in turn, over `headers` (a different key each time). */
  headersFor?: () => Record<string, string>;
  /** Requests sent before the warm-up, unmeasured (once through keys in rotation, say). */
  primingRequests?: number;
  /** A cheap check of every response body; a request whose body fails it is an error. */
  verifyBody: (body: string) => boolean;
  /** Other requests sent while this scenario runs (its warm-up too): see Background. */
  background?: Background;
}

/**
 * Requests another client sends beside a scenario's load, started with each of its
 * runs and stopped after it. They are not counted in the row's requests, rate or
 * latency, but the server's CPU for them is in its CPU per request (nothing is
 * subtracted); their failures are the row's failures.
 */
export interface Background {
  start(): { stop(): Promise<{ requests: number; failures: number }> };
}

export interface Measurement {
  id: string;
  label: string;
  connections: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  failures: number;
  /** Requests the scenario's Background sent while it was measured (not in `requests`). */
  backgroundRequests?: number;
  serverRssPeakMb: number | null;
  /**
   * The server process's CPU time per answered request. Unlike requests per second,
   * this hardly moves when other work shares the machine: on a quiet machine the
   * server (one core) would answer about 1,000,000 / serverCpuMicrosPerRequest a second.
   */
  serverCpuMicrosPerRequest: number | null;
}

export interface Timing {
  warmupSeconds: number;
  /** Measured time per row, split into `rounds` slices that alternate with the baseline. */
  measureSeconds: number;
  rounds: number;
}

type Length = { duration: number } | { amount: number };

async function run(scenario: Scenario, length: Length): Promise<{ result: Result; background: { requests: number; failures: number } }> {
  const { headersFor } = scenario;
  const background = scenario.background?.start();
  try {
    const result = await autocannon({
      url: scenario.url,
      connections: scenario.connections,
      ...length,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...scenario.headers },
      body: scenario.body ?? '{}',
      timeout: 10,
      verifyBody: scenario.verifyBody,
      // autocannon builds each request again when it has a setupRequest.
      ...(headersFor && { requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...headersFor() } }) }] }),
    });
    return { result, background: (await background?.stop()) ?? { requests: 0, failures: 0 } };
  } catch (error) {
    await background?.stop();
    throw error;
  }
}

interface Slice {
  result: Result;
  background: { requests: number; failures: number };
  cpuMicros: number | null;
  rssPeakMb: number | null;
}

async function slice(scenario: Scenario, seconds: number): Promise<Slice> {
  const stopSampling = sampleRss(scenario.pid);
  const cpuBefore = cpuMicros(scenario.pid);
  const { result, background } = await run(scenario, { duration: seconds });
  const cpuAfter = cpuMicros(scenario.pid);
  return { result, background, cpuMicros: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, rssPeakMb: stopSampling() };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

function summarize(scenario: Scenario, slices: Slice[]): Measurement {
  const requests = slices.reduce((sum, s) => sum + s.result.requests.total, 0);
  const seconds = slices.reduce((sum, s) => sum + s.result.duration, 0);
  const cpu = slices.every((s) => s.cpuMicros !== null) ? slices.reduce((sum, s) => sum + s.cpuMicros!, 0) : null;
  const rss = slices.map((s) => s.rssPeakMb).filter((r): r is number => r !== null);
  return {
    id: scenario.id,
    label: scenario.label,
    connections: scenario.connections,
    requestsPerSecond: Math.round(requests / seconds),
    latencyP50Ms: median(slices.map((s) => s.result.latency.p50)),
    latencyP99Ms: Math.max(...slices.map((s) => s.result.latency.p99)),
    requests,
    failures: slices.reduce((sum, s) => sum + s.result.errors + s.result.timeouts + s.result.non2xx + s.result.mismatches + s.background.failures, 0),
    ...(scenario.background && { backgroundRequests: slices.reduce((sum, s) => sum + s.background.requests, 0) }),
    serverRssPeakMb: rss.length ? Math.round(Math.max(...rss)) : null,
    serverCpuMicrosPerRequest: cpu === null || requests === 0 ? null : Math.round(cpu / requests),
  };
}

/** One scenario alone, with no warm-up and no baseline (the bench's profiling run). */
export async function measureAlone(scenario: Scenario, seconds: number): Promise<Measurement> {
  return summarize(scenario, [await slice(scenario, seconds)]);
}

/**
 * The scenario and the baseline in alternating slices, so that both see the machine
 * as it is in the same few seconds (its speed here drifts by up to 1.8x from one
 * minute to the next). The ratio is the median of the slices' ratios.
 */
export async function measureAgainst(
  baseline: Scenario,
  scenario: Scenario,
  timing: Timing,
): Promise<{ scenario: Measurement; baseline: Measurement; ratio: number }> {
  for (const primed of [baseline, scenario]) if (primed.primingRequests) await run(primed, { amount: primed.primingRequests });
  await run(baseline, { duration: timing.warmupSeconds });
  await run(scenario, { duration: timing.warmupSeconds });
  const seconds = timing.measureSeconds / timing.rounds;
  const baseSlices: Slice[] = [];
  const slices: Slice[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < timing.rounds; round++) {
    const base = await slice(baseline, seconds);
    const own = await slice(scenario, seconds);
    baseSlices.push(base);
    slices.push(own);
    ratios.push(own.result.requests.total / own.result.duration / (base.result.requests.total / base.result.duration));
  }
  return { scenario: summarize(scenario, slices), baseline: summarize(baseline, baseSlices), ratio: median(ratios) };
}

/**
 * Another client that changes the keys every `intervalMs` while it runs: it creates a
 * key for `ownerId`, then revokes it, and so on, so that the owner's live keys (and a
 * page of them) stay as they were give or take one, while every write moves the change
 * feed and drops the saved answers. Each answer is checked. The key made and not yet
 * revoked carries over from one run to the next.
 */
export function keyChurn(target: { url: string; headers: Record<string, string> }, ownerId: string, intervalMs = 100): Background {
  let live: string | null = null;
  const send = async (body: string) => {
    const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, body });
    return response.status === 200 ? response.text() : '';
  };
  return {
    start() {
      const stopping = new AbortController();
      let requests = 0;
      let failures = 0;
      const writing = (async () => {
        for (let due = performance.now(); !stopping.signal.aborted;) {
          requests++;
          try {
            if (live === null) {
              const answer = await send(createKey(ownerId, 'bench-churn'));
              if (isCreated(answer)) live = (JSON.parse(answer) as { data: { create_api_key: { id: string } } }).data.create_api_key.id;
              else failures++;
            } else if (isRevoked(await send(revokeKey(live)))) live = null;
            else failures++;
          } catch {
            failures++;
          }
          due += intervalMs;
          await sleep(Math.max(0, due - performance.now()), undefined, { signal: stopping.signal }).catch(() => undefined);
        }
      })();
      return {
        async stop() {
          stopping.abort();
          await writing;
          return { requests, failures };
        },
      };
    },
  };
}

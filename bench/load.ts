// One measurement: the same load generator for every scenario (autocannon, in this
// process), a warm-up, then slices alternating with the baseline while RSS is sampled.
import autocannon, { type Result } from 'autocannon';
import { cpuMicros, sampleRss } from './processes.js';

export interface Scenario {
  id: string;
  label: string;
  url: string;
  pid: number;
  connections: number;
  headers?: Record<string, string>;
  body?: string;
  /** A cheap check of every response body; a request whose body fails it is an error. */
  verifyBody: (body: string) => boolean;
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

function run(scenario: Scenario, duration: number) {
  return autocannon({
    url: scenario.url,
    connections: scenario.connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...scenario.headers },
    body: scenario.body ?? '{}',
    timeout: 10,
    verifyBody: scenario.verifyBody,
  });
}

interface Slice {
  result: Result;
  cpuMicros: number | null;
  rssPeakMb: number | null;
}

async function slice(scenario: Scenario, seconds: number): Promise<Slice> {
  const stopSampling = sampleRss(scenario.pid);
  const cpuBefore = cpuMicros(scenario.pid);
  const result = await run(scenario, seconds);
  const cpuAfter = cpuMicros(scenario.pid);
  return { result, cpuMicros: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, rssPeakMb: stopSampling() };
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
    failures: slices.reduce((sum, s) => sum + s.result.errors + s.result.timeouts + s.result.non2xx + s.result.mismatches, 0),
    serverRssPeakMb: rss.length ? Math.round(Math.max(...rss)) : null,
    serverCpuMicrosPerRequest: cpu === null || requests === 0 ? null : Math.round(cpu / requests),
  };
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
  await run(baseline, timing.warmupSeconds);
  await run(scenario, timing.warmupSeconds);
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

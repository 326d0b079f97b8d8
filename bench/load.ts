// One measurement: the same load generator for every scenario (autocannon, in this
// process), a warm-up, then a measured period while the server's RSS is sampled.
import autocannon from 'autocannon';
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
  measureSeconds: number;
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

export async function measure(scenario: Scenario, timing: Timing): Promise<Measurement> {
  await run(scenario, timing.warmupSeconds);
  const stopSampling = sampleRss(scenario.pid);
  const cpuBefore = cpuMicros(scenario.pid);
  const result = await run(scenario, timing.measureSeconds);
  const cpuAfter = cpuMicros(scenario.pid);
  const serverRssPeakMb = stopSampling();
  const answered = result.requests.total;
  return {
    id: scenario.id,
    label: scenario.label,
    connections: scenario.connections,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
    serverRssPeakMb: serverRssPeakMb === null ? null : Math.round(serverRssPeakMb),
    serverCpuMicrosPerRequest: cpuBefore === null || cpuAfter === null || answered === 0 ? null : Math.round((cpuAfter - cpuBefore) / answered),
  };
}

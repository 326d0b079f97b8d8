// The bench's table and its targets (issue 7).
import type { Measurement } from './load.js';

/** A measurement with its ratio to the baseline measured alongside it. */
export type Row = Measurement & { ratioToBaseline: number; cpuRatioToBaseline: number | null; baselineRequestsPerSecond?: number };

export interface Target {
  name: string;
  required: string;
  measured: string;
  met: boolean;
}

export function formatTable(rows: Row[]): string {
  const header = [
    'scenario',
    'conns',
    'req/s',
    'baseline alongside',
    'p50 ms',
    'p99 ms',
    'vs baseline',
    'server RSS MB',
    'server CPU µs/req',
    'vs baseline by CPU',
  ];
  const lines = rows.map((r) => [
    r.label,
    String(r.connections),
    r.requestsPerSecond.toLocaleString('en'),
    r.baselineRequestsPerSecond === undefined ? '' : r.baselineRequestsPerSecond.toLocaleString('en'),
    String(r.latencyP50Ms),
    String(r.latencyP99Ms),
    `${Math.round(r.ratioToBaseline * 100)}%`,
    r.serverRssPeakMb === null ? '-' : String(r.serverRssPeakMb),
    r.serverCpuMicrosPerRequest === null ? '-' : r.serverCpuMicrosPerRequest.toLocaleString('en'),
    r.cpuRatioToBaseline === null ? '-' : `${Math.round(r.cpuRatioToBaseline * 100)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [format(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...lines.map(format)].join('\n');
}

export function evaluateTargets(rows: Row[], comparisons: Record<string, number> = {}): Target[] {
  const by = (id: string) => rows.find((r) => r.id === id);
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  const targets: Target[] = [];
  const authInfo = by('auth_info');
  if (authInfo) {
    targets.push({ name: '(b) auth_info vs baseline', required: '>= 50%', measured: pct(authInfo.ratioToBaseline), met: authInfo.ratioToBaseline >= 0.5 });
  }
  const small = by('list_1k');
  const large = by('list_100k');
  if (small && large) {
    targets.push({
      name: '(c) list page, 1,000 keys, vs baseline',
      required: '>= 25%',
      measured: pct(small.ratioToBaseline),
      met: small.ratioToBaseline >= 0.25,
    });
    targets.push({
      name: '(c) list page, 100,000 keys, vs baseline',
      required: '>= 25%',
      measured: pct(large.ratioToBaseline),
      met: large.ratioToBaseline >= 0.25,
    });
    // Measured against each other in alternating slices when the run did so; else from the two rows.
    const change = (comparisons.list_100k_vs_1k ?? large.requestsPerSecond / small.requestsPerSecond) - 1;
    targets.push({
      name: '(c) 100,000 keys vs 1,000 keys',
      required: 'within 15%',
      measured: `${change >= 0 ? '+' : ''}${pct(change)}`,
      met: Math.abs(change) <= 0.15,
    });
  }
  const creates = by('create_10');
  if (creates) {
    targets.push({
      name: '(d) create_api_key, 10 clients',
      required: '>= 1,000/s',
      measured: `${creates.requestsPerSecond.toLocaleString('en')}/s`,
      met: creates.requestsPerSecond >= 1000,
    });
  }
  const keyplaneRss = rows.filter((r) => !['baseline', 'baseline_page', 'floor'].includes(r.id)).map((r) => r.serverRssPeakMb ?? 0);
  const peak = Math.max(...keyplaneRss);
  targets.push({ name: 'server RSS under load', required: '<= 200 MB', measured: `${peak} MB`, met: peak <= 200 });
  return targets;
}

export function formatTargets(targets: Target[]): string {
  return targets.map((t) => `${t.met ? 'MET   ' : 'MISSED'}  ${t.name}: ${t.measured} (target ${t.required})`).join('\n');
}

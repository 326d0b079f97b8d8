// The renderer's main thread in a Chromium trace, summarised for the cold-start bench
// (bench/cold-start.ts --trace FILE). Also a command, for a trace saved earlier:
//
//   node --import tsx bench/main-thread.ts FILE [UNTIL_MS]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; documentLoaderURL?: string } };
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'toplevel'];

/**
 * The renderer's main thread from navigation start to the rows, in slices of the tasks
 * longer than 30 ms: when each ran and what took its time (script by file, style, layout,
 * paint), so the gaps in the network waterfall can be read as work or as waiting.
 */
export function summariseMainThread(events: TraceEvent[], untilMs: number): string {
  // The page's navigation (the trace also has about:blank's), on the renderer that loaded it.
  const navigation = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith('http'));
  if (!navigation) return '    (no navigation in the trace)';
  const onMain = events.filter((e) => e.pid === navigation.pid && e.tid === navigation.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const ms = (ts: number) => Math.round((ts - navigation.ts) / 1000);
  const lines: string[] = [];
  let busy = 0;
  for (const task of onMain.filter((e) => e.name === 'RunTask')) {
    const end = task.ts + (task.dur ?? 0);
    if (ms(task.ts) < 0 || ms(task.ts) > untilMs) continue;
    busy += (task.dur ?? 0) / 1000;
    if ((task.dur ?? 0) < 30_000) continue;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
    const byWhat = new Map<string, number>();
    for (const e of inside) {
      let what: string | null = null;
      if (e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule' || e.name === 'v8.compileModule' || e.name === 'FunctionCall') {
        const url = e.args?.data?.url;
        what =
          `${e.name === 'FunctionCall' ? 'call' : e.name.replace('v8.', '')} ${url ? new URL(url, 'http://x').pathname.replace(/^\/assets\//, '') : ''}`.trim();
      } else if (['Layout', 'UpdateLayoutTree', 'Paint', 'ParseHTML', 'HitTest', 'PrePaint', 'Layerize', 'MajorGC', 'MinorGC'].includes(e.name)) {
        what = e.name;
      }
      if (what) byWhat.set(what, (byWhat.get(what) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const top = [...byWhat]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([what, d]) => `${what} ${Math.round(d)}`);
    lines.push(`    ${String(ms(task.ts)).padStart(5)} → ${String(ms(end)).padStart(5)} ms  ${top.join(', ')}`);
  }
  lines.push(`    main thread busy ${Math.round(busy)} of ${Math.round(untilMs)} ms`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, until] = process.argv.slice(2);
  const { traceEvents } = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] };
  process.stdout.write(`${summariseMainThread(traceEvents, until ? Number(until) : Infinity)}\n`);
}

// Server-side view of the measured window, from the server's own Prometheus metrics (GET
// /metrics with Accept: text/plain): HTTP latency per route as the server saw it, GC pauses,
// event-loop delay (prom-client resets its delay histogram at every scrape, so a scrape at the
// start of the window and one every few seconds give the delay of each slice), and tick times.
import { readFileSync } from 'node:fs';
import type { HttpClient } from './http.js';

type Sample = Map<string, number>;

export async function scrape(http: HttpClient): Promise<Sample | null> {
  const res = await http.sendWithHeaders('GET', '/metrics', { accept: 'text/plain' });
  if (res.status !== 200) return null;
  const out: Sample = new Map();
  for (const line of res.body.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    const value = Number(line.slice(space + 1));
    if (Number.isFinite(value)) out.set(line.slice(0, space), value);
  }
  return out;
}

const get = (s: Sample, key: string) => s.get(key) ?? 0;
const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Labels of a series key, e.g. `x{a="1",b="2"}` -> {a: '1', b: '2'}. */
function labels(key: string): Record<string, string> {
  const out: Record<string, string> = {};
  const open = key.indexOf('{');
  if (open < 0) return out;
  for (const m of key.slice(open + 1, -1).matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
    out[m[1]!] = m[2]!;
  return out;
}

/** Bucket-based percentile (upper bound of the bucket that holds it) of a histogram delta. */
function histogramDelta(
  before: Sample,
  after: Sample,
  name: string,
  match: Record<string, string>,
) {
  const buckets: Array<[number, number]> = [];
  let sum = 0;
  let count = 0;
  for (const [key, value] of after) {
    if (!key.startsWith(name)) continue;
    const l = labels(key);
    if (Object.entries(match).some(([k, v]) => l[k] !== v)) continue;
    const delta = value - get(before, key);
    const suffix = key.slice(name.length, key.indexOf('{') < 0 ? undefined : key.indexOf('{'));
    if (suffix === '_bucket') buckets.push([l.le === '+Inf' ? Infinity : Number(l.le), delta]);
    else if (suffix === '_sum') sum += delta;
    else if (suffix === '_count') count += delta;
  }
  // Buckets of several label sets (e.g. statuses) are summed per bound.
  const byBound = new Map<number, number>();
  for (const [le, n] of buckets) byBound.set(le, (byBound.get(le) ?? 0) + n);
  const sorted = [...byBound.entries()].sort((a, b) => a[0] - b[0]);
  const quantile = (q: number) => {
    const target = q * count;
    for (const [le, n] of sorted) if (n >= target) return le;
    return Infinity;
  };
  return { count, sum, quantile };
}

function seriesLabels(sample: Sample, name: string, label: string): Set<string> {
  const out = new Set<string>();
  for (const key of sample.keys()) if (key.startsWith(name)) out.add(labels(key)[label] ?? '');
  return out;
}

const ms = (seconds: number) => (seconds === Infinity ? '> 2500' : round(seconds * 1000, 1));

export function windowReport(before: Sample, after: Sample) {
  const routes: Array<Record<string, unknown>> = [];
  const routeKeys = new Set<string>();
  for (const key of after.keys()) {
    if (!key.startsWith('http_request_duration_seconds_count')) continue;
    const l = labels(key);
    routeKeys.add(`${l.method} ${l.route}`);
  }
  for (const rk of routeKeys) {
    const [method, route] = rk.split(' ') as [string, string];
    const h = histogramDelta(before, after, 'http_request_duration_seconds', { method, route });
    if (h.count === 0) continue;
    routes.push({
      route: rk,
      count: h.count,
      mean_ms: round((h.sum / h.count) * 1000, 2),
      p50_le_ms: ms(h.quantile(0.5)),
      p99_le_ms: ms(h.quantile(0.99)),
    });
  }
  routes.sort((a, b) => (b.count as number) - (a.count as number));
  const gc: Record<string, unknown> = {};
  for (const kind of seriesLabels(after, 'nodejs_gc_duration_seconds_count', 'kind')) {
    const h = histogramDelta(before, after, 'nodejs_gc_duration_seconds', { kind });
    if (h.count === 0) continue;
    gc[kind] = {
      count: h.count,
      total_ms: round(h.sum * 1000),
      mean_ms: round((h.sum / h.count) * 1000, 2),
      p99_le_ms: ms(h.quantile(0.99)),
    };
  }
  const tick = histogramDelta(before, after, 'game_tick_duration_seconds', {});
  const jitter = histogramDelta(before, after, 'game_tick_jitter_seconds', {});
  return {
    http_by_route: routes,
    gc,
    gc_total_ms: round(
      Object.values(gc).reduce<number>((a, g) => a + (g as { total_ms: number }).total_ms, 0),
    ),
    ticks: {
      count: tick.count,
      mean_ms: tick.count ? round((tick.sum / tick.count) * 1000, 2) : 0,
      p99_le_ms: ms(tick.quantile(0.99)),
      jitter_p99_le_ms: ms(jitter.quantile(0.99)),
    },
    heap_used_mb: round(get(after, 'nodejs_heap_size_used_bytes') / 2 ** 20),
  };
}

/** Event-loop delay since the previous scrape (prom-client resets it at each scrape). */
export function loopDelay(sample: Sample) {
  return {
    p50_ms: round(get(sample, 'nodejs_eventloop_lag_p50_seconds') * 1000),
    p99_ms: round(get(sample, 'nodejs_eventloop_lag_p99_seconds') * 1000),
    max_ms: round(get(sample, 'nodejs_eventloop_lag_max_seconds') * 1000),
  };
}

export function gcMillis(sample: Sample): number {
  let total = 0;
  for (const [key, value] of sample)
    if (key.startsWith('nodejs_gc_duration_seconds_sum')) total += value;
  return total * 1000;
}

/** CPU seconds (user + system) used so far by a process, from /proc (Linux); null elsewhere. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line (11 and 12 after the name).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * The kernel's count of connections dropped because a listen queue was full (TcpExt
 * ListenOverflows, machine-wide; Linux only, else null). Dropped SYNs are retried by the client
 * after 1 s, 3 s, 7 s...: latency no server-side timer shows.
 */
export function listenOverflows(): number | null {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const names = lines[i]!.split(' ');
      const values = lines[i + 1]!.split(' ');
      if (names[0] !== 'TcpExt:') continue;
      const at = names.indexOf('ListenOverflows');
      return at < 0 ? null : Number(values[at]);
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * Scheduler figures of a process's main thread (Linux /proc/<pid>/schedstat): seconds on a CPU
 * and seconds runnable but waiting for one (run-queue delay: CPU starvation, e.g. other
 * processes on the same cores). null elsewhere.
 */
export function schedstat(pid: number): { run_s: number; wait_s: number } | null {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ');
    return { run_s: Number(run) / 1e9, wait_s: Number(wait) / 1e9 };
  } catch {
    return null;
  }
}

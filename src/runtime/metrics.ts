import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { RollingStat } from './stats.js';

const TICK_BUCKETS_S = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
const HTTP_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * Instrumentation in two views: the specification's JSON snapshot (GET /metrics) and the
 * Prometheus text format (same route with Accept: text/plain or openmetrics).
 */
export class Metrics {
  readonly startedAt = Date.now();
  private httpTotal = 0;
  private readonly byRoute = new Map<
    string,
    { stat: RollingStat; status: Record<string, number> }
  >();
  readonly tick = new RollingStat();
  readonly jitter = new RollingStat();
  private readonly events = new Map<string, number>();
  private readonly timers = new Map<string, RollingStat>();

  readonly registry = new Registry();
  private readonly httpHistogram: Histogram<'method' | 'route' | 'status'>;
  private readonly tickHistogram: Histogram;
  private readonly jitterHistogram: Histogram;
  private readonly eventCounter: Counter<'event'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.httpHistogram = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS_S,
      registers: [this.registry],
    });
    this.tickHistogram = new Histogram({
      name: 'game_tick_duration_seconds',
      help: 'Game loop tick duration',
      buckets: TICK_BUCKETS_S,
      registers: [this.registry],
    });
    this.jitterHistogram = new Histogram({
      name: 'game_tick_jitter_seconds',
      help: 'Delay of a tick behind its planned start',
      buckets: TICK_BUCKETS_S,
      registers: [this.registry],
    });
    this.eventCounter = new Counter({
      name: 'game_events_total',
      help: 'Game and lifecycle events by name',
      labelNames: ['event'],
      registers: [this.registry],
    });
  }

  recordHttp(method: string, route: string, status: number, ms: number): void {
    this.httpTotal++;
    const key = `${method}:${route}`;
    let entry = this.byRoute.get(key);
    if (!entry) {
      entry = { stat: new RollingStat(), status: {} };
      this.byRoute.set(key, entry);
    }
    entry.stat.record(ms);
    entry.status[String(status)] = (entry.status[String(status)] ?? 0) + 1;
    this.httpHistogram.observe({ method, route, status: String(status) }, ms / 1000);
  }

  recordTick(ms: number, jitterMs: number): void {
    this.tick.record(ms);
    this.jitter.record(jitterMs);
    this.tickHistogram.observe(ms / 1000);
    this.jitterHistogram.observe(jitterMs / 1000);
  }

  inc(event: string, by = 1): void {
    this.events.set(event, (this.events.get(event) ?? 0) + by);
    this.eventCounter.inc({ event }, by);
  }

  time(name: string, ms: number): void {
    let stat = this.timers.get(name);
    if (!stat) {
      stat = new RollingStat();
      this.timers.set(name, stat);
    }
    stat.record(ms);
  }

  toJSON(): Record<string, unknown> {
    const byRoute: Record<string, unknown> = {};
    for (const [key, { stat, status }] of this.byRoute)
      byRoute[key] = { ...stat.snapshot(), status_counts: status };
    const timers: Record<string, unknown> = {};
    for (const [key, stat] of this.timers) timers[key] = stat.snapshot();
    return {
      process: {
        started_at: new Date(this.startedAt).toISOString(),
        uptime_s: Math.round((Date.now() - this.startedAt) / 10) / 100,
      },
      http: { total_count: this.httpTotal, by_route: byRoute },
      game_loop: {
        ticks: this.tick.count,
        ...this.tick.snapshot(),
        jitter: this.jitter.snapshot(),
      },
      events: Object.fromEntries(this.events),
      timers,
    };
  }

  prometheus(): Promise<string> {
    return this.registry.metrics();
  }
}

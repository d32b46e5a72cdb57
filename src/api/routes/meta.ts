import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppServices } from '../services.js';
import type { WsHub } from '../ws.js';

const PROMETHEUS_TYPES = ['text/plain', 'application/openmetrics-text'];

/** Banner, health, metrics and game status: unauthenticated, cheap, for operators and probes. */
export function metaRoutes(services: AppServices, hub: WsHub): FastifyPluginAsyncTypebox {
  const { runtime, store, metrics, clock } = services;
  const databaseStatus = () => (runtime.state === 'failed' ? 'fail' : 'ok');
  const persistence =
    store.engine === 'postgres'
      ? 'postgres'
      : services.config.storage === 'memory'
        ? 'memory'
        : 'embedded';

  return async (app) => {
    app.get('/', { schema: { tags: ['meta'] } }, async () => ({
      message: 'Ogame-like Game Server',
      status: 'running',
    }));

    app.get(
      '/healthz',
      { schema: { tags: ['meta'], summary: 'Liveness and loop statistics' } },
      async () => {
        const memory = process.memoryUsage();
        return {
          status:
            runtime.state === 'running'
              ? 'ok'
              : runtime.state === 'failed'
                ? 'degraded'
                : runtime.state,
          worldLoaded: true,
          loop: {
            running: runtime.loopRunning,
            tick_rate: services.config.tickRateHz,
            queue_depth: runtime.queueDepth,
            ticks: runtime.ticks,
            last_tick_ms: Math.round(runtime.lastTickMs * 1000) / 1000,
            jitter_last_ms: Math.round(runtime.lastJitterMs * 1000) / 1000,
            scheduled_events: runtime.scheduler.size,
          },
          memory: { current_bytes: memory.heapUsed, peak_bytes: memory.rss, rss_bytes: memory.rss },
          database: {
            status: databaseStatus(),
            persistence,
            engine: store.engine,
            error: runtime.failure,
          },
          websocket: { connections: hub.connectionCount },
          lastSaveTs:
            runtime.lastSaveTs === null ? null : new Date(runtime.lastSaveTs).toISOString(),
          server_time: new Date(clock.now()).toISOString(),
        };
      },
    );

    app.get(
      '/healthz/db',
      { schema: { tags: ['meta'], summary: 'Checks the store with a query' } },
      async (_req, reply) => {
        const ok = await store.ping();
        const database = { enabled: true, engine: store.engine, status: ok ? 'ok' : 'fail' };
        if (ok) return { database };
        // Every error answer carries a {detail}; this 503 had none (chaos PostgreSQL test, issue 6).
        reply.code(503);
        return { detail: 'The game database does not answer', database };
      },
    );

    app.get(
      '/metrics',
      {
        schema: {
          tags: ['meta'],
          summary: 'JSON metrics, or Prometheus text with Accept: text/plain',
        },
      },
      async (request, reply) => {
        const accept = request.headers.accept ?? '';
        if (PROMETHEUS_TYPES.some((t) => accept.includes(t))) {
          reply.type(metrics.registry.contentType);
          return metrics.prometheus();
        }
        return metrics.toJSON();
      },
    );
  };
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import {
  Banner,
  DatabaseDown,
  DatabaseHealth,
  Health,
  Liveness,
  MetricsReport,
  NotReady,
  Readiness,
} from '../contract/meta.js';
import { replies } from '../contract/responses.js';
import { publicFailure, readinessChecker } from '../readiness.js';
import type { AppServices } from '../services.js';
import type { WsHub } from '../ws.js';
import { wantsPage } from '../web-client.js';

const PROMETHEUS_TYPES = ['text/plain', 'application/openmetrics-text'];
const HEALTH_STATUS = {
  running: 'ok',
  failed: 'degraded',
  stopping: 'stopping',
  stopped: 'stopped',
} as const;

/** Banner, health, metrics and game status: unauthenticated, cheap, for operators and probes. */
export function metaRoutes(services: AppServices, hub: WsHub): FastifyPluginAsyncTypebox {
  const { runtime, store, metrics, clock } = services;
  const databaseStatus = () => (runtime.state === 'failed' ? ('fail' as const) : ('ok' as const));
  const persistence =
    store.engine === 'postgres'
      ? ('postgres' as const)
      : services.config.storage === 'memory'
        ? ('memory' as const)
        : ('embedded' as const);

  const readiness = readinessChecker(services);

  return async (app) => {
    app.get(
      '/',
      {
        schema: {
          tags: ['meta'],
          operationId: 'getBanner',
          summary: "The server's banner (browsers are sent to the web client)",
          response: {
            ...replies(Banner, { access: 'public', input: false, game: false }),
            302: {
              type: 'null',
              description:
                'A browser (Accept: text/html) is redirected to the web client, `/play/`.',
            },
          },
        },
      },
      async (request, reply) => {
        if (services.config.webDir !== null && wantsPage(request.headers.accept)) {
          return reply.redirect('/play/');
        }
        return { message: 'Ogame-like Game Server', status: 'running' };
      },
    );

    app.get(
      '/healthz',
      {
        schema: {
          tags: ['meta'],
          operationId: 'getHealth',
          summary: 'Liveness and loop statistics',
          response: replies(Health, { access: 'public', input: false, game: false }),
        },
      },
      async () => {
        const memory = process.memoryUsage();
        return {
          status: HEALTH_STATUS[runtime.state],
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
            error: publicFailure(runtime.failure),
          },
          websocket: { connections: hub.connectionCount },
          lastSaveTs:
            runtime.lastSaveTs === null ? null : new Date(runtime.lastSaveTs).toISOString(),
          server_time: new Date(clock.now()).toISOString(),
        };
      },
    );

    app.get(
      '/healthz/live',
      {
        schema: {
          tags: ['meta'],
          operationId: 'getLiveness',
          summary: 'Liveness: the process answers (restart it when this fails)',
          response: replies(Liveness, { access: 'public', input: false, game: false }),
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/healthz/ready',
      {
        schema: {
          tags: ['meta'],
          operationId: 'getReadiness',
          summary: 'Readiness: the store commits, the disk writes, the loop ticks (503 otherwise)',
          response: {
            ...replies(Readiness, { access: 'public', input: false, game: false }),
            503: { ...NotReady, description: 'A check failed: take the server out of rotation.' },
          },
        },
      },
      async (_req, reply) => {
        const { ready, checks } = await readiness();
        if (ready) return { status: 'ready' as const, checks };
        reply.code(503);
        const failed = Object.entries(checks)
          .filter(([, c]) => c.status === 'fail')
          .map(([name, c]) => `${name}: ${c.detail}`);
        return {
          detail: `Not ready: ${failed.join('; ')}`,
          code: 'unavailable' as const,
          status: 'not_ready' as const,
          checks,
        };
      },
    );

    app.get(
      '/healthz/db',
      {
        schema: {
          tags: ['meta'],
          operationId: 'getDatabaseHealth',
          summary: 'Checks the store with a query',
          response: {
            ...replies(DatabaseHealth, { access: 'public', input: false, game: false }),
            503: { ...DatabaseDown, description: 'The store does not answer.' },
          },
        },
      },
      async (_req, reply) => {
        const ok = await store.ping();
        const database = {
          enabled: true,
          engine: store.engine,
          status: ok ? ('ok' as const) : ('fail' as const),
        };
        if (ok) return { database };
        // Every error answer carries a {detail}; this 503 had none (chaos PostgreSQL test, issue 6).
        reply.code(503);
        return {
          detail: 'The game database does not answer',
          code: 'unavailable' as const,
          database,
        };
      },
    );

    app.get(
      '/metrics',
      {
        schema: {
          tags: ['meta'],
          operationId: 'getMetrics',
          summary: 'JSON metrics, or Prometheus text with Accept: text/plain',
          response: {
            200: {
              description: 'The metrics, as JSON or as Prometheus text.',
              content: {
                'application/json': { schema: MetricsReport },
                'text/plain': { schema: Type.String() },
              },
            },
          },
        },
      },
      async (request, reply) => {
        const accept = request.headers.accept ?? '';
        if (PROMETHEUS_TYPES.some((t) => accept.includes(t))) {
          reply.type(metrics.registry.contentType);
          return metrics.prometheus();
        }
        // Checked against the schema by the contract tests; the registry's shape is dynamic.
        return metrics.toJSON() as Static<typeof MetricsReport>;
      },
    );
  };
}

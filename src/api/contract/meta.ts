// Schemas of the unauthenticated operator routes: banner, health, metrics, game status.
import { Type } from 'typebox';
import { DateTime, MapOf, Named, Nullable, Obj, StringEnum } from './kit.js';

export const Banner = Named('Banner', Obj({ message: Type.String(), status: Type.String() }));

export const Health = Named(
  'Health',
  Obj({
    status: StringEnum(['ok', 'degraded', 'stopping', 'stopped'], {
      description: 'ok while commands are taken; degraded while the store recovers.',
    }),
    worldLoaded: Type.Boolean(),
    loop: Obj({
      running: Type.Boolean(),
      tick_rate: Type.Number({ description: 'Ticks per second.' }),
      queue_depth: Type.Integer({ description: 'Commands waiting for their commit.' }),
      ticks: Type.Integer(),
      last_tick_ms: Type.Number(),
      jitter_last_ms: Type.Number(),
      scheduled_events: Type.Integer(),
    }),
    memory: Obj({
      current_bytes: Type.Integer({ description: 'Heap in use.' }),
      peak_bytes: Type.Integer(),
      rss_bytes: Type.Integer(),
    }),
    database: Obj({
      status: StringEnum(['ok', 'fail']),
      persistence: StringEnum(['embedded', 'memory', 'postgres']),
      engine: StringEnum(['sqlite', 'postgres']),
      error: Nullable(Type.String({ description: 'Why the last commit failed.' })),
    }),
    websocket: Obj({ connections: Type.Integer() }),
    lastSaveTs: Nullable(DateTime({ description: 'When the last commit ended.' })),
    server_time: DateTime(),
  }),
);

const DatabaseState = Obj({
  enabled: Type.Boolean(),
  engine: StringEnum(['sqlite', 'postgres']),
  status: StringEnum(['ok', 'fail']),
});

export const DatabaseHealth = Named('DatabaseHealth', Obj({ database: DatabaseState }));

export const DatabaseDown = Named(
  'DatabaseDown',
  Obj({
    detail: Type.String(),
    code: Type.Literal('unavailable'),
    database: DatabaseState,
  }),
);

const CheckResult = Obj({
  status: StringEnum(['ok', 'fail', 'skipped']),
  detail: Type.Union([Type.String(), Type.Null()], {
    description: 'Why it failed (or why it was skipped).',
  }),
});

const Checks = Obj({
  store: CheckResult,
  commits: CheckResult,
  disk: CheckResult,
  loop: CheckResult,
});

export const Readiness = Named(
  'Readiness',
  Obj(
    {
      status: StringEnum(['ready', 'not_ready']),
      checks: Checks,
    },
    {
      description:
        'Whether this server can take players now: the store answers, commits are not failing (no fail-stop), the data folder takes a write, the game loop ticks.',
    },
  ),
);

export const NotReady = Named(
  'NotReady',
  Obj({
    detail: Type.String(),
    code: Type.Literal('unavailable'),
    status: Type.Literal('not_ready'),
    checks: Checks,
  }),
);

export const Liveness = Named('Liveness', Obj({ status: Type.Literal('ok') }));

const Stat = Obj({
  count: Type.Integer(),
  total_ms: Type.Number(),
  avg_ms: Type.Number(),
  min_ms: Type.Number(),
  max_ms: Type.Number(),
  last_ms: Type.Number(),
  p95_ms: Type.Number(),
  p99_ms: Type.Number(),
});

export const MetricsReport = Named(
  'Metrics',
  Obj(
    {
      process: Obj({ started_at: DateTime(), uptime_s: Type.Number() }),
      http: Obj({
        total_count: Type.Integer(),
        by_route: MapOf(Obj({ ...Stat.properties, status_counts: MapOf(Type.Integer()) }), {
          description: 'By "METHOD:/route".',
        }),
      }),
      game_loop: Obj({ ticks: Type.Integer(), ...Stat.properties, jitter: Stat }),
      events: MapOf(Type.Number(), { description: 'Counters by name.' }),
      timers: MapOf(Stat, { description: 'Timings by name.' }),
    },
    { description: 'The JSON metrics (Prometheus text with Accept: text/plain).' },
  ),
);

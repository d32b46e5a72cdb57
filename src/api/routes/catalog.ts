import { requireUser } from '../../sim/economy/lookup.js';
import { catalogView } from '../../sim/views/catalog.js';
import { energySummary } from '../../sim/views/status.js';
import { StandardResponses, UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';

/** Rules and per-planet catalog for clients, game status and market guidance. */
export const catalogRoutes: RouteModule =
  ({ runtime, clock, config, store }, guards) =>
  async (app) => {
    // The energy summary walks every planet; under load it is served from a one-second cache.
    let energyCache: { at: number; value: ReturnType<typeof energySummary> } | null = null;
    const energy = () => {
      const now = Date.now();
      if (!energyCache || now - energyCache.at >= 1000) {
        energyCache = { at: now, value: runtime.read((ctx) => energySummary(ctx)) };
      }
      return energyCache.value;
    };

    app.get(
      '/rules',
      {
        schema: {
          tags: ['catalog'],
          summary: 'The active ruleset: every unit, cost, time, stat and formula',
        },
      },
      async () => runtime.rules.describe(),
    );

    app.get(
      '/player/:user_id/catalog',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags: ['catalog'],
          security: [{ bearerAuth: [] }],
          summary:
            'Every building, technology, ship and defense with next cost, duration and requirements',
          params: UserIdParams,
          response: StandardResponses,
        },
      },
      async (request) =>
        runtime.read((ctx) => catalogView(ctx, requireUser(ctx, request.params.user_id))),
    );

    app.get('/game-status', { schema: { tags: ['meta'] } }, async () =>
      runtime.read((ctx) => ({
        game_running: runtime.state === 'running',
        total_entities: ctx.world.users.size,
        total_planets: ctx.world.planets.size,
        server_time: new Date(clock.now()).toISOString(),
        ruleset: ctx.rules.id,
        database: {
          status: runtime.state === 'failed' ? 'fail' : 'ok',
          persistence: store.engine === 'postgres' ? 'postgres' : config.storage,
        },
        energy: energy(),
      })),
    );

    app.get('/market/guidance', { schema: { tags: ['market'] } }, async () => ({
      exchange_ratios: { metal: 3.0, crystal: 2.0, deuterium: 1.0 },
      transaction_fee_rate: config.gameplay.tradeFeeRate,
    }));
  };

import { planetFor, requireUser } from '../../sim/economy/lookup.js';
import { catalogView } from '../../sim/views/catalog.js';
import { energySummary } from '../../sim/views/status.js';
import { Catalog, GameStatus, MarketGuidance, Rules } from '../contract/catalog.js';
import { PlanetQuery } from '../contract/player.js';
import { replies } from '../contract/responses.js';
import { UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';

/** The seed's fixed exchange ratios of the market guidance. */
const EXCHANGE_RATIOS = { metal: 3.0, crystal: 2.0, deuterium: 1.0 };

/** Rules and per-planet catalog for clients, game status and market guidance. */
export const catalogRoutes: RouteModule =
  ({ runtime, clock, config, store }, guards) =>
  async (app) => {
    // The ruleset, and the coordinates that exist here (clients bound their inputs with it).
    const rules = {
      ...runtime.rules.describe(),
      universe: {
        galaxies: config.universe.galaxies,
        systems: config.universe.systems,
        positions: config.universe.positions,
        donutGalaxy: config.rulesetOptions.donutGalaxy,
        donutSystem: config.rulesetOptions.donutSystem,
      },
    };
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
          operationId: 'getRules',
          summary: 'The active ruleset: every unit, cost, time, stat and formula',
          response: replies(Rules, { access: 'public', input: false, game: false }),
        },
      },
      async () => rules,
    );

    app.get(
      '/player/:user_id/catalog',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags: ['catalog'],
          security: [{ bearerAuth: [] }],
          operationId: 'getCatalog',
          summary:
            'Every building, technology, ship and defense with next cost, duration and requirements, for the active planet (or `?planet_id=`)',
          params: UserIdParams,
          querystring: PlanetQuery,
          response: replies(Catalog, { access: 'player', errors: [404] }),
        },
      },
      async (request) =>
        runtime.read((ctx) => {
          const user = requireUser(ctx, request.params.user_id);
          return catalogView(ctx, user, planetFor(ctx, user, request.query.planet_id));
        }),
    );

    app.get(
      '/game-status',
      {
        schema: {
          tags: ['meta'],
          operationId: 'getGameStatus',
          summary: 'Whether the game runs, its size, the store and the energy situation',
          response: replies(GameStatus, { access: 'public', input: false }),
        },
      },
      async () =>
        runtime.read((ctx) => ({
          game_running: runtime.state === 'running',
          total_entities: ctx.world.users.size,
          total_planets: ctx.world.planets.size,
          server_time: new Date(clock.now()).toISOString(),
          ruleset: ctx.rules.id,
          database: {
            status: runtime.state === 'failed' ? ('fail' as const) : ('ok' as const),
            persistence: store.engine === 'postgres' ? ('postgres' as const) : config.storage,
          },
          energy: energy(),
        })),
    );

    app.get(
      '/market/guidance',
      {
        schema: {
          tags: ['market'],
          operationId: 'getMarketGuidance',
          summary: 'Exchange ratios between the resources and the market fee',
          response: replies(MarketGuidance, { access: 'public', input: false, game: false }),
        },
      },
      async () => ({
        exchange_ratios: EXCHANGE_RATIOS,
        transaction_fee_rate: config.gameplay.tradeFeeRate,
      }),
    );
  };

import { randomInt } from 'node:crypto';
import { Type } from '@fastify/type-provider-typebox';
import { prepareSimulation, summarizeSimulation } from '../../sim/combat/simulate.js';
import { Detail } from '../schemas.js';
import type { RouteModule } from './index.js';

/** A seed drawn here (the transport may use the OS random source; the simulation may not). */
const SEED_RANGE = 2 ** 32;
const RATE_WINDOW_MS = 60_000;

/**
 * POST /simulate/battle: a battle calculator under the active ruleset. It reads and changes no
 * game state, so it needs no token; it is rate-limited per client address instead
 * (RATE_LIMIT_PER_MINUTE). Big simulations run on the battle worker thread.
 */
export const simulateRoutes: RouteModule =
  ({ runtime, config, battles }) =>
  async (app) => {
    app.post(
      '/simulate/battle',
      {
        config: { rateLimit: { max: config.rateLimitPerMinute, timeWindow: RATE_WINDOW_MS } },
        schema: {
          tags: ['combat'],
          summary: 'Simulate a battle (or average N seeded battles) without touching the game',
          body: Type.Object({
            attacker: Type.Optional(Type.Unknown()),
            defender: Type.Optional(Type.Unknown()),
            seed: Type.Optional(Type.Unknown()),
            runs: Type.Optional(Type.Unknown()),
          }),
          response: { 200: Type.Unknown(), 400: Detail, 422: Detail, 429: Detail },
        },
      },
      async (request) => {
        const { rules, settings } = runtime;
        const prepared = prepareSimulation(rules, request.body, randomInt(SEED_RANGE - 1));
        const results = await battles.simulate(
          prepared.inputs,
          prepared.units,
          settings.combat.battleWorkerUnits,
        );
        return summarizeSimulation(rules, settings.combat, prepared, results);
      },
    );
  };

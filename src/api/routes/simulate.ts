import { randomInt } from 'node:crypto';
import type { Static } from 'typebox';
import { prepareSimulation, summarizeSimulation } from '../../sim/combat/simulate.js';
import { unchecked } from '../checked-input.js';
import { CheckedByHandler } from '../contract/kit.js';
import { replies } from '../contract/responses.js';
import { SimulationRequest, SimulationResult } from '../contract/simulate.js';
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
        // RATE_LIMIT_PER_MINUTE=0 turns the limit off here too (a max of 0 refused everything).
        config: {
          rateLimit:
            config.rateLimitPerMinute > 0
              ? { max: config.rateLimitPerMinute, timeWindow: RATE_WINDOW_MS }
              : false,
        },
        schema: {
          tags: ['combat'],
          operationId: 'simulateBattle',
          summary: 'Simulate a battle (or average N seeded battles) without touching the game',
          body: CheckedByHandler(SimulationRequest),
          // No game state is read or written; 429 comes from the per-address limit, 503 when
          // the simulator's queue is full.
          response: replies(SimulationResult, {
            access: 'public',
            body: true,
            errors: [400, 429, 503],
            game: false,
          }),
        },
      },
      async (request) => {
        const { rules, settings } = runtime;
        const prepared = prepareSimulation(
          rules,
          unchecked(request.body),
          randomInt(SEED_RANGE - 1),
        );
        const results = await battles.simulate(
          prepared.inputs,
          prepared.units,
          settings.combat.battleWorkerUnits,
        );
        // Typed loosely by the simulation (a winner picked from a list, `runs` a number); the
        // values are the contract's, which the response checker holds answers to in tests.
        return summarizeSimulation(rules, settings.combat, prepared, results) as Static<
          typeof SimulationResult
        >;
      },
    );
  };

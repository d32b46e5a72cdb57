import { Type } from '@fastify/type-provider-typebox';
import { buildShips } from '../../sim/commands/shipyard.js';
import { badRequest } from '../../sim/errors.js';
import { activePlanet, requireUser } from '../../sim/economy/lookup.js';
import { fleetMovements } from '../../sim/views/fleet.js';
import { levelsOf, shipQueueItemView } from '../../sim/views/player.js';
import { StandardResponses, UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';

const tags = ['fleet'];
const security = [{ bearerAuth: [] }];

/** Ships stationed on the active planet and orders to its shipyard. */
export const shipyardRoutes: RouteModule =
  ({ runtime }, guards) =>
  async (app) => {
    app.get(
      '/player/:user_id/fleet',
      {
        preHandler: guards.protectedUser,
        schema: { tags, security, params: UserIdParams, response: StandardResponses },
      },
      async (request) =>
        runtime.read((ctx) => {
          const user = requireUser(ctx, request.params.user_id);
          const planet = activePlanet(ctx, user);
          return {
            planet_id: planet.id,
            fleet: levelsOf(ctx.rules, 'ship', planet.ships),
            defenses: levelsOf(ctx.rules, 'defense', planet.defenses),
            ship_build_queue: ctx.world.shipQueue(planet.id).map(shipQueueItemView),
            // Own fleets away from home, and other players' fleets heading to this player's planets.
            ...fleetMovements(ctx, user),
          };
        }),
    );

    app.post(
      '/player/:user_id/build-ships',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary:
            'Order ships (or defenses) at the active planet shipyard (paid now, delivered one by one)',
          params: UserIdParams,
          body: Type.Object({
            ship_type: Type.Optional(Type.String({ maxLength: 100 })),
            quantity: Type.Optional(Type.Unknown()),
          }),
          response: StandardResponses,
        },
      },
      async (request) => {
        const type = request.body.ship_type?.trim();
        if (!type) throw badRequest('ship_type is required');
        const raw = request.body.quantity ?? 1;
        if (typeof raw !== 'number' || !Number.isInteger(raw))
          throw badRequest('quantity must be an integer');
        const item = await runtime.execute(buildShips, {
          userId: request.params.user_id,
          shipType: type,
          quantity: raw,
        });
        const index = runtime.world.shipQueue(item.planetId).findIndex((i) => i.id === item.id);
        return {
          message: `Ship build queued: ${item.type} x${item.count}`,
          item: shipQueueItemView(item, index),
        };
      },
    );
  };

import { buildShips } from '../../sim/commands/shipyard.js';
import { badRequest } from '../../sim/errors.js';
import { planetFor, requireUser } from '../../sim/economy/lookup.js';
import { fleetMovements } from '../../sim/views/fleet.js';
import { levelsOf, shipQueueItemView } from '../../sim/views/player.js';
import { optionalPlanetId, requiredTypeName, unchecked } from '../checked-input.js';
import { BuildShipsRequest, FleetOverview, ShipsQueued } from '../contract/fleet.js';
import { CheckedByHandler } from '../contract/kit.js';
import { PlanetQuery } from '../contract/player.js';
import { replies } from '../contract/responses.js';
import { UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';
import { runCommand } from '../idempotency.js';

const tags = ['fleet'];
const security = [{ bearerAuth: [] }];

/** Ships stationed on a planet (the active one unless named) and orders to its shipyard. */
export const shipyardRoutes: RouteModule =
  ({ runtime, ledger }, guards) =>
  async (app) => {
    app.get(
      '/player/:user_id/fleet',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'getFleet',
          summary:
            "Ships, defenses and shipyard queue of the active planet (or `?planet_id=`), and the player's fleet movements",
          params: UserIdParams,
          querystring: PlanetQuery,
          response: replies(FleetOverview, { access: 'player', errors: [404] }),
        },
      },
      async (request) =>
        runtime.read((ctx) => {
          const user = requireUser(ctx, request.params.user_id);
          const planet = planetFor(ctx, user, request.query.planet_id);
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
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'buildShips',
          summary:
            'Order ships (or defenses) at the shipyard of the active or named planet (paid now, delivered one by one)',
          params: UserIdParams,
          body: CheckedByHandler(BuildShipsRequest),
          response: replies(ShipsQueued, { access: 'player', body: true, errors: [404, 409] }),
        },
      },
      async (request, reply) => {
        const body = unchecked(request.body);
        const shipType = requiredTypeName(body.ship_type, 'ship_type');
        const planetId = optionalPlanetId(body.planet_id);
        const quantity = body.quantity ?? 1;
        // The reference server's text; the range (> 0, at most MAX_SHIP_ORDER) is the command's.
        if (typeof quantity !== 'number' || !Number.isInteger(quantity))
          throw badRequest('invalid_field', 'quantity must be an integer');
        return runCommand(
          ledger,
          request,
          reply,
          buildShips,
          {
            userId: request.params.user_id,
            planetId,
            shipType,
            quantity,
          },
          (item) => {
            const index = runtime.world.shipQueue(item.planetId).findIndex((i) => i.id === item.id);
            return {
              message: `Ship build queued: ${item.type} x${item.count}`,
              item: shipQueueItemView(item, index),
            };
          },
        );
      },
    );
  };

import { Type } from '@fastify/type-provider-typebox';
import { dispatchFleet } from '../../sim/commands/fleet-dispatch.js';
import { recallFleet } from '../../sim/commands/fleet-recall.js';
import { parseDispatchBody } from '../../sim/fleet/request.js';
import { dispatchView, fleetView, previewFlight } from '../../sim/views/fleet.js';
import { StandardResponses, UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';

const tags = ['fleet'];
const security = [{ bearerAuth: [] }];

/** Fields are checked by parseDispatchBody, with the specification's texts (400, not 422). */
const DispatchBody = Type.Object({
  galaxy: Type.Optional(Type.Unknown()),
  system: Type.Optional(Type.Unknown()),
  position: Type.Optional(Type.Unknown()),
  mission: Type.Optional(Type.Unknown()),
  speed: Type.Optional(Type.Unknown()),
  ships: Type.Optional(Type.Unknown()),
  resources: Type.Optional(Type.Unknown()),
  origin_planet_id: Type.Optional(Type.Unknown()),
});

/** Fleet dispatch, flight preview and recall; GET /player/{id}/fleet lives in shipyard.ts. */
export const fleetRoutes: RouteModule =
  ({ runtime }, guards) =>
  async (app) => {
    app.post(
      '/player/:user_id/fleet/dispatch',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: 'Send ships (and cargo) from a planet on a mission; they leave at once',
          params: UserIdParams,
          body: DispatchBody,
          response: StandardResponses,
        },
      },
      async (request) => {
        const parsed = parseDispatchBody(request.body);
        const fleet = await runtime.execute(dispatchFleet, {
          userId: request.params.user_id,
          ...parsed,
        });
        return dispatchView(fleet);
      },
    );

    app.post(
      '/player/:user_id/fleet/preview',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: 'Distance, duration, fuel and arrival of a dispatch, without sending it',
          params: UserIdParams,
          body: DispatchBody,
          response: StandardResponses,
        },
      },
      async (request) => {
        const parsed = parseDispatchBody(request.body);
        return runtime.read((ctx) => previewFlight(ctx, request.params.user_id, parsed));
      },
    );

    app.post(
      '/player/:user_id/fleet/:fleet_id/recall',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: 'Turn a fleet around before it arrives (home after the time flown so far)',
          params: Type.Object({
            user_id: UserIdParams.properties.user_id,
            fleet_id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
          }),
          response: StandardResponses,
        },
      },
      async (request) => {
        const fleet = await runtime.execute(recallFleet, {
          userId: request.params.user_id,
          fleetId: request.params.fleet_id,
        });
        return {
          message: 'Fleet recall queued',
          recalled: true,
          fleet_id: fleet.id,
          return_eta: new Date(fleet.returnTime ?? fleet.arrivalTime).toISOString(),
          fleet: fleetView(fleet),
        };
      },
    );
  };

import { dispatchFleet } from '../../sim/commands/fleet-dispatch.js';
import { recallFleet } from '../../sim/commands/fleet-recall.js';
import { parseDispatchBody } from '../../sim/fleet/request.js';
import { dispatchView, fleetView, previewFlight } from '../../sim/views/fleet.js';
import { unchecked } from '../checked-input.js';
import {
  DispatchRequest,
  FleetDispatched,
  FleetRecalled,
  FlightPreview,
  RecallParams,
} from '../contract/fleet.js';
import { CheckedByHandler } from '../contract/kit.js';
import { replies } from '../contract/responses.js';
import { UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';
import { runCommand } from '../idempotency.js';

const tags = ['fleet'];
const security = [{ bearerAuth: [] }];

/** Checked by parseDispatchBody, with the reference server's texts (400, not 422). */
const dispatchBody = CheckedByHandler(DispatchRequest);

const SHIPS_COMPAT =
  'Compatibility behaviour: without `ships` (absent or `{}`) the mission takes what it needs from the origin planet (espionage one espionage ship, colonize one colony ship, any other mission every ship stationed that can fly), as the Python server flew without a selection; `ships_taken` says what was taken.';

/** Fleet dispatch, flight preview and recall; GET /player/{id}/fleet lives in shipyard.ts. */
export const fleetRoutes: RouteModule =
  ({ runtime, ledger }, guards) =>
  async (app) => {
    app.post(
      '/player/:user_id/fleet/dispatch',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'dispatchFleet',
          summary:
            'Send ships (and cargo) from the active or named planet on a mission; they leave at once',
          description: SHIPS_COMPAT,
          params: UserIdParams,
          body: dispatchBody,
          response: replies(FleetDispatched, { access: 'player', body: true, errors: [404, 409] }),
        },
      },
      async (request, reply) => {
        const parsed = parseDispatchBody(unchecked(request.body));
        return runCommand(
          ledger,
          request,
          reply,
          dispatchFleet,
          {
            userId: request.params.user_id,
            ...parsed,
          },
          (fleet) => dispatchView(fleet, parsed.ships === null),
        );
      },
    );

    app.post(
      '/player/:user_id/fleet/preview',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'previewFleet',
          summary:
            'Distance, duration, fuel and arrival of a dispatch, without sending it (ships on hand are not checked)',
          description: SHIPS_COMPAT,
          params: UserIdParams,
          body: dispatchBody,
          response: replies(FlightPreview, { access: 'player', body: true, errors: [404, 409] }),
        },
      },
      async (request) => {
        const parsed = parseDispatchBody(unchecked(request.body));
        return runtime.read((ctx) => previewFlight(ctx, request.params.user_id, parsed));
      },
    );

    app.post(
      '/player/:user_id/fleet/:fleet_id/recall',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'recallFleet',
          summary: 'Turn a fleet around before it arrives (home after the time flown so far)',
          description:
            "Recalling a recalled fleet again answers the same return (idempotent); an arrived fleet is 400 `no_fleet_in_flight`. Compatibility behaviour (the Python server kept one movement per player and ignored the id): a `fleet_id` that is not one of the player's fleets recalls the player's only fleet in flight; with none in flight it is 400 `no_fleet_in_flight`, with several 404 `fleet_not_found`. `fleet_id` in the answer names the fleet recalled.",
          params: RecallParams,
          response: replies(FleetRecalled, { access: 'player', errors: [400, 404] }),
        },
      },
      async (request, reply) => {
        return runCommand(
          ledger,
          request,
          reply,
          recallFleet,
          {
            userId: request.params.user_id,
            fleetId: request.params.fleet_id,
          },
          (fleet) => ({
            message: 'Fleet recall queued',
            recalled: true as const,
            fleet_id: fleet.id,
            return_eta: new Date(fleet.returnTime ?? fleet.arrivalTime).toISOString(),
            fleet: fleetView(fleet),
          }),
        );
      },
    );
  };

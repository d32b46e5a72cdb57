import { Type } from 'typebox';
import { buildBuilding, cancelBuild, demolishBuilding } from '../../sim/commands/buildings.js';
import { notFound } from '../../sim/errors.js';
import { queueItemView } from '../../sim/views/player.js';
import { runCommand } from '../idempotency.js';
import { optionalPlanetId, requiredTypeName, unchecked } from '../checked-input.js';
import { BuildingType } from '../contract/enums.js';
import { CheckedByHandler, Id, Obj } from '../contract/kit.js';
import {
  BuildCancelled,
  BuildingCost,
  BuildQueued,
  BuildRequest,
  DemolitionQueued,
  PlanetQuery,
} from '../contract/player.js';
import { Defaulted } from '../contract/query.js';
import { replies } from '../contract/responses.js';
import { UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';

const tags = ['buildings'];
const security = [{ bearerAuth: [] }];

/** Building construction, demolition, queue cancellation and the public cost calculator. */
export const buildingRoutes: RouteModule =
  ({ runtime, ledger }, guards) =>
  async (app) => {
    app.post(
      '/player/:user_id/build',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'buildBuilding',
          summary: 'Queue the next level of a building (paid now) on the active or named planet',
          params: UserIdParams,
          body: CheckedByHandler(BuildRequest),
          response: replies(BuildQueued, { access: 'player', body: true, errors: [404, 409] }),
        },
      },
      async (request, reply) => {
        const body = unchecked(request.body);
        const buildingType = requiredTypeName(body.building_type, 'building_type');
        const planetId = optionalPlanetId(body.planet_id);
        return runCommand(
          ledger,
          request,
          reply,
          buildBuilding,
          { userId: request.params.user_id, planetId, buildingType },
          (item) => {
            const queue = runtime.world.buildQueue(item.planetId);
            return {
              message: `Build command queued for ${item.type}`,
              item: queueItemView(
                item,
                queue.findIndex((i) => i.id === item.id),
              ),
            };
          },
        );
      },
    );

    app.delete(
      '/player/:user_id/buildings/:building_type',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'demolishBuilding',
          summary: 'Demolish one level of a building on the active planet (or `?planet_id=`)',
          params: Obj({ user_id: Id(), building_type: BuildingType }),
          querystring: PlanetQuery,
          response: replies(DemolitionQueued, { access: 'player', errors: [400, 404, 409] }),
        },
      },
      async (request, reply) =>
        runCommand(
          ledger,
          request,
          reply,
          demolishBuilding,
          {
            userId: request.params.user_id,
            planetId: request.query.planet_id,
            buildingType: request.params.building_type,
          },
          (result) => ({
            message: `Demolition command queued for ${result.buildingType}`,
            planet_id: result.planetId,
            building_type: result.buildingType,
            new_level: result.newLevel,
            refund: result.refund,
            queued: result.queued !== null,
          }),
        ),
    );

    app.delete(
      '/player/:user_id/build-queue/:index',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'cancelBuild',
          summary:
            'Cancel a queued building (and later levels of the same building) on the active planet (or `?planet_id=`)',
          params: Obj({ user_id: Id(), index: Type.Integer({ minimum: 0, maximum: 1000 }) }),
          querystring: PlanetQuery,
          response: replies(BuildCancelled, { access: 'player', errors: [404] }),
        },
      },
      async (request, reply) => {
        const { index } = request.params;
        return runCommand(
          ledger,
          request,
          reply,
          cancelBuild,
          { userId: request.params.user_id, planetId: request.query.planet_id, index },
          (result) => ({
            message: `Cancel command queued for build queue index ${index}`,
            planet_id: result.planetId,
            cancelled: result.cancelled.map((item) => ({
              id: item.id,
              type: item.type,
              level: item.level,
            })),
            refund: result.refund,
          }),
        );
      },
    );

    app.get(
      '/building-costs/:building_type',
      {
        schema: {
          tags,
          operationId: 'getBuildingCost',
          summary: 'Cost and unreduced build time of a building level',
          params: Obj({
            building_type: Type.String({
              maxLength: 100,
              description: 'A building of the active ruleset (GET /rules); another is 404.',
            }),
          }),
          querystring: Obj({
            level: Defaulted(Type.Integer({ minimum: 0, maximum: 200, default: 0 })),
          }),
          // Priced from the ruleset alone: no game state is read, so no 503.
          response: replies(BuildingCost, { access: 'public', errors: [404], game: false }),
        },
      },
      async (request) => {
        const { building_type: type } = request.params;
        const unit = runtime.rules.unit(type);
        if (!unit || unit.category !== 'building')
          throw notFound('unknown_type', `Unknown building type: ${type}`);
        const quote = runtime.rules.buildingQuote(type, request.query.level);
        return {
          building_type: type,
          level: request.query.level,
          cost: {
            metal: quote.cost.metal,
            crystal: quote.cost.crystal,
            deuterium: quote.cost.deuterium,
          },
          build_time_seconds: quote.buildTimeSeconds,
        };
      },
    );
  };

import { Type } from '@fastify/type-provider-typebox';
import { buildBuilding, cancelBuild, demolishBuilding } from '../../sim/commands/buildings.js';
import { badRequest, notFound } from '../../sim/errors.js';
import { queueItemView } from '../../sim/views/player.js';
import { StandardResponses, UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';

const tags = ['buildings'];
const security = [{ bearerAuth: [] }];

/** Building construction, demolition, queue cancellation and the public cost calculator. */
export const buildingRoutes: RouteModule =
  ({ runtime }, guards) =>
  async (app) => {
    app.post(
      '/player/:user_id/build',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: 'Queue the next level of a building on the active planet (paid now)',
          params: UserIdParams,
          body: Type.Object({ building_type: Type.Optional(Type.String({ maxLength: 100 })) }),
          response: StandardResponses,
        },
      },
      async (request) => {
        const type = request.body.building_type?.trim();
        if (!type) throw badRequest('building_type is required');
        const item = await runtime.execute(buildBuilding, {
          userId: request.params.user_id,
          buildingType: type,
        });
        const index = runtime.world.buildQueue(item.planetId).findIndex((i) => i.id === item.id);
        return {
          message: `Build command queued for ${item.type}`,
          item: queueItemView(item, index),
        };
      },
    );

    app.delete(
      '/player/:user_id/buildings/:building_type',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: 'Demolish one level of a building',
          params: Type.Object({
            user_id: UserIdParams.properties.user_id,
            building_type: Type.String({ maxLength: 100 }),
          }),
          response: StandardResponses,
        },
      },
      async (request) => {
        const result = await runtime.execute(demolishBuilding, {
          userId: request.params.user_id,
          buildingType: request.params.building_type,
        });
        return {
          message: `Demolition command queued for ${result.buildingType}`,
          building_type: result.buildingType,
          new_level: result.newLevel,
          refund: result.refund,
          queued: result.queued !== null,
        };
      },
    );

    app.delete(
      '/player/:user_id/build-queue/:index',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: 'Cancel a queued building (and later levels of the same building)',
          params: Type.Object({
            user_id: UserIdParams.properties.user_id,
            index: Type.Integer({ minimum: 0, maximum: 1000 }),
          }),
          response: StandardResponses,
        },
      },
      async (request) => {
        const { index } = request.params;
        const result = await runtime.execute(cancelBuild, {
          userId: request.params.user_id,
          index,
        });
        return {
          message: `Cancel command queued for build queue index ${index}`,
          cancelled: result.cancelled.map((item) => ({
            id: item.id,
            type: item.type,
            level: item.level,
          })),
          refund: result.refund,
        };
      },
    );

    app.get(
      '/building-costs/:building_type',
      {
        schema: {
          tags,
          summary: 'Cost and unreduced build time of a building level',
          params: Type.Object({ building_type: Type.String({ maxLength: 100 }) }),
          querystring: Type.Object({
            level: Type.Integer({ minimum: 0, maximum: 200, default: 0 }),
          }),
          response: StandardResponses,
        },
      },
      async (request) => {
        const { building_type: type } = request.params;
        const unit = runtime.rules.unit(type);
        if (!unit || unit.category !== 'building') throw notFound(`Unknown building type: ${type}`);
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

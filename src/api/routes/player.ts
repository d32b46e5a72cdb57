import { Type } from '@fastify/type-provider-typebox';
import { chooseStart, selectPlanet } from '../../sim/commands/planets.js';
import { badRequest } from '../../sim/errors.js';
import { requireUser } from '../../sim/economy/lookup.js';
import { planetSummary } from '../../sim/views/player.js';
import { PlayerSnapshotCache } from '../player-snapshot-cache.js';
import { availableCoordinates } from '../../sim/views/universe.js';
import { StandardResponses, UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';

const tags = ['player'];
/** What Fastify itself sends for JSON, so pre-serialized bodies carry the same header. */
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const security = [{ bearerAuth: [] }];

const ChooseStartBody = Type.Object({
  galaxy: Type.Optional(Type.Unknown()),
  system: Type.Optional(Type.Unknown()),
  position: Type.Optional(Type.Unknown()),
  name: Type.Optional(Type.String({ maxLength: 200 })),
});

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** Player snapshot, planets, start choice and the free-coordinate browser. */
export const playerRoutes: RouteModule =
  ({ runtime }, guards) =>
  async (app) => {
    const snapshots = new PlayerSnapshotCache();
    app.get(
      '/player/:user_id',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: 'Snapshot of the player and the active planet',
          params: UserIdParams,
          response: StandardResponses,
        },
      },
      // Synchronous and pre-serialized: the hottest read route skips a promise and Fastify's
      // serializer (the cache renders exactly the JSON the serializer would have produced).
      (request, reply) => {
        const body = runtime.read((ctx) =>
          snapshots.render(ctx, runtime.version, requireUser(ctx, request.params.user_id)),
        );
        reply.type(JSON_CONTENT_TYPE).send(body);
      },
    );

    app.get(
      '/player/:user_id/planets',
      {
        preHandler: guards.protectedUser,
        schema: { tags, security, params: UserIdParams, response: StandardResponses },
      },
      async (request) =>
        runtime.read((ctx) => {
          const user = requireUser(ctx, request.params.user_id);
          return {
            planets: ctx.world
              .planetsOf(user.id)
              .map((p) => planetSummary(ctx, p, user.activePlanetId)),
          };
        }),
    );

    app.post(
      '/player/:user_id/choose-start',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: 'Create the homeworld in a chosen system (REQUIRE_START_CHOICE mode)',
          params: UserIdParams,
          body: ChooseStartBody,
          response: StandardResponses,
        },
      },
      async (request) => {
        const { galaxy, system, position, name } = request.body;
        if (!isInt(galaxy) || !isInt(system))
          throw badRequest('galaxy and system are required and must be integers');
        if (position !== undefined && position !== null && !isInt(position)) {
          throw badRequest('position must be an integer if provided');
        }
        const planet = await runtime.execute(chooseStart, {
          userId: request.params.user_id,
          galaxy,
          system,
          position: isInt(position) ? position : undefined,
          name,
        });
        return {
          message: 'Starter planet created',
          planet: {
            id: planet.id,
            name: planet.name,
            galaxy: planet.galaxy,
            system: planet.system,
            position: planet.position,
          },
        };
      },
    );

    app.post(
      '/player/:user_id/planets/:planet_id/select',
      {
        preHandler: guards.protectedUser,
        schema: {
          tags,
          security,
          summary: 'Switch the active planet',
          params: Type.Object({
            user_id: UserIdParams.properties.user_id,
            planet_id: Type.Integer({ minimum: 1 }),
          }),
          response: StandardResponses,
        },
      },
      async (request) => {
        const planet = await runtime.execute(selectPlanet, {
          userId: request.params.user_id,
          planetId: request.params.planet_id,
        });
        return {
          message: 'Active planet switched',
          planet_id: planet.id,
          position: { galaxy: planet.galaxy, system: planet.system, planet: planet.position },
        };
      },
    );

    app.get(
      '/planets/available',
      {
        schema: {
          tags: ['universe'],
          summary: 'Free coordinates from the seeded pool (or the free slots of a system)',
          querystring: Type.Object({
            galaxy: Type.Optional(Type.Integer({ minimum: 1 })),
            system: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
            offset: Type.Integer({ minimum: 0, default: 0 }),
          }),
          response: StandardResponses,
        },
      },
      async (request) =>
        runtime.read((ctx) => ({ available: availableCoordinates(ctx, request.query) })),
    );
  };

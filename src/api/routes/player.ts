import { Type, type Static } from 'typebox';
import { chooseStart, renamePlanet, selectPlanet } from '../../sim/commands/planets.js';
import { badRequest } from '../../sim/errors.js';
import { planetFor, requireUser } from '../../sim/economy/lookup.js';
import { planetSummary, planetView } from '../../sim/views/player.js';
import { availableCoordinates } from '../../sim/views/universe.js';
import { unchecked } from '../checked-input.js';
import { CheckedByHandler, Obj } from '../contract/kit.js';
import {
  ChooseStartRequest,
  PlanetDetail,
  PlanetList,
  PlanetQuery,
  PlanetRenamed,
  PlanetSelected,
  PlayerSnapshot,
  RenamePlanetRequest,
  StartChosen,
  UserPlanetParams,
} from '../contract/player.js';
import { pageFields } from '../contract/query.js';
import { replies } from '../contract/responses.js';
import { AvailablePositions } from '../contract/universe.js';
import { PlayerSnapshotCache } from '../player-snapshot-cache.js';
import { UserIdParams } from '../schemas.js';
import type { RouteModule } from './index.js';
import { runCommand } from '../idempotency.js';

const tags = ['player'];
/** What Fastify itself sends for JSON, so pre-serialized bodies carry the same header. */
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const security = [{ bearerAuth: [] }];

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** Player snapshot, planets (list, one, rename, select), start choice and free coordinates. */
export const playerRoutes: RouteModule =
  ({ runtime, ledger }, guards) =>
  async (app) => {
    const snapshots = new PlayerSnapshotCache();
    app.get(
      '/player/:user_id',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'getPlayer',
          summary: 'Snapshot of the player and the active planet (or `?planet_id=`)',
          params: UserIdParams,
          querystring: PlanetQuery,
          response: replies(PlayerSnapshot, { access: 'player', errors: [404] }),
        },
      },
      // Synchronous and pre-serialized: the hottest read route skips a promise and Fastify's
      // serializer (the cache renders exactly the JSON the serializer would have produced,
      // and the contract checker validates that text against PlayerSnapshot in tests).
      (request, reply) => {
        const body = runtime.read((ctx) => {
          const user = requireUser(ctx, request.params.user_id);
          const planet = planetFor(ctx, user, request.query.planet_id);
          return snapshots.render(ctx, runtime.version, user, planet);
        });
        // `send` is typed with the object the schema describes; this is its JSON text, which
        // Fastify sends as is (a string with a JSON content type is not serialized again).
        reply.type(JSON_CONTENT_TYPE).send(body as unknown as Static<typeof PlayerSnapshot>);
      },
    );

    app.get(
      '/player/:user_id/planets',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'listPlanets',
          summary: "The player's planets",
          params: UserIdParams,
          response: replies(PlanetList, { access: 'player', errors: [404] }),
        },
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

    app.get(
      '/player/:user_id/planets/:planet_id',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'getPlanet',
          summary: 'One planet of the player: economy, buildings, units and queues',
          params: UserPlanetParams,
          response: replies(PlanetDetail, { access: 'player', errors: [404] }),
        },
      },
      async (request) =>
        runtime.read((ctx) => {
          const user = requireUser(ctx, request.params.user_id);
          const planet = planetFor(ctx, user, request.params.planet_id);
          return planetView(ctx, planet, user.activePlanetId);
        }),
    );

    app.patch(
      '/player/:user_id/planets/:planet_id',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'renamePlanet',
          summary: 'Rename a planet of the player',
          params: UserPlanetParams,
          body: CheckedByHandler(RenamePlanetRequest),
          response: replies(PlanetRenamed, { access: 'player', body: true, errors: [404] }),
        },
      },
      async (request, reply) => {
        return runCommand(
          ledger,
          request,
          reply,
          renamePlanet,
          {
            userId: request.params.user_id,
            planetId: request.params.planet_id,
            name: unchecked(request.body).name,
          },
          (planet, ctx) => {
            const user = requireUser(ctx, request.params.user_id);
            return {
              message: 'Planet renamed',
              planet: planetSummary(ctx, planet, user.activePlanetId),
            };
          },
        );
      },
    );

    app.post(
      '/player/:user_id/choose-start',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'chooseStart',
          summary: 'Create the homeworld in a chosen system (REQUIRE_START_CHOICE mode)',
          params: UserIdParams,
          body: CheckedByHandler(ChooseStartRequest),
          response: replies(StartChosen, { access: 'player', body: true, errors: [404, 409] }),
        },
      },
      async (request, reply) => {
        const { galaxy, system, position, name } = unchecked(request.body);
        if (!isInt(galaxy) || !isInt(system))
          throw badRequest('invalid_field', 'galaxy and system are required and must be integers');
        if (position !== undefined && position !== null && !isInt(position)) {
          throw badRequest('invalid_field', 'position must be an integer if provided');
        }
        return runCommand(
          ledger,
          request,
          reply,
          chooseStart,
          {
            userId: request.params.user_id,
            galaxy,
            system,
            position: isInt(position) ? position : undefined,
            name,
          },
          (planet) => ({
            message: 'Starter planet created',
            planet: {
              id: planet.id,
              name: planet.name,
              galaxy: planet.galaxy,
              system: planet.system,
              position: planet.position,
            },
          }),
        );
      },
    );

    app.post(
      '/player/:user_id/planets/:planet_id/select',
      {
        preValidation: guards.protectedUser,
        schema: {
          tags,
          security,
          operationId: 'selectPlanet',
          summary: 'Switch the active planet',
          params: UserPlanetParams,
          response: replies(PlanetSelected, { access: 'player', errors: [404] }),
        },
      },
      async (request, reply) => {
        return runCommand(
          ledger,
          request,
          reply,
          selectPlanet,
          {
            userId: request.params.user_id,
            planetId: request.params.planet_id,
          },
          (planet) => ({
            message: 'Active planet switched',
            planet_id: planet.id,
            position: { galaxy: planet.galaxy, system: planet.system, planet: planet.position },
          }),
        );
      },
    );

    app.get(
      '/planets/available',
      {
        schema: {
          tags: ['universe'],
          operationId: 'listAvailablePositions',
          summary: 'Free coordinates from the seeded pool (or the free slots of a system)',
          querystring: Obj({
            galaxy: Type.Optional(Type.Integer({ minimum: 1 })),
            system: Type.Optional(Type.Integer({ minimum: 1 })),
            ...pageFields(1000, 50),
          }),
          response: replies(AvailablePositions, { access: 'public', errors: [400] }),
        },
      },
      async (request) =>
        runtime.read((ctx) => ({ available: availableCoordinates(ctx, request.query) })),
    );
  };

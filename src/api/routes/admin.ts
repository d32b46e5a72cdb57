import { timingSafeEqual } from 'node:crypto';
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { adminPatchPlanet, adminPatchPlayer } from '../../sim/commands/admin.js';
import { notFound, unauthorized } from '../../sim/errors.js';
import { requireUser } from '../../sim/economy/lookup.js';
import {
  planetSummary,
  researchQueueView,
  shipQueueItemView,
  queueItemView,
  levelsOf,
  iso,
} from '../../sim/views/player.js';
import { bearerToken } from '../auth/guard.js';
import { StandardResponses } from '../schemas.js';
import type { RouteModule } from './index.js';

const tags = ['admin'];
const security = [{ adminToken: [] }];
const AmountMap = Type.Record(Type.String({ maxLength: 100 }), Type.Number());

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Operator API. Absent (404) without ADMIN_TOKEN; 401 for any other token. Every change goes
 * through the simulation, is committed like a player command and is logged as an audit line.
 */
export const adminRoutes: RouteModule =
  ({ runtime, config }) =>
  async (app) => {
    const adminToken = config.adminToken;
    const requireAdmin = async (request: FastifyRequest) => {
      if (adminToken === null)
        throw notFound(`Not Found: ${request.method} ${request.url.split('?')[0]}`);
      const token = bearerToken(request.headers.authorization);
      if (!token || !sameSecret(token, adminToken)) throw unauthorized('Invalid admin token');
    };
    const audit = (
      request: FastifyRequest,
      action: string,
      target: Record<string, unknown>,
      change: unknown,
    ) =>
      request.log.info({ audit: true, action, ...target, change, ip: request.ip }, 'admin change');

    app.get(
      '/admin/players/:user_id',
      {
        preHandler: requireAdmin,
        schema: {
          tags,
          security,
          params: Type.Object({ user_id: Type.Integer({ minimum: 1 }) }),
          response: StandardResponses,
        },
      },
      async (request) =>
        runtime.read((ctx) => {
          const user = requireUser(ctx, request.params.user_id);
          return {
            id: user.id,
            username: user.username,
            email: user.email,
            is_active: user.isActive,
            created_at: iso(user.createdAt),
            last_login: iso(user.lastLogin),
            last_active: iso(user.lastActive),
            active_planet_id: user.activePlanetId,
            research: levelsOf(ctx.rules, 'research', user.research),
            research_queue: researchQueueView(ctx.world, user),
            planets: ctx.world.planetsOf(user.id).map((p) => ({
              ...planetSummary(ctx, p, user.activePlanetId),
              buildings: levelsOf(ctx.rules, 'building', p.buildings),
              ships: levelsOf(ctx.rules, 'ship', p.ships),
              defenses: levelsOf(ctx.rules, 'defense', p.defenses),
              build_queue: ctx.world.buildQueue(p.id).map(queueItemView),
              ship_build_queue: ctx.world.shipQueue(p.id).map(shipQueueItemView),
            })),
          };
        }),
    );

    app.patch(
      '/admin/planets/:planet_id',
      {
        preHandler: requireAdmin,
        schema: {
          tags,
          security,
          params: Type.Object({ planet_id: Type.Integer({ minimum: 1 }) }),
          body: Type.Object({
            resources: Type.Optional(AmountMap),
            buildings: Type.Optional(AmountMap),
            ships: Type.Optional(AmountMap),
            defenses: Type.Optional(AmountMap),
          }),
          response: StandardResponses,
        },
      },
      async (request) => {
        const planet = await runtime.execute(adminPatchPlanet, {
          planetId: request.params.planet_id,
          ...request.body,
        });
        audit(
          request,
          'patch_planet',
          { planet_id: planet.id, owner_id: planet.ownerId },
          request.body,
        );
        return runtime.read((ctx) => ({
          ...planetSummary(ctx, planet, null),
          buildings: levelsOf(ctx.rules, 'building', planet.buildings),
          ships: levelsOf(ctx.rules, 'ship', planet.ships),
          defenses: levelsOf(ctx.rules, 'defense', planet.defenses),
        }));
      },
    );

    app.patch(
      '/admin/players/:user_id',
      {
        preHandler: requireAdmin,
        schema: {
          tags,
          security,
          params: Type.Object({ user_id: Type.Integer({ minimum: 1 }) }),
          body: Type.Object({ research: Type.Optional(AmountMap) }),
          response: StandardResponses,
        },
      },
      async (request) => {
        const user = await runtime.execute(adminPatchPlayer, {
          userId: request.params.user_id,
          ...request.body,
        });
        audit(request, 'patch_player', { user_id: user.id }, request.body);
        return {
          id: user.id,
          research: runtime.read((ctx) => levelsOf(ctx.rules, 'research', user.research)),
        };
      },
    );
  };

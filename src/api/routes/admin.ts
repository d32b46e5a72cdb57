import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { adminPatchPlanet, adminPatchPlayer } from '../../sim/commands/admin.js';
import { DomainError, notFound, unauthorized } from '../../sim/errors.js';
import { requireUser } from '../../sim/economy/lookup.js';
import { iso, levelsOf, planetView, researchQueueView } from '../../sim/views/player.js';
import { bearerToken } from '../auth/guard.js';
import { FixedWindowLimiter } from '../auth/rate-limit.js';
import {
  AdminPlanetPatch,
  AdminPlayer,
  AdminPlayerPatch,
  AdminPlayerPatched,
} from '../contract/admin.js';
import { Id, Obj } from '../contract/kit.js';
import { PlanetDetail } from '../contract/player.js';
import { replies } from '../contract/responses.js';
import type { RouteModule } from './index.js';
import { runCommand } from '../idempotency.js';

const tags = ['admin'];
const security = [{ adminToken: [] }];

const tooManyGuesses = (retryAfter: number) =>
  new DomainError('rate_limited', 'rate_limited', 'Too many wrong admin tokens; wait', {
    retryAfter,
  });

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
  ({ runtime, ledger, config }) =>
  async (app) => {
    const adminToken = config.adminToken;
    // Wrong admin tokens per client address and minute; past the limit that address waits,
    // right token or not (500 guesses took 0.7 s before).
    const guesses = new FixedWindowLimiter(config.adminGuessLimitPerMinute, 60_000);
    const requireAdmin = async (request: FastifyRequest) => {
      if (adminToken === null)
        throw notFound(
          'route_not_found',
          `Not Found: ${request.method} ${request.url.split('?')[0]}`,
        );
      const now = Date.now();
      const wait = guesses.waitFor(request.ip, now);
      if (wait > 0) throw tooManyGuesses(wait);
      const token = bearerToken(request.headers.authorization);
      if (!token || !sameSecret(token, adminToken)) {
        const over = guesses.hit(request.ip, now);
        if (over > 0) throw tooManyGuesses(over);
        throw unauthorized('invalid_admin_token', 'Invalid admin token');
      }
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
        preValidation: requireAdmin,
        schema: {
          tags,
          security,
          operationId: 'adminGetPlayer',
          summary: 'A player with every planet whole (operator)',
          params: Obj({ user_id: Id() }),
          response: replies(AdminPlayer, { access: 'admin' }),
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
            planets: ctx.world
              .planetsOf(user.id)
              .map((p) => planetView(ctx, p, user.activePlanetId)),
          };
        }),
    );

    app.patch(
      '/admin/planets/:planet_id',
      {
        preValidation: requireAdmin,
        schema: {
          tags,
          security,
          operationId: 'adminPatchPlanet',
          summary: "Set a planet's name, resources, levels or unit counts (operator)",
          params: Obj({ planet_id: Id() }),
          body: AdminPlanetPatch,
          response: replies(PlanetDetail, { access: 'admin', body: true, errors: [400] }),
        },
      },
      async (request, reply) => {
        return runCommand(
          ledger,
          request,
          reply,
          adminPatchPlanet,
          {
            planetId: request.params.planet_id,
            ...request.body,
          },
          (planet, ctx) => {
            audit(
              request,
              'patch_planet',
              { planet_id: planet.id, owner_id: planet.ownerId },
              request.body,
            );
            return planetView(
              ctx,
              planet,
              ctx.world.users.get(planet.ownerId)?.activePlanetId ?? null,
            );
          },
        );
      },
    );

    app.patch(
      '/admin/players/:user_id',
      {
        preValidation: requireAdmin,
        schema: {
          tags,
          security,
          operationId: 'adminPatchPlayer',
          summary: "Set a player's technology levels (operator)",
          params: Obj({ user_id: Id() }),
          body: AdminPlayerPatch,
          response: replies(AdminPlayerPatched, { access: 'admin', body: true, errors: [400] }),
        },
      },
      async (request, reply) => {
        return runCommand(
          ledger,
          request,
          reply,
          adminPatchPlayer,
          {
            userId: request.params.user_id,
            ...request.body,
          },
          (user, ctx) => {
            audit(request, 'patch_player', { user_id: user.id }, request.body);
            return {
              id: user.id,
              research: levelsOf(ctx.rules, 'research', user.research),
            };
          },
        );
      },
    );
  };

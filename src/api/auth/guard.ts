import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { activityDue, recordActivity } from '../../sim/commands/activity.js';
import { DomainError, forbidden, unauthorized } from '../../sim/errors.js';
import type { User } from '../../sim/types.js';
import type { AppServices } from '../services.js';
import { FixedWindowLimiter } from './rate-limit.js';
import { InvalidTokenError, type TokenClaims } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth?: { user: User; claims: TokenClaims; token: string };
  }
}

const RATE_WINDOW_MS = 60_000;

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? (match[1] ?? null) : null;
}

/** Resolves a raw token to its user, with the specification's error texts. */
export function authenticateToken(
  services: AppServices,
  token: string,
): { user: User; claims: TokenClaims } {
  let claims: TokenClaims;
  try {
    claims = services.tokens.verify(token);
  } catch (err) {
    if (err instanceof InvalidTokenError) throw unauthorized('Could not validate credentials');
    throw err;
  }
  const world = services.runtime.world;
  if (world.revokedTokens.has(claims.jti)) throw unauthorized('Invalid token');
  const user = world.users.get(claims.userId);
  if (!user || !user.isActive) throw unauthorized('Inactive user');
  return { user, claims };
}

/**
 * Builds the preHandlers of protected routes: `authenticate` (401s and the per-user rate
 * limit) and `protectedUser` (the same, then 403 when the path's user_id is not the token's
 * user). They are synchronous callback-style hooks that throw their domain errors (Fastify
 * routes a throw to the error handler): they run on every protected request, and an async hook
 * costs a promise and a microtask turn each time.
 */
export function makeGuards(services: AppServices) {
  const limiter = new FixedWindowLimiter(services.config.rateLimitPerMinute, RATE_WINDOW_MS);
  const { runtime, clock } = services;

  function checkToken(request: FastifyRequest): void {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized('Not authenticated');
    const { user, claims } = authenticateToken(services, token);
    const wait = limiter.hit(user.id, Date.now());
    if (wait > 0)
      throw new DomainError('rate_limited', 'Rate limit exceeded', { retryAfter: wait });
    request.auth = { user, claims, token };
    // Activity is written at most once a minute per player and the request does not wait for
    // it: the command applies at once and its write joins the next group commit.
    if (activityDue(runtime.world, user, clock.now())) {
      runtime.execute(recordActivity, { userId: user.id }).catch(() => undefined);
    }
  }

  function checkUserMatch(request: FastifyRequest): void {
    const params = request.params as { user_id?: number | string };
    if (params.user_id !== undefined && Number(params.user_id) !== request.auth?.user.id) {
      throw forbidden('Forbidden: user_id mismatch');
    }
  }

  function authenticate(
    request: FastifyRequest,
    _reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void {
    checkToken(request);
    done();
  }

  /** One hook for both checks (401 before 403), so the hottest routes run one guard, not two. */
  function protectedUser(
    request: FastifyRequest,
    _reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void {
    checkToken(request);
    checkUserMatch(request);
    done();
  }

  return { authenticate, protectedUser };
}

export type Guards = ReturnType<typeof makeGuards>;

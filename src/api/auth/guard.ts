import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { activityDue, recordActivity } from '../../sim/commands/activity.js';
import { DomainError, forbidden, unauthorized } from '../../sim/errors.js';
import type { User } from '../../sim/types.js';
import type { AppServices } from '../services.js';
import { FixedWindowLimiter, rateLimitHeaders } from './rate-limit.js';
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

/**
 * Resolves a raw access token to its user, with the specification's error texts: the token
 * must verify, not be revoked, and its session (if it names one) must be live.
 */
export function authenticateToken(
  services: AppServices,
  token: string,
): { user: User; claims: TokenClaims } {
  let claims: TokenClaims;
  try {
    claims = services.tokens.verify(token);
  } catch (err) {
    if (err instanceof InvalidTokenError)
      throw unauthorized('invalid_token', 'Could not validate credentials');
    throw err;
  }
  const world = services.runtime.world;
  if (world.revokedTokens.has(claims.jti)) throw unauthorized('invalid_token', 'Invalid token');
  if (claims.sessionId !== null) {
    // A token of a session lives only as long as its session: logout, a password change or a
    // replayed refresh token revoke it, and a session not refreshed in time expires.
    const session = world.sessions.get(claims.sessionId);
    if (!session || session.userId !== claims.userId || session.revokedAt !== null)
      throw unauthorized('invalid_token', 'Invalid token');
    if (session.expiresAt <= services.clock.now())
      throw unauthorized('invalid_token', 'Could not validate credentials');
  } else {
    // Tokens from before sessions: a password change refuses those issued before it.
    const changedAt = world.sessions.passwordChangedAt(claims.userId);
    if (changedAt !== null && (claims.issuedAt === null || claims.issuedAt <= changedAt))
      throw unauthorized('invalid_token', 'Invalid token');
  }
  const user = world.users.get(claims.userId);
  if (!user || !user.isActive) throw unauthorized('inactive_user', 'Inactive user');
  return { user, claims };
}

/**
 * Builds the guards of protected routes, run as `preValidation` hooks so that a request without
 * valid credentials is a 401 whatever its input (as in FastAPI, where the security dependency
 * fails before the body is validated): `authenticate` (401s and the per-user rate limit) and
 * `protectedUser` (the same, then 403 when the path's user_id is not the token's user). They are synchronous callback-style hooks that throw their domain errors (Fastify
 * routes a throw to the error handler): they run on every protected request, and an async hook
 * costs a promise and a microtask turn each time.
 */
export function makeGuards(services: AppServices) {
  const { config } = services;
  // Two budgets per player: polling reads never use up the right to act, and the reverse.
  const commandLimiter = new FixedWindowLimiter(config.rateLimitPerMinute, RATE_WINDOW_MS);
  const readLimiter = new FixedWindowLimiter(config.readRateLimitPerMinute, RATE_WINDOW_MS);
  const { runtime, clock } = services;

  function checkToken(request: FastifyRequest, reply: FastifyReply): void {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthorized('not_authenticated', 'Not authenticated');
    const { user, claims } = authenticateToken(services, token);
    const limiter =
      request.method === 'GET' || request.method === 'HEAD' ? readLimiter : commandLimiter;
    const now = Date.now();
    const wait = limiter.hit(user.id, now);
    const standing = limiter.standing(user.id, now);
    if (standing) void reply.headers(rateLimitHeaders(standing));
    if (wait > 0)
      throw new DomainError('rate_limited', 'rate_limited', 'Rate limit exceeded', {
        retryAfter: wait,
      });
    request.auth = { user, claims, token };
    // Activity is written at most once a minute per player and the request does not wait for
    // it: the command applies at once and its write joins the next group commit.
    if (activityDue(runtime.world, user, clock.now())) {
      runtime.execute(recordActivity, { userId: user.id }).catch(() => undefined);
    }
  }

  /**
   * Runs before validation, on the path as text: an id that is not a number is left to the
   * schema (422 names the field), any other player's id is refused before the input is read.
   */
  function checkUserMatch(request: FastifyRequest): void {
    const params = request.params as { user_id?: number | string };
    if (params.user_id === undefined) return;
    const id = Number(params.user_id);
    if (Number.isInteger(id) && id !== request.auth?.user.id) {
      throw forbidden('user_mismatch', 'Forbidden: user_id mismatch');
    }
  }

  function authenticate(
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void {
    checkToken(request, reply);
    done();
  }

  /** One hook for both checks (401 before 403), so the hottest routes run one guard, not two. */
  function protectedUser(
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void {
    checkToken(request, reply);
    checkUserMatch(request);
    done();
  }

  return { authenticate, protectedUser };
}

export type Guards = ReturnType<typeof makeGuards>;

import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { assertAvailable, registerUser, revokeToken } from '../../sim/commands/auth.js';
import {
  changePassword,
  deleteAccount,
  endSession,
  openSession,
  refreshSession,
} from '../../sim/commands/sessions.js';
import { badRequest, unauthorized } from '../../sim/errors.js';
import type { Session } from '../../sim/sessions/registry.js';
import type { Guards } from '../auth/guard.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { InvalidTokenError } from '../auth/tokens.js';
import { unchecked } from '../checked-input.js';
import {
  AccountDeleted,
  AccountDeletion,
  Credentials,
  EMAIL_MAX,
  LoggedOut,
  Me,
  PASSWORD_MAX,
  PASSWORD_MIN,
  PasswordChange,
  PasswordChanged,
  RefreshRequest,
  Registration,
  TokenPair,
  User,
  USERNAME_MAX,
  USERNAME_MIN,
} from '../contract/auth.js';
import { CheckedByHandler } from '../contract/kit.js';
import { replies } from '../contract/responses.js';
import type { AppServices } from '../services.js';
import { runCommand } from '../idempotency.js';
import { normalizeUsername } from '../../sim/players/username.js';

const USERNAME_PATTERN = /^[\p{L}\p{N}_.-]+$/u;
const MS_PER_DAY = 86_400_000;
const tags = ['auth'];
const security = [{ bearerAuth: [] }];

/** A required text field of a handler-checked body: 400 with a code when absent or not text. */
function requiredText(value: unknown, field: string): string {
  if (value === undefined || value === null)
    throw badRequest('missing_field', `${field} is required`);
  if (typeof value !== 'string') throw badRequest('invalid_field', `${field} must be a string`);
  return value;
}

/** The registration rule for passwords, with its texts (also for a new password). */
function checkNewPassword(password: string): string {
  if (password.length < PASSWORD_MIN)
    throw badRequest('invalid_password', `Password too short (min ${PASSWORD_MIN})`);
  if (password.length > PASSWORD_MAX)
    throw badRequest('invalid_password', `Password too long (max ${PASSWORD_MAX})`);
  return password;
}

/** The specification's registration checks, with its error texts, on the unchecked body. */
function validateRegistration(body: unknown) {
  const fields = unchecked(body as { username: unknown; email: unknown; password: unknown });
  const username = normalizeUsername(requiredText(fields.username, 'username'));
  const email = requiredText(fields.email, 'email').trim();
  const password = requiredText(fields.password, 'password');
  if (username.length < USERNAME_MIN) throw badRequest('invalid_username', 'Username too short');
  if (username.length > USERNAME_MAX)
    throw badRequest('invalid_username', `Username too long (max ${USERNAME_MAX})`);
  if (!USERNAME_PATTERN.test(username)) {
    throw badRequest(
      'invalid_username',
      'Username may only contain letters, digits, "_", "-" and "."',
    );
  }
  if (
    email.length > EMAIL_MAX ||
    !email.includes('@') ||
    !email.includes('.') ||
    /\s/.test(email)
  ) {
    throw badRequest('invalid_email', 'Invalid email');
  }
  return { username, email, password: checkNewPassword(password) };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * `sessionsEnded`: told of a player whose sessions may have ended (after the commit), so their
 * sockets close at once.
 */
export function authRoutes(
  services: AppServices,
  guards: Guards,
  sessionsEnded: (userId: number) => void = () => undefined,
): FastifyPluginAsyncTypebox {
  const { runtime, ledger, tokens, config, clock } = services;
  const refreshLifetimeMs = config.jwt.refreshExpireDays * MS_PER_DAY;
  // A session lives as long as any of its tokens: its refresh token, or an access token issued
  // with it (ACCESS_TOKEN_EXPIRE_MINUTES may be set longer, for clients that never refresh).
  const sessionLifetimeMs = Math.max(refreshLifetimeMs, tokens.lifetimeSeconds * 1000);
  // Per-IP limit against brute force; 0 turns it off (a limit of "unlimited" requests).
  const authLimit = {
    rateLimit: {
      max:
        config.authRateLimitPerMinute > 0 ? config.authRateLimitPerMinute : Number.MAX_SAFE_INTEGER,
      timeWindow: 60_000,
    },
  };

  /** A new access token of the session and its current refresh token. */
  const tokenPair = (session: Session) => {
    // Issued at the login or refresh that produced this generation.
    const refreshExpiresAt = session.lastUsedAt + refreshLifetimeMs;
    return {
      access_token: tokens.issue(session.userId, session.id).token,
      token_type: 'bearer' as const,
      expires_in: tokens.lifetimeSeconds,
      refresh_token: tokens.issueRefresh(
        session.userId,
        session.id,
        session.generation,
        refreshExpiresAt,
      ),
      refresh_expires_in: Math.max(0, Math.floor((refreshExpiresAt - clock.now()) / 1000)),
      user_id: session.userId,
    };
  };

  /** Closes the player's ended sockets once the command that ended them is done. */
  const ending = <T>(userId: number, run: Promise<T>): Promise<T> =>
    run.finally(() => sessionsEnded(userId));

  return async (app) => {
    app.post(
      '/auth/register',
      {
        config: authLimit,
        schema: {
          tags,
          operationId: 'registerUser',
          summary: 'Create an account (and a homeworld unless REQUIRE_START_CHOICE)',
          body: CheckedByHandler(Registration),
          response: replies(User, { access: 'public', body: true, errors: [429] }),
        },
      },
      async (request, reply) => {
        const input = validateRegistration(request.body);
        // Cheap check first so a taken name costs no password hashing.
        assertAvailable(runtime.world, input);
        const passwordHash = await hashPassword(input.password);
        return runCommand(
          ledger,
          request,
          reply,
          registerUser,
          {
            username: input.username,
            email: input.email,
            passwordHash,
          },
          (user) => ({ id: user.id, username: user.username, email: user.email }),
        );
      },
    );

    app.post(
      '/auth/login',
      {
        config: authLimit,
        schema: {
          tags,
          operationId: 'login',
          summary: 'Exchange username and password for a session: access and refresh token',
          description:
            'JSON or OAuth2 form body. Opens a session; its access tokens last ACCESS_TOKEN_EXPIRE_MINUTES, its refresh token REFRESH_TOKEN_EXPIRE_DAYS.',
          body: Credentials,
          response: replies(TokenPair, { access: 'public', body: true, errors: [401, 429] }),
        },
      },
      async (request, reply) => {
        const user =
          runtime.world.usersByName.get(normalizeUsername(request.body.username).toLowerCase()) ??
          null;
        // The hash is read before the (slow) verification: the session opens only if it is
        // still the account's hash then, so a password changed meanwhile does not let this in.
        const verifiedHash = user?.passwordHash ?? null;
        const ok = await verifyPassword(verifiedHash, request.body.password);
        if (!user || !ok || !user.isActive || verifiedHash === null)
          throw unauthorized('invalid_credentials', 'Invalid credentials');
        return runCommand(
          ledger,
          request,
          reply,
          openSession,
          {
            userId: user.id,
            sessionId: randomUUID(),
            verifiedHash,
            lifetimeMs: sessionLifetimeMs,
          },
          (session) => tokenPair(session),
        );
      },
    );

    app.post(
      '/auth/refresh',
      {
        config: authLimit,
        schema: {
          tags,
          operationId: 'refreshSession',
          summary: 'Exchange a refresh token for a new token pair (the old one is spent)',
          description:
            'A refresh token works once. Presenting a spent one again revokes its whole session (401 `refresh_reused`): the newer refresh token and the access tokens of that session stop working too. Expired, revoked or forged tokens are 401 `invalid_token`.',
          body: RefreshRequest,
          response: replies(TokenPair, { access: 'public', body: true, errors: [401, 429] }),
        },
      },
      async (request, reply) => {
        let claims;
        try {
          claims = tokens.verifyRefresh(request.body.refresh_token);
        } catch (err) {
          if (err instanceof InvalidTokenError)
            throw unauthorized('invalid_token', 'Invalid refresh token');
          throw err;
        }
        return ending(
          claims.userId,
          runCommand(
            ledger,
            request,
            reply,
            refreshSession,
            {
              userId: claims.userId,
              sessionId: claims.sessionId,
              generation: claims.generation,
              lifetimeMs: sessionLifetimeMs,
            },
            (outcome) => {
              if (outcome.status === 'reused') {
                request.log.warn(
                  { user_id: claims.userId, session: claims.sessionId },
                  'refresh token reused; session revoked',
                );
                throw unauthorized(
                  'refresh_reused',
                  'Refresh token already used; the session is revoked',
                );
              }
              return tokenPair(outcome.session);
            },
          ),
        );
      },
    );

    app.get(
      '/auth/me',
      {
        preValidation: guards.authenticate,
        schema: {
          tags,
          security,
          operationId: 'getMe',
          summary: 'The account of the presented token',
          response: replies(Me, { access: 'token', input: false, game: false }),
        },
      },
      async (request) => {
        const user = request.auth!.user;
        return {
          id: user.id,
          username: user.username,
          email: user.email,
          is_active: user.isActive,
          created_at: new Date(user.createdAt).toISOString(),
          last_login: iso(user.lastLogin),
          needs_start_choice:
            config.starter.requireStartChoice && runtime.world.planetsOf(user.id).length === 0,
        };
      },
    );

    app.post(
      '/auth/logout',
      {
        preValidation: guards.authenticate,
        schema: {
          tags,
          security,
          operationId: 'logout',
          summary: "End the token's session (durably: it stays revoked after a restart)",
          description:
            'Every access and refresh token of the session stops working. A token without a session (issued before sessions) is revoked by itself.',
          response: replies(LoggedOut, { access: 'token', input: false }),
        },
      },
      async (request, reply) => {
        const { claims, user } = request.auth!;
        const loggedOut = () => ({ detail: 'Logged out' });
        if (claims.sessionId !== null) {
          const input = { sessionId: claims.sessionId };
          return ending(user.id, runCommand(ledger, request, reply, endSession, input, loggedOut));
        }
        const input = { jti: claims.jti, userId: user.id, expiresAt: claims.expiresAt };
        return ending(user.id, runCommand(ledger, request, reply, revokeToken, input, loggedOut));
      },
    );

    app.post(
      '/auth/password',
      {
        config: authLimit,
        preValidation: guards.authenticate,
        schema: {
          tags,
          security,
          operationId: 'changePassword',
          summary: 'Change the password; every other session is ended',
          description:
            'A wrong current password is 400 `invalid_credentials` (not 401: the token is fine, and clients treat 401 as "log in again").',
          body: PasswordChange,
          response: replies(PasswordChanged, { access: 'token', body: true }),
        },
      },
      async (request, reply) => {
        const { user, claims } = request.auth!;
        const { current_password: current, new_password: next } = request.body;
        // The cheap checks first, so a bad request costs no hashing.
        const password = checkNewPassword(next);
        if (password === current)
          throw badRequest('invalid_password', 'New password must differ from the current one');
        const verifiedHash = user.passwordHash;
        if (!(await verifyPassword(verifiedHash, current)))
          throw badRequest('invalid_credentials', 'Current password is incorrect');
        return ending(
          user.id,
          runCommand(
            ledger,
            request,
            reply,
            changePassword,
            {
              userId: user.id,
              verifiedHash,
              passwordHash: await hashPassword(password),
              keepSessionId: claims.sessionId,
            },
            (revoked) => ({ detail: 'Password changed', sessions_revoked: revoked }),
          ),
        );
      },
    );

    app.delete(
      '/auth/me',
      {
        config: authLimit,
        preValidation: guards.authenticate,
        schema: {
          tags,
          security,
          operationId: 'deleteAccount',
          summary: 'Delete the account (its password confirms it)',
          description:
            'Planets are freed, open offers refunded, fleets and queues dropped, every session ended. Battle and espionage reports stay readable by the other participant. The username and email can be registered again; ids are never reused.',
          body: AccountDeletion,
          response: replies(AccountDeleted, { access: 'token', body: true }),
        },
      },
      async (request, reply) => {
        const { user } = request.auth!;
        const verifiedHash = user.passwordHash;
        if (!(await verifyPassword(verifiedHash, request.body.password)))
          throw badRequest('invalid_credentials', 'Password is incorrect');
        return ending(
          user.id,
          runCommand(
            ledger,
            request,
            reply,
            deleteAccount,
            { userId: user.id, verifiedHash },
            (removed) => {
              request.log.warn(
                {
                  user_id: removed.user_id,
                  planets: removed.planets.length,
                  fleets: removed.fleets,
                },
                'account deleted by its owner',
              );
              return {
                detail: 'Account deleted',
                user_id: removed.user_id,
                planets_freed: removed.planets.length,
              };
            },
          ),
        );
      },
    );
  };
}

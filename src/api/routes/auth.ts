import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  assertAvailable,
  recordLogin,
  registerUser,
  revokeToken,
} from '../../sim/commands/auth.js';
import { badRequest, unauthorized } from '../../sim/errors.js';
import type { Guards } from '../auth/guard.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { Detail } from '../schemas.js';
import type { AppServices } from '../services.js';

const USERNAME_MIN = 3;
const USERNAME_MAX = 32;
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 256;
const EMAIL_MAX = 254;
const USERNAME_PATTERN = /^[\p{L}\p{N}_.-]+$/u;

const Credentials = Type.Object({
  username: Type.String({ maxLength: 1024 }),
  password: Type.String({ maxLength: 4096 }),
});
const Registration = Type.Object({
  username: Type.String({ maxLength: 1024 }),
  email: Type.String({ maxLength: 1024 }),
  password: Type.String({ maxLength: 4096 }),
});
const PublicUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  email: Type.String(),
});
const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  email: Type.String(),
  is_active: Type.Boolean(),
  created_at: Type.String(),
  last_login: Type.Union([Type.String(), Type.Null()]),
  needs_start_choice: Type.Boolean(),
});

/** The specification's registration checks, with its error texts. */
function validateRegistration(body: { username: string; email: string; password: string }) {
  const username = body.username.trim();
  const email = body.email.trim();
  if (username.length < USERNAME_MIN) throw badRequest('Username too short');
  if (username.length > USERNAME_MAX) throw badRequest(`Username too long (max ${USERNAME_MAX})`);
  if (!USERNAME_PATTERN.test(username)) {
    throw badRequest('Username may only contain letters, digits, "_", "-" and "."');
  }
  if (
    email.length > EMAIL_MAX ||
    !email.includes('@') ||
    !email.includes('.') ||
    /\s/.test(email)
  ) {
    throw badRequest('Invalid email');
  }
  if (body.password.length < PASSWORD_MIN) throw badRequest('Password too short (min 8)');
  if (body.password.length > PASSWORD_MAX)
    throw badRequest(`Password too long (max ${PASSWORD_MAX})`);
  return { username, email, password: body.password };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function authRoutes(services: AppServices, guards: Guards): FastifyPluginAsyncTypebox {
  const { runtime, tokens, config } = services;
  // Per-IP limit against brute force; 0 turns it off (a limit of "unlimited" requests).
  const authLimit = {
    rateLimit: {
      max:
        config.authRateLimitPerMinute > 0 ? config.authRateLimitPerMinute : Number.MAX_SAFE_INTEGER,
      timeWindow: 60_000,
    },
  };

  return async (app) => {
    app.post(
      '/auth/register',
      {
        config: authLimit,
        schema: {
          tags: ['auth'],
          summary: 'Create an account (and a homeworld unless REQUIRE_START_CHOICE)',
          body: Registration,
          response: { 200: PublicUser, 400: Detail, 429: Detail },
        },
      },
      async (request) => {
        const input = validateRegistration(request.body);
        // Cheap check first so a taken name costs no password hashing.
        assertAvailable(runtime.world, input);
        const passwordHash = await hashPassword(input.password);
        const user = await runtime.execute(registerUser, {
          username: input.username,
          email: input.email,
          passwordHash,
        });
        return { id: user.id, username: user.username, email: user.email };
      },
    );

    app.post(
      '/auth/login',
      {
        config: authLimit,
        schema: {
          tags: ['auth'],
          summary: 'Exchange username and password for a bearer token (JSON or form body)',
          body: Credentials,
          response: {
            200: Type.Object({ access_token: Type.String(), token_type: Type.Literal('bearer') }),
            401: Detail,
            429: Detail,
          },
        },
      },
      async (request) => {
        const user =
          runtime.world.usersByName.get(request.body.username.trim().toLowerCase()) ?? null;
        const ok = await verifyPassword(user?.passwordHash ?? null, request.body.password);
        if (!user || !ok || !user.isActive) throw unauthorized('Invalid credentials');
        const { token } = tokens.issue(user.id);
        await runtime.execute(recordLogin, { userId: user.id });
        return { access_token: token, token_type: 'bearer' as const };
      },
    );

    app.get(
      '/auth/me',
      {
        preHandler: guards.authenticate,
        schema: {
          tags: ['auth'],
          security: [{ bearerAuth: [] }],
          response: { 200: Me, 401: Detail },
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
        preHandler: guards.authenticate,
        schema: {
          tags: ['auth'],
          summary: 'Revoke the presented token (durably: it stays revoked after a restart)',
          security: [{ bearerAuth: [] }],
          response: { 200: Detail, 401: Detail },
        },
      },
      async (request) => {
        const { claims, user } = request.auth!;
        await runtime.execute(revokeToken, {
          jti: claims.jti,
          userId: user.id,
          expiresAt: claims.expiresAt,
        });
        return { detail: 'Logged out' };
      },
    );
  };
}

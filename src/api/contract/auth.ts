// Schemas of the auth routes: registration, login and sessions (access plus rotating refresh
// tokens), the account itself, password change and deletion. Success bodies mirror what
// routes/auth.ts builds; the login answer is a superset of the Python server's
// `{access_token, token_type}`.
import { Type } from 'typebox';
import { DateTime, Id, Named, Nullable, Obj } from './kit.js';

/** Limits of the registration rules (routes/auth.ts checks them, with the reference texts). */
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
export const EMAIL_MAX = 254;

/** Generous bounds on what login reads, so a megabyte of "password" is never hashed. */
const LOGIN_FIELD_MAX = 1024;
const LOGIN_PASSWORD_MAX = 4096;

const newPassword = (description: string) =>
  Type.String({
    description: `${description}${PASSWORD_MIN} to ${PASSWORD_MAX} characters; otherwise 400 \`invalid_password\` ("Password too short (min ${PASSWORD_MIN})").`,
  });

/**
 * POST /auth/register. Checked by the handler to keep the reference server's 400 texts
 * ("Username too short", "Invalid email", ...), each with a code.
 */
export const Registration = Obj({
  username: Type.String({
    description: `${USERNAME_MIN} to ${USERNAME_MAX} letters, digits, "_", "-" or "." after trimming; 400 \`invalid_username\` otherwise, \`username_taken\` if another account has it (case-insensitive).`,
  }),
  email: Type.String({
    description: `An address with "@" and ".", at most ${EMAIL_MAX} characters; 400 \`invalid_email\` otherwise, \`email_taken\` if another account has it.`,
  }),
  password: newPassword(''),
});

/** The registered account, as the reference server answers registration. */
export const User = Named('User', Obj({ id: Id(), username: Type.String(), email: Type.String() }));

/** POST /auth/login: a JSON or OAuth2 form body (other form fields are ignored). */
export const Credentials = Obj({
  username: Type.String({ maxLength: LOGIN_FIELD_MAX, description: 'Case-insensitive.' }),
  password: Type.String({ maxLength: LOGIN_PASSWORD_MAX }),
});

/** The answer of login and refresh: a new access token and the session's next refresh token. */
export const TokenPair = Named(
  'TokenPair',
  Obj(
    {
      access_token: Type.String({
        description: 'Bearer token for protected routes and the WebSocket.',
      }),
      token_type: Type.Literal('bearer'),
      expires_in: Type.Integer({
        minimum: 1,
        description: 'Seconds the access token is valid (ACCESS_TOKEN_EXPIRE_MINUTES).',
      }),
      refresh_token: Type.String({
        description:
          'Single use: POST /auth/refresh exchanges it for a new pair. Presenting it a second time revokes the session (401 `refresh_reused`).',
      }),
      refresh_expires_in: Type.Integer({
        minimum: 0,
        description:
          'Seconds the refresh token is valid; each refresh starts REFRESH_TOKEN_EXPIRE_DAYS again.',
      }),
      user_id: Id(),
    },
    {
      description:
        "A session's tokens; a superset of the reference server's `{access_token, token_type}`.",
    },
  ),
);

/** POST /auth/refresh. */
export const RefreshRequest = Obj({
  refresh_token: Type.String({ maxLength: LOGIN_FIELD_MAX }),
});

/** The account as GET /auth/me and the operator's GET /admin/players/{id} show it. */
export const accountFields = {
  id: Id(),
  username: Type.String(),
  email: Type.String(),
  is_active: Type.Boolean(),
  created_at: DateTime(),
  last_login: Nullable(DateTime()),
};

/** GET /auth/me, the reference server's shape. */
export const Me = Named(
  'Me',
  Obj({
    ...accountFields,
    needs_start_choice: Type.Boolean({
      description: 'REQUIRE_START_CHOICE is on and the player has no planet yet.',
    }),
  }),
);

/** POST /auth/logout (`{"detail": "Logged out"}`, as the reference server answers). */
export const LoggedOut = Named('LoggedOut', Obj({ detail: Type.String() }));

/** POST /auth/password. */
export const PasswordChange = Obj({
  current_password: Type.String({
    maxLength: LOGIN_PASSWORD_MAX,
    description: 'A wrong one is 400 `invalid_credentials`.',
  }),
  new_password: newPassword('The same rule as registration, and not the current password: '),
});

export const PasswordChanged = Named(
  'PasswordChanged',
  Obj(
    {
      detail: Type.String(),
      sessions_revoked: Type.Integer({
        minimum: 0,
        description: 'Other sessions (logins) of the account that were ended.',
      }),
    },
    {
      description:
        "The password is changed; the calling session stays valid, every other one is revoked, as are tokens without a session issued before the change (the caller's too, if its token has none).",
    },
  ),
);

/** DELETE /auth/me. */
export const AccountDeletion = Obj({
  password: Type.String({
    maxLength: LOGIN_PASSWORD_MAX,
    description: 'The current password; a wrong one is 400 `invalid_credentials`.',
  }),
});

export const AccountDeleted = Named(
  'AccountDeleted',
  Obj(
    {
      detail: Type.String(),
      user_id: Id(),
      planets_freed: Type.Integer({ minimum: 0 }),
    },
    {
      description:
        'The account is gone: planets freed, open offers refunded, fleets and queues dropped, every session ended. Reports stay readable by the other participant; the username and email can be registered again (under a new id).',
    },
  ),
);

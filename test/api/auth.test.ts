import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createSigner } from 'fast-jwt';
import { TokenService } from '../../src/api/auth/tokens.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, startTestServer } from '../helpers/server.js';
import { JWT_SECRET_KEY } from '../../src/runtime/secrets.js';

const PASSWORD = 'correct horse battery';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('registration', () => {
  test('each invalid registration gets the specification error text', async (t) => {
    const { server } = await startTestServer(t);
    await registerPlayer(server, 'alice', PASSWORD);
    const cases: Array<[Record<string, string>, string, string]> = [
      [
        { username: 'ab', email: 'ab@example.com', password: PASSWORD },
        'Username too short',
        'invalid_username',
      ],
      [
        { username: '  ab  ', email: 'ab@example.com', password: PASSWORD },
        'Username too short',
        'invalid_username',
      ],
      [
        { username: 'bob', email: 'bob-at-example.com', password: PASSWORD },
        'Invalid email',
        'invalid_email',
      ],
      [
        { username: 'bob', email: 'bob@localhost', password: PASSWORD },
        'Invalid email',
        'invalid_email',
      ],
      [
        { username: 'bob', email: 'bob@example.com', password: 'short' },
        'Password too short (min 8)',
        'invalid_password',
      ],
      [
        { username: 'alice', email: 'other@example.com', password: PASSWORD },
        'Username already taken',
        'username_taken',
      ],
      [
        { username: 'ALICE', email: 'other@example.com', password: PASSWORD },
        'Username already taken',
        'username_taken',
      ],
      [
        { username: 'bob', email: 'alice@example.com', password: PASSWORD },
        'Email already in use',
        'email_taken',
      ],
      [
        { username: 'bob', email: 'Alice@Example.com', password: PASSWORD },
        'Email already in use',
        'email_taken',
      ],
    ];
    for (const [payload, detail, code] of cases) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/register', payload });
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
      assert.deepEqual(res.json(), { detail, code }, JSON.stringify(payload));
    }
  });

  test('a missing or non-text field is a 400 with a code (the handler checks the body)', async (t) => {
    const { server } = await startTestServer(t);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ username: 'bob' }, 'email is required', 'missing_field'],
      [{ email: 'bob@example.com', password: PASSWORD }, 'username is required', 'missing_field'],
      [
        { username: ['bob'], email: 'bob@example.com', password: PASSWORD },
        'username must be a string',
        'invalid_field',
      ],
      [
        { username: 'bob', email: 'bob@example.com', password: 12345678 },
        'password must be a string',
        'invalid_field',
      ],
    ];
    for (const [payload, detail, code] of cases) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/register', payload });
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
      assert.deepEqual(res.json(), { detail, code }, JSON.stringify(payload));
    }
    const notObject = await server.app.inject({
      method: 'POST',
      url: '/auth/register',
      payload: [1, 2],
    });
    assert.equal(notObject.statusCode, 422, 'a body that is not an object is a schema failure');
    assert.equal(notObject.json().code, 'validation_failed');
    assert.equal(server.runtime.world.users.size, 0);
  });

  test('the response is {id, username, email}; the password or its hash never appears', async (t) => {
    const { server } = await startTestServer(t);
    const reg = await server.app.inject({
      method: 'POST',
      url: '/auth/register',
      payload: { username: 'carol', email: 'carol@example.com', password: PASSWORD },
    });
    assert.equal(reg.statusCode, 200);
    assert.deepEqual(reg.json(), { id: 1, username: 'carol', email: 'carol@example.com' });
    const login = await server.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'carol', password: PASSWORD },
    });
    const me = await server.app.inject({
      method: 'GET',
      url: '/auth/me',
      headers: bearer(login.json().access_token),
    });
    for (const res of [reg, login, me]) {
      assert.ok(!res.body.includes(PASSWORD), res.body);
      assert.ok(!res.body.includes('argon2'), res.body);
      assert.ok(!res.body.includes('password'), res.body);
    }
  });

  test('concurrent registrations of one name: exactly one wins', async (t) => {
    const { server } = await startTestServer(t);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        server.app.inject({
          method: 'POST',
          url: '/auth/register',
          payload: { username: 'dup', email: `dup${i}@example.com`, password: PASSWORD },
        }),
      ),
    );
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 400, 400, 400, 400]);
    for (const r of results.filter((x) => x.statusCode === 400))
      assert.equal(r.json().detail, 'Username already taken');
  });

  test('names that look alike are one name: NFKC forms and Unicode confusables', async (t) => {
    const { server } = await startTestServer(t);
    const register = (username: string, email = `${Math.random()}@example.com`) =>
      server.app.inject({
        method: 'POST',
        url: '/auth/register',
        payload: { username, email, password: PASSWORD },
      });
    const admin = await register('admin');
    assert.equal(admin.statusCode, 200, admin.body);
    // Fullwidth letters are folded before storing: this is `admin` itself.
    const fullwidth = await register('\uff41\uff44\uff4d\uff49\uff4e');
    assert.equal(fullwidth.json().detail, 'Username already taken');
    for (const lookalike of ['\u0430dmin', 'adrnin', 'Adrnin']) {
      const res = await register(lookalike);
      assert.equal(res.statusCode, 400, lookalike);
      assert.equal(res.json().code, 'username_taken');
      assert.equal(res.json().detail, 'Username too similar to one already taken', lookalike);
    }
    assert.equal((await register('adminx')).statusCode, 200);
    // The fullwidth form logs in to the account it folds to.
    const login = await server.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: '\uff41\uff44\uff4d\uff49\uff4e', password: PASSWORD },
    });
    assert.equal(login.statusCode, 200, login.body);
    assert.equal(login.json().user_id, admin.json().id);
  });
});

describe('login, me and logout', () => {
  for (const store of STORE_KINDS) {
    test(`login, /auth/me and a durable logout work on the ${store} store`, async (t) => {
      const { server, clock } = await startTestServer(t, { store });
      const alice = await registerPlayer(server, 'alice', PASSWORD);
      const me = await server.app.inject({ method: 'GET', url: '/auth/me', headers: alice.auth });
      assert.equal(me.statusCode, 200);
      const body = me.json();
      assert.deepEqual(Object.keys(body).sort(), [
        'created_at',
        'email',
        'id',
        'is_active',
        'last_login',
        'needs_start_choice',
        'username',
      ]);
      assert.equal(body.id, alice.id);
      assert.equal(body.email, 'alice@example.com');
      assert.equal(body.is_active, true);
      assert.equal(body.created_at, new Date(clock.now()).toISOString());
      assert.equal(body.last_login, new Date(clock.now()).toISOString());
      assert.equal(body.needs_start_choice, false);

      const out = await server.app.inject({
        method: 'POST',
        url: '/auth/logout',
        headers: alice.auth,
      });
      assert.equal(out.statusCode, 200);
      assert.deepEqual(out.json(), { detail: 'Logged out' });
      const after = await server.app.inject({
        method: 'GET',
        url: '/auth/me',
        headers: alice.auth,
      });
      assert.equal(after.statusCode, 401);
      assert.deepEqual(after.json(), { detail: 'Invalid token', code: 'invalid_token' });
      const again = await server.app.inject({
        method: 'POST',
        url: '/auth/logout',
        headers: alice.auth,
      });
      assert.equal(again.statusCode, 401, 'a revoked token cannot log out twice');

      // Another token of the same user is unaffected.
      const other = await server.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'alice', password: PASSWORD },
      });
      const meAgain = await server.app.inject({
        method: 'GET',
        url: '/auth/me',
        headers: bearer(other.json().access_token),
      });
      assert.equal(meAgain.statusCode, 200);
    });
  }

  test('login gives a token pair: a bearer JWT with sub, exp, jti and sid, and a refresh token', async (t) => {
    const { server, clock, config } = await startTestServer(t);
    await registerPlayer(server, 'alice', PASSWORD);
    const res = await server.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'alice', password: PASSWORD },
    });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), [
      'access_token',
      'expires_in',
      'refresh_expires_in',
      'refresh_token',
      'token_type',
      'user_id',
    ]);
    assert.equal(body.token_type, 'bearer');
    assert.equal(body.user_id, 1);
    assert.equal(body.expires_in, config.jwt.expireMinutes * 60);
    assert.equal(body.refresh_expires_in, config.jwt.refreshExpireDays * 86_400);
    const decode = (part: string | undefined) =>
      JSON.parse(Buffer.from(part ?? '', 'base64url').toString());
    const [header, payload] = String(body.access_token).split('.');
    assert.equal(decode(header).alg, 'HS256');
    const claims = decode(payload);
    assert.equal(claims.sub, '1');
    assert.equal(typeof claims.jti, 'string');
    assert.equal(claims.typ, undefined, 'access tokens have no typ, as the Python server’s');
    assert.equal(claims.exp, Math.floor(clock.now() / 1000) + config.jwt.expireMinutes * 60);
    const session = server.runtime.world.sessions.get(claims.sid);
    assert.ok(session, 'the access token names its session');
    const refresh = decode(String(body.refresh_token).split('.')[1]);
    assert.equal(refresh.typ, 'refresh');
    assert.equal(refresh.sid, claims.sid);
    assert.equal(refresh.gen, 1);
    assert.equal(refresh.exp * 1000, session.expiresAt);
  });

  test('login bodies are typed exactly: an array or a number is a 422, not a login', async (t) => {
    const { server } = await startTestServer(t);
    await registerPlayer(server, 'x', PASSWORD).catch(() => undefined);
    await registerPlayer(server, 'alice', PASSWORD);
    const cases: Array<[Record<string, unknown>, string]> = [
      // Ajv's coerceTypes: 'array' used to turn ["alice"] into "alice" and log in.
      [{ username: ['alice'], password: PASSWORD }, 'username'],
      [{ username: 'alice', password: [PASSWORD] }, 'password'],
      [{ username: 'alice', password: 12345678 }, 'password'],
      [{ username: 'alice' }, 'password'],
    ];
    for (const [payload, field] of cases) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload });
      assert.equal(res.statusCode, 422, `${JSON.stringify(payload)}: ${res.body}`);
      assert.equal(res.json().code, 'validation_failed');
      assert.deepEqual(res.json().detail[0].loc, ['body', field], JSON.stringify(payload));
    }
    const twice = await server.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `username=alice&username=alice&password=${encodeURIComponent(PASSWORD)}`,
    });
    assert.equal(twice.statusCode, 422, 'a form field given twice is a list, not a string');
    assert.equal(server.runtime.world.sessions.size, 1, 'only registerPlayer’s login opened one');
  });

  test('login accepts the OAuth2 form body and usernames case-insensitively', async (t) => {
    const { server } = await startTestServer(t);
    await registerPlayer(server, 'Alice', PASSWORD);
    const res = await server.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      // The other OAuth2 password-grant fields are ignored.
      payload: new URLSearchParams({
        grant_type: 'password',
        username: 'alice',
        password: PASSWORD,
        scope: '',
      }).toString(),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().token_type, 'bearer');
  });

  test('unknown user and wrong password both get 401 "Invalid credentials"', async (t) => {
    const { server } = await startTestServer(t);
    await registerPlayer(server, 'alice', PASSWORD);
    for (const payload of [
      { username: 'nobody', password: PASSWORD },
      { username: 'alice', password: 'wrong password' },
      { username: 'alice', password: '' },
    ]) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload });
      assert.equal(res.statusCode, 401, JSON.stringify(payload));
      assert.deepEqual(res.json(), { detail: 'Invalid credentials', code: 'invalid_credentials' });
    }
  });
});

describe('protected routes', () => {
  test('401 texts: missing, malformed, forged, alg none, expired, unknown or inactive user', async (t) => {
    const { server, clock, config } = await startTestServer(t, {
      env: { ACCESS_TOKEN_EXPIRE_MINUTES: '10' },
    });
    const alice = await registerPlayer(server, 'alice', PASSWORD);
    const me = (headers: Record<string, string> = {}) =>
      server.app.inject({ method: 'GET', url: '/auth/me', headers });
    const CODES: Record<string, string> = {
      'Not authenticated': 'not_authenticated',
      'Could not validate credentials': 'invalid_token',
      'Inactive user': 'inactive_user',
    };
    const expect401 = async (headers: Record<string, string>, detail: string, why: string) => {
      const res = await me(headers);
      assert.equal(res.statusCode, 401, `${why}: ${res.body}`);
      assert.deepEqual(res.json(), { detail, code: CODES[detail] }, why);
      assert.equal(res.headers['www-authenticate'], 'Bearer', why);
    };

    await expect401({}, 'Not authenticated', 'no header');
    await expect401(
      { authorization: 'Basic YWxpY2U6cHc=' },
      'Not authenticated',
      'not a bearer header',
    );
    await expect401({ authorization: 'Bearer' }, 'Not authenticated', 'empty bearer');
    await expect401(bearer('not.a.jwt'), 'Could not validate credentials', 'garbage');

    const [h, p, s] = alice.token.split('.');
    const claims = JSON.parse(Buffer.from(p ?? '', 'base64url').toString());
    await expect401(
      bearer(`${h}.${b64url({ ...claims, sub: '2' })}.${s}`),
      'Could not validate credentials',
      'tampered',
    );
    // No JWT_SECRET: the server made one and keeps it with the data.
    assert.equal(config.jwt.secret, null);
    const secret = String(server.runtime.world.meta.get(JWT_SECRET_KEY));
    assert.ok(secret.length >= 43, 'a 256-bit random secret');
    const otherSecret = createSigner({ key: 'some-other-secret', algorithm: 'HS256' })(claims);
    await expect401(bearer(otherSecret), 'Could not validate credentials', 'other secret');
    const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
    await expect401(bearer(none), 'Could not validate credentials', 'alg none');
    const hs512 = createSigner({ key: secret, algorithm: 'HS512' })(claims);
    await expect401(bearer(hs512), 'Could not validate credentials', 'another algorithm');
    const { jti: _jti, ...noJti } = claims;
    const missingJti = createSigner({ key: secret, algorithm: 'HS256' })(noJti);
    await expect401(bearer(missingJti), 'Could not validate credentials', 'no jti');

    const tokens = new TokenService(secret, 'HS256', 60_000, clock);
    await expect401(bearer(tokens.issue(999).token), 'Inactive user', 'unknown user id');
    const bob = await registerPlayer(server, 'bob', PASSWORD);
    const bobUser = server.runtime.world.users.get(bob.id);
    assert.ok(bobUser);
    bobUser.isActive = false;
    await expect401(bob.auth, 'Inactive user', 'deactivated user');

    // Expiry follows the (manual) clock: valid until the last second, refused after.
    clock.advance(10 * 60_000 - 1000);
    assert.equal((await me(alice.auth)).statusCode, 200);
    clock.advance(1000);
    await expect401(alice.auth, 'Could not validate credentials', 'expired');
  });

  test('per-user rate limit: 429 "Rate limit exceeded" with retry-after, other users unaffected', async (t) => {
    const { server } = await startTestServer(t, { env: { RATE_LIMIT_PER_MINUTE: '3' } });
    const alice = await registerPlayer(server, 'alice', PASSWORD);
    const bob = await registerPlayer(server, 'bob', PASSWORD);
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 5; i++) {
      const res = await server.app.inject({ method: 'GET', url: '/auth/me', headers: alice.auth });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) limited = res;
    }
    // The window may roll over between two requests; at least 2 of 5 must be refused.
    assert.ok(statuses.filter((s) => s === 429).length >= 2, statuses.join(','));
    assert.ok(limited);
    assert.deepEqual(limited.json(), {
      detail: 'Rate limit exceeded',
      code: 'rate_limited',
      retry_after: Number(limited.headers['retry-after']),
    });
    assert.ok(Number(limited.headers['retry-after']) >= 1);
    const other = await server.app.inject({ method: 'GET', url: '/auth/me', headers: bob.auth });
    assert.equal(other.statusCode, 200);
  });

  test('reads and commands have budgets of their own, with x-ratelimit-* headers on every answer', async (t) => {
    const { server } = await startTestServer(t, {
      env: { RATE_LIMIT_PER_MINUTE: '3', READ_RATE_LIMIT_PER_MINUTE: '2' },
    });
    const alice = await registerPlayer(server, 'alice', PASSWORD);
    const read = () =>
      server.app.inject({ method: 'GET', url: `/player/${alice.id}`, headers: alice.auth });
    const act = () =>
      server.app.inject({
        method: 'POST',
        url: `/player/${alice.id}/notifications/read-all`,
        headers: alice.auth,
      });
    const first = await read();
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['x-ratelimit-limit'], '2');
    assert.equal(first.headers['x-ratelimit-remaining'], '1');
    assert.ok(Number(first.headers['x-ratelimit-reset']) >= 1);
    await read();
    const polled = await read();
    // The window may roll over between requests: then the third read passes, which is fine.
    if (polled.statusCode === 429) {
      assert.equal(polled.headers['x-ratelimit-remaining'], '0');
      assert.ok(Number(polled.headers['retry-after']) >= 1);
    }
    // Polling used up the reads, not the right to act.
    const acted = await act();
    assert.equal(acted.statusCode, 200, acted.body);
    assert.equal(acted.headers['x-ratelimit-limit'], '3');
  });

  test('RATE_LIMIT_PER_MINUTE=0 turns every per-user and simulator limit off', async (t) => {
    const { server } = await startTestServer(t, { env: { RATE_LIMIT_PER_MINUTE: '0' } });
    const alice = await registerPlayer(server, 'alice', PASSWORD);
    const me = await server.app.inject({ method: 'GET', url: '/auth/me', headers: alice.auth });
    assert.equal(me.headers['x-ratelimit-limit'], undefined);
    const battle = {
      attacker: { ships: { light_fighter: 5 } },
      defender: { ships: { light_fighter: 5 } },
    };
    for (let i = 0; i < 3; i++) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/simulate/battle',
        payload: battle,
      });
      assert.equal(res.statusCode, 200, res.body);
    }
  });

  test('403 "Forbidden: user_id mismatch" on another player\'s /player/{user_id}', async (t) => {
    const { server } = await startTestServer(t);
    const alice = await registerPlayer(server, 'alice', PASSWORD);
    const bob = await registerPlayer(server, 'bob', PASSWORD);
    const own = await server.app.inject({
      method: 'GET',
      url: `/player/${alice.id}`,
      headers: alice.auth,
    });
    assert.equal(own.statusCode, 200, own.body);
    const other = await server.app.inject({
      method: 'GET',
      url: `/player/${bob.id}`,
      headers: alice.auth,
    });
    assert.equal(other.statusCode, 403);
    assert.deepEqual(other.json(), {
      detail: 'Forbidden: user_id mismatch',
      code: 'user_mismatch',
    });
    const anon = await server.app.inject({ method: 'GET', url: `/player/${bob.id}` });
    assert.equal(anon.statusCode, 401, 'authentication is checked before the user id');
  });
});

describe('per-IP limit on /auth/login and /auth/register', () => {
  test('429 after AUTH_RATE_LIMIT_PER_MINUTE attempts from one address; X-Forwarded-For does not reset it', async (t) => {
    const { server } = await startTestServer(t, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    const attempt = (ip: string, headers: Record<string, string> = {}) =>
      server.app.inject({
        method: 'POST',
        url: '/auth/login',
        remoteAddress: ip,
        headers,
        payload: { username: 'nobody', password: 'wrong password' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt('10.0.0.1')).statusCode);
    assert.deepEqual(statuses, [401, 401, 401]);
    const limited = await attempt('10.0.0.1');
    assert.equal(limited.statusCode, 429);
    assert.match(limited.json().detail, /Too many requests/);
    assert.ok(Number(limited.headers['retry-after']) >= 1);
    const spoofed = await attempt('10.0.0.1', { 'x-forwarded-for': '192.0.2.77' });
    assert.equal(spoofed.statusCode, 429, 'a forged X-Forwarded-For does not buy new attempts');
    assert.equal((await attempt('10.0.0.2')).statusCode, 401, 'another address has its own budget');

    const register = (i: number) =>
      server.app.inject({
        method: 'POST',
        url: '/auth/register',
        remoteAddress: '10.0.0.3',
        payload: { username: `user${i}`, email: `user${i}@example.com`, password: PASSWORD },
      });
    const reg = [];
    for (let i = 0; i < 4; i++) reg.push((await register(i)).statusCode);
    assert.deepEqual(reg, [200, 200, 200, 429]);
  });

  test('TRUST_PROXY=true keys the limit on X-Forwarded-For', async (t) => {
    const { server } = await startTestServer(t, {
      env: { AUTH_RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'true' },
    });
    const attempt = (forwarded: string) =>
      server.app.inject({
        method: 'POST',
        url: '/auth/login',
        remoteAddress: '10.0.0.1',
        headers: { 'x-forwarded-for': forwarded },
        payload: { username: 'nobody', password: 'wrong password' },
      });
    assert.equal((await attempt('192.0.2.1')).statusCode, 401);
    assert.equal((await attempt('192.0.2.1')).statusCode, 429);
    assert.equal((await attempt('192.0.2.2')).statusCode, 401);
  });

  test('AUTH_RATE_LIMIT_PER_MINUTE=0 disables the limit', async (t) => {
    const { server } = await startTestServer(t, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    for (let i = 0; i < 40; i++) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'nobody', password: 'wrong password' },
      });
      assert.equal(res.statusCode, 401);
    }
  });
});

describe('CORS', () => {
  test('only the configured origins are allowed', async (t) => {
    const { server } = await startTestServer(t, {
      env: { CORS_ALLOW_ORIGINS: 'https://play.example' },
    });
    const allowed = await server.app.inject({
      method: 'OPTIONS',
      url: '/auth/login',
      headers: { origin: 'https://play.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://play.example');
    assert.equal(allowed.headers['access-control-allow-credentials'], 'true');
    const denied = await server.app.inject({
      method: 'GET',
      url: '/',
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(denied.headers['access-control-allow-origin'], undefined);
  });

  test('any origin (the default) is served without credentials; listed origins get them', async (t) => {
    const { server } = await startTestServer(t, {
      env: { CORS_ALLOW_ORIGINS: '*' },
    });
    const preflight = (origin: string) =>
      server.app.inject({
        method: 'OPTIONS',
        url: '/auth/login',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, idempotency-key',
        },
      });
    const any = await preflight('https://anywhere.example');
    assert.equal(any.headers['access-control-allow-origin'], 'https://anywhere.example');
    assert.equal(any.headers['access-control-allow-credentials'], undefined);
    assert.equal(
      any.headers['access-control-allow-headers'],
      'authorization, content-type, idempotency-key',
    );
    const read = await server.app.inject({
      method: 'GET',
      url: '/',
      headers: { origin: 'https://anywhere.example' },
    });
    assert.equal(read.headers['access-control-allow-credentials'], undefined);
    assert.match(String(read.headers['access-control-expose-headers']), /idempotent-replayed/);
  });
});

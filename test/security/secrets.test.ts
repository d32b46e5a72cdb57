// Passwords stay secret (issue 6): they never appear in a response body or a log line (the
// server logs at trace level with SQL echo into a buffer here), not even echoed back inside an
// error about a malformed body; and login costs one argon2 verification whether or not the user
// exists, so its timing does not reveal which usernames are taken.

import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import pino from 'pino';
import { passwordVerifications, verifyPassword } from '../../src/api/auth/passwords.js';
import { startTestServer } from '../helpers/server.js';

const ADMIN = { authorization: 'Bearer secrets-admin' };
const PASSWORD = 'Sup3r-Secret-Passw0rd!';
const WRONG = 'Wr0ng-Secret-Guess!';
const SHORT = 'Sh0rt!';
const LONG = `L0ng-Secret-${'q'.repeat(300)}`;
const SECRETS = [PASSWORD, WRONG, SHORT, LONG.slice(0, 40), 'Secret', '$argon2'];

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), text: () => chunks.join('') };
}

describe('secrets', () => {
  test('no password (or hash) in any response body or log line', async (t) => {
    const log = capture();
    const { server } = await startTestServer(t, {
      logger: log.logger,
      env: { ADMIN_TOKEN: 'secrets-admin', LOG_LEVEL: 'trace', DB_ECHO: 'true' },
    });
    const bodies: string[] = [];
    const send = async (
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      payload?: string | object,
      headers: Record<string, string> = {},
    ) => {
      const res = await server.app.inject({ method, url, headers, payload });
      bodies.push(`${method} ${url} -> ${res.statusCode} ${res.body}`);
      return res;
    };
    const json = { 'content-type': 'application/json' };
    const form = { 'content-type': 'application/x-www-form-urlencoded' };

    const reg = await send('POST', '/auth/register', {
      username: 'alice',
      email: 'alice@example.com',
      password: PASSWORD,
    });
    assert.equal(reg.statusCode, 200, reg.body);
    const login = await send('POST', '/auth/login', { username: 'alice', password: PASSWORD });
    assert.equal(login.statusCode, 200);
    const auth = { authorization: `Bearer ${login.json().access_token}` };
    const stored = server.runtime.world.users.get(reg.json().id)?.passwordHash ?? '';
    assert.match(stored, /^\$argon2id\$/, 'stored as an argon2id hash');

    // Rejections that carry a password: wrong, too short, too long, duplicate, wrong types.
    await send('POST', '/auth/login', { username: 'alice', password: WRONG });
    await send('POST', '/auth/login', { username: 'nobody', password: WRONG });
    await send('POST', '/auth/login', `username=alice&password=${encodeURIComponent(WRONG)}`, form);
    await send('POST', '/auth/login', `username=alice&password=${WRONG}&password=${WRONG}`, form);
    for (const password of [SHORT, LONG])
      await send('POST', '/auth/register', { username: 'bob', email: 'bob@example.com', password });
    await send('POST', '/auth/register', {
      username: 'alice',
      email: 'a2@example.com',
      password: PASSWORD,
    });
    await send('POST', '/auth/register', { username: 'x', email: 'nope', password: PASSWORD });
    await send('POST', '/auth/login', { username: PASSWORD, password: [PASSWORD] });
    await send('POST', '/auth/login', { username: 'alice', password: { secret: PASSWORD } });
    // Malformed JSON around a password: the parser's message quotes the text near the error.
    for (const broken of [
      `{"username":"alice","password":"${PASSWORD}" x}`,
      `{"username":"alice","password":${PASSWORD}}`,
      `{"username":"alice","password":"${PASSWORD}"}}`,
      `{"username":"alice","password":"${PASSWORD}`,
      `${PASSWORD}`,
      `{"password":"${PASSWORD}",}`,
      `["${PASSWORD}"`,
    ]) {
      const res = await send('POST', '/auth/login', broken, json);
      assert.equal(res.statusCode, 400, broken);
      assert.equal(typeof res.json().detail, 'string');
    }
    // Everything a logged-in player and the operator can read about the account.
    await send('GET', '/auth/me', undefined, auth);
    await send('GET', `/player/${reg.json().id}`, undefined, auth);
    await send('GET', `/player/${reg.json().id}/planets`, undefined, auth);
    await send('GET', `/admin/players/${reg.json().id}`, undefined, ADMIN);
    await send('PATCH', `/admin/players/${reg.json().id}`, { research: { energy: 1 } }, ADMIN);
    await send('GET', '/highscore');
    await send('GET', '/metrics');
    await send('POST', '/auth/logout', undefined, auth);

    for (const body of bodies)
      for (const secret of SECRETS) assert.ok(!body.includes(secret), `response leaks: ${body}`);
    await server.runtime.flush();
    const logs = log.text();
    assert.match(logs, /world loaded/, 'the logger captured the server');
    assert.match(logs, /"msg":"sql"/, 'SQL echo was on');
    assert.match(logs, /admin change/, 'the audit line was written');
    for (const secret of SECRETS) assert.ok(!logs.includes(secret), `the logs contain ${secret}`);
  });

  test('every login attempt costs one argon2 verification, known user or not', async (t) => {
    const { server } = await startTestServer(t);
    const register = await server.app.inject({
      method: 'POST',
      url: '/auth/register',
      payload: { username: 'alice', email: 'alice@example.com', password: PASSWORD },
    });
    assert.equal(register.statusCode, 200);
    const inactive = await server.app.inject({
      method: 'POST',
      url: '/auth/register',
      payload: { username: 'ghost', email: 'ghost@example.com', password: PASSWORD },
    });
    server.runtime.world.users.get(inactive.json().id)!.isActive = false;

    const attempt = async (username: string, password: string) => {
      const before = passwordVerifications();
      const res = await server.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username, password },
      });
      return { res, cost: passwordVerifications() - before };
    };
    const failures = [
      ['unknown user', 'nobody', PASSWORD],
      ['unknown user, empty password', 'nobody', ''],
      ['unknown user, long password', 'x'.repeat(1024), 'y'.repeat(4096)],
      ['known user, wrong password', 'alice', WRONG],
      ['known user, empty password', 'alice', ''],
      ['inactive user, right password', 'ghost', PASSWORD],
    ] as const;
    const answers = [];
    for (const [why, username, password] of failures) {
      const { res, cost } = await attempt(username, password);
      assert.equal(res.statusCode, 401, why);
      assert.equal(cost, 1, `${why}: ${cost} argon2 verifications`);
      answers.push({ body: res.body, headers: Object.keys(res.headers).sort() });
    }
    for (const answer of answers)
      assert.deepEqual(answer, answers[0], 'every failure looks the same from outside');
    const ok = await attempt('ALICE ', PASSWORD);
    assert.equal(ok.res.statusCode, 200);
    assert.equal(ok.cost, 1);

    // The dummy verification is a real one: argon2 runs against an argon2id hash and says no.
    const before = passwordVerifications();
    assert.equal(await verifyPassword(null, PASSWORD), false);
    assert.equal(await verifyPassword(null, 'timing-equaliser-not-a-password'), false);
    assert.equal(passwordVerifications() - before, 2);
  });
});

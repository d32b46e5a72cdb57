// A guess limit on the admin token (issue 14): wrong tokens from one address are answered 401
// up to ADMIN_GUESS_LIMIT_PER_MINUTE, then 429 with Retry-After (the right token included),
// while other addresses are not affected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer } from '../helpers/server.js';

test('wrong admin tokens are limited per address; the limit answers 429 with Retry-After', async (t) => {
  const { server } = await startTestServer(t, {
    env: { ADMIN_TOKEN: 'the-real-admin-token', ADMIN_GUESS_LIMIT_PER_MINUTE: '5' },
  });
  const ask = (token: string, remoteAddress = '10.0.0.1') =>
    server.app.inject({
      method: 'GET',
      url: '/admin/players/1',
      remoteAddress,
      headers: { authorization: `Bearer ${token}` },
    });
  for (let i = 0; i < 5; i++) assert.equal((await ask(`guess-${i}`)).statusCode, 401);
  const limited = await ask('guess-5');
  assert.equal(limited.statusCode, 429, limited.body);
  assert.equal(limited.json().code, 'rate_limited');
  assert.ok(Number(limited.headers['retry-after']) >= 1);
  assert.equal((await ask('the-real-admin-token')).statusCode, 429, 'the address waits');
  const elsewhere = await ask('the-real-admin-token', '10.0.0.2');
  assert.notEqual(elsewhere.statusCode, 401);
  assert.notEqual(elsewhere.statusCode, 429);
});

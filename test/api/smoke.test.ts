import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerPlayer, startTestServer } from '../helpers/server.js';
import { STORE_KINDS } from '../helpers/postgres.js';

for (const store of STORE_KINDS) {
  test(`register, login and /auth/me work on the ${store} store`, async (t) => {
    const { server } = await startTestServer(t, { store });
    const alice = await registerPlayer(server, 'alice');
    const me = await server.app.inject({ method: 'GET', url: '/auth/me', headers: alice.auth });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().username, 'alice');
    assert.equal(me.json().needs_start_choice, false);
  });
}

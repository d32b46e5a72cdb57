// Costly public reads are limited (issue 14): GET /trade/offers for closed offers is a store
// read anyone can ask for; anonymous readers share one read of a page per second and get 429
// past RATE_LIMIT_PER_MINUTE per address, while players with a token, and the in-memory open
// offers, are not limited by it, and a player sees their own trades at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerPlayer, startTestServer } from '../helpers/server.js';

test('anonymous reads of closed offers are limited per address; players and open offers are not', async (t) => {
  const { server } = await startTestServer(t, { env: { RATE_LIMIT_PER_MINUTE: '3' } });
  const alice = await registerPlayer(server, 'alice');
  const list = (query: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url: `/trade/offers${query}`, headers });
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await list('?status=all')).statusCode);
  // The window may roll over in between: at least one of the five is refused.
  assert.ok(statuses.includes(429), statuses.join());
  const limited = (await list('?status=all')).statusCode === 429 ? await list('?status=all') : null;
  if (limited) assert.ok(Number(limited.headers['retry-after']) >= 1);
  for (let i = 0; i < 5; i++) assert.equal((await list('')).statusCode, 200, 'open offers');

  // A player with a token is not limited here and reads fresh: their cancelled offer shows.
  const offer = await server.app.inject({
    method: 'POST',
    url: '/trade/offers',
    headers: alice.auth,
    payload: {
      offered_resource: 'metal',
      offered_amount: 100,
      requested_resource: 'crystal',
      requested_amount: 50,
    },
  });
  assert.equal(offer.statusCode, 200, offer.body);
  const id = offer.json().id;
  const cancel = await server.app.inject({
    method: 'DELETE',
    url: `/trade/offers/${id}`,
    headers: alice.auth,
  });
  assert.equal(cancel.statusCode, 200);
  for (let i = 0; i < 5; i++) {
    const mine = await list('?status=all', alice.auth);
    assert.equal(mine.statusCode, 200);
    assert.equal(mine.json().offers.find((o: { id: number }) => o.id === id)?.status, 'cancelled');
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../src/runtime/clock.js';
import { call, exactResources } from '../helpers/game.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, startTestServer, TEST_EPOCH } from '../helpers/server.js';

const HOUR = 3_600_000;
const offerBody = (offered: number, requested: number) => ({
  offered_resource: 'deuterium',
  offered_amount: offered,
  requested_resource: 'metal',
  requested_amount: requested,
});

for (const store of STORE_KINDS) {
  test(`offers, their history and their expiry survive a restart (${store})`, async (t) => {
    const clock = new ManualClock(TEST_EPOCH);
    const env = { TRADE_OFFER_TTL_SECONDS: '7200', TRADE_TRANSACTION_FEE_RATE: '0.5' };
    const first = await startTestServer(t, { store, clock, env });
    const alice = await registerPlayer(first.server, 'alice');
    const bob = await registerPlayer(first.server, 'bob');
    const kept = (
      await call(first.server, 'POST', '/trade/offers', alice, offerBody(40, 10))
    ).json();
    const sold = (
      await call(first.server, 'POST', '/trade/offers', alice, offerBody(50, 20))
    ).json();
    assert.equal(
      (await call(first.server, 'POST', `/trade/accept/${sold.id}`, bob)).statusCode,
      200,
    );
    await first.stop();

    clock.advance(HOUR);
    const second = await startTestServer(t, {
      store,
      clock,
      env,
      dataDir: first.dataDir ?? undefined,
      databaseUrl: first.databaseUrl ?? undefined,
    });
    const { server } = second;
    const open = (await call(server, 'GET', '/trade/offers')).json().offers;
    assert.deepEqual(
      open.map((o: { id: number; expires_at: string }) => [o.id, o.expires_at]),
      [[kept.id, kept.expires_at]],
    );
    const all = (await call(server, 'GET', '/trade/offers?status=all')).json().offers;
    assert.deepEqual(
      all.map((o: { id: number; status: string; accepted_by: number | null }) => [
        o.id,
        o.status,
        o.accepted_by,
      ]),
      [
        [sold.id, 'accepted', bob.id],
        [kept.id, 'open', null],
      ],
    );
    const again = await call(server, 'POST', `/trade/accept/${sold.id}`, bob);
    assert.equal(again.statusCode, 409, 'a closed offer stays closed after a restart');
    const history = (await call(server, 'GET', `/player/${alice.id}/trade/history`, alice)).json()
      .events;
    assert.deepEqual(
      history.map((e: { type: string; offer_id: number; fee: number }) => [
        e.type,
        e.offer_id,
        e.fee,
      ]),
      [
        ['trade_completed', sold.id, 10],
        ['offer_created', sold.id, 0],
        ['offer_created', kept.id, 0],
      ],
    );
    // Id sequences continue above the stored ids.
    const next = (await call(server, 'POST', '/trade/offers', bob, offerBody(1, 1))).json();
    assert.ok(next.id > sold.id);
    assert.equal((await call(server, 'DELETE', `/trade/offers/${next.id}`, bob)).statusCode, 200);
    const events = (await call(server, 'GET', `/player/${bob.id}/trade/history`, bob)).json()
      .events;
    assert.ok(events[0].id > history[0].id);

    // The expiry scheduled before the restart still fires, and refunds.
    const deuteriumBefore = exactResources(server, alice.id).deuterium;
    clock.advance(HOUR);
    server.runtime.tick();
    await server.runtime.flush();
    assert.deepEqual((await call(server, 'GET', '/trade/offers')).json().offers, []);
    assert.ok(exactResources(server, alice.id).deuterium >= deuteriumBefore + 40);
    const expired = (await call(server, 'GET', '/trade/offers?status=expired')).json().offers;
    assert.deepEqual(
      expired.map((o: { id: number }) => o.id),
      [kept.id],
    );
  });
}

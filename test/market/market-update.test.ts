// Another player's offer reaches every open market screen (issue 12): at the tick after the
// open offers change, each online player gets one `market_update` (whoever traded), and none
// while the market stands still.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { advanceTo, equip, join, startFleetServer } from '../fleet/helpers.js';
import { openSocket } from '../helpers/ws.js';

const SECOND = 1000;

test('a new, accepted or cancelled offer is announced to every online player once per tick', async (t) => {
  const ts = await startFleetServer(t);
  const { server } = ts;
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const url = `ws://127.0.0.1:${(server.app.server.address() as AddressInfo).port}/ws`;
  const seller = await join(server, 'seller');
  const watcher = await join(server, 'watcher');
  const rich = { metal: 100_000, crystal: 100_000, deuterium: 100_000 };
  await equip(server, seller.planetId, { resources: rich });
  await equip(server, watcher.planetId, { resources: rich });
  const socket = openSocket(t, `${url}?token=${watcher.token}`);
  await socket.until((m) => m.type === 'welcome');
  const tick = () => advanceTo(ts, new Date(ts.clock.now() + SECOND).toISOString());
  const updates = () => socket.messages.filter((m) => m.type === 'market_update');
  await tick();
  await socket.until((m) => m.type === 'resource_update', 'a tick reached the socket');
  assert.equal(updates().length, 0, 'nothing changed: no market_update');

  const offer = (amount: number) =>
    server.app.inject({
      method: 'POST',
      url: '/trade/offers',
      headers: seller.auth,
      payload: {
        offered_resource: 'metal',
        offered_amount: amount,
        requested_resource: 'crystal',
        requested_amount: amount / 2,
      },
    });
  // Two offers between two ticks: one message, with the count of open offers after both.
  const first = await offer(1000);
  assert.equal(first.statusCode, 200, first.body);
  assert.equal((await offer(2000)).statusCode, 200);
  await tick();
  const announced = await socket.until((m) => m.type === 'market_update', 'market_update');
  assert.equal(announced.open_offers, 2);
  await tick();
  await socket.until(
    () => socket.messages.filter((m) => m.type === 'resource_update').length >= 3,
    'next tick',
  );
  assert.equal(updates().length, 1, 'one per change, not one per tick');

  const accepted = await server.app.inject({
    method: 'POST',
    url: `/trade/accept/${first.json().id}`,
    headers: watcher.auth,
  });
  assert.equal(accepted.statusCode, 200, accepted.body);
  await tick();
  await socket.until(() => updates().length === 2, 'second market_update');
  assert.equal(updates()[1]?.open_offers, 1);
  assert.deepEqual(server.contractViolations, []);
});

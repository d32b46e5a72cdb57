// Real play with both players' sockets open: every message the game sends reaches the sockets
// and is checked against the WebSocket contract (contract/messages.ts) on its way out.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { SERVER_MESSAGES } from '../../src/api/contract/messages.js';
import {
  advanceTo,
  call,
  equip,
  freeSlotNear,
  join,
  send,
  startFleetServer,
  target,
} from '../fleet/helpers.js';
import { openSocket } from '../helpers/ws.js';

const MINUTE = 60_000;

test('every message of real play matches the contract, with increasing seqs per player', async (t) => {
  const ts = await startFleetServer(t, {
    env: { COLONIZATION_TIME_SECONDS: '30', BATTLE_WORKER_UNITS: '10' },
  });
  const { server } = ts;
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const url = `ws://127.0.0.1:${(server.app.server.address() as AddressInfo).port}/ws`;
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  const a = openSocket(t, `${url}?token=${alice.token}`);
  const b = openSocket(t, `${url}?token=${bob.token}`);
  await a.until((m) => m.type === 'welcome');
  await b.until((m) => m.type === 'welcome');

  const rich = { metal: 1_000_000, crystal: 1_000_000, deuterium: 1_000_000 };
  await equip(server, alice.planetId, {
    ships: { light_fighter: 30, cruiser: 2, colony_ship: 1 },
    resources: rich,
    buildings: { research_lab: 1, shipyard: 2, robot_factory: 2 },
  });
  await equip(server, bob.planetId, { resources: rich, ships: { light_fighter: 1 } });

  const ok = async (res: { status: number; body: unknown }) =>
    assert.equal(res.status, 200, JSON.stringify(res.body));
  await ok(await call(server, alice, 'POST', '/build', { building_type: 'metal_mine' }));
  await ok(await call(server, alice, 'POST', '/research', { research_type: 'energy' }));
  await ok(
    await call(server, alice, 'POST', '/build-ships', { ship_type: 'light_fighter', quantity: 3 }),
  );
  await send(server, alice, {
    ...target(bob.coords),
    mission: 'transfer',
    ships: { cruiser: 2 },
    resources: { metal: 100 },
  });
  await send(server, alice, {
    ...target(bob.coords),
    mission: 'espionage',
    ships: { light_fighter: 1 },
  });
  await send(server, alice, {
    ...freeSlotNear(server, alice.coords),
    mission: 'colonize',
    ships: { colony_ship: 1 },
  });
  // 21 units: above BATTLE_WORKER_UNITS, so the battle is reserved first (battle_started).
  await send(server, alice, {
    ...target(bob.coords),
    mission: 'attack',
    ships: { light_fighter: 20 },
  });
  const offer = await server.app.inject({
    method: 'POST',
    url: '/trade/offers',
    headers: alice.auth,
    payload: {
      offered_resource: 'metal',
      offered_amount: 1000,
      requested_resource: 'crystal',
      requested_amount: 500,
    },
  });
  assert.equal(offer.statusCode, 200, offer.body);
  const accepted = await server.app.inject({
    method: 'POST',
    url: `/trade/accept/${offer.json().id}`,
    headers: bob.auth,
  });
  assert.equal(accepted.statusCode, 200, accepted.body);

  // Flights to another system take hours at full speed; ticks every 10 minutes for a day.
  for (let i = 0; i < 144; i++)
    await advanceTo(ts, new Date(ts.clock.now() + 10 * MINUTE).toISOString());
  await a.until((m) => m.type === 'colony_founded', 'colony_founded');
  await a.until(
    () => a.messages.filter((m) => m.type === 'fleet_returned').length >= 3,
    'every fleet home',
  );
  await b.until((m) => m.type === 'battle_report', 'battle_report');

  const types = (messages: Array<Record<string, unknown>>) => new Set(messages.map((m) => m.type));
  const seen = new Set([...types(a.messages), ...types(b.messages)]);
  const expected = [
    'welcome',
    'resource_update',
    'building_complete',
    'research_complete',
    'ship_build_complete_batch',
    'incoming_attack',
    'battle_started',
    'battle_report',
    'fleet_arrived',
    'fleet_returned',
    'transport_received',
    'espionage_report',
    'colony_founded',
    'trade_event',
    'market_update',
    'notification',
  ];
  for (const type of expected) assert.ok(seen.has(type), `${type} was sent`);
  for (const type of expected)
    assert.ok(
      SERVER_MESSAGES.some((m) => m.type === type),
      type,
    );
  for (const c of [a, b]) {
    const events = c.messages.filter((m) => SERVER_MESSAGES.find((d) => d.type === m.type)?.event);
    for (let i = 1; i < events.length; i++)
      assert.ok((events[i]?.seq as number) > (events[i - 1]?.seq as number), 'increasing seq');
  }
  assert.deepEqual(server.contractViolations, [], 'every message matches its schema');
});

// The invariant checker is not vacuous: on a store holding exactly what was acknowledged it
// finds nothing, and each kind of damage a crash bug could do (an acknowledged effect lost, an
// effect applied twice or invented, resources or ships appearing from nowhere, a timer's notice
// duplicated) is reported.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRuleset } from '../../src/rules/index.js';
import { startTestServer, TEST_EPOCH } from '../helpers/server.js';
import { readDurable, type DurableState } from './lib/durable.js';
import { http, type Outcome } from './lib/http.js';
import { baselineOf, Ledger, type Command } from './lib/ledger.js';
import { chaosEnv, setupPlayers, TRADE_FEE_RATE, type Player } from './lib/setup.js';

test('the ledger check passes on acknowledged state and reports every kind of damage', async (t) => {
  const env = { ...chaosEnv(), LOG_LEVEL: 'silent', PORT: '0' };
  const first = await startTestServer(t, { store: 'embedded', env });
  const dataDir = first.dataDir as string;
  const storeEnv = { ...env, STORAGE: 'embedded', DATA_DIR: dataDir };
  const players = await setupPlayers(await first.server.listen(), 2);
  await first.stop();
  const baseline = baselineOf(await readDurable(storeEnv), players);

  // A second life: one acknowledged command of each kind.
  const second = await startTestServer(t, { store: 'embedded', env, dataDir });
  const base = await second.server.listen();
  const [a, b] = players as [Player, Player];
  const sent: Array<[number, Command, Outcome]> = [];
  const send = async (
    p: Player,
    command: Command,
    method: 'POST' | 'DELETE',
    path: string,
    body?: object,
  ) => {
    const outcome = await http(base, method, path, { token: p.token, body });
    assert.equal(outcome.status, 200, `${command.kind}: ${JSON.stringify(outcome.body)}`);
    sent.push([p.id, command, outcome]);
    return outcome.body;
  };
  await send(a, { kind: 'build', type: 'metal_mine' }, 'POST', `/player/${a.id}/build`, {
    building_type: 'metal_mine',
  });
  await send(a, { kind: 'research', type: 'energy' }, 'POST', `/player/${a.id}/research`, {
    research_type: 'energy',
  });
  await send(
    a,
    { kind: 'ships', type: 'light_fighter', quantity: 3 },
    'POST',
    `/player/${a.id}/build-ships`,
    {
      ship_type: 'light_fighter',
      quantity: 3,
    },
  );
  const cargo = { metal: 1000, crystal: 0, deuterium: 0 };
  const fleet = await send(
    a,
    {
      kind: 'dispatch',
      mission: 'transfer',
      target: b.coords,
      ships: { colony_ship: 1 },
      cargo,
      speed: 0.5,
    },
    'POST',
    `/player/${a.id}/fleet/dispatch`,
    { ...b.coords, mission: 'transfer', ships: { colony_ship: 1 }, resources: cargo, speed: 0.5 },
  );
  const terms = {
    offered: 'metal',
    offeredAmount: 500,
    requested: 'crystal',
    requestedAmount: 400,
  } as const;
  const offerBody = {
    offered_resource: 'metal',
    offered_amount: 500,
    requested_resource: 'crystal',
    requested_amount: 400,
  };
  const sold = await send(b, { kind: 'offer', ...terms }, 'POST', '/trade/offers', offerBody);
  await send(
    a,
    { kind: 'accept', offerId: sold.id, seller: b.id },
    'POST',
    `/trade/accept/${sold.id}`,
  );
  const kept = await send(b, { kind: 'offer', ...terms }, 'POST', '/trade/offers', offerBody);
  await second.stop();

  const check = async (damage: (s: DurableState) => void): Promise<string[]> => {
    const ledger = new Ledger(players, baseline, createRuleset('seed'), TRADE_FEE_RATE);
    for (const [id, command, outcome] of sent) ledger.record(id, command, outcome, true);
    const state = await readDurable(storeEnv);
    damage(state);
    // The servers ran on a manual clock that never moved.
    return ledger.reconcile(state, TEST_EPOCH);
  };
  assert.deepEqual(await check(() => undefined), [], 'the undamaged store passes');

  const planetA = (s: DurableState) => s.world.planets.get(a.planetId)!;
  const cases: Array<[string, (s: DurableState) => void, RegExp]> = [
    ['resources from nowhere', (s) => (planetA(s).resources.metal += 1), /metal not conserved/],
    [
      'a ship from nowhere',
      (s) => (planetA(s).ships.heavy_fighter! += 1),
      /heavy_fighter not conserved/,
    ],
    [
      'an acknowledged build lost',
      (s) => s.world.removeQueueItem(s.world.buildQueue(a.planetId)[0]!),
      /1 metal_mine builds acknowledged, only 0 stored/,
    ],
    [
      'a build applied twice',
      (s) => {
        const item = s.world.buildQueue(a.planetId)[0]!;
        s.world.addQueueItem({ ...item, id: item.id + 1000, level: item.level + 1 });
      },
      /2 metal_mine builds stored, 1 acknowledged/,
    ],
    [
      'an acknowledged fleet lost',
      (s) => s.world.fleets.remove(s.world.fleets.get(fleet.fleet_id)!),
      /fleet \d+ \(transfer\) acknowledged, due home/,
    ],
    [
      'a duplicated completion notice',
      (s) =>
        s.notifications.push({
          id: 1e6,
          userId: a.id,
          type: 'building_complete',
          payload: { building_type: 'metal_mine', new_level: 2, planet_id: a.planetId },
        }),
      /metal_mine completion notices/,
    ],
    [
      'an acknowledged accept lost',
      (s) => (s.offers.find((o) => o.id === sold.id)!.status = 'open'),
      /accept by \d+ acknowledged, stored open/,
    ],
    [
      'an acknowledged offer lost',
      (s) => (s.offers = s.offers.filter((o) => o.id !== kept.id)),
      /offer \d+ of player \d+ acknowledged, missing from the store/,
    ],
    [
      'a trade recorded twice',
      (s) => s.tradeEvents.push({ ...s.tradeEvents.at(-1)!, id: 1e6 }),
      /trade history/,
    ],
  ];
  for (const [what, damage, expected] of cases) {
    const found = await check(damage);
    assert.ok(
      found.some((v) => expected.test(v)),
      `${what}: expected a violation matching ${expected}, got ${JSON.stringify(found)}`,
    );
  }
});

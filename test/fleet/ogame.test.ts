import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  advanceTo,
  call,
  dispatch,
  equip,
  join,
  send,
  snapshot,
  startFleetServer,
  target,
} from './helpers.js';

// The fleet code is ruleset-agnostic: under RULESET=ogame the same missions fight with OGame's
// units (defenses, rapid fire, weapons/shielding/armour) and respect its fleet slots.
test('RULESET=ogame: defenses fight and are partly repaired, probes spy, slots and drives are checked', async (t) => {
  const ts = await startFleetServer(t, { env: { RULESET: 'ogame' } });
  const { server } = ts;
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  await equip(server, alice.planetId, {
    ships: { cruiser: 60, espionage_probe: 3, solar_satellite: 1 },
    buildings: { solar_plant: 0 },
    // OGame flights burn deuterium (see ogame-fuel.test.ts).
    resources: { metal: 0, crystal: 0, deuterium: 1_000_000 },
  });
  await equip(server, bob.planetId, {
    defenses: { rocket_launcher: 40 },
    resources: { metal: 9_000, crystal: 3_000, deuterium: 0 },
    buildings: { solar_plant: 0 },
  });

  const grounded = await dispatch(server, alice, {
    ...target(bob.coords),
    mission: 'espionage',
    ships: { solar_satellite: 1 },
  });
  assert.equal(grounded.status, 400);
  assert.equal(grounded.body.detail, 'solar_satellite cannot fly');

  // Three probes at equal espionage technology see the defenses (ogame-espionage.test.ts).
  const spy = await send(server, alice, {
    ...target(bob.coords),
    mission: 'espionage',
    ships: { espionage_probe: 3 },
  });
  // Computer 0: one fleet slot, taken by the probe.
  const noSlot = await dispatch(server, alice, {
    ...target(bob.coords),
    mission: 'attack',
    ships: { cruiser: 60 },
  });
  assert.equal(noSlot.status, 409);
  assert.match(noSlot.body.detail, /^No free fleet slot/);
  await advanceTo(ts, spy.arrival_time);
  const report = (await call(server, alice, 'GET', '/espionage-reports')).body.reports[0];
  assert.equal(report.snapshot.defenses.rocket_launcher, 40);
  await advanceTo(ts, spy.return_time);

  // Cruisers have rapid fire 10 against rocket launchers: a quick win.
  const raid = await send(server, alice, {
    ...target(bob.coords),
    mission: 'attack',
    ships: { cruiser: 60 },
  });
  await advanceTo(ts, raid.arrival_time);
  const battle = (await call(server, bob, 'GET', '/battle-reports')).body.reports[0].outcome;
  assert.equal(battle.winner, 'attacker');
  const repaired = battle.defender_repaired.rocket_launcher ?? 0;
  assert.equal(
    (battle.defender_losses.rocket_launcher ?? 0) + repaired,
    40,
    'every launcher destroyed, some repaired',
  );
  assert.equal((await snapshot(server, bob)).defenses.rocket_launcher, repaired);
  // Defenses leave no debris by default (DEBRIS_DEFENSE_PERCENT=0).
  const cruisersLost = battle.attacker_losses.cruiser ?? 0;
  assert.deepEqual(battle.debris, {
    metal: cruisersLost * 6000,
    crystal: cruisersLost * 2100,
    deuterium: 0,
  });
  // Half of what Bob had (OGame planets produce a little even without energy).
  const left = (await snapshot(server, bob)).resources;
  assert.ok(battle.loot.metal >= 4_500 && Math.abs(left.metal - battle.loot.metal) <= 1);
  assert.ok(battle.loot.crystal >= 1_500 && Math.abs(left.crystal - battle.loot.crystal) <= 1);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startFleetServer } from './helpers.js';

const simulate = async (
  server: Awaited<ReturnType<typeof startFleetServer>>['server'],
  body: unknown,
) => {
  const res = await server.app.inject({
    method: 'POST',
    url: '/simulate/battle',
    payload: body as object,
  });
  return { status: res.statusCode, body: res.json() };
};

const RAID = {
  attacker: { ships: { battleship: 20 }, techs: {} },
  defender: {
    ships: { light_fighter: 5 },
    defenses: {},
    techs: {},
    resources: { metal: 20_000, crystal: 10_000, deuterium: 5_000 },
  },
};

test('POST /simulate/battle: one seeded battle, replayable, with loot, debris and rounds', async (t) => {
  const { server } = await startFleetServer(t);
  const one = await simulate(server, { ...RAID, seed: 7 });
  assert.equal(one.status, 200, JSON.stringify(one.body));
  const r = one.body;
  assert.equal(r.winner, 'attacker');
  assert.equal(r.seed, 7);
  assert.equal(r.runs, 1);
  assert.deepEqual(r.defender_losses, { light_fighter: 5 });
  assert.deepEqual(r.attacker_remaining, { battleship: 20 });
  assert.deepEqual(r.debris, { metal: 450, crystal: 225, deuterium: 0 });
  assert.deepEqual(r.loot, { metal: 10_000, crystal: 5_000, deuterium: 2_500 });
  assert.equal(r.moon_chance, 0);
  assert.equal(r.round_summaries.length, r.rounds);
  assert.deepEqual(
    (await simulate(server, { ...RAID, seed: 7 })).body,
    r,
    'same seed, same battle',
  );
  // Research counts: laser raises attack, ion raises shields.
  const teched = await simulate(server, {
    attacker: { ships: { light_fighter: 100 }, techs: { laser: 10 } },
    defender: { ships: { cruiser: 10 }, techs: { ion: 5 } },
    seed: 1,
  });
  assert.equal(teched.status, 200);
  assert.equal(teched.body.attacker_power, 100 * Math.trunc(50 * 1.1));
  // Without a seed one is drawn and reported.
  const drawn = await simulate(server, RAID);
  assert.equal(typeof drawn.body.seed, 'number');
});

test('POST /simulate/battle with runs: N averages over seeds seed..seed+N-1', async (t) => {
  const { server } = await startFleetServer(t);
  const body = {
    attacker: { ships: { light_fighter: 60 } },
    defender: { ships: { heavy_fighter: 20 }, resources: { metal: 1000 } },
    seed: 100,
    runs: 8,
  };
  const avg = await simulate(server, body);
  assert.equal(avg.status, 200, JSON.stringify(avg.body));
  assert.equal(avg.body.runs, 8);
  const { attacker, defender, draw } = avg.body.wins;
  assert.equal(attacker + defender + draw, 8);
  const singles = [];
  for (let i = 0; i < 8; i++)
    singles.push((await simulate(server, { ...body, seed: 100 + i, runs: 1 })).body);
  const meanRounds = singles.reduce((s, x) => s + x.rounds, 0) / 8;
  assert.equal(avg.body.rounds, Math.round(meanRounds * 100) / 100);
  const meanLost = singles.reduce((s, x) => s + (x.attacker_losses.light_fighter ?? 0), 0) / 8;
  assert.equal(avg.body.attacker_losses.light_fighter ?? 0, Math.round(meanLost * 100) / 100);
});

test('POST /simulate/battle: big simulations run on the battle worker with the same result', async (t) => {
  const inline = (await startFleetServer(t)).server;
  const worker = (await startFleetServer(t, { env: { BATTLE_WORKER_UNITS: '10' } })).server;
  const body = {
    attacker: { ships: { cruiser: 300 } },
    defender: { ships: { battleship: 50, light_fighter: 400 } },
    seed: 9,
    runs: 3,
  };
  const a = await simulate(inline, body);
  const b = await simulate(worker, body);
  assert.equal(b.status, 200);
  assert.deepEqual(b.body, a.body);
});

test('POST /simulate/battle validates every field (400, never 5xx)', async (t) => {
  const { server } = await startFleetServer(t);
  const cases: Array<[unknown, RegExp]> = [
    [{}, /^attacker must be an object/],
    [{ attacker: [], defender: {} }, /^attacker must be an object/],
    [{ attacker: { ships: { cruiser: 1 } } }, /^defender must be an object/],
    [{ attacker: { ships: {} }, defender: {} }, /^attacker\.ships must contain at least one ship/],
    [{ attacker: { ships: 'many' }, defender: {} }, /^attacker\.ships must be an object/],
    [{ attacker: { ships: { death_star: 1 } }, defender: {} }, /unknown ship type "death_star"/],
    [
      { attacker: { ships: { cruiser: -1 } }, defender: {} },
      /^attacker\.ships\.cruiser must be a whole number/,
    ],
    [
      { attacker: { ships: { cruiser: 1.5 } }, defender: {} },
      /^attacker\.ships\.cruiser must be a whole number/,
    ],
    [
      { attacker: { ships: { cruiser: 1 } }, defender: { defenses: { rocket_launcher: 5 } } },
      /unknown defense type "rocket_launcher"/,
    ],
    [
      { attacker: { ships: { cruiser: 1 }, techs: { weapons: 3 } }, defender: {} },
      /unknown technology "weapons"/,
    ],
    [
      { attacker: { ships: { cruiser: 1 }, techs: { laser: -1 } }, defender: {} },
      /^attacker\.techs\.laser must be a whole number/,
    ],
    [
      { attacker: { ships: { cruiser: 1 } }, defender: { resources: { metal: -1 } } },
      /^defender\.resources\.metal must be a number/,
    ],
    [
      { attacker: { ships: { cruiser: 1 } }, defender: { resources: { gold: 1 } } },
      /unknown resource "gold"/,
    ],
    [
      { attacker: { ships: { cruiser: 1 } }, defender: {}, seed: -1 },
      /^seed must be a whole number/,
    ],
    [
      { attacker: { ships: { cruiser: 1 } }, defender: {}, seed: 'x' },
      /^seed must be a whole number/,
    ],
    [
      { attacker: { ships: { cruiser: 1 } }, defender: {}, runs: 0 },
      /^runs must be a whole number in \[1, 100\]/,
    ],
    [
      { attacker: { ships: { cruiser: 1 } }, defender: {}, runs: 101 },
      /^runs must be a whole number in \[1, 100\]/,
    ],
    [
      { attacker: { ships: { cruiser: 2_000_000 } }, defender: { ships: { cruiser: 1 } } },
      /^At most 2000000 units per battle/,
    ],
    [
      { attacker: { ships: { cruiser: 200_000 } }, defender: {}, runs: 100 },
      /^units x runs must be at most/,
    ],
  ];
  for (const [body, detail] of cases) {
    const res = await simulate(server, body);
    assert.equal(res.status, 400, `${JSON.stringify(body)} -> ${JSON.stringify(res.body)}`);
    assert.match(res.body.detail, detail);
  }
  const notJson = await server.app.inject({
    method: 'POST',
    url: '/simulate/battle',
    payload: '[1,2]',
    headers: { 'content-type': 'application/json' },
  });
  assert.ok(notJson.statusCode >= 400 && notJson.statusCode < 500);
});

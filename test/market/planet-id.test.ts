import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GameServer } from '../../src/server.js';
import { ADMIN_TOKEN, addColony, patchPlanet, snapshot, type Amounts } from '../helpers/game.js';
import { registerPlayer, startTestServer, type Session } from '../helpers/server.js';

const NOT_OWNED = { detail: 'Planet not found or not owned by user', code: 'planet_not_found' };

/** The exact resources of one planet, from the world. */
function stock(server: GameServer, planetId: number): Amounts {
  const { metal, crystal, deuterium } = server.runtime.world.planets.get(planetId)!.resources;
  return { metal, crystal, deuterium };
}

const offerBody = (extra: object = {}) => ({
  offered_resource: 'metal',
  offered_amount: 4000,
  requested_resource: 'crystal',
  requested_amount: 2000,
  ...extra,
});

/**
 * Two players with a homeworld (active) and a colony each, every planet stocked, and a client
 * that speaks real HTTP to the listening server.
 */
async function setup(t: import('node:test').TestContext) {
  const { server } = await startTestServer(t, {
    env: { ADMIN_TOKEN, TRADE_TRANSACTION_FEE_RATE: '0.1' },
  });
  const alice = await registerPlayer(server, 'alice');
  const bob = await registerPlayer(server, 'bob');
  const aliceHome = (await snapshot(server, alice)).planet.id as number;
  const bobHome = (await snapshot(server, bob)).planet.id as number;
  const aliceColony = await addColony(server, alice, 4);
  const bobColony = await addColony(server, bob, 5);
  const stocked = { metal: 10_000, crystal: 10_000, deuterium: 0 };
  for (const id of [aliceHome, bobHome, aliceColony, bobColony])
    await patchPlanet(server, id, { resources: stocked });
  const base = await server.app.listen({ host: '127.0.0.1', port: 0 });
  const http = async (s: Session, method: string, path: string, body?: object) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...s.auth,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    // Bodies are whatever the contract allows; the checker validates each against it.
    return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return { server, alice, bob, aliceHome, bobHome, aliceColony, bobColony, stocked, http };
}

test('planet_id on offers: the named planet escrows, pays and receives; the active one otherwise', async (t) => {
  const { server, alice, bob, aliceHome, bobHome, aliceColony, bobColony, stocked, http } =
    await setup(t);

  // Alice's active planet is her homeworld; the offer names the colony, which pays the escrow.
  const created = await http(alice, 'POST', '/trade/offers', offerBody({ planet_id: aliceColony }));
  assert.equal(created.status, 200, JSON.stringify(created.body));
  assert.deepEqual(stock(server, aliceColony), { ...stocked, metal: 6000 });
  assert.deepEqual(stock(server, aliceHome), stocked, 'the active planet is untouched');

  // Bob pays from his colony (?planet_id=) and receives the metal there.
  const accepted = await http(
    bob,
    'POST',
    `/trade/accept/${created.body.id}?planet_id=${bobColony}`,
  );
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  assert.equal(accepted.body.planet_id, bobColony);
  assert.equal(accepted.body.fee, 200);
  assert.deepEqual(stock(server, bobColony), { metal: 14_000, crystal: 8000, deuterium: 0 });
  assert.deepEqual(stock(server, bobHome), stocked, "the buyer's active planet is untouched");
  // The proceeds go back to the planet the escrow came from.
  assert.deepEqual(stock(server, aliceColony), { metal: 6000, crystal: 11_800, deuterium: 0 });
  assert.deepEqual(stock(server, aliceHome), stocked);

  // Without planet_id both sides use their active planet, as the reference server did.
  const plain = await http(alice, 'POST', '/trade/offers', offerBody());
  assert.equal(plain.status, 200, JSON.stringify(plain.body));
  assert.equal(stock(server, aliceHome).metal, 6000);
  const taken = await http(bob, 'POST', `/trade/accept/${plain.body.id}`);
  assert.equal(taken.status, 200, JSON.stringify(taken.body));
  assert.equal(taken.body.planet_id, bobHome);
  assert.deepEqual(stock(server, bobHome), { metal: 14_000, crystal: 8000, deuterium: 0 });
  assert.equal(stock(server, bobColony).metal, 14_000, 'the colony is untouched this time');

  // A cancelled offer refunds the planet that escrowed it.
  const third = await http(alice, 'POST', '/trade/offers', offerBody({ planet_id: aliceColony }));
  assert.equal(stock(server, aliceColony).metal, 2000);
  const cancelled = await http(alice, 'DELETE', `/trade/offers/${third.body.id}`);
  assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  assert.equal(stock(server, aliceColony).metal, 6000);
});

test('planet_id of another player or malformed is refused and changes nothing', async (t) => {
  const { server, alice, bob, aliceHome, bobHome, aliceColony, bobColony, stocked, http } =
    await setup(t);
  const everything = () =>
    [aliceHome, bobHome, aliceColony, bobColony].map((id) => stock(server, id));
  const before = everything();

  const foreign = await http(alice, 'POST', '/trade/offers', offerBody({ planet_id: bobColony }));
  assert.equal(foreign.status, 404);
  assert.deepEqual(foreign.body, NOT_OWNED);
  const missing = await http(alice, 'POST', '/trade/offers', offerBody({ planet_id: 999_999 }));
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.body, NOT_OWNED);
  for (const planetId of ['2', 0, -1, 1.5]) {
    const bad = await http(alice, 'POST', '/trade/offers', offerBody({ planet_id: planetId }));
    assert.equal(bad.status, 400, JSON.stringify(planetId));
    assert.deepEqual(bad.body, {
      detail: 'planet_id must be a positive integer',
      code: 'invalid_field',
    });
  }
  assert.deepEqual(everything(), before, 'no refused offer took anything');

  const offer = await http(alice, 'POST', '/trade/offers', offerBody());
  assert.equal(offer.status, 200, JSON.stringify(offer.body));
  const afterOffer = everything();
  const notBobs = await http(
    bob,
    'POST',
    `/trade/accept/${offer.body.id}?planet_id=${aliceColony}`,
  );
  assert.equal(notBobs.status, 404);
  assert.deepEqual(notBobs.body, NOT_OWNED);
  const malformed = await http(bob, 'POST', `/trade/accept/${offer.body.id}?planet_id=abc`);
  assert.equal(malformed.status, 422);
  assert.deepEqual(malformed.body.detail[0].loc, ['query', 'planet_id']);
  assert.deepEqual(everything(), afterOffer, 'no refused accept moved anything');
  const open = await http(bob, 'GET', '/trade/offers');
  assert.deepEqual(
    open.body.offers.map((o: { id: number }) => o.id),
    [offer.body.id],
    'still open',
  );
  assert.deepEqual(stock(server, bobHome), stocked);
});

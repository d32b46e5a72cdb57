import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRuleset } from '../../src/rules/index.js';
import { prepareSimulation } from '../../src/sim/combat/simulate.js';
import { adminPatchPlanet } from '../../src/sim/commands/admin.js';
import { registerUser } from '../../src/sim/commands/auth.js';
import { buildBuilding, cancelBuild, demolishBuilding } from '../../src/sim/commands/buildings.js';
import { dispatchFleet } from '../../src/sim/commands/fleet-dispatch.js';
import { recallFleet } from '../../src/sim/commands/fleet-recall.js';
import { markNotificationRead } from '../../src/sim/commands/notifications.js';
import { selectPlanet } from '../../src/sim/commands/planets.js';
import { buildShips } from '../../src/sim/commands/shipyard.js';
import { acceptOffer, cancelOffer, createOffer } from '../../src/sim/commands/trade.js';
import { DomainError, ERROR_CODES, type ErrorCode } from '../../src/sim/errors.js';
import { parseDispatchBody } from '../../src/sim/fleet/request.js';
import { parseOfferTerms } from '../../src/sim/market/validate.js';
import { registerPlayer, startTestServer } from '../helpers/server.js';

/** A predicate for assert.rejects/throws: a DomainError with this status and code. */
function domainError(status: number, code: ErrorCode) {
  return (err: unknown) => {
    assert.ok(err instanceof DomainError, String(err));
    assert.equal(err.code, code, err.detail);
    assert.equal(err.status, status, err.detail);
    return true;
  };
}

test('every error code is unique and snake_case', () => {
  assert.equal(new Set(ERROR_CODES).size, ERROR_CODES.length);
  for (const code of ERROR_CODES) assert.match(code, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, code);
});

test('input parsers reject with the code of the problem', () => {
  const at = { galaxy: 1, system: 1, position: 1, ships: { light_fighter: 1 } };
  assert.throws(
    () => parseDispatchBody({ ...at, galaxy: 'one' }),
    domainError(400, 'invalid_field'),
  );
  assert.throws(() => parseDispatchBody({ ...at, position: 0 }), domainError(400, 'out_of_bounds'));
  assert.throws(
    () => parseDispatchBody({ ...at, mission: 'pillage' }),
    domainError(400, 'unknown_type'),
  );
  assert.throws(
    () => parseDispatchBody({ ...at, ships: { light_fighter: 0 } }),
    domainError(400, 'no_ships_selected'),
  );
  assert.throws(() => parseOfferTerms({}), domainError(400, 'missing_field'));
  assert.throws(
    () =>
      parseOfferTerms({
        offered_resource: 'gold',
        offered_amount: 1,
        requested_resource: 'metal',
        requested_amount: 1,
      }),
    domainError(400, 'unknown_type'),
  );
});

test('commands reject with a stable code for each situation', async (t) => {
  const { server } = await startTestServer(t);
  const { runtime } = server;
  const alice = await registerPlayer(server, 'alice');
  const bob = await registerPlayer(server, 'bob');
  const planetOf = (userId: number) => runtime.world.planetsOf(userId)[0]!;
  const home = planetOf(alice.id);
  const userId = alice.id;

  await assert.rejects(
    runtime.execute(buildBuilding, { userId: 999_999, buildingType: 'metal_mine' }),
    domainError(404, 'player_not_found'),
  );
  await assert.rejects(
    runtime.execute(buildBuilding, { userId, buildingType: 'castle' }),
    (err: unknown) =>
      domainError(400, 'unknown_type')(err) && Array.isArray((err as DomainError).extra?.valid),
  );
  await assert.rejects(
    runtime.execute(demolishBuilding, { userId, buildingType: 'shipyard' }),
    domainError(409, 'not_built'),
  );
  await assert.rejects(
    runtime.execute(cancelBuild, { userId, index: 5 }),
    domainError(404, 'queue_item_not_found'),
  );
  await assert.rejects(
    runtime.execute(buildShips, { userId, shipType: 'light_fighter', quantity: 1.5 }),
    domainError(400, 'invalid_field'),
  );
  await assert.rejects(
    runtime.execute(buildShips, { userId, shipType: 'light_fighter', quantity: 1 }),
    domainError(409, 'requirements_not_met'),
  );
  await runtime.execute(adminPatchPlanet, {
    planetId: home.id,
    resources: { metal: 0, crystal: 0, deuterium: 0 },
  });
  await assert.rejects(
    runtime.execute(buildBuilding, { userId, buildingType: 'metal_mine' }),
    domainError(409, 'insufficient_resources'),
  );

  const request = parseDispatchBody({
    galaxy: home.galaxy,
    system: home.system,
    position: home.position,
    mission: 'attack',
    ships: { light_fighter: 1 },
  });
  await assert.rejects(
    runtime.execute(dispatchFleet, { ...request, userId }),
    domainError(400, 'own_planet'),
  );
  const other = planetOf(bob.id);
  const toBob = {
    ...request,
    galaxy: other.galaxy,
    system: other.system,
    position: other.position,
  };
  await assert.rejects(
    runtime.execute(dispatchFleet, { ...toBob, userId }),
    domainError(409, 'not_enough_ships'),
  );
  await assert.rejects(
    runtime.execute(dispatchFleet, { ...toBob, userId, originPlanetId: other.id }),
    domainError(404, 'planet_not_found'),
  );
  // Not one of alice's fleets, and none in flight to fall back on (fleet_not_found needs
  // several in flight: test/fleet/compat.test.ts).
  await assert.rejects(
    runtime.execute(recallFleet, { userId, fleetId: 999_999 }),
    domainError(400, 'no_fleet_in_flight'),
  );
  await assert.rejects(
    runtime.execute(selectPlanet, { userId, planetId: other.id }),
    domainError(404, 'planet_not_found'),
  );
  await assert.rejects(
    runtime.execute(markNotificationRead, { userId, id: 999_999 }),
    domainError(404, 'notification_not_found'),
  );
  await assert.rejects(
    runtime.execute(registerUser, {
      username: 'ALICE',
      email: 'new@example.com',
      passwordHash: 'x',
    }),
    domainError(400, 'username_taken'),
  );

  // The market: unknown, own, foreign and closed offers.
  await assert.rejects(
    runtime.execute(acceptOffer, { userId, offerId: 999_999 }),
    domainError(404, 'offer_not_found'),
  );
  await runtime.execute(adminPatchPlanet, {
    planetId: home.id,
    resources: { metal: 1_000, crystal: 0, deuterium: 0 },
  });
  const terms = parseOfferTerms({
    offered_resource: 'metal',
    offered_amount: 100,
    requested_resource: 'crystal',
    requested_amount: 50,
  });
  const offer = await runtime.execute(createOffer, { userId, terms });
  await assert.rejects(
    runtime.execute(acceptOffer, { userId, offerId: offer.id }),
    domainError(400, 'self_trade'),
  );
  await assert.rejects(
    runtime.execute(cancelOffer, { userId: bob.id, offerId: offer.id }),
    domainError(403, 'not_seller'),
  );
  await runtime.execute(cancelOffer, { userId, offerId: offer.id });
  await assert.rejects(
    runtime.execute(cancelOffer, { userId, offerId: offer.id }),
    domainError(409, 'offer_not_open'),
  );
});

test('the battle simulator names empty and oversized battles', () => {
  const rules = createRuleset('seed');
  const defender = { ships: {} };
  assert.throws(
    () => prepareSimulation(rules, { attacker: { ships: {} }, defender }, 1),
    domainError(400, 'no_ships_selected'),
  );
  assert.throws(
    () => prepareSimulation(rules, { attacker: { ships: { light_fighter: 'many' } }, defender }, 1),
    domainError(400, 'invalid_field'),
  );
  assert.throws(
    () => prepareSimulation(rules, { attacker: { ships: { death_star: 1 } }, defender }, 1),
    domainError(400, 'unknown_type'),
  );
  const big = { attacker: { ships: { light_fighter: 1_000_000 } }, defender, runs: 100 };
  assert.throws(() => prepareSimulation(rules, big, 1), domainError(400, 'simulation_too_large'));
});

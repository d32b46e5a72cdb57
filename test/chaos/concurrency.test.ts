// Many requests at once that could each spend the same resources, ships or offer: exactly the
// affordable ones succeed, the others get 409 with a detail, and every total adds up. Requests
// go through the whole HTTP stack (inject) concurrently, so they meet in the single writer and
// share group commits, on every store.

import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { createRuleset } from '../../src/rules/index.js';
import type { GameServer } from '../../src/server.js';
import { ADMIN, ADMIN_TOKEN, call, exactResources, snapshot } from '../helpers/game.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, startTestServer, type Session } from '../helpers/server.js';

const rules = createRuleset('seed');
const KINDS = ['metal', 'crystal', 'deuterium'] as const;

interface Reply {
  statusCode: number;
  body: string;
  json(): { detail?: unknown } & Record<string, unknown>;
}

/** Splits concurrent replies into successes and refusals; every refusal is 409 with a detail. */
function tally(replies: readonly Reply[]): { ok: Reply[]; refused: Reply[] } {
  const ok = replies.filter((r) => r.statusCode === 200);
  const refused = replies.filter((r) => r.statusCode !== 200);
  for (const r of refused) {
    assert.equal(r.statusCode, 409, r.body);
    assert.equal(typeof r.json().detail, 'string', r.body);
  }
  return { ok, refused };
}

async function world(t: TestContext, store: 'memory' | 'embedded' | 'postgres', players: number) {
  const { server } = await startTestServer(t, {
    store,
    env: { ADMIN_TOKEN, BUILD_QUEUE_LIMIT: '100', BASE_MAX_FLEET_SIZE: '100000' },
  });
  const sessions: Array<Session & { planetId: number; coords: Record<string, number> }> = [];
  for (let i = 0; i < players; i++) {
    const s = await registerPlayer(server, `racer${i}`);
    const snap = await snapshot(server, s);
    const { galaxy, system, planet: position } = snap.position;
    sessions.push({ ...s, planetId: snap.planet.id, coords: { galaxy, system, position } });
    // No production (no energy): only the commands change the stocks.
    await patchPlanet(server, snap.planet.id, {
      resources: { metal: 0, crystal: 0, deuterium: 0 },
      buildings: { solar_plant: 0, robot_factory: 2, shipyard: 40, research_lab: 1 },
    });
  }
  return { server, sessions };
}

/** PATCH /admin/planets/{id}: resources, buildings and ships of a planet. */
async function patchPlanet(server: GameServer, planetId: number, patch: object): Promise<void> {
  const res = await server.app.inject({
    method: 'PATCH',
    url: `/admin/planets/${planetId}`,
    headers: ADMIN,
    payload: patch,
  });
  assert.equal(res.statusCode, 200, res.body);
}

const total = (server: GameServer, ids: readonly number[]) => {
  const sum = { metal: 0, crystal: 0, deuterium: 0 };
  for (const id of ids) {
    const r = exactResources(server, id);
    for (const k of KINDS) sum[k] += r[k];
  }
  return sum;
};

for (const store of ['memory', ...STORE_KINDS] as const) {
  describe(`concurrent spending (${store} store)`, () => {
    test('builds: exactly the affordable levels are queued', async (t) => {
      const { server, sessions } = await world(t, store, 1);
      const [me] = sessions as [(typeof sessions)[0]];
      // Exactly three more metal mine levels (2, 3 and 4) are affordable.
      const price = [1, 2, 3].map((l) => rules.buildingCost('metal_mine', l));
      const stock = {
        metal: price.reduce((a, c) => a + c.metal, 0),
        crystal: price.reduce((a, c) => a + c.crystal, 0),
      };
      await patchPlanet(server, me.planetId, { resources: stock });
      const replies = await Promise.all(
        Array.from({ length: 12 }, () =>
          call(server, 'POST', `/player/${me.id}/build`, me, { building_type: 'metal_mine' }),
        ),
      );
      const { ok } = tally(replies);
      assert.equal(ok.length, 3);
      const levels = ok.map((r) => (r.json().item as { level: number }).level).sort();
      assert.deepEqual(levels, [2, 3, 4]);
      assert.deepEqual(exactResources(server, me.id), { metal: 0, crystal: 0, deuterium: 0 });
    });

    test('ship orders: exactly the affordable ships are ordered', async (t) => {
      const { server, sessions } = await world(t, store, 1);
      const [me] = sessions as [(typeof sessions)[0]];
      const unit = rules.unitCost('light_fighter');
      await patchPlanet(server, me.planetId, {
        resources: { metal: unit.metal * 7, crystal: unit.crystal * 7 + 10 },
      });
      const replies = await Promise.all(
        Array.from({ length: 20 }, () =>
          call(server, 'POST', `/player/${me.id}/build-ships`, me, {
            ship_type: 'light_fighter',
            quantity: 1,
          }),
        ),
      );
      assert.equal(tally(replies).ok.length, 7);
      assert.deepEqual(exactResources(server, me.id), { metal: 0, crystal: 10, deuterium: 0 });
      const queue = (await snapshot(server, me)).ship_build_queue as Array<{ count: number }>;
      assert.equal(
        queue.reduce((a, i) => a + i.count, 0),
        7,
      );
    });

    test('research: one project at a time, paid once', async (t) => {
      const { server, sessions } = await world(t, store, 1);
      const [me] = sessions as [(typeof sessions)[0]];
      const cost = rules.researchCost('energy', 0);
      await patchPlanet(server, me.planetId, { resources: { metal: 100_000, crystal: 100_000 } });
      const replies = await Promise.all(
        Array.from({ length: 8 }, () =>
          call(server, 'POST', `/player/${me.id}/research`, me, { research_type: 'energy' }),
        ),
      );
      assert.equal(tally(replies).ok.length, 1);
      assert.deepEqual(exactResources(server, me.id), {
        metal: 100_000 - cost.metal,
        crystal: 100_000 - cost.crystal,
        deuterium: 0,
      });
    });

    test('offers: exactly the affordable offers are escrowed', async (t) => {
      const { server, sessions } = await world(t, store, 1);
      const [me] = sessions as [(typeof sessions)[0]];
      await patchPlanet(server, me.planetId, { resources: { metal: 5000 } });
      const replies = await Promise.all(
        Array.from({ length: 20 }, () =>
          call(server, 'POST', '/trade/offers', me, {
            offered_resource: 'metal',
            offered_amount: 1000,
            requested_resource: 'crystal',
            requested_amount: 10,
          }),
        ),
      );
      assert.equal(tally(replies).ok.length, 5);
      assert.equal(exactResources(server, me.id).metal, 0);
      const open = (await call(server, 'GET', '/trade/offers')).json().offers;
      assert.equal(open.length, 5);
    });

    test('accepts of one offer: exactly one buyer gets it', async (t) => {
      const { server, sessions } = await world(t, store, 9);
      const [seller, ...buyers] = sessions as [(typeof sessions)[0], ...typeof sessions];
      await patchPlanet(server, seller.planetId, { resources: { metal: 1000 } });
      for (const b of buyers)
        await patchPlanet(server, b.planetId, { resources: { crystal: 500 } });
      const ids = sessions.map((s) => s.id);
      const before = total(server, ids);
      const created = await call(server, 'POST', '/trade/offers', seller, {
        offered_resource: 'metal',
        offered_amount: 1000,
        requested_resource: 'crystal',
        requested_amount: 500,
      });
      assert.equal(created.statusCode, 200, created.body);
      const offerId = created.json().id;
      const replies = await Promise.all(
        buyers.map((b) => call(server, 'POST', `/trade/accept/${offerId}`, b)),
      );
      const { ok } = tally(replies);
      assert.equal(ok.length, 1);
      const winner = buyers[replies.findIndex((r) => r.statusCode === 200)]!;
      assert.deepEqual(exactResources(server, winner.id), {
        metal: 1000,
        crystal: 0,
        deuterium: 0,
      });
      // No fee by default: the goods moved, nothing was created or lost.
      assert.deepEqual(total(server, ids), before);
      const offers = (await call(server, 'GET', '/trade/offers?status=all')).json().offers;
      assert.equal(offers.length, 1);
      assert.equal(offers[0].accepted_by, winner.id);
    });

    test('accepts racing the seller’s cancel: exactly one of them wins', async (t) => {
      const { server, sessions } = await world(t, store, 5);
      const [seller, ...buyers] = sessions as [(typeof sessions)[0], ...typeof sessions];
      await patchPlanet(server, seller.planetId, { resources: { metal: 1000 } });
      for (const b of buyers)
        await patchPlanet(server, b.planetId, { resources: { crystal: 500 } });
      const ids = sessions.map((s) => s.id);
      const before = total(server, ids);
      const created = await call(server, 'POST', '/trade/offers', seller, {
        offered_resource: 'metal',
        offered_amount: 1000,
        requested_resource: 'crystal',
        requested_amount: 500,
      });
      const offerId = created.json().id;
      const replies = await Promise.all([
        ...buyers.map((b) => call(server, 'POST', `/trade/accept/${offerId}`, b)),
        call(server, 'DELETE', `/trade/offers/${offerId}`, seller),
      ]);
      assert.equal(tally(replies).ok.length, 1);
      assert.deepEqual(total(server, ids), before);
    });

    test('dispatches of the same ships: each ship leaves once', async (t) => {
      const { server, sessions } = await world(t, store, 2);
      const [me, other] = sessions as [(typeof sessions)[0], (typeof sessions)[0]];
      await patchPlanet(server, me.planetId, { ships: { light_fighter: 5 } });
      const send = (n: number) =>
        call(server, 'POST', `/player/${me.id}/fleet/dispatch`, me, {
          ...other.coords,
          mission: 'transfer',
          ships: { light_fighter: n },
        });
      // Ten dispatches of all five fighters: one leaves.
      assert.equal(
        tally(await Promise.all(Array.from({ length: 10 }, () => send(5)))).ok.length,
        1,
      );
      await patchPlanet(server, me.planetId, { ships: { light_fighter: 5 } });
      // Ten dispatches of one fighter each with five at home: five leave.
      assert.equal(
        tally(await Promise.all(Array.from({ length: 10 }, () => send(1)))).ok.length,
        5,
      );
      const fleet = (await call(server, 'GET', `/player/${me.id}/fleet`, me)).json();
      assert.equal(fleet.fleet.light_fighter, 0);
      const flying = (fleet.missions as Array<{ ships: Record<string, number> }>).reduce(
        (a, f) => a + (f.ships.light_fighter ?? 0),
        0,
      );
      assert.equal(flying, 10);
    });

    test('mixed spending from one stock never overdraws it', async (t) => {
      const { server, sessions } = await world(t, store, 1);
      const [me] = sessions as [(typeof sessions)[0]];
      const stock = { metal: 20_000, crystal: 10_000, deuterium: 0 };
      await patchPlanet(server, me.planetId, { resources: stock });
      const requests = Array.from({ length: 60 }, (_, i) => {
        switch (i % 3) {
          case 0:
            return call(server, 'POST', `/player/${me.id}/build-ships`, me, {
              ship_type: 'light_fighter',
              quantity: 2,
            });
          case 1:
            return call(server, 'POST', '/trade/offers', me, {
              offered_resource: 'metal',
              offered_amount: 700,
              requested_resource: 'crystal',
              requested_amount: 1,
            });
          default:
            return call(server, 'POST', `/player/${me.id}/build`, me, {
              building_type: 'crystal_mine',
            });
        }
      });
      const replies = await Promise.all(requests);
      tally(replies);
      // What the successes paid is exactly what left the planet.
      const paid = { metal: 0, crystal: 0, deuterium: 0 };
      for (const [i, r] of replies.entries()) {
        if (r.statusCode !== 200) continue;
        const body = r.json();
        const cost =
          i % 3 === 1
            ? { metal: 700, crystal: 0, deuterium: 0 }
            : ((body.item as { cost: Record<string, number> }).cost as Record<string, number>);
        for (const k of KINDS) paid[k] += cost[k] ?? 0;
      }
      const now = exactResources(server, me.id);
      for (const k of KINDS) {
        assert.ok(now[k] >= 0, `${k} is ${now[k]}`);
        assert.equal(now[k], stock[k] - paid[k], k);
      }
      assert.ok(now.metal < 700 || now.crystal < rules.unitCost('light_fighter').crystal * 2);
    });
  });
}

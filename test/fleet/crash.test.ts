import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STORE_KINDS } from '../helpers/postgres.js';
import {
  freePort,
  getJson,
  postJson,
  spawnServer,
  storeEnv,
  waitReady,
} from '../helpers/process.js';

const PASSWORD = 'password123';
const ADMIN_TOKEN = 'crash-admin';
/**
 * One system of 15 positions: every flight is a few seconds of real time (distance = |Δp|), so
 * the test can wait for arrivals and returns on the wall clock.
 */
const SMALL_UNIVERSE = {
  GALAXY_COUNT: '1',
  SYSTEMS_PER_GALAXY: '1',
  POSITIONS_PER_SYSTEM: '15',
  INITIAL_PLANETS: '15',
  COLONIZATION_TIME_SECONDS: '1',
  ADMIN_TOKEN,
};
const MARGIN_MS = 1500;

async function patch(base: string, path: string, body: object): Promise<void> {
  const res = await fetch(`${base}${path}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200, await res.text());
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

async function get(base: string, path: string, auth: Record<string, string>): Promise<Json> {
  const res = await getJson(base, path, auth);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as Json;
}

async function player(base: string, name: string) {
  const reg = await postJson(base, '/auth/register', {
    username: name,
    email: `${name}@example.com`,
    password: PASSWORD,
  });
  assert.equal(reg.status, 200);
  const login = await postJson(base, '/auth/login', { username: name, password: PASSWORD });
  const auth = { authorization: `Bearer ${String(login.body.access_token)}` };
  const id = Number(reg.body.id);
  const snap = await get(base, `/player/${id}`, auth);
  return { id, auth, planetId: Number(snap.planet.id), position: Number(snap.position.planet) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const kind of STORE_KINDS) {
  describe(`fleets across kill -9 (${kind})`, () => {
    test('every arrival and return happens exactly once; ships and resources add up', async (t) => {
      const env = { ...(await storeEnv(t, kind)), ...SMALL_UNIVERSE };
      const port = await freePort();
      const first = spawnServer(t, env, port);
      await waitReady(first);
      const alice = await player(first.base, 'alice');
      const bob = await player(first.base, 'bob');
      // No solar plant: no production, so every amount is exact.
      await patch(first.base, `/admin/planets/${alice.planetId}`, {
        ships: { cruiser: 3, light_fighter: 20, colony_ship: 1 },
        resources: { metal: 5000, crystal: 5000, deuterium: 5000 },
        buildings: { solar_plant: 0 },
      });
      await patch(first.base, `/admin/planets/${bob.planetId}`, {
        resources: { metal: 8000, crystal: 4000, deuterium: 2000 },
        buildings: { solar_plant: 0 },
      });
      const at = (position: number) => ({ galaxy: 1, system: 1, position });
      const occupied = new Set([alice.position, bob.position]);
      const free = [
        alice.position - 1,
        alice.position + 1,
        ...Array.from({ length: 15 }, (_, i) => i + 1),
      ].find((p) => p >= 1 && p <= 15 && !occupied.has(p)) as number;
      const dispatch = async (body: object) => {
        const res = await postJson(
          first.base,
          `/player/${alice.id}/fleet/dispatch`,
          body,
          alice.auth,
        );
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return res.body as Json;
      };
      const sent = [
        await dispatch({
          ...at(bob.position),
          mission: 'transfer',
          ships: { cruiser: 3 },
          resources: { metal: 2000 },
        }),
        await dispatch({ ...at(bob.position), mission: 'attack', ships: { light_fighter: 20 } }),
        await dispatch({ ...at(free), mission: 'colonize', ships: { colony_ship: 1 } }),
      ];
      // Killed the moment the last dispatch was acknowledged, every fleet still in flight.
      first.child.kill('SIGKILL');
      assert.equal(await first.exited, 'SIGKILL');

      const lastDue = Math.max(
        ...sent.map((s) => Date.parse(s.return_time ?? s.arrival_time)),
        Date.parse(sent[2]?.arrival_time) + 1000,
      );
      await sleep(Math.max(0, lastDue - Date.now()) + MARGIN_MS);
      const second = spawnServer(t, env, port);
      await waitReady(second);

      const fleet = await get(second.base, `/player/${alice.id}/fleet`, alice.auth);
      assert.deepEqual(fleet.missions, [], 'every fleet is home');
      const planets = (await get(second.base, `/player/${alice.id}/planets`, alice.auth)).planets;
      assert.equal(planets.length, 2, 'one colony founded');
      const home = planets.find((p: Json) => p.id === alice.planetId)!;
      const reports = (await get(second.base, `/player/${bob.id}/battle-reports`, bob.auth))
        .reports;
      assert.equal(reports.length, 1, 'one battle');
      const loot = reports[0]!.outcome.loot;
      const bobNow = (await get(second.base, `/player/${bob.id}`, bob.auth)).resources;
      // Whatever the arrival order, nothing was created or lost: Bob's loss is Alice's gain.
      assert.deepEqual(bobNow, {
        metal: 8000 + 2000 - loot.metal,
        crystal: 4000 - loot.crystal,
        deuterium: 2000 - loot.deuterium,
      });
      assert.deepEqual(home.resources, {
        metal: 5000 - 2000 + loot.metal,
        crystal: 5000 + loot.crystal,
        deuterium: 5000 + loot.deuterium,
      });
      const ships = (await get(second.base, `/player/${alice.id}`, alice.auth)).fleet;
      assert.equal(ships.cruiser, 3);
      assert.equal(ships.light_fighter, 20);
      assert.equal(ships.colony_ship, 0);

      // A second crash and restart replays nothing.
      second.child.kill('SIGKILL');
      await second.exited;
      const third = spawnServer(t, env, port);
      await waitReady(third);
      assert.equal(
        (await get(third.base, `/player/${bob.id}/battle-reports`, bob.auth)).reports.length,
        1,
      );
      assert.deepEqual((await get(third.base, `/player/${bob.id}`, bob.auth)).resources, bobNow);
    });
  });
}

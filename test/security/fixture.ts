// A small world for the security suites: three players, each of the first two with a battle
// report, an espionage report, notifications, a fleet in flight and an open offer, so every
// kind of resource id in the route table has an owner the tests can borrow.

import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { createSigner } from 'fast-jwt';
import { TokenService } from '../../src/api/auth/tokens.js';
import { ManualClock } from '../../src/runtime/clock.js';
import type { GameServer } from '../../src/server.js';
import { removePlayer } from '../../src/sim/players/remove.js';
import { advanceTo, join, send, target, type Player } from '../fleet/helpers.js';
import { registerPlayer, startTestServer, type TestServer } from '../helpers/server.js';
import { JWT_SECRET_KEY } from '../../src/runtime/secrets.js';

export const ADMIN_TOKEN = 'security-admin-token';
export const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const PASSWORD = 'password123';

/** The ids one player owns, by the name of the path parameter that carries them. */
export interface Owned {
  user_id: number;
  planet_id: number;
  fleet_id: number;
  report_id: { battle: number; espionage: number };
  offer_id: number;
  notification_id: number;
}

export interface Fixture {
  ts: TestServer;
  server: GameServer;
  /** The acting player (fuzzer and matrix requests are theirs). */
  alice: Player;
  /** The victim whose ids alice tries. */
  bob: Player;
  carol: Player;
  own: Owned;
  foreign: Owned;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function ownedBy(ts: TestServer, p: Player, victim: Player): Promise<Owned> {
  const { server } = ts;
  const equipped = await server.app.inject({
    method: 'PATCH',
    url: `/admin/planets/${p.planetId}`,
    headers: ADMIN,
    payload: {
      ships: { cruiser: 4, light_fighter: 4 },
      resources: { metal: 100_000, crystal: 100_000, deuterium: 100_000 },
    },
  });
  assert.equal(equipped.statusCode, 200, equipped.body);
  const spy = await send(server, p, {
    ...target(victim.coords),
    mission: 'espionage',
    ships: { light_fighter: 1 },
  });
  const raid = await send(server, p, {
    ...target(victim.coords),
    mission: 'attack',
    ships: { cruiser: 2 },
  });
  await advanceTo(ts, spy.arrival_time);
  await advanceTo(ts, raid.arrival_time);
  const list = async (kind: string) => {
    const res = await server.app.inject({
      method: 'GET',
      url: `/player/${p.id}/${kind}`,
      headers: p.auth,
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const battle = (await list('battle-reports')).reports.at(-1);
  const espionage = (await list('espionage-reports')).reports.at(-1);
  const notifications = (await list('notifications')).notifications;
  assert.ok(battle && espionage && notifications.length > 0, 'fixture: reports and notifications');
  const flying = await send(server, p, {
    ...target(victim.coords),
    mission: 'transfer',
    ships: { cruiser: 1 },
    resources: { metal: 10 },
  });
  const offer = await server.app.inject({
    method: 'POST',
    url: '/trade/offers',
    headers: p.auth,
    payload: {
      offered_resource: 'metal',
      offered_amount: 100,
      requested_resource: 'crystal',
      requested_amount: 50,
    },
  });
  assert.equal(offer.statusCode, 200, offer.body);
  return {
    user_id: p.id,
    planet_id: p.planetId,
    fleet_id: flying.fleet_id,
    report_id: { battle: battle.id, espionage: espionage.id },
    offer_id: offer.json().id,
    notification_id: notifications[0].id,
  };
}

/**
 * Builds the world. Alice and bob both attack and spy on carol, so each has reports that the
 * other is no party to; the fleets that are still flying and the offers stay open.
 */
export async function buildFixture(
  t: TestContext,
  env: Record<string, string> = {},
): Promise<Fixture> {
  const ts = await startTestServer(t, {
    env: {
      ADMIN_TOKEN,
      ACCESS_TOKEN_EXPIRE_MINUTES: String(60 * 24 * 30),
      // The matrix and the fuzzer send wrong admin tokens by the hundred, on purpose.
      ADMIN_GUESS_LIMIT_PER_MINUTE: '0',
      ...env,
    },
  });
  const { server } = ts;
  const alice = await join(server, 'alice_actor');
  const bob = await join(server, 'bob_victim');
  const carol = await join(server, 'carol_target');
  const own = await ownedBy(ts, alice, carol);
  const foreign = await ownedBy(ts, bob, carol);
  for (const [key, value] of Object.entries(own)) assert.ok(value, `fixture: alice has a ${key}`);
  for (const [key, value] of Object.entries(foreign)) assert.ok(value, `fixture: bob has a ${key}`);
  return { ts, server, alice, bob, carol, own, foreign };
}

/** The id a path (or body) parameter takes for the owner of `owned`; null when not an id. */
export function idFor(owned: Owned, route: string, name: string): number | null {
  if (name === 'report_id')
    return route.includes('espionage') ? owned.report_id.espionage : owned.report_id.battle;
  if (name === 'origin_planet_id') return owned.planet_id;
  const value = (owned as unknown as Record<string, unknown>)[name];
  return typeof value === 'number' ? value : null;
}

/** Values of path parameters that are not resource ids (a building type, a queue index...). */
export const PLAIN_PARAMS: Record<string, string | number> = {
  building_type: 'metal_mine',
  index: 0,
  galaxy: 1,
  system: 1,
};

/**
 * A valid body per route, the starting point of mutated bodies. A route not listed here is still
 * fuzzed with schema-driven and raw bodies; listing it makes the fuzzer reach its game rules.
 */
export function validBodies(f: Fixture): Record<string, Record<string, unknown>> {
  const target = { ...f.carol.coords };
  const dispatch = {
    ...target,
    mission: 'attack',
    speed: 1,
    ships: { light_fighter: 1 },
    resources: { metal: 0, crystal: 0, deuterium: 0 },
    origin_planet_id: f.own.planet_id,
  };
  return {
    'POST /auth/register': {
      username: 'fuzzed_user',
      email: 'fuzz@example.com',
      password: PASSWORD,
    },
    'POST /auth/login': { username: f.alice.username, password: PASSWORD },
    'POST /player/{user_id}/choose-start': { galaxy: 1, system: 2, position: 3, name: 'Home' },
    'POST /player/{user_id}/build': { building_type: 'metal_mine' },
    'POST /player/{user_id}/research': { research_type: 'energy' },
    'POST /player/{user_id}/build-ships': { ship_type: 'light_fighter', quantity: 1 },
    'POST /player/{user_id}/fleet/dispatch': dispatch,
    'POST /player/{user_id}/fleet/preview': dispatch,
    'POST /simulate/battle': {
      attacker: { ships: { cruiser: 3 }, techs: { laser: 1 } },
      defender: {
        ships: { light_fighter: 5 },
        defenses: {},
        techs: {},
        resources: { metal: 1000, crystal: 500, deuterium: 0 },
      },
      seed: 1,
      runs: 1,
    },
    'PATCH /admin/players/{user_id}': { research: { energy: 1 } },
    'PATCH /admin/planets/{planet_id}': {
      resources: { metal: 1000 },
      buildings: { metal_mine: 2 },
      ships: { light_fighter: 1 },
    },
    'POST /trade/offers': {
      offered_resource: 'metal',
      offered_amount: 10,
      requested_resource: 'crystal',
      requested_amount: 5,
    },
  };
}

export interface BadToken {
  name: string;
  headers: Record<string, string>;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Every kind of credential that must not get past authentication: none, expired, revoked,
 * forged (another secret, alg none, another algorithm), malformed, and tokens of a deleted and
 * of a never-existing user.
 */
export async function badTokens(f: Fixture): Promise<BadToken[]> {
  const { server, ts } = f;
  const { algorithm, expireMinutes } = ts.config.jwt;
  // The fixture sets no JWT_SECRET: the server's own, kept with its data, signs.
  const secret = String(ts.config.jwt.secret ?? ts.server.runtime.world.meta.get(JWT_SECRET_KEY));
  const claims = (sub: number) => {
    const now = Math.floor(ts.clock.now() / 1000);
    return { sub: String(sub), jti: `forged-${sub}-${now}`, iat: now, exp: now + 3600 };
  };
  // Issued two lifetimes ago on a clock of its own: expired now on the server's clock.
  const past = new ManualClock(ts.clock.now() - 2 * expireMinutes * 60_000);
  const expired = new TokenService(secret, algorithm, expireMinutes * 60_000, past).issue(
    f.alice.id,
  ).token;
  // A second login of alice, logged out: that token is revoked, her others are not.
  const revoked = (
    await server.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: f.alice.username, password: PASSWORD },
    })
  ).json().access_token as string;
  const out = await server.app.inject({
    method: 'POST',
    url: '/auth/logout',
    headers: bearer(revoked),
  });
  assert.equal(out.statusCode, 200, out.body);
  // A player deleted the way the inactivity cleanup deletes one.
  const dave = await registerPlayer(server, 'dave_deleted', PASSWORD);
  await server.runtime.execute((ctx) => {
    const user = ctx.world.users.get(dave.id);
    assert.ok(user);
    removePlayer(ctx, user);
  }, undefined);
  const [h, p] = f.alice.token.split('.');
  return [
    { name: 'no token', headers: {} },
    { name: 'expired', headers: bearer(expired) },
    { name: 'revoked', headers: bearer(revoked) },
    {
      name: 'another secret',
      headers: bearer(
        createSigner({ key: 'not-the-server-secret', algorithm })(claims(f.alice.id)),
      ),
    },
    { name: 'alg none', headers: bearer(`${b64url({ alg: 'none', typ: 'JWT' })}.${p}.`) },
    { name: 'alg None', headers: bearer(`${b64url({ alg: 'None' })}.${p}.${b64url('x')}`) },
    {
      name: 'another algorithm',
      headers: bearer(createSigner({ key: secret, algorithm: 'HS512' })(claims(f.alice.id))),
    },
    { name: 'signature stripped', headers: bearer(`${h}.${p}.`) },
    { name: 'malformed', headers: bearer('not-a-jwt') },
    { name: 'three garbage parts', headers: bearer('e30.e30.e30') },
    { name: 'basic scheme', headers: { authorization: `Basic ${f.alice.token}` } },
    { name: 'deleted user', headers: dave.auth },
    {
      name: 'unknown user',
      headers: bearer(createSigner({ key: secret, algorithm })(claims(999_999))),
    },
  ];
}
